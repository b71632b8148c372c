// The page: the form and the URL make a request; the WebAssembly core computes the plan and draws
// it (pkg/samtaleplan.js). This file only moves values between the form, the URL and the core,
// and places messages. All state lives in the URL: no cookies, no storage.
import init, { render, ics, __wbg_reset_state as resetCore } from './pkg/samtaleplan.js';
import { text } from './i18n.js';
import { updatePrint } from './print.js';

const $ = (id) => document.getElementById(id);
const form = $('plan-form');
const result = $('result');
const actions = $('actions');
const pauseList = $('pause-list');
// The choices of a period: the contract's reasons, and part-time work ('nedsat': reason arbejde with
// hours_per_week, supplerende dagpenge), which shows a field for the hours worked a week.
const REASONS = ['arbejde', 'nedsat', 'sygdom', 'barsel', 'ferie', 'afmeldt', 'andet'];
const PART_TIME = 'nedsat';

let lang = 'da';
let shown = null; // the request of the plan on screen

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

// ---- language -------------------------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = lang;
  document.title = text(lang, 'doc.title');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = text(lang, el.dataset.i18n);
  const sw = $('lang-switch');
  sw.textContent = text(lang, 'lang.switch');
  sw.lang = text(lang, 'lang.switch.lang');
  sw.setAttribute('aria-label', text(lang, 'lang.switch.label'));
  [...pauseList.children].forEach((row, i) => labelPause(row, i + 1));
  $('a11y-link').setAttribute('href', lang === 'en' ? 'tilgaengelighed.html?lang=en' : 'tilgaengelighed.html');
}

// ---- pauses ---------------------------------------------------------------------------------

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

let pauseSerial = 0;

/** Hours a week as the page shows them: 18.5 is written 18,5 in Danish. */
function hoursText(hours) {
  if (hours === undefined || hours === null) return '';
  return lang === 'da' ? String(hours).replace('.', ',') : String(hours);
}

/** Hours a week as typed ("15", "18,5", "18.5") become a number; anything else is handed to the core
 * as it is, which refuses it beside the field (E_TYPE, pauses[i].hours_per_week). */
