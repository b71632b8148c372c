// @ts-check
// The caseload page: hands the chosen file to a Web Worker (caseload-worker.js), shows its
// progress, and draws the summary and the worklist a page at a time. The numbers, lists and
// exports are the WebAssembly core's; this file only places them. A member opens their own plan
// (the citizen's view, drawn by the plan module's render(), as on the citizen page: the caseload
// modules live in the worker only). Nothing is uploaded, stored or sent. Its parts: the worker's
// messages (caseload-ask.js), the booking proposal's charts (caseload-booking.js), the downloads
// (caseload-files.js) and a member's own plan (caseload-member.js).
import { ask } from './caseload-ask.js';
import { LANES, capacityText, danishDate, drawBookingCharts, loadWords } from './caseload-booking.js';
import { download } from './caseload-files.js';
import { memberButtons, openMember } from './caseload-member.js';
import { dateGroup, labelDateGroup, readDate, setDate, writeError, markDate, el, today } from './datefield.js';

const $ = (id) => document.getElementById(id);
// The page's controls by id, typed as caseload.html has them (for tsc: tests/types/pages).
const select = (id) => /** @type {HTMLSelectElement} */ ($(id));
const input = (id) => /** @type {HTMLInputElement} */ ($(id));
const button = (id) => /** @type {HTMLButtonElement} */ ($(id));
/** Entries of each list in the summary (the errors shown at once). */
const LIMIT = 200;
/** Rows of the worklist on a page. */
const PAGE = 50;
const SVG = 'http://www.w3.org/2000/svg';
/** The workload chart's element tree from the worker ({name, attrs, children}: workloadChart) as
 * SVG elements and text nodes: nothing in it is parsed as markup. */
/** @param {import('./pkg/caseload.js').ChartNode} node
 * @returns {SVGElement} */
function mount({ name, attrs, children }) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of attrs) node.setAttribute(k, v);
  node.append(...children.map((c) => (typeof c === 'string' ? c : mount(c))));
  return node;
}

const number = (n) => n.toLocaleString('da-DK');

/** A table with a caption; `rows` are arrays of cells (strings or nodes). */
function table(caption, head, rows, className = '') {
  return el('div', { class: 'caseload-scroll', role: 'region', tabindex: '0', 'aria-label': caption }, [
    el('table', { class: `samtaleplan-table ${className}` }, [
      el('caption', {}, [caption]),
      el('thead', {}, [el('tr', {}, head.map((h) => el('th', { scope: 'col' }, [h])))]),
      // Each cell names its column (data-label), for a list shown as cards on a narrow screen.
      el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, [c]) : el('td', { 'data-label': head[i] }, [c])))))),
    ]),
  ]);
}

/** A count with its noun: "1 række", "2 rækker". */
function count(n, one, many) {
  return `${number(n)} ${n === 1 ? one : many}`;
}

/** @type {import('./pkg/caseload.js').Summary} */
let summary = null;
let offset = 0;
/** The last booking proposal (its capacity goes with the exports). */
/** @type {import('./pkg/caseload.js').Booking} */
let booking = null;

/** The button that opens a member's plan: the reference, and the name (when the file has names)
 * in its accessible name. Names stay on this page: nothing is sent anywhere.
 * @param {import('./pkg/caseload.js').Item | import('./pkg/caseload.js').Proposed} i */
function memberButton(i) {
  const who = i.name ? `${i.name} (${i.member})` : i.member;
  return el('button', { type: 'button', class: 'button button-tertiary caseload-member', 'data-member': i.member, 'aria-label': `Åbn planen for ${who}` }, [i.member]);
}

/** The worklist's filter as the form says it (only what is chosen). The selects' options are
 * the core's words (a holder, a status), which the core checks again (E_UNKNOWN_VALUE).
 * @returns {import('./pkg/caseload.js').Query} */
