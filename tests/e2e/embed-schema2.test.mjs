// Issue 20 in <samtale-plan>, in real Chromium: the prior-hours attribute (hours from an earlier
// spell in the same dagpengeperiode), part-time work without an end and the whole sickness
// through the pauses attribute. Every plan the element shows is the command line's plan for the
// same request (`samtaleplan --jsonl`, the release build), field for field; every refusal is the core's, with its
// code, message and field, in the error event, the element's state and its error box. And the
// element at 375 px and in an 800 px column, with screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { axe, launch, openPage, artifacts, repo } from './browser.mjs';
import { startServer } from './server.mjs';


const START = '2026-08-03'; // R2026
const TODAY = '2026-08-10';
const OPEN_ENDED = [{ from: '2026-09-07', reason: 'arbejde', hours_per_week: 15 }];
// A 40-day sickness, first to last sick day: its first 14 days count, from day 15 a full pause …
const SICKNESS = [{ from: '2026-09-07', to: '2026-10-16', reason: 'sygdom' }];
// … so its dates are those of a holiday over days 15 to 40.
const SICKNESS_DAY_15_ON = [{ from: '2026-09-21', to: '2026-10-16', reason: 'ferie' }];

/** Each element of the host page: its id, its attributes, and the request the core is given for
 * them (what `samtaleplan --jsonl` answers, to compare with). */
const CASES = [
  ['none', {}, {}],
  ['prior500', { 'prior-hours': '500' }, { prior_hours: 500 }],
  ['comma', { 'prior-hours': '481,25' }, { prior_hours: 481.25 }],
  ['dot', { 'prior-hours': '481.25' }, { prior_hours: 481.25 }],
  ['spaced', { 'prior-hours': ' 200 ' }, { prior_hours: 200 }],
  ['empty', { 'prior-hours': '' }, {}],
  ['negative', { 'prior-hours': '-1' }, { prior_hours: -1 }],
  ['negative-en', { 'prior-hours': '-1', lang: 'en' }, { prior_hours: -1, lang: 'en' }],
  ['three-decimals', { 'prior-hours': '481,255' }, { prior_hours: 481.255 }],
  ['words', { 'prior-hours': 'mange' }, { prior_hours: 'mange' }],
  ['thousands', { 'prior-hours': '1.234,5' }, { prior_hours: '1.234,5' }],
  ['over', { 'prior-hours': '6000' }, { prior_hours: 6000 }],
  ['open', { pauses: JSON.stringify(OPEN_ENDED) }, { pauses: OPEN_ENDED }],
  ['sick', { pauses: JSON.stringify(SICKNESS) }, { pauses: SICKNESS }],
  ['holiday', { pauses: JSON.stringify(SICKNESS_DAY_15_ON) }, { pauses: SICKNESS_DAY_15_ON }],
  ['full-no-end', { pauses: JSON.stringify([{ from: '2026-09-07', reason: 'ferie' }]) }, { pauses: [{ from: '2026-09-07', reason: 'ferie' }] }],
  ['no-hours-left', { pauses: JSON.stringify([{ ...OPEN_ENDED[0], hours_per_week: 37 }]) }, { pauses: [{ ...OPEN_ENDED[0], hours_per_week: 37 }] }],
];

