// @ts-check
// The page: the form and the URL make a request; the WebAssembly core computes the plan and draws
// it (pkg/samtaleplan.js). This file only moves values between the form, the URL and the core,
// and places messages. All state lives in the URL: no cookies, no storage.
import init, { render, ics, __wbg_reset_state as resetCore } from './pkg/samtaleplan.js';
import { text } from './i18n.js';
import { hoursValue, priorValue, toUrl, fromUrl, MAX_PAUSES } from './url.js';
import { dateGroup, labelDateGroup, readDate, setDate, writeError, markDate, alertIcon, dateWords, el, today } from './datefield.js';

const $ = (id) => document.getElementById(id);
/** An input by id (index.html's), typed for tsc (tests/types/pages). */
const input = (id) => /** @type {HTMLInputElement} */ ($(id));
/** The form, with its two radio groups by name. */
const form = /** @type {HTMLFormElement & { elements: { insurance: RadioNodeList, prior: RadioNodeList } }} */ ($('plan-form'));
const result = $('result');
const actions = $('actions');
const pauseList = $('pause-list');
// Every date of the form is the design system's date group: the first day, each period, the hand-over.
$('start-group').replaceWith(dateGroup('start'));
$('handover-group').replaceWith(dateGroup('handover'));
// The choices of a period: the contract's reasons, and part-time work ('nedsat': reason arbejde with
// hours_per_week, supplerende dagpenge), which shows a field for the hours worked a week.
const REASONS = ['arbejde', 'nedsat', 'sygdom', 'barsel', 'ferie', 'afmeldt', 'andet'];
const PART_TIME = 'nedsat';

let lang = 'da';
let shown = null; // the request of the plan on screen
let badLang = null; // an unknown ?lang= of the link, to name

// The module loads once; if it cannot, the page says so instead of doing nothing. Should it ever
// trap (a WebAssembly.RuntimeError: a bug, never bad input), the page says so and resets it to a
// fresh instance, so the next computation works without a reload.
const ready = init().then(
  () => true,
  (error) => {
    pageError('E_LOAD', `${text(lang, 'load.failed')} (${error.message})`);
    return false;
  },
);
/** After a trap: a message, and a fresh instance for the next computation. */
function trapped(error) {
  if (!(error instanceof WebAssembly.RuntimeError)) return false;
  resetCore();
  pageError('E_TRAP', text(lang, 'trap'));
  return true;
}

/** A word of one letter, a hyphen and letters: "a-kassen", "A-kassens", "e-Boks". */
const ONE_LETTER_WORD = /(?<![\p{Alphabetic}\p{N}])\p{Alphabetic}-\p{Alphabetic}+/gu;

/**
 * Sets an element's text, each word like "a-kassen" in a span kept on one line, so a phone's line
 * never ends in "a-": the rule the core applies to the plan (keep_together, src/present/tree.rs).
 * The text is unchanged, for copying, searching and screen readers (docs/page.md).
 */
function keepTogether(node, words) {
  const parts = [];
  let at = 0;
  for (const m of words.matchAll(ONE_LETTER_WORD)) {
    parts.push(words.slice(at, m.index), el('span', { class: 'samtaleplan-nowrap' }, [m[0]]));
    at = m.index + m[0].length;
  }
  parts.push(words.slice(at));
  node.replaceChildren(...parts.filter((p) => p !== ''));
}

// ---- language -------------------------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = lang;
  document.title = text(lang, 'doc.title');
  for (const node of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-i18n]'))) keepTogether(node, text(lang, node.dataset.i18n));
  const sw = $('lang-switch');
  sw.textContent = text(lang, 'lang.switch');
  sw.lang = text(lang, 'lang.switch.lang');
  sw.setAttribute('aria-label', text(lang, 'lang.switch.label'));
  labelDateGroup($('start-group'), lang, text(lang, 'start.legend'), text(lang, 'start.hint'));
  labelHandover();
  [...pauseList.children].forEach((row, i) => labelPause(row, i + 1));
  $('a11y-link').setAttribute('href', lang === 'en' ? 'tilgaengelighed.html?lang=en' : 'tilgaengelighed.html');
}

