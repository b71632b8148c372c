// The caseload page: hands the chosen file to a Web Worker (caseload-worker.js), shows its
// progress, and draws the summary. The numbers are the WebAssembly core's; this file only places
// them. Nothing is uploaded, stored or sent.
import init, { drawWorkload } from './pkg/caseload.js';

const $ = (id) => document.getElementById(id);
const LIMIT = 200;
const LISTS = { closing: ['closing_this_week', 'closing_next_week'], overdue: ['overdue'] };
const chart = init(); // the chart is drawn on this page, by the same module as the worker's

// The worker resets its module itself should it ever trap (E_TRAP); the user then runs the file again.
const worker = new Worker(new URL('./caseload-worker.js', import.meta.url), { type: 'module' });
let serial = 0;
const pending = new Map();
worker.onmessage = onMessage;
worker.onerror = onError;
function onMessage({ data }) {
  if (data.type === 'ready') {
    $('caseload-form').dataset.ready = 'true';
    return;
  }
  const job = pending.get(data.id);
  if (!job) return;
  if (data.type === 'progress') return job.progress?.(data);
  pending.delete(data.id);
  if (data.type === 'error') job.reject(Object.assign(new Error(data.error.message), data.error));
  else job.resolve(data);
}
function onError(event) {
  for (const job of pending.values()) job.reject(Object.assign(new Error(event.message || 'worker'), { code: 'E_LOAD' }));
  pending.clear();
}

/** Sends a message to the worker; resolves with its answer. */
function ask(message, progress) {
  const id = ++serial;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, progress });
    worker.postMessage({ id, ...message });
  });
}

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

const danishDate = (iso) => {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
};
const number = (n) => n.toLocaleString('da-DK');

/** A table with a caption; `rows` are arrays of cells (strings or nodes). */
function table(caption, head, rows, className = '') {
  return el('div', { class: 'samtaleplan-scroll', role: 'region', tabindex: '0', 'aria-label': caption }, [
    el('table', { class: `samtaleplan-table ${className}` }, [
      el('caption', {}, [caption]),
      el('thead', {}, [el('tr', {}, head.map((h) => el('th', { scope: 'col' }, [h])))]),
      el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, [c]) : el('td', {}, [c])))))),
    ]),
  ]);
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

let summary = null;

function listTable(key, caption, list, week) {
  if (list.total === 0) return el('div', { 'data-list': key }, [el('h3', { class: 'caseload-list-empty' }, [caption]), el('p', {}, ['Ingen samtaler.'])]);
  const rows = list.items.map((i) => {
    const button = el('button', { type: 'button', class: 'button button-tertiary', 'data-member': i.member }, [`Kalender for ${i.member}`]);
    return [i.member, `${i.id} ${i.title}`, i.holder_label, danishDate(i.earliest), danishDate(i.latest), week ?? `${number(dayDiff(i.latest, summary.today))} dage`, button];
  });
  const shown = list.total > list.items.length ? ` (viser ${number(list.items.length)} af ${number(list.total)})` : ` (${number(list.total)})`;
  const region = table(`${caption}${shown}`, ['Medlem', 'Samtale', 'Holdes af', 'Tidligst', 'Senest', week ? 'Uge' : 'Overskredet', 'Kalenderfil'], rows, 'caseload-list');
  region.dataset.list = key;
  return region;
}

function dayDiff(a, b) {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86400000);
}

function drawLists(lists) {
  const [thisWeek, nextWeek, overdue] = lists;
  $('closing').replaceChildren(
    listTable('closing_this_week', `Denne uge, ${danishDate(summary.this_week.from)}–${danishDate(summary.this_week.to)}`, thisWeek, 'denne'),
    listTable('closing_next_week', `Næste uge, ${danishDate(summary.next_week.from)}–${danishDate(summary.next_week.to)}`, nextWeek, 'næste'),
  );
  $('overdue').replaceChildren(listTable('overdue', 'Overskredne samtaler', overdue));
}

