// The caseload page in Chromium: a 10,000-row file with progress, results and paging; the
// hand-worked files (small.csv, and the same members as Danish Excel's Windows-1252 CSV and as an
// .xlsx) and the messy one; the same numbers and bytes as the command line; the worklist's
// search, filters, sort and pages; a member's own plan; the .xlsx download; a file that is not a
// table; a run after a failed one; accessibility; screenshots at 375 and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { useBrowser, openPage, artifacts, repo, fillDate, noSidewaysScroll } from './browser.mjs';
import { caseloadCsv } from './generate.mjs';

const ctx = useBrowser();
const cli = path.join(repo, 'target', 'release', 'samtaleplan');
const fixture = (name) => path.join(repo, 'tests', 'caseload', name);
const small = fixture('small.csv');
const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js', { paths: [repo] }), 'utf8');

let tmp;
let big;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'samtaleplan-caseload-'));
  big = path.join(tmp, 'medlemmer-10000.csv');
  await writeFile(big, caseloadCsv(10000, { seed: 11, today: '2025-03-05' }));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Opens the page, chooses a file and runs it for `today`; returns the page when it is done. */
async function runFile(file, today, { watch, page: given } = {}) {
  const { page, problems } = given ? { page: given, problems: [] } : await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}caseload.html`);
  await page.waitForSelector('#caseload-form[data-ready="true"]');
  await fillDate(page, 'today', today);
  await watch?.(page);
  await page.setInputFiles('#file', file);
  await page.click('#run');
  await page.waitForSelector('#results[data-state="done"]', { timeout: 60000 });
  return { page, problems };
}

function cliOut(args, encoding = 'utf8') {
  const run = spawnSync(cli, ['caseload', ...args], { encoding, maxBuffer: 1 << 28 });
  assert.equal(run.status, 0, String(run.stderr));
  return run.stdout;
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const saved = path.join(tmp, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), bytes: await readFile(saved) };
}
const downloadText = async (page, selector) => (await download(page, selector)).bytes.toString('utf8').replace(/^\ufeff/, '');

/** The worklist's rows on the page as "member id". */
const listed = (page) =>
  page.$$eval('.caseload-list tbody tr', (rows) => rows.map((r) => `${r.children[0].textContent} ${r.children[1].textContent.split(' ')[0]}`));

/** Waits for the worklist to show `total` samtaler after a change of filter. */
async function worklistTotal(page, total) {
  await page.waitForFunction((t) => document.getElementById('worklist').dataset.total === String(t), total);
}

test('a 10,000-row file: progress, results, paging through all, no console errors, no requests', async () => {
  const progress = [];
  const requests = [];
  const { page, problems } = await runFile(big, '2025-03-05', {
    watch: async (p) => {
      p.on('request', (r) => requests.push(r.url()));
      await p.exposeFunction('recordProgress', (v) => progress.push(v));
      await p.evaluate(() => {
        const bar = document.getElementById('progress');
        new MutationObserver(() => window.recordProgress(bar.value)).observe(bar, { attributes: true });
        const text = document.getElementById('progress-text');
        new MutationObserver(() => window.recordProgress(text.textContent)).observe(text, { childList: true, characterData: true, subtree: true });
      });
    },
  });
  assert.equal(await page.getAttribute('#progress', 'value'), '100');
  assert.ok(progress.length >= 2, `progress was shown: ${JSON.stringify(progress)}`);
  assert.match(await page.textContent('#progress-text'), /Færdig: 10\.000 rækker/);
  assert.match(await page.textContent('#summary-line'), /10\.000 medlemmer beregnet/);
  assert.match(await page.textContent('#source-line'), /CSV, UTF-8, semikolon/);
  assert.equal(await page.locator('.caseload-chart').count(), 1, 'the chart is drawn');
  assert.equal(await page.locator('.caseload-week').count(), 26);
  assert.equal(await page.locator('.caseload-workload tbody tr').count(), 26);
  // The chart's bars add up to the table's totals.
  const bars = await page.$$eval('.caseload-week', (g) => g.map((x) => Number(x.dataset.total)));
  const table = await page.$$eval('.caseload-workload tbody tr', (rows) => rows.map((r) => Number(r.lastElementChild.textContent.replace(/\./g, ''))));
  assert.deepEqual(bars, table);
  // Paging: 50 a page, through to the last, all of it (not the first 200).
  const total = Number(await page.getAttribute('#worklist', 'data-total'));
  assert.ok(total > 1000, `${total} samtaler`);
  assert.match(await page.textContent('#worklist-count'), new RegExp(`Viser 1–50 af ${total.toLocaleString('da-DK').replace('.', '\\.')}`));
  assert.equal(await page.isDisabled('#prev'), true);
  await page.click('#next');
  await page.waitForFunction(() => document.getElementById('worklist').dataset.offset === '50');
  assert.match(await page.textContent('#worklist-count'), /Viser 51–100/);
  const lastPage = Math.floor((total - 1) / 50);
  for (let i = 1; i < lastPage; i++) await page.click('#next');
  await page.waitForFunction((o) => document.getElementById('worklist').dataset.offset === String(o), lastPage * 50);
  assert.equal(await page.locator('.caseload-list tbody tr').count(), total - lastPage * 50);
  assert.equal(await page.isDisabled('#next'), true);
  assert.deepEqual(requests, [], 'choosing and reading the file makes no request');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the page and the command line give the same numbers and the same bytes', async () => {
  const { page } = await runFile(big, '2025-03-05');
  const args = [big, '--today', '2025-03-05'];
  for (const list of ['workload', 'on_time_by_samtale', 'on_time_by_start_month', 'star', 'errors', 'worklist']) {
    const fromPage = await downloadText(page, `[data-export="${list}"]`);
    assert.equal(fromPage, cliOut([...args, '--format', 'csv', '--list', list]), list);
  }
  // Filtered: the overdue a-kasse samtaler, latest first; the CSV and the .xlsx.
  await page.selectOption('#holder', 'akasse');
  await page.selectOption('#status', 'overdue');
  await page.selectOption('#sort', 'desc');
  const filter = ['--holder', 'akasse', '--status', 'overdue'];
  const csv = await downloadText(page, '[data-export="worklist"]');
  const cliCsv = cliOut([...args, '--format', 'csv', '--list', 'worklist', ...filter]);
  assert.deepEqual(csv.split('\r\n').sort(), cliCsv.split('\r\n').sort());
  assert.equal(csv.split('\r\n')[1], cliCsv.split('\r\n').filter(Boolean).at(-1), 'latest first on the page');
  await page.selectOption('#sort', 'asc');
  const xlsx = await download(page, '[data-xlsx="all"]');
  assert.equal(xlsx.name, 'samtaleplan-all-2025-03-05.xlsx');
  assert.deepEqual(xlsx.bytes, cliOut([...args, '--format', 'xlsx', '--list', 'all', ...filter], 'buffer'), 'the same workbook, byte for byte');
  assert.equal(xlsx.bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
  // The rendered STAR shares match the command line's JSON; the member count too.
  const json = JSON.parse(cliOut(args));
  const shares = await page.$$eval('.caseload-star tbody tr', (rows) => rows.map((r) => r.children[2].textContent));
  assert.deepEqual(shares, [json.star.first_within_1_5_months.text, json.star.first_within_3_months.text, json.star.two_in_last_3_months.text]);
  assert.match(await page.textContent('#summary-line'), new RegExp(`${json.members.toLocaleString('da-DK').replace('.', '\\.')} medlemmer`));
  // The holder filter applies to the counts it names: the chart has only a-kasse bars.
  const holders = await page.$$eval('.caseload-week rect', (r) => [...new Set(r.map((x) => x.dataset.holder))]);
  assert.deepEqual(holders, ['akasse']);
  const akasse = JSON.parse(cliOut([...args, '--holder', 'akasse']));
  assert.equal(await page.textContent('[data-status="overdue"]'), `Overskredne: ${akasse.overdue.total.toLocaleString('da-DK')}`);
  await page.close();
});

test('a CSV visit loads the light caseload module only; a spreadsheet or an .xlsx export the full one, a member the plan module', async () => {
  // The modules the server was asked for since `from` (each page is a fresh context: no cache).
  const modules = (from) => [...new Set(ctx.server.requests.slice(from).filter((r) => /^\/pkg\/.*\.wasm$/.test(r)))].sort();
  let from = ctx.server.requests.length;
  const { page, problems } = await runFile(small, '2024-06-05');
  const csv = await downloadText(page, '[data-export="worklist"]');
  assert.equal(csv, cliOut([small, '--today', '2024-06-05', '--format', 'csv', '--list', 'worklist']));
  assert.deepEqual(modules(from), ['/pkg/caseload_bg.wasm'], 'a CSV visit: the light module (in the worker) only');
  // The .xlsx writer comes with the first .xlsx export, and writes the command line's bytes.
  const xlsx = await download(page, '[data-xlsx="worklist"]');
  assert.deepEqual(xlsx.bytes, cliOut([small, '--today', '2024-06-05', '--format', 'xlsx', '--list', 'worklist'], 'buffer'));
  assert.deepEqual(modules(from), ['/pkg/caseload-xlsx_bg.wasm', '/pkg/caseload_bg.wasm']);
  // The page goes on from the full module's job: the same worklist.
  assert.equal(await downloadText(page, '[data-export="worklist"]'), csv);
  // A member's own plan is drawn on the page by the plan module, not by a caseload module.
  await page.fill('#search', '1004');
  await worklistTotal(page, 4);
  await page.click('[data-member="1004"] >> nth=0');
  await page.waitForSelector('#member-dialog[open] .samtaleplan-table');
  assert.deepEqual(modules(from), ['/pkg/caseload-xlsx_bg.wasm', '/pkg/caseload_bg.wasm', '/pkg/samtaleplan_bg.wasm']);
  assert.deepEqual(problems, []);
  await page.close();
  // A spreadsheet is read by the full module from the start.
  from = ctx.server.requests.length;
  const { page: sheet } = await runFile(fixture('small.xlsx'), '2024-06-05');
  assert.match(await sheet.textContent('#source-line'), /Regneark/);
  assert.deepEqual(modules(from), ['/pkg/caseload-xlsx_bg.wasm', '/pkg/caseload_bg.wasm']);
  await sheet.close();
});

test('the hand-worked file: worklist search, filters, sort, a member\'s plan, errors, STAR', async () => {
  const { page, problems } = await runFile(small, '2024-06-05');
  await page.selectOption('#status', 'this_week');
  await worklistTotal(page, 5);
  assert.deepEqual((await listed(page)).sort(), ['1008 A1', '1010 F2', '1010 J3', '1010 J4', '1010 R2']);
  await page.selectOption('#status', 'overdue');
  await worklistTotal(page, 4);
  assert.deepEqual(await listed(page), ['1004 A1', '1003 A3', '1002 A3', '1004 A2']);
  await page.selectOption('#sort', 'desc');
  await page.waitForFunction(() => document.querySelector('.caseload-list tbody th')?.textContent === '1004' && document.querySelectorAll('.caseload-list tbody tr')[1].firstChild.textContent === '1002');
  assert.deepEqual(await listed(page), ['1004 A2', '1002 A3', '1003 A3', '1004 A1']);
  // The counts are buttons for their status.
  await page.selectOption('#sort', 'asc');
  await page.click('[data-status="next_week"]');
  await worklistTotal(page, 1);
  assert.deepEqual(await listed(page), ['1009 A1']);
  await page.selectOption('#status', '');
  await page.fill('#search', '1010');
  await worklistTotal(page, 4);
  await page.fill('#search', '');
  await page.selectOption('#samtale', 'R2020 F2');
  await worklistTotal(page, 1);
  await page.selectOption('#samtale', '');
  await page.selectOption('#week', '2024-W24');
  await worklistTotal(page, 1);
  await page.selectOption('#week', '');
  // The holder filter narrows the worklist (R2020's rådighedssamtale R2 is the a-kasse's too).
  await page.selectOption('#holder', 'akasse');
  await page.selectOption('#status', 'this_week');
  await worklistTotal(page, 2);
  assert.deepEqual(await listed(page), ['1008 A1', '1010 R2']);
  await page.selectOption('#holder', '');
  await page.selectOption('#status', '');
  const errors = await page.$$eval('.caseload-errors tbody tr', (rows) => rows.map((r) => `${r.children[0].textContent} ${r.children[2].textContent}`));
  assert.deepEqual(errors, ['4 E_CSV_DATE', '7 E_CSV_VALUE', '10 E_CSV_HELD', '13 E_START_TOO_EARLY', '16 E_CSV_FIELDS']);
  const star = await page.$$eval('.caseload-star tbody tr', (rows) => rows.map((r) => r.children[1].textContent));
  assert.deepEqual(star, ['7 af 8', '4 af 5', '3 af 5']);
  // A member opens their own plan: the citizen's view with its timeline, and the .ics.
  await page.fill('#search', '1004');
  await worklistTotal(page, 4);
  await page.click('[data-member="1004"] >> nth=0');
  await page.waitForSelector('#member-dialog[open] .samtaleplan-table');
  assert.match(await page.textContent('#member-heading'), /Medlem 1004 \(linje 6\)/);
  assert.match(await page.textContent('#member-held'), /A3 3\.6\.2024, J1 4\.6\.2024/);
  assert.equal(await page.locator('#member-plan svg').count() >= 1, true, 'the timeline is drawn');
  const ics = await download(page, '#member-ics');
  assert.equal(ics.name, 'samtaleplan-1004.ics');
  // One event a samtale on its latest date; those whose latest date has passed on the day of the
  // summary are left out (three of the member's seven).
  const rows = await page.$$eval('#member-plan tbody tr', (trs) => trs.map((tr) => tr.querySelector('.samtaleplan-latest time').getAttribute('datetime')));
  assert.equal(rows.length, 7);
  const future = rows.filter((latest) => latest >= '2024-06-05');
  const text = ics.bytes.toString('utf8');
  assert.equal(text.split('BEGIN:VEVENT').length - 1, future.length);
  assert.equal(future.length, 4);
  assert.deepEqual([...text.matchAll(/DTSTART;VALUE=DATE:(\d{4})(\d\d)(\d\d)/g)].map((m) => `${m[1]}-${m[2]}-${m[3]}`), future);
  await page.evaluate(AXE);
  const axe = () =>
    page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
  assert.deepEqual(await axe(), [], 'the member dialog');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('member-dialog').open);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.member), '1004', 'focus goes back');
  // The worklist as .xlsx: the command line's bytes.
  const xlsx = await download(page, '[data-xlsx="worklist"]');
  assert.deepEqual(xlsx.bytes, cliOut([small, '--today', '2024-06-05', '--format', 'xlsx', '--list', 'worklist', '--search', '1004'], 'buffer'));
  assert.deepEqual(await axe(), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Excel\'s files: Windows-1252 CSV and .xlsx give the hand-worked numbers; the messy file its errors', async () => {
  const { page: reference } = await runFile(small, '2024-06-05');
  const numbers = (page) =>
    page.evaluate(() => ({
      summary: document.getElementById('summary-line').textContent,
      workload: [...document.querySelectorAll('.caseload-workload tbody tr')].map((r) => r.textContent),
      onTime: [...document.querySelectorAll('.caseload-on-time tbody tr')].map((r) => r.textContent),
      star: [...document.querySelectorAll('.caseload-star tbody tr')].map((r) => r.textContent),
      // The code by its column: a file with names has a Navn column before it.
      errors: [...document.querySelectorAll('.caseload-errors tbody tr')].map((r) => `${r.children[0].textContent} ${r.querySelector('[data-label="Kode"]').textContent}`),
    }));
  const want = await numbers(reference);
  await reference.close();
  for (const [name, source, warned] of [
    ['excel-1252.csv', /CSV, Windows-1252, semikolon/, /“sagsbehandler”/],
    ['small.xlsx', /Regneark \(ark: Medlemmer\)/, null],
    ['small-libreoffice.xlsx', /Regneark \(ark: small\)/, null],
  ]) {
    const { page, problems } = await runFile(fixture(name), '2024-06-05');
    assert.deepEqual(await numbers(page), want, name);
    assert.match(await page.textContent('#source-line'), source);
    if (warned) assert.match(await page.textContent('#warnings-list'), warned);
    // The "navn" column is read, not skipped.
    assert.doesNotMatch(await page.textContent('#warnings-list'), /navn/);
    if (name === 'small.xlsx') {
      // Two sheets: the choice appears; the other sheet has no member column.
      assert.equal(await page.isVisible('#sheet'), true);
      await page.selectOption('#sheet', 'Noter');
      await page.waitForFunction(() => document.getElementById('page-error').dataset.code === 'E_CSV_HEADER');
    } else if (name === 'excel-1252.csv') {
      assert.match(await page.textContent('.caseload-errors'), /Ærø-2002/);
    }
    assert.deepEqual(problems, []);
    await page.close();
  }
  const { page } = await runFile(fixture('messy.csv'), '2024-06-05');
  const errors = await page.$$eval('.caseload-errors tbody tr', (rows) => rows.map((r) => `${r.children[0].textContent} ${r.children[2].textContent} ${r.children[1].textContent}`.trim()));
  assert.deepEqual(errors, ['10 E_CSV_QUOTE', '13 E_CSV_VALUE 3001', '15 E_CSV_VALUE 3008', '18 E_CSV_DATE 3010', '20 E_CSV_QUOTE', '21 E_CSV_QUOTE']);
  assert.match(await page.textContent('#summary-line'), /14 medlemmer/);
  assert.match(await page.textContent('#warnings-list'), /fjernet fra 4 medlemsreference/);
  await page.fill('#search', '=1+2');
  await worklistTotal(page, 6);
  const csv = await downloadText(page, '[data-export="worklist"]');
  assert.match(csv, /\r\n'=1\+2;/, 'neutralised in the export');
  await page.close();
});

test('names: shown, searched as "Åse", in the member\'s plan and in the exports, the command line\'s bytes', async () => {
  const requests = [];
  const file = fixture('excel-1252.csv');
  const { page, problems } = await runFile(file, '2024-06-05', { watch: async (p) => p.on('request', (r) => requests.push(r.url())) });
  const head = await page.$$eval('.caseload-list thead th', (th) => th.map((t) => t.textContent));
  assert.deepEqual(head.slice(0, 3), ['Medlem', 'Navn', 'Samtale']);
  for (const search of ['Åse', 'åse', 'ÆBELØ']) {
    await page.fill('#search', search);
    await page.waitForFunction(() => [...document.querySelectorAll('.caseload-list tbody tr')].every((r) => r.children[1].textContent === 'Åse Æbelø'));
    const shown = await page.$$eval('.caseload-list tbody tr', (rows) => rows.map((r) => `${r.children[0].textContent} ${r.children[1].textContent}`));
    assert.ok(shown.length > 0, search);
    assert.deepEqual([...new Set(shown)], ['1002 Åse Æbelø'], search);
  }
  const total = Number(await page.getAttribute('#worklist', 'data-total'));
  const args = [file, '--today', '2024-06-05'];
  const cliCsv = cliOut([...args, '--format', 'csv', '--list', 'worklist', '--search', 'åse']);
  assert.equal(cliCsv.trim().split('\r\n').length, total + 1);
  assert.equal(await downloadText(page, '[data-export="worklist"]'), cliCsv, 'the worklist CSV with its names');
  assert.match(cliCsv, /^Medlem;Navn;Linje;.*\r\n1002;Åse Æbelø;3;/);
  const xlsx = await download(page, '[data-xlsx="worklist"]');
  assert.deepEqual(xlsx.bytes, cliOut([...args, '--format', 'xlsx', '--list', 'worklist', '--search', 'åse'], 'buffer'));
  assert.equal(await downloadText(page, '[data-export="errors"]'), cliOut([...args, '--format', 'csv', '--list', 'errors']));
  assert.match(await page.textContent('.caseload-errors'), /Bjørn Ås/);
  // The button's accessible name and the member's dialog name the member.
  assert.equal(await page.getAttribute('[data-member="1002"] >> nth=0', 'aria-label'), 'Åbn planen for Åse Æbelø (1002)');
  await page.click('[data-member="1002"] >> nth=0');
  await page.waitForSelector('#member-dialog[open] .samtaleplan-table');
  assert.match(await page.textContent('#member-heading'), /^Åse Æbelø, medlem 1002 \(linje 3\)/);
  await page.keyboard.press('Escape');
  // The JSON the command line gives has the names the page shows.
  const json = JSON.parse(cliOut(args));
  assert.equal(json.source.name_column, 'navn');
  assert.ok(json.overdue.items.every((i) => typeof i.name === 'string'));
  assert.deepEqual(requests.filter((u) => !u.startsWith(ctx.server.url)), [], 'nothing leaves the browser');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a column the caseworker picks is the name: read again, searched, exported as the command line\'s --name-column', async () => {
  const file = fixture('excel-1252.csv');
  const { page, problems } = await runFile(file, '2024-06-05');
  assert.equal(await page.isVisible('#label-group'), true);
  const offered = await page.$$eval('#label option', (o) => o.map((x) => x.value));
  assert.equal(offered[0], 'navn', 'the file\'s name column first, chosen');
  assert.ok(offered.includes('sagsbehandler'), offered.join(', '));
  assert.equal(await page.inputValue('#label'), 'navn');
  await page.selectOption('#label', 'sagsbehandler');
  await page.waitForFunction(() => document.getElementById('results').dataset.state === 'done' && document.querySelector('#label').value === 'sagsbehandler');
  // The navn column is now one of those not read, and can be picked back.
  assert.ok((await page.$$eval('#label option', (o) => o.map((x) => x.value))).includes('navn'));
  await page.fill('#search', 'bodil');
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('.caseload-list tbody tr')];
    return rows.length > 0 && rows.every((r) => r.children[1].textContent === 'Bodil Ærø');
  });
  const args = [file, '--today', '2024-06-05', '--name-column', 'sagsbehandler'];
  assert.equal(
    await downloadText(page, '[data-export="worklist"]'),
    cliOut([...args, '--format', 'csv', '--list', 'worklist', '--search', 'bodil']),
    'the worklist with the picked column as the name',
  );
  assert.deepEqual(problems, []);
  await page.close();
});

test('a file that is not a table says so; a failed run leaves the next one working', async () => {
  const { page } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}caseload.html`);
  await page.click('#run');
  assert.match(await page.textContent('#page-error'), /Vælg en fil/);
  await page.waitForSelector('#caseload-form[data-ready="true"]');
  const png = path.join(tmp, 'billede.csv');
  await writeFile(png, Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'));
  await page.setInputFiles('#file', png);
  await page.click('#run');
  await page.waitForFunction(() => document.getElementById('page-error').dataset.code === 'E_CSV_FILE');
  assert.match(await page.textContent('#page-error'), /Filen er ikke tekst/);
  assert.equal(await page.isVisible('#results'), false);
  // A day the job refuses (its constructor throws), then a good one: no E_INTERNAL after.
  await page.setInputFiles('#file', small);
  await fillDate(page, 'today', '1800-01-01');
  await page.click('#run');
  await page.waitForFunction(() => ['E_DATE_RANGE', 'E_DATE_FORMAT'].includes(document.getElementById('page-error').dataset.code));
  for (let i = 0; i < 2; i++) {
    await fillDate(page, 'today', '2024-06-05');
    await page.click('#run');
    await page.waitForSelector('#results[data-state="done"]');
    assert.equal(await page.textContent('#page-error'), '');
    await page.fill('#search', '1004');
    await worklistTotal(page, 4);
  }
  await page.close();
});