/** Under the rules from 1 July 2026 the a-kasse hands over to kommunen (RULES.md § 1), before to jobcentret. */
function labelHandover() {
  const start = readDate($('start-group'), lang, '').iso ?? '';
  const to = start >= '2026-07-01' ? 'handover.legend.kommune' : 'handover.legend';
  labelDateGroup($('handover-group'), lang, text(lang, to), text(lang, 'handover.hint'));
  for (const words of $('handover-group').querySelectorAll('legend, .form-hint')) keepTogether(words, words.textContent);
}
$('start-group').addEventListener('input', labelHandover);

// ---- pauses ---------------------------------------------------------------------------------

let pauseSerial = 0;

/** Hours a week as the page shows them: 18.5 is written 18,5 in Danish. */
function hoursText(hours) {
  if (hours === undefined || hours === null) return '';
  return lang === 'da' ? String(hours).replace('.', ',') : String(hours);
}

/** Adds a row for a period without dagpenge; returns its first input. */
function addPause(pause = {}) {
  const key = ++pauseSerial;
  const id = (part) => `pause-${key}-${part}`;
  const field = (part, input, extra = []) =>
    el('div', { class: `form-group pause-${part}` }, [el('label', { class: 'form-label', for: id(part) }), ...extra, input]);
  // From and to are date groups (day, month, year), each with its own error message.
  const from = dateGroup(id('from'));
  const to = dateGroup(id('to'));
  from.classList.add('pause-from');
  to.classList.add('pause-to');
  const reason = el('select', { class: 'form-select', id: id('reason'), 'aria-describedby': `${id('reason-hint')} ${id('error')}` }, REASONS.map((r) => el('option', { value: r })));
  const hours = el('input', {
    class: 'form-input form-input-hours', id: id('hours'), inputmode: 'decimal', autocomplete: 'off',
    'aria-describedby': `${id('hours-hint')} ${id('error')}`,
  });
  setDate(from, pause.from);
  setDate(to, pause.to);
  const partTime = pause.hours_per_week !== undefined && pause.hours_per_week !== null;
  reason.value = partTime ? PART_TIME : REASONS.includes(pause.reason) ? pause.reason : 'andet';
  hours.value = partTime ? hoursText(pause.hours_per_week) : '';
  const hoursField = field('hours', hours, [el('span', { class: 'form-hint', id: id('hours-hint') })]);
  // Part-time work may go on "indtil videre": no end date, the "til og med" group hidden.
  const open = el('input', { class: 'form-checkbox', type: 'checkbox', id: id('open'), 'aria-controls': to.id });
  open.checked = partTime && !pause.to;
  const openRow = el('div', { class: 'checkbox-row pause-open' }, [open, el('label', { for: id('open') })]);
  // The reason comes first: what it reveals (under it, a sickness's hint; part-time work's hours
  // and "indtil videre") stands before the dates it is about.
  const reasonField = field('reason', reason);
  reasonField.append(el('span', { class: 'form-hint', id: id('reason-hint') }));
  const shape = () => {
    const nedsat = reason.value === PART_TIME;
    hoursField.hidden = openRow.hidden = !nedsat;
    to.hidden = nedsat && open.checked;
    sickHint(row);
  };
  reason.addEventListener('change', shape);
  open.addEventListener('change', shape);
  const remove = el('button', { type: 'button', class: 'button button-tertiary pause-remove' });
  remove.addEventListener('click', () => removePause(row));
  const row = el('li', { class: 'pause-row' }, [
    el('fieldset', {}, [
      el('legend', { class: 'pause-legend' }),
      el('span', { class: 'form-error-message pause-error', id: id('error') }),
      el('div', { class: 'pause-fields' }, [reasonField, hoursField, from, openRow, to, remove]),
    ]),
  ]);
  pauseList.append(row);
  labelPause(row, pauseList.children.length);
  shape();
  return reason;
}

function labelPause(row, n) {
  row.querySelector('legend').textContent = text(lang, 'pause.legend', n);
  labelDateGroup(row.querySelector('.pause-from'), lang, text(lang, 'pause.from'));
  labelDateGroup(row.querySelector('.pause-to'), lang, text(lang, 'pause.to'));
  for (const part of ['reason', 'hours']) {
    row.querySelector(`.pause-${part} label`).textContent = text(lang, `pause.${part}`);
  }
  row.querySelector('.pause-hours .form-hint').textContent = text(lang, 'pause.hours.hint');
  row.querySelector('.pause-open label').textContent = text(lang, 'pause.open');
  sickHint(row);
  for (const option of row.querySelectorAll('option')) option.textContent = text(lang, `reason.${option.value}`);
  row.querySelector('.pause-remove').textContent = text(lang, 'pause.remove', n);
}

