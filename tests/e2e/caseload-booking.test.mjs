// The caseload page's booking proposal in Chromium (issue 15): capacities in number fields, the
// hand-worked file's bookings (tests/caseload/booking.expected.toml) in the charts, the table,
// the call-in list and the list at risk; the exports the same bytes as the command line; a
// member's proposed weeks; a capacity refused with its code; axe and screenshots at 375 and
// 1280 px. And the a-kasse's part in the joint samtaler (tests/caseload/presence.csv).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { useBrowser, openPage, artifacts, repo, fillDate } from './browser.mjs';

const ctx = useBrowser();
const cli = path.join(repo, 'target', 'release', 'samtaleplan');
const file = path.join(repo, 'tests', 'caseload', 'booking.csv');
const TODAY = '2024-06-10';
const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js', { paths: [repo] }), 'utf8');

let tmp;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'samtaleplan-booking-'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function cliOut(args, encoding = 'utf8', capacity = ['--capacity', 'akasse=1,jobcenter=2']) {
  const run = spawnSync(cli, ['caseload', file, '--today', TODAY, ...capacity, ...args], { encoding });
  assert.equal(run.status, 0, String(run.stderr));
  return run.stdout;
}

async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const saved = path.join(tmp, `${Date.now()}-${d.suggestedFilename()}`);
  await d.saveAs(saved);
  return readFile(saved);
}

async function booked(page, { overview = false, source = file } = {}) {
  await page.goto(`${ctx.server.url}caseload.html`);
  await page.waitForSelector('#caseload-form[data-ready="true"]');
  await fillDate(page, 'today', TODAY);
  await page.setInputFiles('#file', source);
  await page.click('#run');
  await page.waitForSelector('#results[data-state="done"]');
  // Before a proposal, the overview workbook is the screen's: no booking sheets, as the command
  // line without --capacity (issue 23).
  if (overview) {
    const bytes = await download(page, '[data-xlsx="all"]');
    assert.deepEqual(bytes, cliOut(['--format', 'xlsx', '--list', 'all'], 'buffer', []), 'the overview before a proposal');
  }
  await page.fill('#cap-akasse', '1');
  await page.fill('#cap-jobcenter', '2');
  await page.click('#book');
  await page.waitForSelector('#booking:not([hidden]) .caseload-call-in, #booking:not([hidden]) #call-in p');
}

const axe = (page) =>
  page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });

test('capacities give the hand-worked bookings: charts, table, call-in list, at risk, a member', async () => {
  const { page, problems } = await openPage(ctx.browser);
  await booked(page, { overview: true });
  assert.equal(await page.textContent('#booking-summary'), '20 samtaler booket. 1 i fare.');
  // After it, the overview has the booking sheets, as the command line with --capacity.
  assert.deepEqual(await download(page, '[data-xlsx="all"]'), cliOut(['--format', 'xlsx', '--list', 'all'], 'buffer'), 'the overview with a proposal');
  // A chart per holder; the a-kasse's first eight weeks full (F), week 0 with one at risk (!).
  assert.equal(await page.locator('#booking-charts figure').count(), 3);
  const marks = (lane, mark) => page.$$eval(`#booking-charts [data-lane="${lane}"] text`, (t, m) => t.filter((x) => x.textContent === m).length, mark);
  assert.equal(await marks('akasse', 'F'), 8);
  assert.equal(await marks('akasse', '!'), 1);
  assert.equal(await marks('jobcenter', '!'), 0);
  assert.equal(await page.locator('#booking-charts [data-lane="akasse"] .caseload-capacity-line').count(), 1);
  assert.equal(await page.locator('#booking-charts [data-lane="joint"] .caseload-capacity-line').count(), 0, 'joint is unlimited');
  const rows = await page.$$eval('.caseload-booking-table tbody tr', (r) => r.map((x) => [...x.children].map((c) => c.textContent)));
  assert.equal(rows.length, 26);
  assert.deepEqual(rows[0], ['uge 24, 10.6.2024–16.6.2024', '1 af 1, fuld, 1 i fare', '0 af 2', '0 (ubegrænset)']);
  assert.deepEqual(rows[11].slice(2), ['2 af 2, fuld', '0 (ubegrænset)']);
  // The call-in list: week 0 first, then the week of 26.8: the J1s of 3001 and 3002 (a member's
  // J2 comes in a week after their J1, issue 23).
  const callIn = () => page.$$eval('.caseload-call-in tbody tr', (r) => r.map((x) => `${x.children[0].textContent} ${x.children[1].textContent.split(' ')[0]}`));
  assert.deepEqual(await callIn(), ['3001 A1']);
  await page.selectOption('#call-in-week', '2024-08-26');
  await page.waitForFunction(() => document.querySelectorAll('.caseload-call-in tbody tr').length === 2);
  assert.deepEqual(await callIn(), ['3001 J1', '3002 J1']);
  // The holder filter applies: the a-kasse has no one to call in that week.
  await page.selectOption('#holder', 'akasse');
  await page.waitForFunction(() => document.getElementById('call-in').textContent === 'Ingen samtaler er booket i ugen.');
  await page.selectOption('#holder', 'jobcenter');
  await page.waitForFunction(() => document.querySelectorAll('.caseload-call-in tbody tr').length === 2);
  await page.selectOption('#holder', '');
  assert.match(await page.textContent('.caseload-at-risk'), /3002.*A1.*12\.6\.2024.*ugen fra 10\.6\.2024/);
  // The exports: the command line's bytes.
  for (const list of ['schedule', 'at_risk']) {
    const csv = (await download(page, `[data-export="${list}"]`)).toString('utf8').replace(/^\ufeff/, '');
    assert.equal(csv, cliOut(['--format', 'csv', '--list', list]), list);
    assert.deepEqual(await download(page, `[data-xlsx="${list}"]`), cliOut(['--format', 'xlsx', '--list', list], 'buffer'), `${list}.xlsx`);
  }
  // A member's proposed weeks beside their plan.
  await page.click('.caseload-call-in [data-member="3001"] >> nth=0');
  await page.waitForSelector('#member-dialog[open] .samtaleplan-table');
  assert.match(await page.textContent('#member-proposal'), /A1 ugen fra 10\.6\.2024, A2 ugen fra 24\.6\.2024, A3 ugen fra 1\.7\.2024, J1 ugen fra 26\.8\.2024, J2 ugen fra 2\.9\.2024, J3 ugen fra 9\.9\.2024/);
  // The plan in the dialog is the member's, not "Din" (issue 23).
  assert.equal(await page.textContent('#member-plan .samtaleplan-heading'), 'Medlemmets samtaleplan');
  // And as a calendar file: an event per booked samtale, on the days of its week in its window.
  const ics = (await download(page, '#member-proposal-ics')).toString('utf8');
  assert.equal(ics.split('BEGIN:VEVENT').length - 1, 7);
  assert.match(ics, /DTSTART;VALUE=DATE:20240610\r\nDTEND;VALUE=DATE:20240611\r\n/);
  assert.match(ics, /DTSTART;VALUE=DATE:20240901\r\nDTEND;VALUE=DATE:20240902\r\n/);
  await page.evaluate(AXE);
  assert.deepEqual(await axe(page), [], 'the member dialog');
  await page.keyboard.press('Escape');
  // A capacity the core refuses: its code on the page, nothing drawn anew.
  await page.fill('#cap-joint', '2.5');
  await page.click('#book');
  await page.waitForFunction(() => document.getElementById('page-error').dataset.code === 'E_UNKNOWN_VALUE');
  assert.match(await page.textContent('#page-error'), /Kapaciteten kan ikke bruges: joint: "2\.5" er ikke et helt tal/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a file with names: the call-in list and the list at risk show each member\'s name', async () => {
  const { page, problems } = await openPage(ctx.browser);
  const names = { 3001: 'Åse Ørnsø', 3002: 'Bo Bæk', 3003: 'Cai Ås' };
  const text = (await readFile(file, 'utf8'))
    .trim()
    .split(/\r?\n/)
    .map((line, i) => `${line};${i === 0 ? 'Navn' : names[line.split(';')[0]]}`)
    .join('\r\n');
  const named = path.join(tmp, 'booking-named.csv');
  await writeFile(named, `${text}\r\n`);
  await booked(page, { source: named });
  const cells = (selector) => page.$$eval(`${selector} tr`, (r) => r.map((x) => [...x.children].slice(0, 3).map((c) => c.textContent)));
  await page.selectOption('#call-in-week', '2024-08-26');
  await page.waitForFunction(() => document.querySelectorAll('.caseload-call-in tbody tr').length === 2);
  assert.deepEqual(await cells('.caseload-call-in'), [
    ['Medlem', 'Navn', 'Samtale'],
    ['3001', 'Åse Ørnsø', 'J1 1. jobsamtale i jobcentret'],
    ['3002', 'Bo Bæk', 'J1 1. jobsamtale i jobcentret'],
  ]);
  assert.deepEqual((await cells('.caseload-at-risk')).map((r) => r.slice(0, 2)), [
    ['Medlem', 'Navn'],
    ['3002', 'Bo Bæk'],
  ]);
  // The member's button names them to a screen reader, and opens their plan.
  assert.equal(await page.getAttribute('.caseload-at-risk [data-member="3002"]', 'aria-label'), 'Åbn planen for Bo Bæk (3002)');
  await page.click('.caseload-at-risk [data-member="3002"]');
  await page.waitForSelector('#member-dialog[open] .samtaleplan-table');
  assert.match(await page.textContent('#member-heading'), /^Bo Bæk, medlem 3002/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the booking at 375 and 1280 px: axe clean, no sideways scrolling, screenshots', async () => {
  for (const width of [375, 1280]) {
    const page = await ctx.browser.newPage({ viewport: { width, height: 900 } });
    await booked(page);
    await page.evaluate(() => document.querySelector('#booking details').setAttribute('open', ''));
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= width, `no sideways scrolling at ${width} px (${scroll})`);
    await page.evaluate(AXE);
    assert.deepEqual(await axe(page), [], `${width} px`);
    await page.locator('[aria-labelledby="booking-heading"]').screenshot({ path: path.join(artifacts, `caseload-booking-${width}.png`) });
    await page.click('.caseload-call-in [data-member="3001"] >> nth=0');
    await page.waitForSelector('#member-dialog[open] .samtaleplan-table');
    assert.deepEqual(await axe(page), [], `${width} px, the member dialog`);
    await page.screenshot({ path: path.join(artifacts, `caseload-booking-member-${width}.png`) });
    await page.close();
  }
});

test('the a-kasse\'s part in joint samtaler: the hand-worked shares on the page, the command line\'s bytes', async () => {
  const { page, problems } = await openPage(ctx.browser);
  const presence = path.join(repo, 'tests', 'caseload', 'presence.csv');
  await page.goto(`${ctx.server.url}caseload.html`);
  await page.waitForSelector('#caseload-form[data-ready="true"]');
  await fillDate(page, 'today', '2025-06-02');
  await page.setInputFiles('#file', presence);
  await page.click('#run');
  await page.waitForSelector('#results[data-state="done"]');
  const rows = (cls) => page.$$eval(`.${cls} tbody tr`, (r) => r.map((x) => [...x.children].map((c) => c.textContent).join(' | ')));
  assert.deepEqual(await rows('caseload-present'), [
    'R2020 F2 2. fælles jobsamtale | 0 | 1 | 0 | 0,0 %',
    'R2024 S16 Jobsamtale om intensiveret indsats (fælles) | 3 | 1 | 1 | 75,0 %',
    'I alt | 3 | 2 | 1 | 60,0 %',
  ]);
  assert.deepEqual(await rows('caseload-present-month'), ['2024-04 | 0 | 1 | 0 | 0,0 %', '2024-09 | 1 | 1 | 0 | 50,0 %', '2024-10 | 2 | 0 | 1 | 100,0 %']);
  const csv = (await download(page, '[data-export="akasse_present_by_month"]')).toString('utf8').replace(/^\ufeff/, '');
  const run = spawnSync(cli, ['caseload', presence, '--today', '2025-06-02', '--format', 'csv', '--list', 'akasse_present_by_month'], { encoding: 'utf8' });
  assert.equal(csv, run.stdout);
  await page.evaluate(AXE);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});