function filter() {
  /** @type {Record<string, any>} */
  const q = {};
  const holder = select('holder').value;
  if (holder) q.holder = holder;
  for (const key of ['status', 'samtale', 'week']) if (select(key).value) q[key] = select(key).value;
  // "open": every samtale whose latest date has not passed (the core's `open`, not a status).
  if (q.status === 'open') {
    delete q.status;
    q.open = true;
  }
  const search = input('search').value.trim();
  if (search) q.search = search;
  if (select('sort').value === 'desc') q.descending = true;
  if (booking) q.capacity = booking.capacity;
  return q;
}

function dayDiff(a, b) {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86400000);
}

/** A samtale's status in words; without held dates in the file, a passed latest date is not "overskredet".
 * @param {import('./pkg/caseload.js').Item} i */
function statusWords(i) {
  if (i.status !== 'overdue') return i.status_label;
  const days = count(dayDiff(i.latest, summary.today), 'dag', 'dage');
  return summary.held_dates ? `overskredet ${days}` : `frist passeret for ${days} siden, holdt ukendt`;
}

/** Draws a page of the worklist for the filter. */
async function drawWorklist() {
  const { page } = await ask({ type: 'query', query: { ...filter(), offset, limit: PAGE } });
  if (page.total > 0 && offset >= page.total) {
    offset = Math.floor((page.total - 1) / PAGE) * PAGE;
    return drawWorklist();
  }
  const names = Boolean(summary.source.name_column);
  const rows = page.items.map((i) => [
    memberButton(i),
    ...(names ? [i.name ?? ''] : []),
    `${i.id} ${i.title}`,
    i.holder_label,
    danishDate(i.earliest),
    danishDate(i.latest),
    el('span', { class: `caseload-status caseload-status-${i.status}` }, [statusWords(i)]),
  ]);
  const first = page.total ? offset + 1 : 0;
  const last = offset + page.items.length;
  $('worklist-count').textContent = page.total
    ? `Viser ${number(first)}–${number(last)} af ${count(page.total, 'samtale', 'samtaler')}.`
    : 'Ingen samtaler passer til filtret.';
  $('worklist').replaceChildren(
    page.total
      ? table('Arbejdsliste', ['Medlem', ...(names ? ['Navn'] : []), 'Samtale', 'Holdes af', 'Tidligst', 'Senest', 'Status'], rows, 'caseload-list')
      : el('p', {}, ['Ingen samtaler.']),
  );
  $('worklist').dataset.total = String(page.total);
  $('worklist').dataset.offset = String(offset);
  const pages = Math.max(1, Math.ceil(page.total / PAGE));
  $('page-of').textContent = `Side ${number(Math.floor(offset / PAGE) + 1)} af ${number(pages)}`;
  button('prev').disabled = offset === 0;
  button('next').disabled = last >= page.total;
}