/** Under "Sygdom (hele perioden)": enter the whole sickness; the first 14 days count. */
function sickHint(row) {
  row.querySelector('.pause-reason .form-hint').textContent = row.querySelector('select').value === 'sygdom' ? text(lang, 'hint.sygdom') : '';
}

function removePause(row) {
  const n = [...pauseList.children].indexOf(row) + 1;
  row.remove();
  [...pauseList.children].forEach((r, i) => labelPause(r, i + 1));
  $('pause-status').textContent = text(lang, 'pause.removed', n);
  $('add-pause').focus();
}

// ---- form <-> request (the URL: url.js) -----------------------------------------------------

/** The request the form describes, or `errors`: every date that cannot be read, in form order. */
function fromForm() {
  const errors = [];
  const date = (group, label, required = false) => {
    const read = readDate(group, lang, label, { required });
    if (read.error) errors.push({ ...read.error, group });
    return read.iso ?? '';
  };
  const start = date($('start-group'), text(lang, 'start.legend'), true);
  const pauses = [...pauseList.children].map((row, i) => {
    const reason = row.querySelector('select').value;
    const from = date(row.querySelector('.pause-from'), text(lang, 'pause.from.name', i + 1), true);
    // Part-time work "indtil videre" has no `to` (its group is hidden).
    const to = /** @type {HTMLElement} */ (row.querySelector('.pause-to')).hidden ? undefined : date(row.querySelector('.pause-to'), text(lang, 'pause.to.name', i + 1), true);
    if (reason !== PART_TIME) return { from, to, reason };
    const hours = hoursValue(/** @type {HTMLInputElement} */ (row.querySelector('.pause-hours input')).value);
    return { from, to, reason: 'arbejde', hours_per_week: hours };
  });
  const handover = date($('handover-group'), text(lang, 'handover.name'));
  if (errors.length) return { errors };
  const request = {
    start,
    insurance: form.elements.insurance.value,
    group: input('group').checked ? 'jobcenter_from_day_one' : 'standard',
    pauses,
    handover: handover || null,
  };
  if (input('prior-yes').checked) request.prior_hours = priorValue(input('prior-hours').value);
  return { request };
}

/** Shows or hides the hours used, as "Ja" or "Nej" is chosen. */
function showPrior() {
  $('prior-hours-group').hidden = !input('prior-yes').checked;
}
for (const radio of form.elements.prior) radio.addEventListener('change', showPrior);

function toForm(req) {
  setDate($('start-group'), req.start);
  form.elements.insurance.value = req.insurance === 'deltid' ? 'deltid' : 'fuldtid';
  input('group').checked = req.group === 'jobcenter_from_day_one';
  setDate($('handover-group'), req.handover);
  const prior = req.prior_hours !== undefined;
  input(prior ? 'prior-yes' : 'prior-no').checked = true;
  input('prior-hours').value = prior ? hoursText(req.prior_hours) : '';
  showPrior();
  pauseList.replaceChildren();
  for (const p of req.pauses) addPause(p);
  labelHandover();
}

// The core never reads a clock: the page passes today's date (or ?today= for a fixed view).
function requestDay() {
  return new URLSearchParams(location.search).get('today') ?? today();
}

// ---- errors ---------------------------------------------------------------------------------

function pageError(code, message) {
  const box = $('page-error');
  box.dataset.code = code;
  box.textContent = message;
  $('page-alert').hidden = false;
}

function clearErrors() {
  for (const box of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.form-error-message, #page-error'))) {
    box.textContent = '';
    delete box.dataset.code;
  }
  $('page-alert').hidden = true;
  $('error-summary').hidden = true;
  $('error-summary-list').replaceChildren();
  for (const g of document.querySelectorAll('.form-error')) g.classList.remove('form-error');
  for (const i of document.querySelectorAll('[aria-invalid]')) i.removeAttribute('aria-invalid');
}

/** Where an error is shown: the box beside its field, and the input to focus (marked invalid);
 * null for an error about no field of the form. The page's own errors name their date group;
 * the core's name the field by its JSON path (`start`, `pauses[2].to`, `handover`, `group`). */