const attr = (value) => String(value).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
const tag = (id, attributes) =>
  `<samtale-plan id="${id}" mode="plan" start="${START}" today="${TODAY}"${Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${attr(v)}"`)
    .join('')}></samtale-plan>`;

// The host records every event before the element's module runs (module scripts run in order).
const HOST_JS = `
window.events = {};
for (const type of ['samtaleplan:change', 'samtaleplan:error']) {
  document.addEventListener(type, (e) => {
    (window.events[e.target.id] ??= []).push({ type, bubbles: e.bubbles, composed: e.composed, detail: type === 'samtaleplan:error' ? e.detail : null });
  });
}`;

const page = (body, css = '') => `<!doctype html><html lang="da"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Portal</title><link rel="icon" href="data:,">
${css ? '<link rel="stylesheet" href="host.css">' : ''}
<script type="module" src="host.js"></script>
<script type="module" src="/vendor/samtaleplan/samtale-plan.js"></script></head>
<body><main><h1>Min side</h1>${body}</main></body></html>`;

// A portal's column: 800 px wide on a desktop, the whole width on a phone.
const HOST_CSS = `
body { margin: 0; font-family: Georgia, serif; }
main { max-width: 800px; margin: 0 auto; padding: 0 16px; box-sizing: border-box; }
`;

const SHOWN = {
  'prior-hours': '200',
  pauses: JSON.stringify([...SICKNESS, { from: '2026-11-02', reason: 'arbejde', hours_per_week: 15 }]),
};

let tmp;
let server;
let browser;
/** The command line's answer for each case, by id. */
const cli = {};
let shownByCli;

before(async () => {
  const requests = [...CASES.map(([, , r]) => r), { prior_hours: 200, pauses: JSON.parse(SHOWN.pauses) }].map((r) =>
    JSON.stringify({ start: START, today: TODAY, ...r }),
  );
  const run = spawnSync(path.join(repo, 'target', 'release', 'samtaleplan'), ['--jsonl'], { input: `${requests.join('\n')}\n`, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(lines.length, requests.length);
  CASES.forEach(([id], i) => {
    cli[id] = lines[i];
  });
  shownByCli = lines.at(-1);

  tmp = await mkdtemp(path.join(os.tmpdir(), 'samtaleplan-schema2-'));
  await cp(path.join(repo, 'dist', 'samtaleplan'), path.join(tmp, 'vendor', 'samtaleplan'), { recursive: true });
  await writeFile(path.join(tmp, 'host.js'), HOST_JS);
  await writeFile(path.join(tmp, 'host.css'), HOST_CSS);
  await writeFile(path.join(tmp, 'index.html'), page(CASES.map(([id, a]) => tag(id, a)).join('\n')));
  await writeFile(
    path.join(tmp, 'shown.html'),
    page(`<section><h2>Dine samtaler</h2>${tag('shown', { ...SHOWN, 'heading-level': '3' })}</section>`, HOST_CSS),
  );
  server = await startServer({ root: tmp });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function settled(page, id) {
  await page.locator(`#${id}[data-state="ready"], #${id}[data-state="error"]`).waitFor();
}

/** What an element shows: its state, its plan, its rows, its error box and its messages' codes. */
function shown(page, id) {
  return page.$eval(`#${id}`, (el) => {
    const root = el.shadowRoot;
    const box = root.querySelector('[part="error"]');
    return {
      state: el.dataset.state,
      plan: el.plan,
      rows: [...root.querySelectorAll('tbody tr')].map((tr) => [
        tr.dataset.id,
        tr.querySelector('[part="earliest"] time').getAttribute('datetime'),
        tr.querySelector('[part="latest"] time').getAttribute('datetime'),
      ]),
      error: { code: box.dataset.code ?? null, text: box.textContent },
      warnings: [...root.querySelectorAll('[part="warnings"] li')].map((li) => [li.dataset.code, li.textContent]),
      assumptions: [...root.querySelectorAll('[part="assumptions"] li')].map((li) => [li.dataset.code, li.textContent]),
    };
  });
}

/** The rows the command line's plan gives. */
const rowsOf = (plan) => plan.samtaler.map((s) => [s.id, s.earliest, s.latest]);

let shared;
async function hostPage() {
  if (!shared) {
    const opened = await openPage(browser);
    await opened.page.goto(server.url);
    for (const [id] of CASES) await settled(opened.page, id);
    shared = opened;
  }
  return shared;
}
after(async () => {
  await shared?.page.close();
});

test('prior-hours="500" for an R2026 start: the core\'s plan, the not-owed notice, no A1 or A2', { timeout: 60_000 }, async () => {
  const { page } = await hostPage();
  const got = await shown(page, 'prior500');
  const want = cli.prior500;
  assert.equal(got.state, 'ready');
  assert.deepEqual(got.plan, want, 'the element\'s plan is the command line\'s, field for field');
  assert.deepEqual(got.rows, rowsOf(want));
  // The R2026 start with 500 hours: past the 410-hour line, the jobcenter holds the forløb from
  // the first day; L(3 md) lies before it; A1 and A2 are not owed.
  assert.equal(want.schema, 2);
  assert.equal(want.regime.id, 'R2026');
  assert.equal(want.prior_hours, 500);
  assert.equal(want.milestones.L3m, null);
  assert.equal(want.milestones.handover, START);
  assert.deepEqual(rowsOf(want).map(([id]) => id), ['K1', 'K2', 'S16']);
  assert.deepEqual(want.not_owed.map((n) => [n.id, n.reason]), [['A1', 'handover_at_start'], ['A2', 'handover_at_start']]);
  // The notice stands among the warnings, naming what is left out and why.
  const notice = got.warnings.find(([code]) => code === 'W_NOT_OWED');
  assert.ok(notice, JSON.stringify(got.warnings));
  assert.equal(notice[1], want.warnings.find((w) => w.code === 'W_NOT_OWED').text);
  assert.match(notice[1], /A1 “1\. jobsamtale i a-kassen” og A2 “2\. jobsamtale i a-kassen” holdes ikke: med 500 timer fra tidligere ledighed/);
  // Without prior hours the same start owes A1 and A2.
  const none = await shown(page, 'none');
  assert.deepEqual(none.plan, cli.none);
  assert.deepEqual(none.rows.map(([id]) => id), ['A1', 'A2', 'K1', 'K2', 'S16']);
  assert.equal(none.plan.prior_hours, 0);
  assert.deepEqual(none.plan.not_owed, []);
  assert.ok(!none.warnings.some(([code]) => code === 'W_NOT_OWED'));
  const events = await page.evaluate(() => window.events.prior500);
  assert.deepEqual(events, [{ type: 'samtaleplan:change', bubbles: true, composed: true, detail: null }]);
});

