// A portal's use of the npm package, type-checked by tests/e2e/types.test.mjs (tsc --strict):
// the contract's types are generated from the Rust types, so a field renamed or a word added
// there shows here. Each `@ts-expect-error` is a mistake the types must catch.
import { plan, type HeadingLevel, type NotOwed, type NotOwedReason, type Plan, type PlanErrorDetail, type PlanRequest, type Samtale, type SamtalePlanState } from '../../dist/samtaleplan/samtale-plan.js';
import init, { ics, plan as planNow, type ErrorCode, type PlanError } from '../../dist/samtaleplan/pkg/samtaleplan.js';

const request: PlanRequest = {
  start: '2024-03-04',
  insurance: 'deltid',
  group: null,
  pauses: [
    // The whole sickness, first to last sick day.
    { from: '2024-04-01', to: '2024-04-12', reason: 'sygdom' },
    { from: '2024-06-01', to: '2024-08-31', reason: 'arbejde', hours_per_week: 18.5 },
    // Part-time work "indtil videre": no end (schema 2).
    { from: '2024-09-02', reason: 'arbejde', hours_per_week: 15 },
    { from: '2024-10-01', to: null, reason: 'arbejde', hours_per_week: 10 },
  ],
  // Hours from an earlier spell in the same dagpengeperiode (schema 2).
  prior_hours: 481.25,
  today: '2024-05-01',
  lang: 'en',
  compare: true,
};

// @ts-expect-error insurance is "fuldtid" or "deltid"
const halvtid: PlanRequest = { start: '2024-03-04', insurance: 'halvtid' };
// @ts-expect-error an unknown field is refused by the types as by the module
const unknown: PlanRequest = { start: '2024-03-04', startdato: '2024-03-04' };
// @ts-expect-error a pause's reason is a word of the contract
const reason: PlanRequest = { start: '2024-03-04', pauses: [{ from: '2024-04-01', to: '2024-04-02', reason: 'holiday' }] };
// @ts-expect-error prior hours are a number, not text ("481,25" is the element attribute's way)
const priorText: PlanRequest = { start: '2026-08-03', prior_hours: '481,25' };
// @ts-expect-error hours a week are a number, not text
const hoursText: PlanRequest = { start: '2024-03-04', pauses: [{ from: '2024-06-01', to: '2024-08-31', hours_per_week: '15' }] };

export async function use(): Promise<string> {
  const p: Plan = await plan(request);
  const first: Samtale = p.samtaler[0];
  const latest: string = first.latest;
  // A null field of the contract is null, not undefined.
  const handover: string | null = p.milestones.handover;
  // Schema 2: a milestone the prior hours already reach is null.
  const l3m: string | null = p.milestones.L3m;
  // @ts-expect-error a milestone may be null (schema 2), not always a date
  const l6m: string = p.milestones.L6m;
  // @ts-expect-error L16m too
  const l16m: string = p.milestones.L16m;
  // The prior hours are echoed as a number, 0 when not given.
  const prior: number = p.prior_hours;
  // The samtaler not owed in this registration, always a list.
  const notOwed: NotOwed[] = p.not_owed;
  const why: NotOwedReason[] = notOwed.map((n) => n.reason);
  // @ts-expect-error the reasons are earlier_spell and handover_at_start
  const whyNot: NotOwedReason = 'already_held';
  // An open-ended period's end is null in the plan's echo.
  const end: string | null = p.pauses[2]?.to ?? null;
  // @ts-expect-error a pause's end may be null (schema 2)
  const endText: string = p.pauses[0].to;
  const to: string | null = p.regime.to;
  // A field left out when it has no value is optional.
  const nominal: string | undefined = first.nominal;
  // A full pause has no hours in the plan's echo; a part-time one has them.
  const hours: number | undefined = p.pauses[1]?.hours_per_week;
  // @ts-expect-error a status is "upcoming", "open" or "past"
  const status: typeof first.status = 'maybe';
  // @ts-expect-error the schema is a number
  const schema: string = p.schema;

  const shown: PlanErrorDetail = { code: 'E_TRAP', message: 'x' };
  const code: ErrorCode = 'E_UNKNOWN_FIELD';
  const codes: ErrorCode[] = ['E_PRIOR_HOURS', 'E_OPEN_ENDED_NO_HOURS'];
  // @ts-expect-error only the contract's codes
  const nope: ErrorCode = 'E_NOPE';

  const element = document.querySelector('samtale-plan');
  element?.addEventListener('samtaleplan:error', (e) => console.log(e.detail.code, e.detail.field));
  element?.addEventListener('samtaleplan:change', (e) => console.log(e.detail.samtaler.length));
  if (element) {
    element.headingLevel = 3;
    element.headingLevel = 'none';
    // @ts-expect-error a heading level is 1–6 or 'none'
    element.headingLevel = 7;
    const level: HeadingLevel = element.headingLevel;
    // prior-hours: the property reads a number (or null) and takes a number or a text.
    element.priorHours = 481.25;
    element.priorHours = '481,25';
    element.priorHours = null;
    const hoursBefore: number | null = element.priorHours;
    // @ts-expect-error the property reads a number or null, never text
    const hoursTextBack: string = element.priorHours;
    // @ts-expect-error it takes a number or a text, not a boolean
    element.priorHours = true;
    console.log(hoursBefore, hoursTextBack);
    const state = element.dataset.state as SamtalePlanState;
    // @ts-expect-error the states are loading, ready, error and idle
    const stale: SamtalePlanState = 'done';
    console.log(level, state, stale);
  }

  await init();
  try {
    const now: Plan = planNow(request);
    // The link and includePast are optional.
    const withLink = ics(request, '20240501T120000Z', 'https://portal.example/plan', true);
    return now.start + ics(request, '20240501T120000Z') + withLink;
  } catch (e) {
    const error = e as PlanError;
    return `${error.code} ${error.field ?? ''} ${latest} ${handover} ${to} ${nominal} ${status} ${schema} ${shown.code} ${code} ${nope} ${String(halvtid)}${String(unknown)}${String(reason)}${String(hoursText)} ${hours} ${String(priorText)} ${l3m} ${l6m} ${l16m} ${prior} ${why} ${whyNot} ${end} ${endText} ${codes}`;
  }
}

// EMBEDDING.md's schema 2 example, as written there (tests/e2e/types.test.mjs checks it is).
export function schema2Example(): [string, string[]] {
  const plan = document.querySelector('samtale-plan')?.plan;
  const sixMonths: string = plan?.milestones.L6m ?? 'nået før første ledighedsdag';
  const notOwed: string[] = plan?.not_owed.map((n) => n.id) ?? [];   // e.g. ['A1', 'A2']
  return [sixMonths, notOwed];
}

// EMBEDDING.md's listeners on document and window, and the late reader's `error` and `plan`
// (issue 22): the events are in DocumentEventMap and WindowEventMap, so `e.detail` is typed.
export function lateListener(): string {
  let said = '';
  document.addEventListener('samtaleplan:change', (e) => {
    said = e.detail.next?.text ?? '';
  });
  window.addEventListener('samtaleplan:error', (e) => {
    const code: PlanErrorDetail['code'] = e.detail.code;
    said = `${code} ${e.detail.field ?? ''}`;
  });
  const element = document.querySelector('samtale-plan');
  if (element?.dataset.state === 'error' && element.error) said = `${element.error.code}: ${element.error.message}`;
  // @ts-expect-error `error` is read-only: the element sets it
  if (element) element.error = null;
  // @ts-expect-error the detail of an error is not a plan
  document.addEventListener('samtaleplan:error', (e) => e.detail.samtaler);
  return said;
}