test('at 375 px the worklist is cards: nothing scrolls sideways, Senest and Status in view on every row', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 375, height: 900 } });
  await runFile(fixture('excel-1252.csv'), '2024-06-05', { page });
  const cards = await page.$$eval('.caseload-list tbody tr', (rows) =>
    rows.map((r) => {
      const box = (el) => el && el.getBoundingClientRect();
      const cell = (label) => r.querySelector(`[data-label="${label}"]`);
      const region = r.closest('.caseload-scroll');
      return {
        display: getComputedStyle(r).display,
        right: Math.max(...[...r.children].map((c) => box(c).right)),
        senest: cell('Senest') && { text: cell('Senest').textContent, ...box(cell('Senest')).toJSON(), seen: getComputedStyle(cell('Senest'), '::before').content },
        status: cell('Status') && { text: cell('Status').textContent, ...box(cell('Status')).toJSON() },
        scrolls: region.scrollWidth > region.clientWidth,
      };
    }),
  );
  assert.ok(cards.length > 5, `${cards.length} rows`);
  for (const c of cards) {
    assert.equal(c.display, 'flex', 'a card');
    assert.equal(c.scrolls, false, 'the list does not scroll sideways');
    for (const cell of [c.senest, c.status]) {
      assert.ok(cell && cell.text && cell.width > 0 && cell.height > 0, JSON.stringify(c));
      assert.ok(cell.left >= 0 && cell.right <= 375, `in view: ${JSON.stringify(cell)}`);
    }
    assert.equal(c.senest.seen, '"Senest: "', 'the value under its column\'s name');
    assert.ok(c.right <= 375, JSON.stringify(c));
  }
  await noSidewaysScroll(page, 'the caseload at 375 px');
  await page.locator('.caseload-list').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'caseload-worklist-375.png'), fullPage: false });
  // At 1280 px it is a table again.
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.equal(await page.$eval('.caseload-list tbody tr', (r) => getComputedStyle(r).display), 'table-row');
  await page.close();
});

