// @ts-check
// One date pattern everywhere: the design system's date group (DKFDS "datofelt"): a fieldset with
// a legend, the hint "Skriv datoen som dag, måned og år, fx 4 3 2024" and three text fields — day,
// month, year — with a numeric keyboard. The page (app.js) uses it for the first day, every period
// and the hand-over; the element (samtale-plan.js) for its first day. Only the form is in three
// parts: the URL and the JSON contract stay ISO YYYY-MM-DD. What is wrong with a date is said here,
// in Danish or English, before the core sees it: an empty part by name, a month outside 1–12, a
// day the month does not have ("30. februar findes ikke"). It also holds the two helpers every
// page shares: el() (an element) and today() (the browser's date).

export const DATE_WORDS = {
  da: {
    day: 'Dag',
    month: 'Måned',
    year: 'År',
    hint: 'Skriv datoen som dag, måned og år, fx 4 3 2024.',
    prefix: 'Fejl:',
    missing: '{label} mangler. Skriv datoen som dag, måned og år, fx 4 3 2024.',
    parts: { day: 'dagen', month: 'måneden', year: 'året' },
    and: ' og ',
    lacks: '{label} mangler {parts}.',
    badDay: '{label}: Dagen skal være et tal fra 1 til 31.',
    badMonth: '{label}: Måneden skal være et tal fra 1 til 12.',
    badYear: '{label}: Skriv året med fire cifre, fx 2026.',
    noDay: '{label}: {day}. {month} findes ikke.',
    noLeapDay: '{label}: 29. februar findes ikke i {year}.',
    months: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  },
  en: {
    day: 'Day',
    month: 'Month',
    year: 'Year',
    hint: 'Write the date as day, month and year, e.g. 4 3 2024.',
    prefix: 'Error:',
    missing: '{label} is missing. Write the date as day, month and year, e.g. 4 3 2024.',
    parts: { day: 'the day', month: 'the month', year: 'the year' },
    and: ' and ',
    lacks: '{label} is missing {parts}.',
    badDay: '{label}: The day must be a number from 1 to 31.',
    badMonth: '{label}: The month must be a number from 1 to 12.',
    badYear: '{label}: Write the year with four digits, e.g. 2026.',
    noDay: '{label}: {day} {month} does not exist.',
    noLeapDay: '{label}: 29 February does not exist in {year}.',
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  },
};

export const PARTS = ['day', 'month', 'year'];

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ''));

/** The words of a language ('da' unless 'en'). */
export const dateWords = (lang) => DATE_WORDS[lang === 'en' ? 'en' : 'da'];

/** An element with attributes and children (strings or nodes): the one helper the page, the
 * element and the caseload page build their DOM with (imported from here, so the package ships no
 * extra file). */
export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** The browser's date, YYYY-MM-DD in local time: the core never reads a clock, the pages pass it. */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A date group: `<div class="form-group" id="ID-group"><fieldset>` with the legend, the hint
 * (`ID-hint`), the error message (`ID-error`) and the inputs `ID-day`, `ID-month`, `ID-year`.
 * `part` adds a `part` attribute to each input (the element's stable hooks).
 *
 * @param {string} id
 * @param {{ part?: string }} [options]
 */
export function dateGroup(id, { part } = {}) {
  const input = (p) => {
    /** @type {Record<string, string>} */
    const attrs = { class: 'form-input', id: `${id}-${p}`, name: `${id}-${p}`, inputmode: 'numeric', autocomplete: 'off', 'data-part': p };
    if (part) attrs.part = `${part} ${part}-${p}`;
    return el('input', attrs);
  };
  const inputs = PARTS.map(input);
  const group = el('div', { class: 'form-group date-field', id: `${id}-group` }, [
    el('fieldset', { 'aria-describedby': `${id}-hint ${id}-error` }, [
      el('legend', { class: 'form-label' }),
      el('span', { class: 'form-hint', id: `${id}-hint` }),
      el('span', { class: 'form-error-message', id: `${id}-error` }),
      el('div', { class: 'date-group' }, PARTS.map((p, i) =>
        el('div', { class: `form-group-${p}` }, [el('label', { class: 'form-label', for: `${id}-${p}` }), inputs[i]]))),
    ]),
  ]);
  splitOnInput(inputs[0], inputs);
  return group;
}

/** Writes the legend, the hint (`hint` before the design system's own) and the part labels. */
export function labelDateGroup(group, lang, legend, hint = '') {
  const words = dateWords(lang);
  group.querySelector('legend').textContent = legend;
  group.querySelector('.form-hint').textContent = hint ? `${hint} ${words.hint}` : words.hint;
  for (const p of PARTS) group.querySelector(`.form-group-${p} label`).textContent = words[p];
}

/**
 * A whole date typed or pasted into the day box is split into the three boxes, in the Danish
 * order: "1 4 2024", "1.4.2024", "1/4/2024", "01042024" (DDMMÅÅÅÅ) are 1 April 2024, as is the
 * ISO "2024-04-01". With `short`, a two-digit year is split too, as typed ("16.11.26", "161126":
 * 16, 11, 26), so that reading it asks for four digits; no century is guessed. Anything else stays
 * as typed, and reading it names what is wrong.
 */
export function splitWhole(text, short = false) {
  const t = text.trim();
  let m = /^(\d{1,2})[\s./-]+(\d{1,2})[\s./-]+(\d{4}|\d{2})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4}|\d{2})$/.exec(t);
  if (m) return short || m[3].length === 4 ? [m[1], m[2], m[3]] : null;
  m = /^(\d{4})-(\d{1,2})-(\d{2})$/.exec(t);
  return m ? [m[3], m[2], m[1]] : null;
}