test('prior-hours takes a decimal comma or point, spaces around, and empty as none', { timeout: 60_000 }, async () => {
  const { page } = await hostPage();
  for (const id of ['comma', 'dot', 'spaced', 'empty']) {
    const got = await shown(page, id);
    assert.equal(got.state, 'ready', id);
    assert.deepEqual(got.plan, cli[id], id);
    assert.deepEqual(got.rows, rowsOf(cli[id]), id);
  }
  assert.equal((await shown(page, 'comma')).plan.prior_hours, 481.25);
  assert.equal((await shown(page, 'spaced')).plan.prior_hours, 200);
  assert.deepEqual((await shown(page, 'empty')).plan, cli.none);
  // The property reads the attribute as a number.
  const read = await page.evaluate(() => ['comma', 'dot', 'spaced', 'empty', 'none', 'words'].map((id) => document.getElementById(id).priorHours));
  assert.deepEqual(read, [481.25, 481.25, 200, null, null, null]);
});

test('a prior-hours the core refuses: its code, message and field in the event, the state and the box', { timeout: 60_000 }, async () => {
  const { page } = await hostPage();
  const expected = {
    negative: 'E_UNKNOWN_VALUE',
    'negative-en': 'E_UNKNOWN_VALUE',
    'three-decimals': 'E_UNKNOWN_VALUE',
    words: 'E_TYPE',
    thousands: 'E_TYPE',
    over: 'E_PRIOR_HOURS',
  };
  const events = await page.evaluate(() => window.events);
  for (const [id, code] of Object.entries(expected)) {
    const want = cli[id].error;
    assert.equal(want.code, code, `${id}: the core's code`);
    assert.equal(want.field, 'prior_hours', id);
    // The event carries exactly the core's error.
    assert.deepEqual(events[id], [{ type: 'samtaleplan:error', bubbles: true, composed: true, detail: want }], id);
    const got = await shown(page, id);
    assert.equal(got.state, 'error', id);
    assert.equal(got.plan, null, id);
    assert.deepEqual(got.rows, [], `${id}: no plan shown`);
    assert.deepEqual(got.error, { code, text: want.message }, id);
  }
  assert.match(cli.negative.error.message, /Timer fra tidligere ledighed: “-1” kan ikke bruges/);
  assert.match(cli['negative-en'].error.message, /^[A-Z][^æøå]*-1/);
  assert.notEqual(cli['negative-en'].error.message, cli.negative.error.message, 'English for lang="en"');
  assert.match(cli.over.error.message, /5\.772/);
});

test('the priorHours property sets the attribute, and the element draws again', { timeout: 60_000 }, async () => {
  const { page } = await openPage(browser);
  await page.goto(server.url);
  await settled(page, 'none');
  const steps = await page.$eval('#none', async (el) => {
    const next = () =>
      new Promise((resolve) => {
        const done = (e) => {
          el.removeEventListener('samtaleplan:change', done);
          el.removeEventListener('samtaleplan:error', done);
          resolve(e.type === 'samtaleplan:change' ? ['change', el.getAttribute('prior-hours'), el.plan.prior_hours, el.plan.samtaler.map((s) => s.id).join(' ')] : ['error', el.getAttribute('prior-hours'), e.detail.code, e.detail.field]);
        };
        el.addEventListener('samtaleplan:change', done);
        el.addEventListener('samtaleplan:error', done);
      });
    const out = [];
    for (const value of ['481,25', 500, -1, null]) {
      const p = next();
      el.priorHours = value;
      out.push(await p);
    }
    return out;
  });
  assert.deepEqual(steps, [
    ['change', '481,25', 481.25, 'K1 K2 S16'],
    ['change', '500', 500, 'K1 K2 S16'],
    ['error', '-1', 'E_UNKNOWN_VALUE', 'prior_hours'],
    ['change', null, 0, 'A1 A2 K1 K2 S16'],
  ]);
  await page.close();
});