async function draw(s) {
  summary = s;
  $('summary-line').textContent =
    `${number(s.members)} medlemmer beregnet for ${danishDate(s.today)}` +
    (s.error_count ? `; ${number(s.error_count)} rækker med fejl (se nederst).` : '; ingen rækker med fejl.');
  drawLists([s.closing_this_week, s.closing_next_week, s.overdue]);
  await chart;
  drawWorkload($('workload-chart'), s.workload, s.lang);
  $('workload-table').replaceChildren(
    table(
      'Samtaler pr. uge',
      ['Uge', 'Fra', 'A-kassen', 'Jobcentret', 'Kommunen', 'Fælles', 'I alt'],
      s.workload.map((w) => [w.week, danishDate(w.from), ...[w.akasse, w.jobcenter, w.kommune, w.joint, w.total].map(number)]),
      'caseload-workload',
    ),
  );
  const shareRow = (r) => [r.key + (r.title ? ` ${r.title}` : ''), ...[r.on_time, r.early, r.late, r.missing].map(number), r.share.text];
  const head = ['', 'Rettidigt', 'For tidligt', 'For sent', 'Ikke holdt', 'Andel rettidigt'];
  $('on-time').replaceChildren(
    table('Pr. samtale', ['Samtale', ...head.slice(1)], [...s.on_time_by_samtale.map(shareRow), shareRow(s.on_time)], 'caseload-on-time'),
    table('Pr. måned for første ledighedsdag', ['Startmåned', ...head.slice(1)], s.on_time_by_start_month.map(shareRow), 'caseload-on-time-month'),
  );
  const star = (name, share, text) => [name, `${number(share.count)} af ${number(share.of)}`, share.text, text];
  $('star').replaceChildren(
    table('Implementeringsindikatorer (STAR, 2016)', ['Indikator', 'Antal', 'Andel', 'Hvem tælles med'], [
      star('Første samtale inden for 1½ måneds ledighed', s.star.first_within_1_5_months, 'Medlemmer med mindst 1½ måneds sammenlagt ledighed'),
      star('Første samtale inden for 3 måneders ledighed', s.star.first_within_3_months, 'Medlemmer med mindst 3 måneders sammenlagt ledighed'),
      star('To samtaler inden for de sidste 3 måneder', s.star.two_in_last_3_months, 'Medlemmer med 3–6 måneders sammenlagt ledighed'),
    ], 'caseload-star'),
  );
  $('errors').replaceChildren(
    s.error_count
      ? table(
          `Rækker med fejl (${number(s.error_count)})`,
          ['Linje', 'Medlem', 'Kode', 'Fejl'],
          s.errors.map((e) => [String(e.line), e.member ?? '', e.code, e.message]),
          'caseload-errors',
        )
      : el('p', {}, ['Ingen rækker med fejl.']),
  );
}

function pageError(error) {
  $('page-error').dataset.code = error.code ?? 'E_INTERNAL';
  $('page-error').textContent = error.message;
}

$('today').value = today();

$('caseload-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = $('file').files[0];
  $('page-error').textContent = '';
  delete $('page-error').dataset.code;
  if (!file) {
    pageError({ code: 'E_NO_FILE', message: 'Vælg en CSV-fil først.' });
    $('file').focus();
    return;
  }
  const started = performance.now();
  $('results').hidden = true;
  $('results').removeAttribute('data-state');
  $('progress-box').hidden = false;
  $('run').disabled = true;
  const progress = $('progress');
  progress.value = 0;
  $('progress-text').textContent = 'Læser filen …';
  try {
    const done = await ask({ type: 'run', file, today: $('today').value || today(), lang: 'da', limit: LIMIT }, (p) => {
      progress.value = p.total ? Math.round((p.bytes / p.total) * 100) : 100;
      $('progress-text').textContent = `${progress.value} % læst, ${number(p.rows)} rækker.`;
    });
    progress.value = 100;
    $('progress-text').textContent = `Færdig: ${number(done.summary.rows)} rækker på ${number(Math.round(done.ms))} ms.`;
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
    $('run').disabled = false;
  }
});

$('holder').addEventListener('change', async () => {
  const holder = $('holder').value;
  const names = [...LISTS.closing, ...LISTS.overdue];
  try {
    const answers = await Promise.all(names.map((name) => ask({ type: 'list', name, holder, limit: LIMIT })));
    drawLists(answers.map((a) => a.list));
  } catch (error) {
    pageError(error);
  }
});

$('results').addEventListener('click', async (event) => {
  const target = event.target.closest('button');
  if (!target) return;
  try {
    if (target.dataset.export) {
      const { text } = await ask({ type: 'export', list: target.dataset.export, holder: $('holder').value });
      download(`samtaleplan-${target.dataset.export}-${summary.today}.csv`, `\ufeff${text}`, 'text/csv;charset=utf-8');
    } else if (target.dataset.member) {
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
      const { text } = await ask({ type: 'ics', member: target.dataset.member, stamp });
      download(`samtaleplan-${target.dataset.member}.ics`, text, 'text/calendar;charset=utf-8');
    }
  } catch (error) {
    pageError(error);
  }
});