// While typing, "16.11.20" may become "16.11.2026": a two-digit year is split only once the box
// is left (change) or the date is read.
function splitOnInput(day, inputs) {
  const split = (short) => {
    const parts = splitWhole(day.value, short);
    if (!parts) return;
    inputs[0].value = String(Number(parts[0]));
    inputs[1].value = String(Number(parts[1]));
    inputs[2].value = parts[2];
  };
  day.addEventListener('input', () => split(false));
  day.addEventListener('change', () => split(true));
}

/** The three inputs of a group, by part. */
export function dateInputs(group) {
  return Object.fromEntries(PARTS.map((p) => [p, group.querySelector(`[data-part="${p}"]`)]));
}

/** Fills a group from an ISO date; anything that is not one leaves it empty. */
export function setDate(group, iso) {
  const inputs = dateInputs(group);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  inputs.day.value = m ? String(Number(m[3])) : '';
  inputs.month.value = m ? String(Number(m[2])) : '';
  inputs.year.value = m ? m[1] : '';
}

const isLeap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y, m) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

/**
 * Reads a group: `{ iso }` (null when empty and not required), or `{ error }` with a stable code, a
 * message in `lang` that starts with `label`, and `parts`, the inputs in error (the first is the
 * one to focus).
 */
export function readDate(group, lang, label, { required = false } = {}) {
  const words = dateWords(lang);
  const inputs = dateInputs(group);
  // A whole date left in the day box (pasted without an input event) is split first.
  const whole = inputs.month.value.trim() === '' && inputs.year.value.trim() === '' ? splitWhole(inputs.day.value, true) : null;
  const [d, m, y] = whole ?? PARTS.map((p) => inputs[p].value.trim());
  const fail = (code, template, parts, values = {}) => ({ error: { code, message: fill(template, { label, ...values }), parts } });
  if (!d && !m && !y) return required ? fail('E_MISSING_FIELD', words.missing, ['day', 'month', 'year']) : { iso: null };
  const empty = PARTS.filter((p, i) => ![d, m, y][i]);
  if (empty.length) {
    const names = empty.map((p) => words.parts[p]);
    return fail('E_DATE_FORMAT', words.lacks, empty, { parts: names.join(words.and) });
  }
  const digits = (s) => /^\d+$/.test(s);
  if (!digits(d) || Number(d) < 1 || Number(d) > 31) return fail('E_DATE_FORMAT', words.badDay, ['day']);
  if (!digits(m) || Number(m) < 1 || Number(m) > 12) return fail('E_DATE_FORMAT', words.badMonth, ['month']);
  if (!digits(y) || y.length !== 4) return fail('E_DATE_FORMAT', words.badYear, ['year']);
  const [day, month, year] = [Number(d), Number(m), Number(y)];
  if (day > daysIn(year, month)) {
    return month === 2 && day === 29
      ? fail('E_DATE_INVALID', words.noLeapDay, ['day', 'month', 'year'], { year })
      : fail('E_DATE_INVALID', words.noDay, ['day', 'month'], { day, month: words.months[month - 1] });
  }
  return { iso: `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** Writes an error message as the design system does: a visually hidden "Fejl:" before it. */
export function writeError(box, lang, message) {
  box.replaceChildren(el('span', { class: 'sr-only' }, [`${dateWords(lang).prefix} `]), message);
}

/** Marks the inputs of a group in error (`parts`, or all three) and returns the one to focus. */
export function markDate(group, parts = PARTS) {
  const inputs = dateInputs(group);
  group.classList.add('form-error');
  for (const p of parts) inputs[p].setAttribute('aria-invalid', 'true');
  return inputs[parts[0]] ?? inputs.day;
}

/** The alert icons of the design system (error, warning, info), inline and hidden from readers. */
export function alertIcon(kind = 'error') {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'alert-icon');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '24');
  svg.setAttribute('height', '24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', ICONS[kind] ?? ICONS.error);
  svg.append(path);
  return svg;
}

// Material icons (Apache 2.0), as the design system uses: error, warning, info.
const ICONS = {
  error: 'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm1 15h-2v-2h2v2zm0-4h-2V7h2v6z',
  warning: 'M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z',
  info: 'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm1 15h-2v-6h2v6zm0-8h-2V7h2v2z',
};
