// @ts-check
// A member's own plan on the caseload page: the citizen's view, drawn by the plan module's
// render() in a dialog, with the held dates the file gives and the booking proposal's weeks, and
// the member's calendar files. The plan module is imported when a member's plan is first shown,
// so a CSV visit that opens no member fetches no WebAssembly but the worker's light module
// (docs/performance.md).
import { ask } from './caseload-ask.js';
import { danishDate } from './caseload-booking.js';
import { download, icsStamp } from './caseload-files.js';

const $ = (id) => document.getElementById(id);
let planModule = null;
/** The plan module (render, ics), imported and initialised once, on first use. */
const plans = () =>
  (planModule ??= import('./pkg/samtaleplan.js').then(async (m) => {
    await m.default();
    return m;
  }));

/** @type {import('./pkg/caseload.js').MemberRequest} */
let member = null;
/** Opens a member's plan in the dialog; `booked`: a booking proposal has been made (its weeks are
 * shown, and offered as a calendar file). */
export async function openMember(reference, opener, booked) {
  const { member: m } = await ask({ type: 'member', member: reference });
  const { render } = await plans();
  member = m;
  $('member-heading').textContent = m.name ? `${m.name}, medlem ${m.member} (linje ${m.line})` : `Medlem ${m.member} (linje ${m.line})`;
  $('member-held').textContent = m.held.length
    ? `Holdt ifølge filen: ${m.held.map(([id, date]) => `${id} ${danishDate(date)}`).join(', ')}.`
    : 'Filen har ingen afholdte samtaler for medlemmet.';
  const { items } = await ask({ type: 'memberProposal', member: reference });
  const proposal = $('member-proposal');
  proposal.hidden = !booked || items.length === 0;
  $('member-proposal-ics').hidden = !booked || !items.some((i) => !i.at_risk);
  proposal.textContent = items.length
    ? `Bookingforslag: ${items.map((i) => (i.overdue ? `${i.id} overskredet (senest ${danishDate(i.latest)})` : i.at_risk ? `${i.id} i fare (senest ${danishDate(i.latest)})` : `${i.id} ugen fra ${danishDate(i.week)}`)).join(', ')}.`
    : '';
  render($('member-plan'), m.request);
  // The plan is the member's, read by the caseworker: not "Din samtaleplan".
  const heading = $('member-plan').querySelector('.samtaleplan-heading');
  if (heading) heading.textContent = 'Medlemmets samtaleplan';
  const dialog = memberDialog();
  dialog.returnFocus = opener;
  dialog.showModal();
  $('member-heading').focus();
}
/** The member's dialog, which remembers the button that opened it (focus goes back there). */
function memberDialog() {
  return /** @type {HTMLDialogElement & { returnFocus?: HTMLElement }} */ ($('member-dialog'));
}

/** The dialog's buttons: close, and the calendar files; `guarded` shows what fails. */
export function memberButtons(guarded) {
  $('member-close').addEventListener('click', () => memberDialog().close());
  $('member-dialog').addEventListener('close', () => memberDialog().returnFocus?.focus());
  $('member-ics').addEventListener('click', () =>
    guarded(async () => {
      if (!member) return;
      const stamp = icsStamp();
      const { ics } = await plans();
      download(`samtaleplan-${member.member}.ics`, ics(member.request, stamp, undefined, false, member.member), 'text/calendar;charset=utf-8');
    }),
  );

  $('member-proposal-ics').addEventListener('click', () =>
    guarded(async () => {
      if (!member) return;
      const stamp = icsStamp();
      const { text } = await ask({ type: 'proposalIcs', member: member.member, stamp });
      download(`samtaleplan-forslag-${member.member}.ics`, text, 'text/calendar;charset=utf-8');
    }),
  );
}