test('the page at 375 and 1280 px with a file loaded', async () => {
  for (const width of [375, 1280]) {
    const page = await ctx.browser.newPage({ viewport: { width, height: 900 } });
    await runFile(small, '2024-06-05', { page });
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= width, `no sideways scrolling at ${width} px (${scroll})`);
    await page.screenshot({ path: path.join(artifacts, `caseload-${width}.png`), fullPage: true });
    await page.click('[data-member="1004"] >> nth=0');
    await page.waitForSelector('#member-dialog[open] .samtaleplan-table');
    await page.screenshot({ path: path.join(artifacts, `caseload-member-${width}.png`) });
    await page.close();
  }
});

test('a file without held dates: said at the top, shares unknown, the open samtaler first, the same as the command line', async () => {
  // small.csv's first five columns: the members without a single holdt_<ID> column.
  const text = (await readFile(small, 'utf8')).split(/\r?\n/).filter(Boolean).map((l) => l.split(';').slice(0, 5).join(';')).join('\n');
  const file = path.join(tmp, 'uden-holdt.csv');
  await writeFile(file, `${text}\n`);
  const day = ['--today', '2024-06-05'];
  const json = JSON.parse(cliOut([file, ...day]));
  const { page, problems } = await runFile(file, '2024-06-05');
  // Said first among the warnings, with its code, in the command line's words.
  assert.equal(await page.isVisible('#warnings'), true);
  const [code, said] = await page.$eval('#warnings-list li', (li) => [li.dataset.code, li.textContent]);
  assert.equal(code, 'W_NO_HELD_DATES');
  assert.equal(said, json.warnings[0].text);
  assert.match(said, /^Filen har ingen holdte datoer/);
  // The shares on time and STAR's indicators: unknown, not 0 %.
  const onTime = await page.$$eval('.caseload-on-time tbody tr', (r) => r.map((x) => x.lastElementChild.textContent));
  assert.ok(onTime.length > 1 && onTime.every((t) => t === 'ukendt'), onTime.join(' | '));
  assert.match(await page.textContent('#on-time'), /Ukendt: filen har ingen holdte datoer/);
  const star = await page.$$eval('.caseload-star tbody tr', (r) => r.map((x) => [x.children[1].textContent, x.children[2].textContent]));
  assert.ok(star.every(([n, share]) => /^ukendt \(af \d+ medlem(mer)?\)$/.test(n) && share === 'ukendt'), JSON.stringify(star));
  // The counts: a passed latest date is not called overdue; this week from the day to Sunday.
  const buttons = await page.$$eval('#status-counts button', (b) => b.map((x) => x.textContent.replace(/: [\d.]+$/, '')));
  assert.deepEqual(buttons, ['Frist passeret (holdt ukendt)', 'Frist fra i dag til søndag (5.6.2024–9.6.2024)', 'Frist næste uge (10.6.2024–16.6.2024)']);
  // The worklist starts with what is still open: the command line's --status open.
  assert.equal(await page.inputValue('#status'), 'open');
  const open = cliOut([file, ...day, '--format', 'csv', '--list', 'worklist', '--status', 'open']);
  assert.equal(await page.getAttribute('#worklist', 'data-total'), String(open.trim().split('\r\n').length - 2));
  assert.equal(await downloadText(page, '[data-export="worklist"]'), open, 'the note first, then the open samtaler');
  assert.match(open, /^Filen har ingen holdte datoer/);
  await page.selectOption('#status', 'overdue');
  await worklistTotal(page, json.overdue.total);
  const status = await page.$$eval('.caseload-list tbody tr', (r) => r.map((x) => x.lastElementChild.textContent));
  assert.ok(status.every((t) => /^frist passeret for \d+ dage? siden, holdt ukendt$/.test(t)), status.join(' | '));
  // The exports: the note first, "ukendt" for the shares; the command line's bytes.
  const starCsv = await downloadText(page, '[data-export="star"]');
  assert.equal(starCsv, cliOut([file, ...day, '--format', 'csv', '--list', 'star']));
  assert.match(starCsv, /ukendt\r\n$/);
  // The words a caseworker reads.
  assert.equal(await page.textContent('label[for="holder"]'), 'Vis tal for samtaler, der holdes af');
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => (await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })).violations.map((v) => v.id));
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Excel\'s "Unicode-tekst" (UTF-16 LE and BE, tabs) gives the command line\'s numbers; a quote taking in members is said; a bare byte-order mark a clear error, never E_TRAP', async () => {
  // small.csv as Excel saves it as "Unicode-tekst": UTF-16 with a byte-order mark, tab-separated.
  const text = (await readFile(small, 'utf8')).replace(/^\ufeff/, '').replaceAll(';', '\t').replaceAll('\n', '\r\n');
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16();
  const day = ['--today', '2024-06-05'];
  for (const [name, bytes, encoding] of [
    ['unicode-tekst-le.txt', le, 'UTF-16LE'],
    ['unicode-tekst-be.txt', be, 'UTF-16BE'],
    // An odd number of bytes: the last one is half a character.
    ['unicode-tekst-odd.txt', Buffer.concat([le, Buffer.from([0x41])]), 'UTF-16LE'],
    // 10,000 rows: read in many chunks.
    ['unicode-tekst-10000.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(await readFile(big, 'utf8'), 'utf16le')]), 'UTF-16LE'],
  ]) {
    const file = path.join(tmp, name);
    await writeFile(file, bytes);
    const json = JSON.parse(cliOut([file, ...day]));
    assert.equal(json.source.encoding, encoding, name);
    const { page, problems } = await runFile(file, '2024-06-05');
    assert.equal(await page.textContent('#page-error'), '', name);
    assert.match(await page.textContent('#source-line'), new RegExp(`CSV, ${encoding}, (tabulator|semikolon)`), name);
    assert.match(await page.textContent('#summary-line'), new RegExp(`${json.members.toLocaleString('da-DK').replace('.', '\\.')} medlemmer`), name);
    assert.equal(await downloadText(page, '[data-export="worklist"]'), cliOut([file, ...day, '--format', 'csv', '--list', 'worklist']), name);
    if (name === 'unicode-tekst-be.txt') {
      // The .xlsx export reads the file again in the full module.
      const xlsx = await download(page, '[data-xlsx="all"]');
      assert.deepEqual(xlsx.bytes, cliOut([file, ...day, '--format', 'xlsx', '--list', 'all'], 'buffer'), name);
    }
    assert.deepEqual(problems, [], name);
    await page.close();
  }
  // A quoted field that takes in member rows: said on the page in the command line's words.
  const quoted = path.join(tmp, 'vip.csv');
  await writeFile(quoted, 'medlem;start;note\n1;04-03-2024;\n2;04-03-2024;"VIP\n3;04-03-2024;\n4;04-03-2024;\n5;04-03-2024;ring igen"\n');
  const said = JSON.parse(cliOut([quoted, ...day])).warnings.find((w) => w.code === 'W_QUOTE_SPANS_ROWS');
  assert.match(said.text, /linje 4, 5, 6 \(i rækken fra linje 3\)/);
  const { page: vip } = await runFile(quoted, '2024-06-05');
  assert.equal(await vip.textContent('#warnings-list li[data-code="W_QUOTE_SPANS_ROWS"]'), said.text);
  await vip.close();
  // Only a byte-order mark, LE or BE (and one with half a character): the file is empty, as the command line says.
  const { page } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}caseload.html`);
  await page.waitForSelector('#caseload-form[data-ready="true"]');
  await fillDate(page, 'today', '2024-06-05');
  for (const [name, hex] of [['bom-le.csv', 'fffe'], ['bom-be.csv', 'feff'], ['bom-odd.csv', 'fffe41']]) {
    const file = path.join(tmp, name);
    await writeFile(file, Buffer.from(hex, 'hex'));
    const run = spawnSync(cli, ['caseload', file, ...day, '--lang', 'da'], { encoding: 'utf8' });
    assert.notEqual(run.status, 0, name);
    assert.match(run.stderr, /E_CSV_HEADER/, name);
    await page.evaluate(() => delete document.getElementById('page-error').dataset.code);
    await page.setInputFiles('#file', file);
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('page-error').dataset.code, null, { timeout: 30000 });
    assert.equal(await page.getAttribute('#page-error', 'data-code'), 'E_CSV_HEADER', name);
    assert.match(await page.textContent('#page-error'), name === 'bom-odd.csv' ? /mangler kolonnen medlem/ : /Filen er tom/, name);
    assert.equal(run.stderr.trim(), `samtaleplan: E_CSV_HEADER: ${await page.textContent('#page-error')}`, name);
  }
  await page.close();
});

/**
 * A minimal .xlsx (stored, not deflated) whose one sheet has `rows` (arrays of [address, text]
 * keyed by row number); `declare` gives a part's declared unpacked size in the table of
 * contents, as a zip bomb's says (its bytes unchanged).
 */
function workbook(rows, declare = {}) {
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const pkg = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const sheetData = Object.entries(rows).map(([r, cells]) =>
    `<row r="${r}">${cells.map(([at, t]) => `<c r="${at}" t="inlineStr"><is><t>${t}</t></is></c>`).join('')}</row>`).join('');
  const parts = {
    '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': `<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><sheets><sheet name="Medlemmer" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`,
  };
  const local = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const head = (sig, size) => {
      const h = Buffer.alloc(sig === 0x04034b50 ? 30 : 46);
      const at = sig === 0x04034b50 ? 4 : 6; // the central header has "version made by" first
      h.writeUInt32LE(sig, 0);
      h.writeUInt16LE(20, at); // version needed; flags, method (stored), time, date stay 0
      h.writeUInt32LE(zlib.crc32(data), at + 10);
      h.writeUInt32LE(data.length, at + 14);
      h.writeUInt32LE(size, at + 18);
      h.writeUInt16LE(nameBytes.length, at + 22);
      if (sig !== 0x04034b50) h.writeUInt32LE(offset, 42);
      return h;
    };
    const l = Buffer.concat([head(0x04034b50, data.length), nameBytes, data]);
    central.push(Buffer.concat([head(0x02014b50, declare[name] ?? data.length), nameBytes]));
    local.push(l);
    offset += l.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, cd, end]);
}

test('hostile workbooks: a cell at XFD1048576 is its row\'s error, a zip bomb E_CSV_TOO_LARGE, never E_TRAP; the command line agrees', async () => {
  const rows = { 1: [['A1', 'medlem'], ['B1', 'start']], 2: [['A2', '1001'], ['B2', '08-01-2024']], 1048576: [['XFD1048576', 'x']] };
  const far = path.join(tmp, 'langt-vaek.xlsx');
  await writeFile(far, workbook(rows));
  const bomb = path.join(tmp, 'bombe.xlsx');
  await writeFile(bomb, workbook(rows, { 'xl/worksheets/sheet1.xml': 2 ** 31 }));
  const cliErrors = JSON.parse(cliOut([far, '--today', '2024-06-05', '--format', 'json'])).errors;
  assert.deepEqual(cliErrors.map((e) => [e.line, e.code]), [[1048576, 'E_CSV_FIELDS']]);
  const { page, problems } = await runFile(far, '2024-06-05');
  const errors = await page.$$eval('.caseload-errors tbody tr', (rs) => rs.map((r) => `${r.children[0].textContent} ${r.children[2].textContent}`));
  assert.equal(errors.length, 1);
  assert.match(errors[0], /^1\.?048\.?576 E_CSV_FIELDS$/);
  await page.setInputFiles('#file', bomb);
  await page.click('#run');
  await page.waitForFunction(() => document.getElementById('page-error').dataset.code);
  assert.equal(await page.getAttribute('#page-error', 'data-code'), 'E_CSV_TOO_LARGE');
  assert.match(await page.textContent('#page-error'), /mere end 512 MB pakket ud/);
  const run = spawnSync(cli, ['caseload', bomb, '--today', '2024-06-05'], { encoding: 'utf8' });
  assert.match(run.stderr, /E_CSV_TOO_LARGE/);
  assert.deepEqual(problems, []);
  await page.close();
});