function locate(error) {
  if (error.group) return { box: error.group.querySelector('.form-error-message'), input: markDate(error.group, error.parts) };
  const path = error.field ?? '';
  if (path === 'start' || path === 'handover') return { box: $(`${path}-error`), input: markDate($(`${path}-group`)) };
  if (path === 'group' || path === 'prior_hours') {
    const input = $(path === 'group' ? 'group' : 'prior-hours');
    input.closest('.form-group').classList.add('form-error');
    input.setAttribute('aria-invalid', 'true');
    return { box: $(`${input.id}-error`), input };
  }
  const pause = /^pauses\[(\d+)\](?:\.(\w+))?/.exec(path);
  const row = pause && pauseList.children[Number(pause[1])];
  if (!row) return null;
  const group = /^(from|to)$/.test(pause[2]) && /** @type {HTMLElement} */ (row.querySelector(`.pause-${pause[2]}`));
  // (An error about the end of a period "indtil videre" stands beside the period, at its checkbox.)
  if (group && !group.hidden) {
    return { box: group.querySelector('.form-error-message'), input: markDate(group) };
  }
  row.classList.add('form-error');
  const input = row.querySelector(pause[2] === 'hours_per_week' ? '.pause-hours input' : pause[2] === 'to' ? '.pause-open input' : 'select');
  input.setAttribute('aria-invalid', 'true');
  return { box: row.querySelector('.pause-error'), input };
}

/**
 * Shows errors as the design system does: each beside its field ("Fejl:" before it, for screen
 * readers), and all of them in the error summary at the top of the form, each a link to its field.
 * `link`: the errors are about a link the page was opened with, and say so. `focus`: after a
 * submit, focus moves to the summary (or to the page's error when no field is at fault).
 */
function showErrors(errors, { focus = false, link = false } = {}) {
  clearErrors();
  fold(false);
  const list = $('error-summary-list');
  for (const error of errors) {
    if (error.field === 'today') {
      pageError(error.code, `${text(lang, 'today.bad')} ${error.message}`);
      continue;
    }
    const message = link ? `${text(lang, 'link.bad')} ${error.message}` : error.message;
    const place = locate(error);
    if (!place) {
      pageError(error.code ?? 'E_INTERNAL', message);
      continue;
    }
    place.box.dataset.code = error.code;
    writeError(place.box, lang, message);
    const a = el('a', { href: `#${place.input.id}`, 'data-code': error.code }, [message]);
    a.addEventListener('click', (event) => {
      event.preventDefault();
      // The field's legend or label in view, then the input focused (DKFDS, GOV.UK).
      (place.input.closest('.form-group') ?? place.input).scrollIntoView({ block: 'start' });
      place.input.focus({ preventScroll: true });
    });
    list.append(el('li', {}, [a]));
  }
  $('error-summary').hidden = !list.children.length;
  if (focus) (list.children.length ? $('error-summary') : $('page-error')).focus();
}

// ---- the answer first: the inputs in one line, the form folded behind "Ret oplysninger" ----------

/** A date for the summary line: "10. august 2026" / "10 August 2026" (one that does not exist as
 * typed). With the date group's month names, not Intl.DateTimeFormat: the first formatter a page
 * makes loads the locale's data, which took 90–290 ms on a slow phone's CPU, before the first plan. */
function dateText(iso) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso ?? '')) return iso ?? '';
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return iso;
  const month = dateWords(lang).months[m - 1];
  return lang === 'en' ? `${d} ${month} ${y}` : `${d}. ${month} ${y}`;
}

function summaryText(req) {
  const n = req.pauses.length;
  const parts = [
    text(lang, 'summary.start', dateText(req.start)),
    text(lang, `summary.${req.insurance === 'deltid' ? 'deltid' : 'fuldtid'}`),
    n < 2 ? text(lang, `summary.pauses.${n}`) : text(lang, 'summary.pauses', n),
  ];
  if (req.pauses.some((p) => !p.to)) parts.push(text(lang, 'summary.open'));
  if (req.prior_hours) parts.push(text(lang, 'summary.prior', hoursText(req.prior_hours)));
  if (req.handover) parts.push(text(lang, 'summary.handover', dateText(req.handover)));
  if (req.group === 'jobcenter_from_day_one') parts.push(text(lang, 'summary.group'));
  return parts.join(' · ');
}