test('part-time work without an end, through pauses: the core\'s plan, the end null', { timeout: 60_000 }, async () => {
  const { page } = await hostPage();
  const got = await shown(page, 'open');
  const want = cli.open;
  assert.equal(got.state, 'ready');
  assert.deepEqual(got.plan, want);
  assert.deepEqual(got.rows, rowsOf(want));
  assert.deepEqual(want.pauses, [{ from: '2026-09-07', to: null, reason: 'arbejde', hours_per_week: 15 }]);
  // It slows the dates after 7 September: A2 later than without it.
  assert.ok(want.samtaler.find((s) => s.id === 'A2').latest > cli.none.samtaler.find((s) => s.id === 'A2').latest);
  assert.ok(got.assumptions.some(([code]) => code === 'A_OPEN_ENDED'), JSON.stringify(got.assumptions));
  assert.ok(got.warnings.some(([code]) => code === 'W_PART_TIME_LONG'), JSON.stringify(got.warnings));
  // A full pause may not go without an end, and work that leaves no hours asks for one.
  const events = await page.evaluate(() => window.events);
  for (const [id, code] of [['full-no-end', 'E_MISSING_FIELD'], ['no-hours-left', 'E_OPEN_ENDED_NO_HOURS']]) {
    const error = cli[id].error;
    assert.equal(error.code, code, id);
    assert.equal(error.field, 'pauses[0].to', id);
    assert.deepEqual(events[id][0].detail, error, id);
    assert.deepEqual((await shown(page, id)).error, { code, text: error.message }, id);
  }
});

test('a whole sickness through pauses: its first 14 days count, from day 15 a pause', { timeout: 60_000 }, async () => {
  const { page } = await hostPage();
  const got = await shown(page, 'sick');
  const want = cli.sick;
  assert.equal(got.state, 'ready');
  assert.deepEqual(got.plan, want);
  assert.deepEqual(got.rows, rowsOf(want));
  // The same dates as a holiday over days 15 to 40, later than with no sickness at all.
  assert.deepEqual(got.rows, (await shown(page, 'holiday')).rows);
  assert.deepEqual(want.milestones, cli.holiday.milestones);
  assert.notDeepEqual(got.rows, rowsOf(cli.none));
  const sickness = got.assumptions.find(([code]) => code === 'A_SICKNESS');
  assert.ok(sickness, JSON.stringify(got.assumptions));
  assert.match(sickness[1], /14/);
});

for (const [width, height, name] of [
  [375, 812, 'phone'],
  [1280, 900, 'column'],
]) {
  test(`prior hours, a sickness and open-ended work at ${width} px (${name === 'column' ? 'an 800 px column' : 'a phone'})`, { timeout: 60_000 }, async () => {
    const { page, problems } = await openPage(browser);
    await page.setViewportSize({ width, height });
    await page.goto(`${server.url}shown.html`);
    await settled(page, 'shown');
    const got = await shown(page, 'shown');
    assert.equal(got.state, 'ready');
    assert.deepEqual(got.plan, shownByCli);
    assert.deepEqual(got.rows, rowsOf(shownByCli));
    const box = await page.locator('#shown').boundingBox();
    assert.ok(box.width <= Math.min(width, 800), `the element stays in its column: ${box.width}`);
    const fit = await page.$eval('#shown', (el) => {
      const host = el.getBoundingClientRect();
      // Anything wider than the element, outside what is meant to scroll sideways (the table's wrapper).
      const wide = [...el.shadowRoot.querySelectorAll('*')].filter((n) => {
        if (n.closest('.samtaleplan-scroll')) return false;
        const r = n.getBoundingClientRect();
        return r.width > 0 && (r.right > host.right + 1 || r.left < host.left - 1);
      });
      return { page: document.documentElement.scrollWidth <= window.innerWidth, wide: wide.map((n) => `${n.tagName}.${n.getAttribute('class')}`) };
    });
    assert.equal(fit.page, true, 'no sideways scrolling of the page');
    assert.deepEqual(fit.wide, []);
    await page.screenshot({ path: path.join(artifacts, `embed-schema2-${width}.png`), fullPage: true });
    assert.deepEqual(problems, [], 'a clean console');
    // axe-core itself applies an inline style, which the strict CSP refuses: the console is
    // checked before it.
    assert.deepEqual(await axe(page), []);
    await page.close();
  });
}

