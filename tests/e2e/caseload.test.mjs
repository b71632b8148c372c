// The caseload page in Chromium: a 10,000-row file with progress and results, the hand-worked
// file's numbers, the same numbers as the command line, exports, the holder filter, a member's
// calendar file, accessibility, and no request at all once a file is chosen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { useBrowser, openPage, artifacts, repo } from './browser.mjs';
import { caseloadCsv } from './generate.mjs';

const ctx = useBrowser();
const cli = path.join(repo, 'target', 'release', 'samtaleplan');
const small = path.join(repo, 'tests', 'caseload', 'small.csv');
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
async function runFile(file, today, { watch } = {}) {
  const { page, problems } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}caseload.html`);
  await page.waitForSelector('#caseload-form[data-ready="true"]');
  await page.fill('#today', today);
  await watch?.(page);
  await page.setInputFiles('#file', file);
  await page.click('#run');
  await page.waitForSelector('#results[data-state="done"]', { timeout: 60000 });
  return { page, problems };
}

function csvOf(args) {
  const run = spawnSync(cli, ['caseload', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

async function downloadText(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const file = path.join(tmp, download.suggestedFilename());
  await download.saveAs(file);
  return (await readFile(file, 'utf8')).replace(/^\ufeff/, '');
}

test('a 10,000-row file: progress, results, no console errors, no requests', async () => {
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
  assert.equal(await page.isVisible('#progress'), true);
  assert.equal(await page.getAttribute('#progress', 'value'), '100');
  assert.ok(progress.length >= 2, `progress was shown: ${JSON.stringify(progress)}`);
  assert.match(await page.textContent('#progress-text'), /Færdig: 10\.000 rækker/);
  assert.match(await page.textContent('#summary-line'), /10\.000 medlemmer beregnet/);
  assert.equal(await page.locator('.caseload-chart').count(), 1, 'the chart is drawn');
  assert.equal(await page.locator('.caseload-week').count(), 26);
  assert.equal(await page.locator('.caseload-workload tbody tr').count(), 26);
  assert.deepEqual(requests, [], 'choosing and reading the file makes no request');
  assert.deepEqual(problems, []);
  await page.screenshot({ path: path.join(artifacts, 'caseload-10000.png'), fullPage: true });
  // The chart's bars add up to the table's totals.
  const bars = await page.$$eval('.caseload-week', (g) => g.map((x) => Number(x.dataset.total)));
  const table = await page.$$eval('.caseload-workload tbody tr', (rows) => rows.map((r) => Number(r.lastElementChild.textContent.replace(/\./g, ''))));
  assert.deepEqual(bars, table);
  await page.close();
});

test('the page and the command line give the same numbers for the same file', async () => {
  const { page } = await runFile(big, '2025-03-05');
  for (const list of ['workload', 'on_time_by_samtale', 'on_time_by_start_month', 'errors', 'overdue', 'closing']) {
    const fromPage = await downloadText(page, `[data-export="${list}"]`);
    assert.equal(fromPage, csvOf([big, '--today', '2025-03-05', '--format', 'csv', '--list', list]), list);
  }
  // The star list has no button of its own; the rendered shares match the command line's JSON.
  const json = JSON.parse(csvOf([big, '--today', '2025-03-05']));
  const shares = await page.$$eval('.caseload-star tbody tr', (rows) => rows.map((r) => r.children[2].textContent));
  assert.deepEqual(shares, [
    json.star.first_within_1_5_months.text,
    json.star.first_within_3_months.text,
    json.star.two_in_last_3_months.text,
  ]);
  assert.match(await page.textContent('#summary-line'), new RegExp(`${json.members.toLocaleString('da-DK').replace('.', '\\.')} medlemmer`));
  await page.close();
});

test('the hand-worked file: its lists, errors and STAR numbers on the page', async () => {
  const { page, problems } = await runFile(small, '2024-06-05');
  const listed = (selector) =>
    page.$$eval(selector, (rows) => rows.map((r) => `${r.children[0].textContent} ${r.children[1].textContent.split(' ')[0]}`).sort());
  assert.deepEqual(await listed('[data-list="closing_this_week"] tbody tr'), ['1008 A1', '1010 F2', '1010 J3', '1010 J4', '1010 R2']);
  assert.deepEqual(await listed('#overdue tbody tr'), ['1002 A3', '1003 A3', '1004 A1', '1004 A2']);
  const errors = await page.$$eval('.caseload-errors tbody tr', (rows) => rows.map((r) => `${r.children[0].textContent} ${r.children[2].textContent}`));
  assert.deepEqual(errors, ['4 E_CSV_DATE', '7 E_CSV_VALUE', '10 E_CSV_HELD', '13 E_START_TOO_EARLY', '16 E_CSV_FIELDS']);
  const star = await page.$$eval('.caseload-star tbody tr', (rows) => rows.map((r) => r.children[1].textContent));
  assert.deepEqual(star, ['7 af 8', '4 af 5', '3 af 5']);
  // The holder filter narrows the lists.
  await page.selectOption('#holder', 'akasse');
  // (R2020's rådighedssamtale R2 is the a-kasse's too.)
  await page.waitForFunction(() => document.querySelectorAll('[data-list="closing_this_week"] tbody tr').length === 2);
  assert.deepEqual(await listed('[data-list="closing_this_week"] tbody tr'), ['1008 A1', '1010 R2']);
  // A member's calendar file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-member="1004"] >> nth=0')]);
  assert.equal(download.suggestedFilename(), 'samtaleplan-1004.ics');
  const ics = await readFile(await download.path(), 'utf8');
  assert.equal(ics.split('BEGIN:VEVENT').length - 1, 7);
  // Accessible.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await page.screenshot({ path: path.join(artifacts, 'caseload-small.png'), fullPage: true });
  await page.close();
});

test('a file that cannot be read is said so, and no file is asked for first', async () => {
  const { page } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}caseload.html`);
  await page.click('#run');
  assert.match(await page.textContent('#page-error'), /Vælg en CSV-fil/);
  const bad = path.join(tmp, 'bad.csv');
  await writeFile(bad, 'navn;farve\nx;y\n');
  await page.waitForSelector('#caseload-form[data-ready="true"]');
  await page.setInputFiles('#file', bad);
  await page.click('#run');
  await page.waitForFunction(() => document.getElementById('page-error').dataset.code === 'E_CSV_HEADER');
  assert.match(await page.textContent('#page-error'), /Ukendt kolonne/);
  assert.equal(await page.isVisible('#results'), false);
  await page.close();
});