/** The numbers that follow the holder filter: counts, chart, table, on time. */
/** @param {import('./pkg/caseload.js').Summary} s */
async function drawNumbers(s) {
  const count = (status, n, words) =>
    el('button', { type: 'button', class: 'button button-secondary caseload-count-button', 'data-status': status }, [`${words}: ${number(n)}`]);
  $('status-counts').replaceChildren(
    count('overdue', s.overdue.total, s.held_dates ? 'Overskredne' : 'Frist passeret (holdt ukendt)'),
    // This week's list counts from the day to Sunday (a samtale due earlier in the week is overdue).
    count('this_week', s.closing_this_week.total, `Frist fra i dag til søndag (${danishDate(s.this_week.from)}–${danishDate(s.this_week.to)})`),
    count('next_week', s.closing_next_week.total, `Frist næste uge (${danishDate(s.next_week.from)}–${danishDate(s.next_week.to)})`),
  );
  const { chart } = await ask({ type: 'chart', weeks: s.workload, lang: s.lang });
  $('workload-chart').replaceChildren(mount(chart));
  const office = (w) => w.jobcenter + w.kommune;
  $('workload-table').replaceChildren(
    table(
      'Samtaler pr. uge',
      ['Uge', 'Fra', 'Til', 'A-kassen', 'Jobcentret/kommunen', 'Fælles', 'I alt'],
      s.workload.map((w) => [`uge ${Number(w.week.slice(6))}, ${w.week.slice(0, 4)}`, danishDate(w.from), danishDate(w.to), ...[w.akasse, office(w), w.joint, w.total].map(number)]),
      'caseload-workload',
    ),
  );
  const shareRow = (r) => [r.key + (r.title ? ` ${r.title}` : ''), ...[r.on_time, r.early, r.late, r.missing].map(number), r.share.text];
  // Without held dates, "not held" is only "latest date passed", and the share is unknown.
  const head = ['', 'Rettidigt', 'For tidligt', 'For sent', s.held_dates ? 'Ikke holdt' : 'Frist passeret', 'Andel rettidigt'];
  $('on-time').replaceChildren(
    ...(s.held_dates ? [] : [el('p', { class: 'caseload-unknown', 'data-code': 'W_NO_HELD_DATES' }, ['Ukendt: filen har ingen holdte datoer (kolonner holdt_<ID>), så det kan ikke afgøres, hvilke samtaler der blev holdt til tiden.'])]),
    table('Pr. samtale', ['Samtale', ...head.slice(1)], [...s.on_time_by_samtale.map(shareRow), shareRow(s.on_time)], 'caseload-on-time'),
    table('Pr. måned for første ledighedsdag', ['Startmåned', ...head.slice(1)], s.on_time_by_start_month.map(shareRow), 'caseload-on-time-month'),
  );
}

/** Draws a new summary: everything, and the worklist's filter choices. */
/** @param {import('./pkg/caseload.js').Summary} s */
async function draw(s) {
  summary = s;
  $('summary-line').textContent =
    `${count(s.members, 'medlem', 'medlemmer')} beregnet for ${danishDate(s.today)}` +
    (s.error_count ? `; ${count(s.error_count, 'række', 'rækker')} med fejl (se nederst).` : '; ingen rækker med fejl.');
  $('source-line').textContent = `Læst som ${s.source.text}.`;
  $('warnings').hidden = s.warnings.length === 0;
  $('warnings-list').replaceChildren(...s.warnings.map((w) => el('li', { 'data-code': w.code }, [w.text])));
  const sheets = s.source.sheets ?? [];
  $('sheet-group').hidden = sheets.length < 2;
  $('sheet').replaceChildren(...sheets.map((name) => Object.assign(el('option', { value: name }, [name]), { selected: name === s.source.sheet })));
  // The column the names come from: the file's navn column or one the worker picks among the
  // columns not read.
  const labels = [...(s.source.name_column ? [s.source.name_column] : []), ...s.source.ignored_columns];
  $('label-group').hidden = labels.length === 0;
  $('label').replaceChildren(
    ...(s.source.name_column ? [] : [el('option', { value: '' }, ['Ingen (kun medlemsnummeret)'])]),
    ...labels.map((name) => Object.assign(el('option', { value: name }, [name]), { selected: name === s.source.name_column })),
  );
  const options = (select, first, values) => {
    const keep = select.value;
    select.replaceChildren(el('option', { value: '' }, [first]), ...values.map(([v, text]) => el('option', { value: v }, [text])));
    select.value = values.some(([v]) => v === keep) ? keep : '';
  };
  options($('samtale'), 'alle samtaler', s.samtaler.map((k) => [k.key, `${k.key} ${k.title}`]));
  options($('week'), 'alle uger', s.workload.map((w) => [w.week, `uge ${Number(w.week.slice(6))}, ${danishDate(w.from)}–${danishDate(w.to)}`]));
  await drawNumbers(s);
  const star = (name, share, text) => [
    name,
    share.per_mille == null && share.of > 0 ? `ukendt (af ${count(share.of, 'medlem', 'medlemmer')})` : `${number(share.count)} af ${number(share.of)}`,
    share.text,
    text,
  ];
  $('star').replaceChildren(
    table('Implementeringsindikatorer (STAR, 2016)', ['Indikator', 'Antal', 'Andel', 'Hvem tælles med'], [
      star('Første samtale inden for 1½ måneds ledighed', s.star.first_within_1_5_months, 'Medlemmer med mindst 1½ måneds sammenlagt ledighed'),
      star('Første samtale inden for 3 måneders ledighed', s.star.first_within_3_months, 'Medlemmer med mindst 3 måneders sammenlagt ledighed'),
      star('To samtaler inden for de sidste 3 måneder', s.star.two_in_last_3_months, 'Medlemmer med 3–6 måneders sammenlagt ledighed'),
    ], 'caseload-star'),
  );
  const present = s.akasse_present;
  const presentRow = (r) => [r.key + (r.title ? ` ${r.title}` : ''), ...[r.present, r.absent, r.unknown].map(number), r.share.text];
  const presentHead = ['Med a-kassen', 'Uden a-kassen', 'Uden oplysning', 'Andel med a-kassen'];
  $('present').replaceChildren(
    present.columns
      ? el('div', {}, [
          table('Pr. samtale', ['Samtale', ...presentHead], [...present.by_samtale.map(presentRow), presentRow(present.total)], 'caseload-present'),
          table('Pr. måned for samtalen', ['Måned', ...presentHead], present.by_month.map(presentRow), 'caseload-present-month'),
        ])
      : el('p', {}, ['Filen har ingen kolonner akasse_deltog_<ID>.']),
  );
  const shown = s.errors.length < s.error_count ? ` – viser de første ${number(s.errors.length)}; hent listen for alle` : '';
  $('errors').replaceChildren(
    s.error_count
      ? table(
          `Rækker med fejl (${number(s.error_count)}${shown})`,
          ['Linje', 'Medlem', ...(s.source.name_column ? ['Navn'] : []), 'Kode', 'Fejl'],
          s.errors.map((e) => [String(e.line), e.member ?? '', ...(s.source.name_column ? [e.name ?? ''] : []), e.code, e.message]),
          'caseload-errors',
        )
      : el('p', {}, ['Ingen rækker med fejl.']),
  );
  offset = 0;
  await drawWorklist();
}

