// Part-time work (supplerende dagpenge) in real Chromium: the page's "Arbejde på nedsat tid" with
// its hours a week, the URL, the timeline and errors beside the field; the element's `pauses`
// attribute; and the same dates from the page, the element, the command line and the caseload
// (the command line's and the caseload page's) for one part-time request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { useBrowser, openPage, artifacts, fillStart, fillDate, repo, editForm, rows, exportedRows, pageWorklist } from './browser.mjs';

const ctx = useBrowser();
const cli = path.join(repo, 'target', 'release', 'samtaleplan');

// tests/cases/parttime.toml, "R2024 fuldtid, 18.5 hours a week in June–August": L6m Wed 2024-10-16,
// L16m Fri 2025-08-15 (without the work: 2024-08-30 and 2025-07-01).
const PAUSE = { from: '2024-06-01', to: '2024-08-31', reason: 'arbejde', hours_per_week: 18.5 };
const REQUEST = { start: '2024-03-04', today: '2024-05-01', pauses: [PAUSE] };
const ROWS = [
  ['A1', '2024-03-04', '2024-03-18'],
  ['A2', '2024-03-04', '2024-05-31'],
  ['A3', '2024-03-04', '2024-05-31'],
  ['J1', '2024-06-01', '2024-10-16'],
  ['J2', '2024-06-01', '2024-10-16'],
  ['J3', '2024-06-01', '2024-10-16'],
  ['S16', '2024-10-16', '2025-08-15'],
];

let tmp;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'samtaleplan-parttime-'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