function hoursValue(text) {
  const t = text.trim();
  return /^\d+([.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : t;
}

/** Adds a row for a period without dagpenge; returns its first input. */
function addPause(pause = {}) {
  const key = ++pauseSerial;
  const id = (part) => `pause-${key}-${part}`;
  const field = (part, input, extra = []) =>
    el('div', { class: `form-group pause-${part}` }, [el('label', { class: 'form-label', for: id(part) }), ...extra, input]);
  const from = el('input', { class: 'form-input form-input-date', type: 'date', id: id('from'), 'aria-describedby': id('error') });
  const to = el('input', { class: 'form-input form-input-date', type: 'date', id: id('to'), 'aria-describedby': id('error') });
  const reason = el('select', { class: 'form-select', id: id('reason') }, REASONS.map((r) => el('option', { value: r })));
  const hours = el('input', {
    class: 'form-input form-input-hours', id: id('hours'), inputmode: 'decimal', autocomplete: 'off',
    'aria-describedby': `${id('hours-hint')} ${id('error')}`,
  });
  from.value = pause.from ?? '';
  to.value = pause.to ?? '';
  const partTime = pause.hours_per_week !== undefined && pause.hours_per_week !== null;
  reason.value = partTime ? PART_TIME : REASONS.includes(pause.reason) ? pause.reason : 'andet';
  hours.value = partTime ? hoursText(pause.hours_per_week) : '';
  const hoursField = field('hours', hours, [el('span', { class: 'form-hint', id: id('hours-hint') })]);
  hoursField.hidden = reason.value !== PART_TIME;
  reason.addEventListener('change', () => {
    hoursField.hidden = reason.value !== PART_TIME;
  });
  const remove = el('button', { type: 'button', class: 'button button-tertiary pause-remove' });
  remove.addEventListener('click', () => removePause(row));
  const row = el('li', { class: 'pause-row' }, [
    el('fieldset', {}, [
      el('legend', { class: 'pause-legend' }),
      el('span', { class: 'form-error-message', id: id('error'), role: 'alert' }),
      el('div', { class: 'pause-fields' }, [field('from', from), field('to', to), field('reason', reason), hoursField, remove]),
    ]),
  ]);
  pauseList.append(row);
  labelPause(row, pauseList.children.length);
  return from;
}

function labelPause(row, n) {
  row.querySelector('legend').textContent = text(lang, 'pause.legend', n);
  for (const part of ['from', 'to', 'reason', 'hours']) {
    row.querySelector(`.pause-${part} label`).textContent = text(lang, `pause.${part}`);
  }
  row.querySelector('.pause-hours .form-hint').textContent = text(lang, 'pause.hours.hint');
  for (const option of row.querySelectorAll('option')) option.textContent = text(lang, `reason.${option.value}`);
  row.querySelector('.pause-remove').textContent = text(lang, 'pause.remove', n);
}

function removePause(row) {
  const n = [...pauseList.children].indexOf(row) + 1;
  row.remove();
  [...pauseList.children].forEach((r, i) => labelPause(r, i + 1));
  $('pause-status').textContent = text(lang, 'pause.removed', n);
  $('add-pause').focus();
}

// ---- form <-> request <-> URL ---------------------------------------------------------------

const digits = (s) => /^\d+$/.test(s);

/** The request the form describes, or an error for a date typed in three parts. */
function fromForm() {
  const [d, m, y] = ['start-day', 'start-month', 'start-year'].map((i) => $(i).value.trim());
  let start = '';
  if (d || m || y) {
    if (!(digits(d) && digits(m) && digits(y) && y.length === 4)) {
      return { error: { code: 'E_DATE_FORMAT', field: 'start', message: text(lang, 'start.parts') } };
    }
    start = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  }
  const pauses = [...pauseList.children].map((row) => {
    const [from, to] = row.querySelectorAll('input[type=date]');
    const reason = row.querySelector('select').value;
    if (reason !== PART_TIME) return { from: from.value, to: to.value, reason };
    const hours = hoursValue(row.querySelector('.pause-hours input').value);
    return { from: from.value, to: to.value, reason: 'arbejde', hours_per_week: hours };
  });
  return {
    request: {
      start,
      insurance: form.elements.insurance.value,
      group: $('group').checked ? 'jobcenter_from_day_one' : 'standard',
      pauses,
      handover: $('handover').value || null,
    },
  };
}

function toForm(req) {
  const [y = '', m = '', d = ''] = /^\d{4}-\d{2}-\d{2}$/.test(req.start) ? req.start.split('-') : [];
  $('start-day').value = d ? String(Number(d)) : '';
  $('start-month').value = m ? String(Number(m)) : '';
  $('start-year').value = y;
  form.elements.insurance.value = req.insurance === 'deltid' ? 'deltid' : 'fuldtid';
  $('group').checked = req.group === 'jobcenter_from_day_one';
  $('handover').value = req.handover ?? '';
  pauseList.replaceChildren();
  for (const p of req.pauses) addPause(p);
}

/** The URL of a request: ?start=…&insurance=deltid&pause=FROM..TO..REASON[..HOURS]&… */
function toUrl(req) {
  const url = new URL(location.href);
  url.search = '';
  const q = url.searchParams;
  q.set('start', req.start);
  if (req.insurance === 'deltid') q.set('insurance', 'deltid');
  if (req.group === 'jobcenter_from_day_one') q.set('group', req.group);
  for (const p of req.pauses) {
    const hours = p.hours_per_week === undefined || p.hours_per_week === null ? '' : `..${p.hours_per_week}`;
    q.append('pause', `${p.from}..${p.to}..${p.reason}${hours}`);
  }
  if (req.handover) q.set('handover', req.handover);
  if (lang !== 'da') q.set('lang', lang);
  const today = new URLSearchParams(location.search).get('today');
  if (today !== null) q.set('today', today);
  return url;
}

function fromUrl() {
  const q = new URLSearchParams(location.search);
  lang = q.get('lang') === 'en' ? 'en' : 'da';
  if (!q.has('start')) return null;
  return {
    start: q.get('start'),
    insurance: q.get('insurance') ?? 'fuldtid',
    group: q.get('group') ?? 'standard',
    pauses: q.getAll('pause').map((p) => {
      const [from = '', to = '', reason = 'andet', hours] = p.split('..');
      return hours === undefined ? { from, to, reason } : { from, to, reason, hours_per_week: hoursValue(hours) };
    }),
    handover: q.get('handover'),
  };
}

// The core never reads a clock: the page passes today's date (or ?today= for a fixed view).
function today() {
  const fixed = new URLSearchParams(location.search).get('today');
  if (fixed !== null) return fixed;
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// ---- errors ---------------------------------------------------------------------------------

function pageError(code, message) {
  const box = $('page-error');
  box.dataset.code = code;
  box.textContent = message;
}

function clearErrors() {
  for (const box of document.querySelectorAll('.form-error-message, #page-error')) {
    box.textContent = '';
    delete box.dataset.code;
  }
  for (const g of document.querySelectorAll('.form-error')) g.classList.remove('form-error');
  for (const i of document.querySelectorAll('[aria-invalid]')) i.removeAttribute('aria-invalid');
}

/** Shows an error beside the field it is about (by its JSON path) and returns what to focus. */
function fieldError(error) {
  const path = error.field ?? '';
  const pause = /^pauses\[(\d+)\](?:\.(\w+))?/.exec(path);
  let box;
  let input;
  if (path === 'start') {
    box = $('start-error');
    input = $('start-day');
    for (const id of ['start-day', 'start-month', 'start-year']) $(id).setAttribute('aria-invalid', 'true');
  } else if (path === 'handover' || path === 'group') {
    box = $(`${path}-error`);
    input = $(path);
  } else if (pause && pauseList.children[Number(pause[1])]) {
    const row = pauseList.children[Number(pause[1])];
    box = row.querySelector('.form-error-message');
    const part = { to: '.pause-to input', reason: 'select', hours_per_week: '.pause-hours input' }[pause[2]];
    input = row.querySelector(part ?? '.pause-from input');
  } else if (path === 'today') {
    pageError(error.code, `${text(lang, 'today.bad')} ${error.message}`);
    return $('page-error');
  } else {
    pageError(error.code ?? 'E_INTERNAL', error.message);
    return $('page-error');
  }
  box.dataset.code = error.code;
  box.textContent = error.message;
  box.closest('.form-group, .pause-row')?.classList.add('form-error');
  input.setAttribute('aria-invalid', 'true');
  return input;
}

// ---- the answer first: the inputs in one line, the form folded behind "Ret oplysninger" ----------

/** A date for the summary line: "10. august 2026" / "10 August 2026" (an invalid one as typed). */
function dateText(iso) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso ?? '')) return iso ?? '';
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

function summaryText(req) {
  const n = req.pauses.length;
  const parts = [
    text(lang, 'summary.start', dateText(req.start)),
    text(lang, `summary.${req.insurance === 'deltid' ? 'deltid' : 'fuldtid'}`),
    n < 2 ? text(lang, `summary.pauses.${n}`) : text(lang, 'summary.pauses', n),
  ];
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

// ---- computing ------------------------------------------------------------------------------

function fullRequest(req) {
  return { ...req, today: today(), lang, compare: true };
}

async function show(req, { push = false, focus = false } = {}) {
  if (!(await ready)) return;
  clearErrors();
  try {
    render(result, fullRequest(req));
  } catch (error) {
    result.replaceChildren();
    actions.hidden = true;
    shown = null;
    updatePrint(null);
    if (trapped(error)) {
      if (focus) $('page-error').focus();
      return;
    }
    fold(false);
    const target = fieldError(error);
    if (focus) target.focus();
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
  const url = toUrl(req);
  if (push && url.href !== location.href) history.pushState(null, '', url);
  updatePrint(req, lang);
  if (focus) result.querySelector('h2')?.focus();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const { request, error } = fromForm();
  if (error) {
    clearErrors();
    fold(false);
    fieldError(error).focus();
    return;
  }
  show(request, { push: true, focus: true });
});

$('add-pause').addEventListener('click', () => addPause().focus());

$('lang-switch').addEventListener('click', () => {
  lang = lang === 'da' ? 'en' : 'da';
  applyLanguage();
  const url = shown ? toUrl(shown) : new URL(location.href);
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
    calendar = ics(fullRequest(shown), now, location.href, $('ics-past').checked);
  } catch (error) {
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

function load() {
  const req = fromUrl();
  applyLanguage();
  clearErrors();
  if (!req) {
    result.replaceChildren();
    actions.hidden = true;
    shown = null;
    updatePrint(null);
    fold(false);
    return;
  }
  toForm(req);
  show(req);
}

window.addEventListener('popstate', load);
load();