/** With a plan on screen the form folds away behind "Ret oplysninger"; without one it is open. */
function fold(folded) {
  $('summary').hidden = !shown;
  $('lead').hidden = Boolean(shown);
  if (shown) $('summary-text').textContent = summaryText(shown);
  form.hidden = Boolean(shown) && folded;
  $('edit-toggle').setAttribute('aria-expanded', String(!form.hidden));
  document.body.classList.toggle('has-plan', Boolean(shown));
}

$('edit-toggle').addEventListener('click', () => {
  const open = form.hidden;
  fold(!open);
  if (open) $('start-day').focus();
});

// ---- on paper: what only the printed plan shows (#print-info, hidden on screen) ------------------
// The inputs the plan was computed from — the first day, insurance, every period without dagpenge
// with its hours, the hand-over, the group — the date it was printed, and the link that shows the
// same plan again. Drawn with each plan (emptied when there is none) and again just before
// printing, for the date and the link as they are then.

let printed = null; // the request of the plan on screen

function drawPrint() {
  const box = $('print-info');
  if (!printed) {
    box.replaceChildren();
    return;
  }
  const req = printed;
  const t = (key, n) => text(lang, key, n);
  const row = (term, value) => el('div', {}, [el('dt', {}, [term]), el('dd', {}, [value])]);
  const pause = (p) => {
    const partTime = p.hours_per_week !== undefined && p.hours_per_week !== null;
    const reason = t(`reason.${partTime ? 'nedsat' : p.reason ?? 'andet'}`);
    const hours = partTime ? `, ${t('print.hours', hoursText(p.hours_per_week))}` : '';
    return el('li', {}, [`${dateText(p.from)} – ${p.to ? dateText(p.to) : t('print.open')}: ${reason}${hours}`]);
  };
  const day = today();
  // From 1 July 2026 the a-kasse hands over to kommunen (RULES.md § 1), as the form says.
  const handover = req.start >= '2026-07-01' ? 'print.handover.kommune' : 'print.handover';
  box.replaceChildren(
    el('h2', { class: 'h3' }, [t('print.heading')]),
    el('dl', { class: 'print-inputs' }, [
      row(t('start.legend'), dateText(req.start)),
      row(t('print.insurance'), t(`insurance.${req.insurance === 'deltid' ? 'deltid' : 'fuldtid'}`)),
      row(t('pauses.legend'), req.pauses.length ? el('ul', {}, req.pauses.map(pause)) : t('print.none')),
      row(t('prior.label'), req.prior_hours ? t('print.prior', hoursText(req.prior_hours)) : t('print.none')),
      row(t(handover), req.handover ? dateText(req.handover) : t('print.computed')),
      row(t('print.group'), t(req.group === 'jobcenter_from_day_one' ? 'print.day_one' : 'print.standard')),
    ]),
    el('p', { class: 'print-stamp' }, [
      el('span', { 'data-printed': day }, [t('print.printed', dateText(day))]),
      ` ${t('print.link')} `,
      el('a', { href: location.href, class: 'print-link' }, [location.href]),
    ]),
  );
}

/** The plan on screen (its request), or null: what the printed page describes. */
function updatePrint(req) {
  printed = req;
  drawPrint();
}
window.addEventListener('beforeprint', drawPrint);

// ---- computing ------------------------------------------------------------------------------

function fullRequest(req) {
  return { ...req, today: requestDay(), lang, compare: true };
}