function pageError(error) {
  $('page-error').dataset.code = error.code ?? 'E_INTERNAL';
  $('page-error').textContent = error.message;
}
function clearError() {
  $('page-error').textContent = '';
  delete $('page-error').dataset.code;
  const box = $('today-error');
  box.textContent = '';
  delete box.dataset.code;
  $('today-group').classList.remove('form-error');
  for (const input of $('today-group').querySelectorAll('input')) input.removeAttribute('aria-invalid');
}
/** Runs `work`, showing what fails. */
async function guarded(work) {
  try {
    await work();
  } catch (error) {
    pageError(error);
  }
}

// The day of the count: the design system's date group (day, month, year), as on the citizen page.
$('today-group').replaceWith(dateGroup('today'));
labelDateGroup($('today-group'), 'da', 'Opgørelsesdag', 'Listerne og tallene gælder for denne dag.');
setDate($('today-group'), today());

/** Reads the chosen file (a sheet of it, names from the column `label`) and draws the summary. */
async function run(sheet, label) {
  const file = input('file').files[0];
  clearError();
  if (!file) {
    pageError({ code: 'E_NO_FILE', message: 'Vælg en fil først.' });
    $('file').focus();
    return;
  }
  const day = readDate($('today-group'), 'da', 'Opgørelsesdag');
  if (day.error) {
    writeError($('today-error'), 'da', day.error.message);
    $('today-error').dataset.code = day.error.code;
    markDate($('today-group'), day.error.parts).focus();
    return;
  }
  const started = performance.now();
  $('results').hidden = true;
  $('results').removeAttribute('data-state');
  $('progress-box').hidden = false;
  button('run').disabled = true;
  const progress = /** @type {HTMLProgressElement} */ ($('progress'));
  progress.value = 0;
  $('progress-text').textContent = 'Læser filen …';
  try {
    const done = await ask({ type: 'run', file, today: day.iso ?? today(), lang: 'da', limit: LIMIT, sheet, label }, (p) => {
      progress.value = p.total ? Math.round((p.bytes / p.total) * 100) : 100;
      $('progress-text').textContent =
        p.phase === 'sheet' ? `Regnearket er åbnet; ${count(p.rows, 'række', 'rækker')} beregnet.` : `${progress.value} % læst, ${count(p.rows, 'række', 'rækker')}.`;
    });
    progress.value = 100;
    $('progress-text').textContent = `Færdig: ${count(done.summary.rows, 'række', 'rækker')} på ${number(Math.round(done.ms))} ms.`;
    select('holder').value = '';
    // Without held dates the worklist starts with what is still open for certain.
    select('status').value = done.summary.held_dates ? '' : 'open';
    booking = null;
    $('booking').hidden = true;
    await draw(done.summary);
    $('results').hidden = false;
    $('results').dataset.state = 'done';
    $('results').dataset.ms = String(Math.round(done.ms));
    $('results').dataset.totalMs = String(Math.round(performance.now() - started));
    $('results').dataset.memory = String(done.memory);
    $('results-heading').focus();
  } catch (error) {
    pageError(error);
  } finally {
    button('run').disabled = false;
  }
}

