// What only the printed plan shows (#print-info, hidden on screen): the inputs the plan was
// computed from — the first day, insurance, every period without dagpenge with its hours, the
// hand-over, the group — the date it was printed, and the link that shows the same plan again.
// app.js calls updatePrint() each time a plan is shown (null when none is); the printed date and
// the link are renewed just before printing.
import { text } from './i18n.js';

const WORDS = {
  da: {
    heading: 'Planen bygger på',
    start: 'Første ledighedsdag',
    insurance: 'Forsikring',
    fuldtid: 'Fuldtid',
    deltid: 'Deltid',
    pauses: 'Perioder uden dagpenge',
    none: 'Ingen',
    hours: '{n} timer om ugen',
    handover: 'Overgang til jobcentret',
    computed: 'Beregnet (ikke oplyst)',
    group: 'Gruppe',
    standard: 'Almindelig',
    day_one: 'Under 25 uden uddannelse og børn: jobcentret fra første dag',
    printed: 'Udskrevet {n}.',
    link: 'Se planen igen:',
  },
  en: {
    heading: 'The plan is based on',
    start: 'First day of unemployment',
    insurance: 'Insurance',
    fuldtid: 'Full-time',
    deltid: 'Part-time',
    pauses: 'Periods without dagpenge',
    none: 'None',
    hours: '{n} hours a week',
    handover: 'Hand-over to the jobcentre',
    computed: 'Computed (not given)',
    group: 'Group',
    standard: 'Standard',
    day_one: 'Under 25 without education or children: the jobcentre from day one',
    printed: 'Printed {n}.',
    link: 'See the plan again:',
  },
};

let current = null; // { req, lang } of the plan on screen

function words(lang) {
  return WORDS[lang === 'en' ? 'en' : 'da'];
}

/** "4. marts 2024" / "4 March 2024"; a value that is not a date as it was given. */
function long(iso, lang) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso ?? '')) return iso ?? '';
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

function node(tag, attrs = {}, children = []) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  n.append(...children);
  return n;
}

function pauseText(p, lang) {
  const w = words(lang);
  const partTime = p.hours_per_week !== undefined && p.hours_per_week !== null;
  const reason = text(lang, `reason.${partTime ? 'nedsat' : p.reason ?? 'andet'}`);
  const hours = partTime ? `, ${w.hours.replace('{n}', lang === 'en' ? String(p.hours_per_week) : String(p.hours_per_week).replace('.', ','))}` : '';
  return `${long(p.from, lang)} – ${long(p.to, lang)}: ${reason}${hours}`;
}

function draw() {
  const box = document.getElementById('print-info');
  if (!box) return;
  if (!current) {
    box.replaceChildren();
    return;
  }
  const { req, lang } = current;
  const w = words(lang);
  const row = (term, value) => node('div', {}, [node('dt', {}, [term]), node('dd', {}, [value])]);
  const pauses = req.pauses.length
    ? node('ul', {}, req.pauses.map((p) => node('li', {}, [pauseText(p, lang)])))
    : w.none;
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  const printed = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  box.replaceChildren(
    node('h2', { class: 'h3' }, [w.heading]),
    node('dl', { class: 'print-inputs' }, [
      row(w.start, long(req.start, lang)),
      row(w.insurance, req.insurance === 'deltid' ? w.deltid : w.fuldtid),
      row(w.pauses, pauses),
      row(w.handover, req.handover ? long(req.handover, lang) : w.computed),
      row(w.group, req.group === 'jobcenter_from_day_one' ? w.day_one : w.standard),
    ]),
    node('p', { class: 'print-stamp' }, [
      node('span', { 'data-printed': printed }, [w.printed.replace('{n}', long(printed, lang))]),
      ' ',
      w.link,
      ' ',
      node('a', { href: location.href, class: 'print-link' }, [location.href]),
    ]),
  );
}

/** The plan on screen (its request and language), or null: what the printed page describes. */
export function updatePrint(req, lang) {
  current = req ? { req, lang } : null;
  draw();
}

// The date of printing and the link as they are when the page is printed.
window.addEventListener('beforeprint', draw);