/** The fenced blocks of one section of EMBEDDING.md, by language. */
async function docBlocks(heading) {
  const doc = await readFile(path.join(repo, 'EMBEDDING.md'), 'utf8');
  const at = doc.indexOf(`\n## ${heading}\n`);
  assert.ok(at >= 0, `EMBEDDING.md has the section "${heading}"`);
  const section = doc.slice(at + 1).split(/\n## /)[0];
  const blocks = {};
  for (const [, lang, body] of section.matchAll(/```(\w+)\n([\s\S]*?)```/g)) blocks[lang] = body;
  return blocks;
}

test('EMBEDDING.md\'s examples for prior hours, open-ended work and a sickness work as written, under the strict CSP', { timeout: 60_000 }, async () => {
  const { html, js } = await docBlocks('Earlier unemployment, part-time work without an end, a sickness');
  assert.ok(html && js, 'the section has an html and a js example');
  const head = '<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Portal</title><link rel="icon" href="data:,">\n<script type="module" src="/vendor/samtaleplan/samtale-plan.js"></script>';
  await writeFile(path.join(tmp, 'doc.html'), `${head}</head><body><main>${html}</main></body></html>`);
  await writeFile(path.join(tmp, 'doc-script.js'), js);
  await writeFile(path.join(tmp, 'doc-script.html'), `${head}<script type="module" src="doc-script.js"></script></head><body><main>${html}</main></body></html>`);
  const { page, problems } = await openPage(browser);
  await page.goto(`${server.url}doc.html`);
  await page.waitForFunction(() => [...document.querySelectorAll('samtale-plan')].every((el) => ['ready', 'error'].includes(el.dataset.state)));
  const plans = await page.$$eval('samtale-plan', (els) => els.map((el) => [el.dataset.state, el.plan]));
  assert.deepEqual(plans.map(([state]) => state), ['ready', 'ready', 'ready']);
  const [prior, open, sick] = plans.map(([, plan]) => plan);
  assert.equal(prior.prior_hours, 481.25);
  assert.deepEqual(prior.not_owed.map((n) => n.id), ['A1', 'A2']);
  assert.deepEqual(open.pauses, [{ from: '2026-09-07', to: null, reason: 'arbejde', hours_per_week: 15 }]);
  assert.deepEqual(sick.pauses, [{ from: '2026-09-07', to: '2026-10-16', reason: 'sygdom' }]);
  assert.ok(sick.assumptions.some((a) => a.code === 'A_SICKNESS'));
  // The dates are those of the same requests on the command line (START is the examples' start).
  assert.deepEqual(rowsOf(prior), rowsOf(cli.comma));
  assert.deepEqual(rowsOf(open), rowsOf(cli.open));
  assert.deepEqual(rowsOf(sick), rowsOf(cli.sick));
  // The script example sets the first element's properties.
  await page.goto(`${server.url}doc-script.html`);
  await page.waitForFunction(() => document.querySelector('samtale-plan').plan?.pauses.length === 2);
  const first = await page.$eval('samtale-plan', (el) => [el.getAttribute('prior-hours'), el.plan.prior_hours, el.plan.pauses]);
  assert.deepEqual(first, ['481.25', 481.25, [
    { from: '2026-09-07', to: '2026-10-16', reason: 'sygdom' },
    { from: '2026-11-02', to: null, reason: 'arbejde', hours_per_week: 15 },
  ]]);
  assert.deepEqual(problems, []);
  await page.close();
});

// Found while checking the 800 px column: between 720 px (where the table then became cards) and
// about 930 px of the element's width, the table (min-width 40em, the explanation 15em) was wider
// than the element and stuck out of the portal's column. Cards now below 60em of the plan's width.
test('the table stays inside an 800 px column', { timeout: 60_000 }, async () => {
  const { page } = await openPage(browser);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${server.url}shown.html`);
  await settled(page, 'shown');
  const [host, table, clip] = await page.$eval('#shown', (el) => {
    const scroll = el.shadowRoot.querySelector('.samtaleplan-scroll');
    return [el.getBoundingClientRect().right, el.shadowRoot.querySelector('.samtaleplan-table').getBoundingClientRect().right, getComputedStyle(scroll).overflowX];
  });
  await page.close();
  assert.ok(table <= host + 1 || ['auto', 'scroll'].includes(clip), `the table ends at ${table} px, the element at ${host} px, overflow-x ${clip}`);
});