$('caseload-form').addEventListener('submit', (event) => {
  event.preventDefault();
  // A new file is read from its first sheet; the sheet chosen below is for the same file.
  run(undefined, undefined);
});
$('file').addEventListener('change', () => {
  $('sheet-group').hidden = true;
  $('label-group').hidden = true;
});
// Another sheet is read with its own navn column; another label, from the same sheet.
$('sheet').addEventListener('change', () => run(select('sheet').value, undefined));
$('label').addEventListener('change', () => run($('sheet-group').hidden ? undefined : select('sheet').value, select('label').value));

$('holder').addEventListener('change', () =>
  guarded(async () => {
    const { summary: s } = await ask({ type: 'summary', holder: select('holder').value });
    summary = s;
    await drawNumbers(s);
    offset = 0;
    await drawWorklist();
    if (booking) await drawCallIn();
  }),
);

let typing;
$('worklist-filter').addEventListener('submit', (event) => event.preventDefault());
$('worklist-filter').addEventListener('input', (event) => {
  clearTimeout(typing);
  const later = /** @type {HTMLElement} */ (event.target).id === 'search' ? 150 : 0;
  typing = setTimeout(() => {
    offset = 0;
    guarded(drawWorklist);
  }, later);
});
$('prev').addEventListener('click', () => {
  offset = Math.max(0, offset - PAGE);
  guarded(drawWorklist);
});
$('next').addEventListener('click', () => {
  offset += PAGE;
  guarded(drawWorklist);
});

// ---- the booking proposal ------------------------------------------------------------------

const weekWords = (w) => `uge ${Number(w.week.slice(6))}, ${danishDate(w.from)}–${danishDate(w.to)}`;

/** The samtaler the proposal books in the chosen week. */
async function drawCallIn() {
  const week = select('call-in-week').value;
  if (!week) return;
  // The holder chosen above the worklist applies here too.
  const { page } = await ask({ type: 'callIn', week, holder: select('holder').value, offset: 0, limit: LIMIT });
  const shown = page.items.length < page.total ? ` Viser de første ${number(page.items.length)}; hent bookingerne for alle.` : '';
  $('call-in-count').textContent = `${number(page.total)} ${page.total === 1 ? 'samtale' : 'samtaler'} at indkalde til i ugen.${shown}`;
  const names = Boolean(summary.source.name_column);
  $('call-in').replaceChildren(
    page.total
      ? table(
          'Indkald i ugen',
          ['Medlem', ...(names ? ['Navn'] : []), 'Samtale', 'Holdes af', 'Tidligst', 'Senest'],
          page.items.map((i) => [
            memberButton(i),
            ...(names ? [i.name ?? ''] : []),
            `${i.id} ${i.title}`,
            i.holder_label,
            danishDate(i.earliest),
            danishDate(i.latest),
          ]),
          'caseload-call-in',
        )
      : el('p', {}, ['Ingen samtaler er booket i ugen.']),
  );
}