test('the page: "Arbejde på nedsat tid" with hours a week moves the dates, in the URL and on the timeline', async () => {
  const { page, problems } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}?today=2024-05-01`);
  await fillStart(page, '2024-03-04');
  await page.getByRole('button', { name: 'Tilføj periode' }).click();
  await fillDate(page, 'pause-1-from', '2024-06-01');
  await fillDate(page, 'pause-1-to', '2024-08-31');
  assert.equal(await page.isVisible('#pause-1-hours'), false, 'no hours field for a full pause');
  await page.getByLabel('Årsag').selectOption({ label: 'Arbejde på nedsat tid' });
  assert.equal(await page.isVisible('#pause-1-hours'), true);
  await page.getByLabel('Timer om ugen').fill('18,5');
  await page.getByRole('button', { name: 'Vis mine samtaler' }).click();
  await page.waitForFunction(() => document.querySelector('tr[data-id="J1"] .samtaleplan-latest time')?.getAttribute('datetime') === '2024-10-16');
  assert.deepEqual(await rows(page), ROWS);
  assert.deepEqual(new URL(page.url()).searchParams.getAll('pause'), ['2024-06-01..2024-08-31..arbejde..18.5']);
  // The timeline: one lighter part-time area, no full pause; the words say what it is.
  assert.equal(await page.locator('.samtaleplan-timeline-wide .samtaleplan-timeline-parttime').count(), 1);
  assert.equal(await page.locator('.samtaleplan-timeline-wide .samtaleplan-timeline-pause').count(), 0);
  assert.match(await page.textContent('.samtaleplan-timeline-wide desc'), /Arbejde på nedsat tid, 18,5 timer om ugen/);
  assert.match(await page.textContent('.samtaleplan-figure figcaption'), /Lysere felter med stiplet kant/);
  assert.match(await page.textContent('tr[data-id="J1"]'), /18,5 timer om ugen i arbejde fra 1\. juni 2024: 3,7 timer pr\. dag/);
  assert.match(await page.textContent('[data-code="A_PART_TIME"]'), /supplerende dagpenge/);
  await page.screenshot({ path: path.join(artifacts, 'parttime-desktop.png'), fullPage: true });
  // The link brings the same form and plan back.
  const fresh = (await openPage(ctx.browser)).page;
  await fresh.goto(page.url());
  await fresh.waitForSelector('.samtaleplan-table tbody tr');
  assert.equal(await fresh.inputValue('#pause-1-reason'), 'nedsat');
  assert.equal(await fresh.inputValue('#pause-1-hours'), '18,5');
  assert.deepEqual(await rows(fresh), ROWS);
  // In English the hours are written 18.5.
  await fresh.click('#lang-switch');
  await fresh.waitForFunction(() => document.querySelector('.samtaleplan')?.lang === 'en');
  assert.equal(await fresh.textContent('#pause-1-reason option:checked'), 'Part-time work');
  assert.match(await fresh.textContent('tr[data-id="J1"]'), /18\.5 hours a week of work from 1 June 2024: 3\.7 hours a day/);
  await fresh.close();
  // Choosing another reason hides the field and makes it a full pause again: 65 weekdays lost, so
  // L(6 md) is the 65th weekday from Mon 2 September, Fri 2024-11-29.
  await editForm(page);
  await page.getByLabel('Årsag').selectOption('ferie');
  assert.equal(await page.isVisible('#pause-1-hours'), false);
  await page.getByRole('button', { name: 'Vis mine samtaler' }).click();
  await page.waitForFunction(() => document.querySelector('tr[data-id="J1"] .samtaleplan-latest time')?.getAttribute('datetime') === '2024-11-29');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the page: hours that cannot be used are refused beside the field', async () => {
  const { page, problems } = await openPage(ctx.browser);
  for (const [hours, code, words] of [
    ['0', 'E_UNKNOWN_VALUE', /Periode 1, timer om ugen: “0” kan ikke bruges/],
    ['18,555', 'E_UNKNOWN_VALUE', /højst to decimaler/],
    ['', 'E_TYPE', /Periode 1, timer om ugen skal være et tal/],
    ['femten', 'E_TYPE', /skal være et tal/],
  ]) {
    await page.goto(`${ctx.server.url}?start=2024-03-04&pause=2024-06-01..2024-08-31..arbejde..15`);
    await page.waitForSelector('.samtaleplan-table tbody tr');
    await editForm(page);
    await page.fill('#pause-1-hours', hours);
    await page.getByRole('button', { name: 'Vis mine samtaler' }).click();
    await page.waitForFunction(() => document.querySelector('#pause-1-error')?.textContent !== '');
    assert.equal(await page.getAttribute('#pause-1-error', 'data-code'), code, hours);
    assert.match(await page.textContent('#pause-1-error'), words);
    assert.equal(await page.getAttribute('#pause-1-hours', 'aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary');
    await page.click('#error-summary a');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'pause-1-hours');
  }
  // A phone: the form and the plan with a part-time period.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`${ctx.server.url}?start=2024-03-04&today=2024-05-01&pause=2024-06-01..2024-08-31..arbejde..18.5`);
  await page.waitForSelector('.samtaleplan-table tbody tr');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling at 375 px (${overflow} px)`);
  await page.screenshot({ path: path.join(artifacts, 'parttime-phone.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('the element: hours_per_week in the pauses attribute, and its errors with their field', async () => {
  const { page, problems } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}embed-demo.html`);
  await page.evaluate((pauses) => {
    const el = document.createElement('samtale-plan');
    el.id = 'parttime';
    el.setAttribute('mode', 'plan');
    el.setAttribute('start', '2024-03-04');
    el.setAttribute('today', '2024-05-01');
    el.setAttribute('pauses', JSON.stringify(pauses));
    window.errors = [];
    el.addEventListener('samtaleplan:error', (e) => window.errors.push(e.detail));
    document.body.append(el);
  }, [PAUSE]);
  await page.waitForFunction(() => document.querySelector('#parttime')?.shadowRoot?.querySelectorAll('tbody tr').length === 7);
  assert.deepEqual(await rows(page, '#parttime'), ROWS);
  assert.equal(await page.evaluate(() => document.querySelector('#parttime').plan.pauses[0].hours_per_week), 18.5);
  assert.equal(await page.evaluate(() => document.querySelector('#parttime').shadowRoot.querySelectorAll('.samtaleplan-timeline-wide .samtaleplan-timeline-parttime').length), 1);
  // The property takes the array; a bad number is the core's error, naming the field.
  await page.evaluate(() => {
    document.querySelector('#parttime').pauses = [{ from: '2024-06-01', to: '2024-08-31', hours_per_week: -2 }];
  });
  await page.waitForFunction(() => window.errors.length === 1);
  const [error] = await page.evaluate(() => window.errors);
  assert.equal(error.code, 'E_UNKNOWN_VALUE');
  assert.equal(error.field, 'pauses[0].hours_per_week');
  // Hours as text, as attributes are (issue 22): "15" is 15; a word is still the core's E_TYPE.
  await page.evaluate(() => {
    document.querySelector('#parttime').pauses = [{ from: '2024-06-01', to: '2024-08-31', reason: 'arbejde', hours_per_week: '15' }];
  });
  await page.waitForFunction(() => document.querySelector('#parttime').plan?.pauses[0].hours_per_week === 15);
  await page.evaluate(() => {
    document.querySelector('#parttime').pauses = [{ from: '2024-06-01', to: '2024-08-31', hours_per_week: 'femten' }];
  });
  await page.waitForFunction(() => window.errors.length === 2);
  assert.deepEqual(await page.evaluate(() => [window.errors[1].code, window.errors[1].field]), ['E_TYPE', 'pauses[0].hours_per_week']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the page, the element, the command line and the caseload give the same dates for one part-time request', async () => {
  // The command line: the JSON contract and the table.
  const json = spawnSync(cli, ['--json'], { input: JSON.stringify(REQUEST), encoding: 'utf8' });
  assert.equal(json.status, 0, json.stderr);
  const fromCli = JSON.parse(json.stdout).samtaler.map((s) => [s.id, s.earliest, s.latest]);
  assert.deepEqual(fromCli, ROWS);
  const table = spawnSync(cli, ['2024-03-04', '--today', '2024-05-01', '--pause', '2024-06-01:2024-08-31:arbejde:18,5'], { encoding: 'utf8' });
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /J1 1\. jobsamtale i jobcentret .* lørdag 1\. juni 2024 +onsdag 16\. oktober 2024/);
  // The caseload, on the command line and on its page: every samtale overdue by the end of 2025.
  const file = path.join(tmp, 'parttime.csv');
  await writeFile(file, 'medlem;start;pauser\npt;04-03-2024;01-06-2024..31-08-2024:18,5t\n');
  // The export shows what the screen shows: Samtale, Tidligst and Senest, dates as 4.3.2024.
  const caseload = spawnSync(cli, ['caseload', file, '--today', '2025-12-31', '--format', 'csv', '--list', 'overdue'], { encoding: 'utf8' });
  assert.equal(caseload.status, 0, caseload.stderr);
  assert.deepEqual(exportedRows(caseload.stdout), ROWS);
  const { page, problems } = await openPage(ctx.browser);
  // The page's worklist holds every samtale not yet held: here all of them, overdue.
  const worklist = await pageWorklist(page, ctx.server.url, file, '2025-12-31', tmp);
  const byId = (rows) => [...rows].sort((a, b) => a[0].localeCompare(b[0]));
  assert.deepEqual(byId(worklist), byId(ROWS));
  // The page and the element, from the same request.
  await page.goto(`${ctx.server.url}?start=2024-03-04&today=2024-05-01&pause=2024-06-01..2024-08-31..arbejde..18.5`);
  await page.waitForSelector('.samtaleplan-table tbody tr');
  assert.deepEqual(await rows(page), ROWS);
  await page.goto(`${ctx.server.url}embed-demo.html`);
  await page.evaluate((pauses) => {
    const el = document.querySelector('#member-plan');
    el.setAttribute('today', '2024-05-01');
    el.pauses = pauses;
  }, [PAUSE]);
  await page.waitForFunction(() => document.querySelector('#member-plan').plan?.milestones.L6m === '2024-10-16');
  assert.deepEqual(await rows(page, '#member-plan'), ROWS);
  assert.deepEqual(problems, []);
  await page.close();
});
