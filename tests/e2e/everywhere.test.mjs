// Schema 2 in every interface (issue 20): one life as a person knows it — hours from an earlier spell
// in the same dagpengeperiode, a whole sickness, and part-time work "indtil videre" — gives the same
// dates and leaves out the same samtaler on the page (from a link), in the element (attributes), on the
// command line (the JSON contract and the readable table) and in the caseload (the command line and
// the caseload page).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { useBrowser, openPage, repo, rows, exportedRows, pageWorklist } from './browser.mjs';

const ctx = useBrowser();
const cli = path.join(repo, 'target', 'release', 'samtaleplan');

// Start Mon 2026-08-03 with 500 hours from before (over 410: the kommune holds the forløb from the first
// day, so A1 and A2 are not owed; L(3 md) = 480.99 hours lies before the start). A sickness Mon 09-07 ..
// Fri 10-16: its first 14 days (09-07 .. 09-20, 10 weekdays) count, 09-21 .. 10-16 (20 weekdays) do not.
// 15 hours a week from Mon 11-02 without an end: 3,700 - 1,500 = 2,200 units a weekday.
// L(6 md): 480,990 - 250,000 = 230,990 units; 45 whole days to Fri 10-30 (Aug 3 – Sep 18: 35, Oct 19–30:
// 10) = 166,500; 64,490 / 2,200 = 29.3 -> 30 part-time days from 11-02 -> Fri 2026-12-11.
// L(16 md): 1,282,640 - 250,000 - 166,500 = 866,140 / 2,200 = 393.7 -> 394 days: 78 weeks + 4 days from
// Mon 11-02 -> Thu 2028-05-04.
const START = '2026-08-03';
const TODAY = '2026-12-06';
const SICK = { from: '2026-09-07', to: '2026-10-16', reason: 'sygdom' };
const WORK = { from: '2026-11-02', reason: 'arbejde', hours_per_week: 15 };
const REQUEST = { start: START, today: TODAY, prior_hours: 500, pauses: [SICK, WORK] };
const ROWS = [
  ['K1', '2026-08-03', '2026-12-11'],
  ['K2', '2026-08-03', '2026-12-11'],
  ['S16', '2026-12-11', '2028-05-04'],
];
const NOT_OWED = ['A1', 'A2'];

let tmp;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'samtaleplan-everywhere-'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

test('the command line: the JSON contract (schema 2) and the readable table', () => {
  const json = spawnSync(cli, ['--json'], { input: JSON.stringify(REQUEST), encoding: 'utf8' });
  assert.equal(json.status, 0, json.stderr);
  const plan = JSON.parse(json.stdout);
  assert.equal(plan.schema, 2);
  assert.equal(plan.prior_hours, 500);
  assert.equal(plan.pauses[1].to, null, 'an open-ended period is echoed without an end');
  assert.deepEqual(plan.milestones, { L3m: null, L6m: '2026-12-11', L16m: '2028-05-04', handover: START });
  assert.deepEqual(plan.samtaler.map((s) => [s.id, s.earliest, s.latest]), ROWS);
  assert.deepEqual(plan.not_owed.map((n) => [n.id, n.reason]), [['A1', 'handover_at_start'], ['A2', 'handover_at_start']]);
  const codes = (list) => list.map((m) => m.code);
  assert.deepEqual(codes(plan.warnings), ['W_PART_TIME_LONG', 'W_NOT_OWED', 'W_RULES_2027']);
  for (const code of ['A_PRIOR_HOURS', 'A_SICKNESS', 'A_OPEN_ENDED', 'A_HANDOVER_PRIOR']) assert.ok(codes(plan.assumptions).includes(code), code);
  const table = spawnSync(
    cli,
    [START, '--today', TODAY, '--prior-hours', '500', '--pause', '2026-09-07:2026-10-16:sygdom', '--pause', '2026-11-02::arbejde:15'],
    { encoding: 'utf8' },
  );
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /K1 1\. jobsamtale i kommunen .* mandag 3\. august 2026 +fredag 11\. december 2026/);
  assert.match(table.stdout, /S16 .* fredag 11\. december 2026 +torsdag 4\. maj 2028/);
  assert.match(table.stdout, /2\. november 2026 – indtil videre/);
  assert.doesNotMatch(table.stdout, /^A1 /m);
});

test('the page from a link and the element from its attributes give the same plan', async () => {
  const { page, problems } = await openPage(ctx.browser);
  const link = new URLSearchParams({ start: START, today: TODAY, prior_hours: '500' });
  link.append('pause', '2026-09-07..2026-10-16..sygdom');
  link.append('pause', '2026-11-02....arbejde..15');
  await page.goto(`${ctx.server.url}?${link}`);
  await page.waitForSelector('.samtaleplan-table tbody tr');
  assert.deepEqual(await rows(page), ROWS);
  assert.match(await page.textContent('[data-code="W_NOT_OWED"]'), /A1 “1\. jobsamtale i a-kassen” og A2 “2\. jobsamtale i a-kassen” holdes ikke: med 500 timer fra tidligere ledighed/);
  assert.match(await page.textContent('[data-code="A_SICKNESS"]'), /de første 14 dage \(7\.–20\. september 2026\) tæller med/);
  assert.match(await page.textContent('[data-code="A_OPEN_ENDED"]'), /ingen slutdato/);
  // The element, with the same request as attributes.
  await page.goto(`${ctx.server.url}embed-demo.html`);
  await page.evaluate(({ start, today, pauses }) => {
    const el = document.createElement('samtale-plan');
    el.id = 'everywhere';
    el.setAttribute('mode', 'plan');
    el.setAttribute('start', start);
    el.setAttribute('today', today);
    el.setAttribute('prior-hours', '500');
    el.setAttribute('pauses', JSON.stringify(pauses));
    document.body.append(el);
  }, { start: START, today: TODAY, pauses: [SICK, WORK] });
  await page.waitForFunction(() => document.querySelector('#everywhere')?.plan?.schema === 2);
  assert.deepEqual(await rows(page, '#everywhere'), ROWS);
  assert.deepEqual(await page.evaluate(() => document.querySelector('#everywhere').plan.not_owed.map((n) => n.id)), NOT_OWED);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the caseload, on the command line and on its page, counts the same samtaler', async () => {
  const file = path.join(tmp, 'everywhere.csv');
  await writeFile(file, 'medlem;start;forbrugte_timer;pauser\nmember-1;03-08-2026;500;07-09-2026..16-10-2026:sygdom 02-11-2026..:15t\n');
  const byId = (list) => [...list].sort((a, b) => a[0].localeCompare(b[0]));
  // Every samtale of the member by the end of 2028: all of them overdue, A1 and A2 nowhere.
  const caseload = spawnSync(cli, ['caseload', file, '--today', '2028-12-31', '--format', 'csv', '--list', 'overdue'], { encoding: 'utf8' });
  assert.equal(caseload.status, 0, caseload.stderr);
  assert.deepEqual(byId(exportedRows(caseload.stdout)), byId(ROWS));
  const { page, problems } = await openPage(ctx.browser);
  const worklist = await pageWorklist(page, ctx.server.url, file, '2028-12-31', tmp);
  assert.deepEqual(byId(worklist), byId(ROWS));
  assert.deepEqual(problems, []);
  await page.close();
});