/** @param {import('./pkg/caseload.js').Booking} b */
function drawBooking(b) {
  booking = b;
  $('booking').hidden = false;
  const later = b.booked_later ? ` ${number(b.booked_later)} af dem er booket i en uge efter de 26 uger, der vises her.` : '';
  const overdue = b.overdue ? ` ${number(b.overdue)} af dem er allerede over fristen og kan ikke bookes.` : '';
  $('booking-summary').textContent = `${number(b.booked)} ${b.booked === 1 ? 'samtale' : 'samtaler'} booket.${later} ${number(b.at_risk)} i fare.${overdue}`;
  $('booking-summary').dataset.atRisk = String(b.at_risk);
  drawBookingCharts($('booking-charts'), b);
  $('booking-table').replaceChildren(
    table(
      'Bookede samtaler pr. uge mod kapacitet',
      ['Uge', ...LANES.map((l) => l.name)],
      b.weeks.map((w) => [weekWords(w), ...LANES.map((l) => loadWords(w[l.key]))]),
      'caseload-booking-table',
    ),
  );
  const keep = select('call-in-week').value;
  $('call-in-week').replaceChildren(...b.weeks.map((w) => el('option', { value: w.from }, [weekWords(w)])));
  if (b.weeks.some((w) => w.from === keep)) select('call-in-week').value = keep;
  const more = b.at_risk_items.length < b.at_risk ? ` – viser de første ${number(b.at_risk_items.length)}` : '';
  const names = Boolean(summary.source.name_column);
  $('at-risk').replaceChildren(
    b.at_risk
      ? table(
          `Samtaler i fare (${number(b.at_risk)}${more})`,
          ['Medlem', ...(names ? ['Navn'] : []), 'Samtale', 'Holdes af', 'Senest', 'Ville kræve plads i'],
          b.at_risk_items.map((i) => [
            memberButton(i),
            ...(names ? [i.name ?? ''] : []),
            `${i.id} ${i.title}`,
            i.holder_label,
            danishDate(i.latest),
            i.overdue ? 'overskredet – fristen er passeret' : `ugen fra ${danishDate(i.week)}`,
          ]),
          'caseload-at-risk',
        )
      : el('p', {}, ['Ingen samtaler i fare.']),
  );
  return drawCallIn();
}

$('booking-form').addEventListener('submit', (event) => {
  event.preventDefault();
  guarded(async () => {
    clearError();
    const started = performance.now();
    const { booking: b } = await ask({ type: 'book', capacity: capacityText(/** @type {HTMLFormElement} */ ($('booking-form'))), limit: LIMIT });
    await drawBooking(b);
    // From the click to the proposal on screen (for the benchmark).
    $('booking').dataset.ms = String(Math.round(performance.now() - started));
  });
});
$('call-in-week').addEventListener('change', () => guarded(drawCallIn));

memberButtons(guarded);

// ---- the buttons of the results -------------------------------------------------------------

$('results').addEventListener('click', (event) => {
  const target = /** @type {Element} */ (event.target).closest('button');
  if (!target) return;
  guarded(async () => {
    const name = `samtaleplan-${target.dataset.export ?? target.dataset.xlsx}-${summary?.today}`;
    if (target.dataset.export) {
      const { text } = await ask({ type: 'export', list: target.dataset.export, query: filter() });
      download(`${name}.csv`, `\ufeff${text}`, 'text/csv;charset=utf-8');
    } else if (target.dataset.xlsx) {
      const { bytes } = await ask({ type: 'xlsx', list: target.dataset.xlsx, query: filter() });
      download(`${name}.xlsx`, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    } else if (target.dataset.member) {
      await openMember(target.dataset.member, target, Boolean(booking));
    } else if (target.dataset.status) {
      select('status').value = target.dataset.status;
      offset = 0;
      await drawWorklist();
      $('status').focus();
    }
  });
});