async function show(req, { push = false, focus = false, link = false } = {}) {
  if (!(await ready)) return;
  clearErrors();
  try {
    render(result, fullRequest(req));
    // The design system's alerts carry their icon: the next samtale (info) and the warnings.
    for (const box of result.querySelectorAll('.samtaleplan-next')) box.prepend(alertIcon('info'));
    for (const box of result.querySelectorAll('.samtaleplan-warnings')) box.prepend(alertIcon('warning'));
  } catch (error) {
    result.replaceChildren();
    actions.hidden = true;
    shown = null;
    updatePrint(null);
    if (trapped(error)) {
      if (focus) $('page-error').focus();
      return;
    }
    showErrors([error], { focus, link });
    return;
  }
  // Folded on a new plan (a submit, a link); as it was when the same plan is redrawn (language).
  const folded = shown === null || focus || form.hidden;
  shown = req;
  fold(folded);
  actions.hidden = false;
  // For the benchmark: when the first plan stood on the page.
  if (!performance.getEntriesByName('samtaleplan:first-plan').length) performance.mark('samtaleplan:first-plan');
  $('copy-status').textContent = '';
  const url = toUrl(req, lang);
  if (push && url.href !== location.href) history.pushState(null, '', url);
  updatePrint(req);
  if (link && badLang !== null) pageError('E_UNKNOWN_VALUE', text(lang, 'link.lang', `“${badLang.slice(0, 40)}”`));
  if (focus) result.querySelector('h2')?.focus();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const { request, errors } = fromForm();
  if (errors) {
    showErrors(errors, { focus: true });
    return;
  }
  show(request, { push: true, focus: true });
});

$('add-pause').addEventListener('click', () => addPause().focus());

$('lang-switch').addEventListener('click', () => {
  lang = lang === 'da' ? 'en' : 'da';
  applyLanguage();
  const url = shown ? toUrl(shown, lang) : new URL(location.href);
  if (!shown) {
    if (lang === 'da') url.searchParams.delete('lang');
    else url.searchParams.set('lang', lang);
  }
  history.replaceState(null, '', url);
  if (shown) {
    $('summary-text').textContent = summaryText(shown);
    show(shown);
  }
});

// ---- actions on a plan ----------------------------------------------------------------------

$('download-ics').addEventListener('click', () => {
  if (!shown) return;
  const now = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let calendar;
  try {
    // One event a samtale on its latest date, with the plan's link; past deadlines only if asked.
    calendar = ics(fullRequest(shown), now, location.href, input('ics-past').checked);
  } catch (/** @type {any} */ error) {
    if (!trapped(error)) pageError(error.code ?? 'E_INTERNAL', error.message);
    return;
  }
  const url = URL.createObjectURL(new Blob([calendar], { type: 'text/calendar;charset=utf-8' }));
  const a = el('a', { href: url, download: `samtaleplan-${shown.start}.ics` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});

$('copy-link').addEventListener('click', async () => {
  const status = $('copy-status');
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = text(lang, 'copy.done');
  } catch {
    // No clipboard (an insecure page, or permission refused): offer the link to copy by hand.
    const field = el('input', { class: 'form-input', readonly: '', 'aria-label': text(lang, 'copy.manual') });
    field.value = location.href;
    status.replaceChildren(text(lang, 'copy.manual'), ' ', field);
    field.select();
  }
});

$('print').addEventListener('click', () => window.print());

// ---- start ----------------------------------------------------------------------------------

/** The number of pauses of a link that has too many (0: it has not). */
let tooManyPauses = 0;

function load() {
  let req;
  ({ lang, badLang, tooManyPauses, request: req } = fromUrl());
  applyLanguage();
  clearErrors();
  if (badLang !== null) pageError('E_UNKNOWN_VALUE', text(lang, 'link.lang', `“${badLang.slice(0, 40)}”`));
  if (tooManyPauses) pageError('E_TOO_MANY_PAUSES', text(lang, 'link.pauses', tooManyPauses).replace('{max}', MAX_PAUSES));
  if (!req) {
    result.replaceChildren();
    actions.hidden = true;
    shown = null;
    updatePrint(null);
    fold(false);
    return;
  }
  toForm(req);
  if (req.start === '') {
    // An empty ?start= is said in the form's words ("mangler … dag, måned og år"), not the contract's.
    result.replaceChildren();
    actions.hidden = true;
    shown = null;
    const { error } = readDate($('start-group'), lang, text(lang, 'start.legend'), { required: true });
    showErrors([{ ...error, group: $('start-group') }], { link: true });
    return;
  }
  return show(req, { link: true });
}

window.addEventListener('popstate', load);
// The fonts come after the first plan (or at once when the link has none): on a slow phone their
// 34 KB would share the line with the module. Until they arrive the text is in the system font.
// After the frame that draws the plan: a stylesheet added before it would hold that frame back.
Promise.resolve(load()).finally(() =>
  requestAnimationFrame(() => setTimeout(() => document.head.append(el('link', { rel: 'stylesheet', href: 'fonts.css' })))),
);
