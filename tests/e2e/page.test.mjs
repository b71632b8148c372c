// The page in real Chromium: enter a date, read the plan; a bad date; a ?start= link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useBrowser, openPage, artifacts, fillStart } from './browser.mjs';

const ctx = useBrowser();

/** The plan's rows as { id, holder, earliest, latest } with the dates as shown. */
async function rows(page) {
  return page.$$eval('.samtaleplan-table tbody tr', (trs) =>
    trs.map((tr) => ({
      id: tr.dataset.id,
      holder: tr.dataset.holder,
      holderText: tr.querySelector('.samtaleplan-holder').textContent,
      earliest: tr.querySelector('.samtaleplan-earliest time').textContent,
      latest: tr.querySelector('.samtaleplan-latest time').textContent,
      latestIso: tr.querySelector('.samtaleplan-latest time').getAttribute('datetime'),
      citation: tr.querySelector('.samtaleplan-citation').textContent,
      explanation: tr.querySelector('.samtaleplan-explanation').textContent,
    })),
  );
}

const EXPECTED_2024_03_04 = [
  ['A1', 'akasse', 'mandag 4. marts 2024', 'mandag 18. marts 2024'],
  ['A2', 'akasse', 'mandag 4. marts 2024', 'fredag 31. maj 2024'],
  ['A3', 'akasse', 'mandag 4. marts 2024', 'fredag 31. maj 2024'],
  ['J1', 'jobcenter', 'lørdag 1. juni 2024', 'fredag 30. august 2024'],
  ['J2', 'jobcenter', 'lørdag 1. juni 2024', 'fredag 30. august 2024'],
  ['J3', 'jobcenter', 'lørdag 1. juni 2024', 'fredag 30. august 2024'],
  ['S16', 'joint', 'fredag 30. august 2024', 'tirsdag 1. juli 2025'],
];

test('entering 2024-03-04 shows the seven samtaler with holders and dates', async () => {
  const { page, problems } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}?today=2024-05-01`);
  await fillStart(page, '2024-03-04');
  await page.getByRole('button', { name: 'Vis mine samtaler' }).click();
  await page.waitForSelector('.samtaleplan-table tbody tr');
  const got = await rows(page);
  assert.deepEqual(
    got.map((r) => [r.id, r.holder, r.earliest, r.latest]),
    EXPECTED_2024_03_04,
  );
  assert.equal(got[0].holderText, 'a-kassen');
  assert.equal(got[3].holderText, 'jobcentret');
  for (const r of got) {
    assert.match(r.citation, /^LAB § 3[12]/, `${r.id} has a citation`);
    assert.ok(r.explanation.length > 20, `${r.id} explains its dates`);
  }
  assert.match(got[1].explanation, /65\. ledighedsdag/);
  // Status against ?today=2024-05-01.
  const status = await page.$$eval('.samtaleplan-status', (tds) => tds.map((td) => td.dataset.status));
  assert.deepEqual(status, ['past', 'open', 'open', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
  // The link now reproduces the plan, and focus moved to the result.
  assert.equal(new URL(page.url()).searchParams.get('start'), '2024-03-04');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H2');
  assert.equal(await page.textContent('#start-error'), '');
  await page.screenshot({ path: path.join(artifacts, 'plan-2024-03-04.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('a date before the 2015 reform shows a Danish error next to the field', async () => {
  const { page, problems } = await openPage(ctx.browser);
  await page.goto(ctx.server.url);
  await fillStart(page, '2010-01-04');
  await page.getByRole('button', { name: 'Vis mine samtaler' }).click();
  const alert = page.locator('#start-error');
  await alert.filter({ hasText: 'før' }).waitFor();
  assert.match(await alert.textContent(), /^Fejl: .*1\. juli 2015/);
  assert.equal(await page.getAttribute('#error-summary', 'role'), 'alert');
  assert.equal(await page.getAttribute('#start-error', 'data-code'), 'E_START_TOO_EARLY');
  assert.equal(await page.getAttribute('#start-day', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('#start-group fieldset', 'aria-describedby'), /start-error/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary', 'focus moves to the summary');
  await page.getByRole('link', { name: /1\. juli 2015/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'start-day', 'its link focuses the field');
  assert.equal(await page.locator('.samtaleplan-table').count(), 0);
  await page.screenshot({ path: path.join(artifacts, 'error-too-early.png'), fullPage: true });

  // An empty field is an error too, and a good date afterwards clears it.
  await fillStart(page, '');
  await page.getByRole('button', { name: 'Vis mine samtaler' }).click();
  await page.waitForFunction(() => document.querySelector('#start-error').dataset.code === 'E_MISSING_FIELD');
  assert.equal(
    await page.textContent('#start-error'),
    'Fejl: Første ledighedsdag mangler. Skriv datoen som dag, måned og år, fx 4 3 2024.',
    'no ÅÅÅÅ-MM-DD above day, month and year',
  );
  await fillStart(page, '2024-03-04');
  await page.getByRole('button', { name: 'Vis mine samtaler' }).click();
  await page.waitForSelector('.samtaleplan-table');
  assert.equal(await page.textContent('#start-error'), '');
  assert.equal(await page.getAttribute('#start-day', 'aria-invalid'), null);
  assert.deepEqual(problems, []);
  await page.close();
});

test('an impossible date in a link shows the error', async () => {
  const { page, problems } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}?start=2024-02-30`);
  await page.waitForFunction(() => document.querySelector('#start-error').textContent !== '');
  assert.equal(await page.getAttribute('#start-error', 'data-code'), 'E_DATE_INVALID');
  assert.match(await page.textContent('#start-error'), /findes ikke/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a ?start= link renders the plan on load', async () => {
  const { page, problems } = await openPage(ctx.browser);
  // The module and its glue are preloaded by the page's <link> hints and fetched once.
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${ctx.server.url}?start=2024-03-04&today=2024-05-01`);
  await page.waitForSelector('.samtaleplan-table tbody tr');
  for (const file of ['/pkg/samtaleplan_bg.wasm', '/pkg/samtaleplan.js', '/i18n.js', '/url.js']) {
    assert.equal(fetched.filter((f) => f === file).length, 1, `${file} once: ${fetched.join(' ')}`);
  }
  // The fonts come after the first plan (a slow phone's line is the module's first), and come.
  await page.waitForFunction(() => document.fonts.check('600 16px "IBM Plex Sans"') && document.fonts.status === 'loaded');
  await page.evaluate(() => document.fonts.ready);
  const order = await page.evaluate(() => ({
    plan: performance.getEntriesByName('samtaleplan:first-plan')[0].startTime,
    fonts: performance.getEntriesByType('resource').filter((r) => /fonts(\.css|\/)/.test(r.name)).map((r) => [new URL(r.name).pathname, r.startTime]),
  }));
  assert.deepEqual(order.fonts.map(([file]) => file).sort(), ['/fonts.css', '/fonts/IBMPlexSans-Regular-Latin1.woff2', '/fonts/IBMPlexSans-SemiBold-Latin1.woff2']);
  for (const [file, start] of order.fonts) assert.ok(start > order.plan, `${file} at ${start} ms, the plan at ${order.plan} ms`);
  assert.match(await page.$eval('h1', (h) => getComputedStyle(h).fontFamily), /^"IBM Plex Sans"/);
  const got = await rows(page);
  assert.deepEqual(
    got.map((r) => [r.id, r.holder, r.earliest, r.latest]),
    EXPECTED_2024_03_04,
  );
  assert.deepEqual(
    [await page.inputValue('#start-day'), await page.inputValue('#start-month'), await page.inputValue('#start-year')],
    ['4', '3', '2024'],
  );
  // Back and forward through two plans.
  await fillStart(page, '2024-01-01');
  await page.getByRole('button', { name: 'Vis mine samtaler' }).click();
  await page.waitForFunction(() => document.querySelector('.samtaleplan-table caption').textContent.includes('1. januar 2024'));
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('.samtaleplan-table caption').textContent.includes('4. marts 2024'));
  await page.screenshot({ path: path.join(artifacts, 'link-2024-03-04.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('a latest date on a holiday is flagged on the page', async () => {
  const { page } = await openPage(ctx.browser);
  // start 2024-01-01: A2/A3 latest is L(3 md) = langfredag 29 March 2024.
  await page.goto(`${ctx.server.url}?start=2024-01-01`);
  await page.waitForSelector('.samtaleplan-table tbody tr');
  const flagged = await page.$$eval('tr', (trs) =>
    trs.filter((tr) => tr.querySelector('.samtaleplan-non-working')).map((tr) => tr.dataset.id),
  );
  assert.deepEqual(flagged, ['A2', 'A3']);
  assert.match(await page.textContent('tr[data-id="A2"] .samtaleplan-non-working'), /onsdag 27\. marts 2024/);
  assert.match(await page.textContent('.samtaleplan-warnings'), /langfredag/);
  await page.close();
});

test('one start per regime shows that regime\'s samtaler', async () => {
  const { page, problems } = await openPage(ctx.browser);
  const regimes = [
    ['2016-08-01', 'R2015', ['CV', 'J1', 'J2', 'J3', 'J4', 'J5', 'J6', 'R1', 'R2', 'Q9', 'Q12', 'Q15', 'S16'], /Fælles og intensiveret/],
    ['2021-09-06', 'R2020', ['CV', 'J1', 'J2', 'J3', 'J4', 'F1', 'F2', 'R1', 'R2', 'S16'], /Forenklet beskæftigelsesindsats/],
    ['2024-03-04', 'R2024', ['A1', 'A2', 'A3', 'J1', 'J2', 'J3', 'S16'], /Forenklet kontaktforløb/],
    ['2026-11-23', 'R2026', ['A1', 'A2', 'K1', 'K2', 'S16'], /Mere fleksible kontaktforløb/],
  ];
  for (const [start, id, ids, name] of regimes) {
    await page.goto(`${ctx.server.url}?start=${start}`);
    await page.waitForSelector(`.samtaleplan[data-regime="${id}"]`);
    const got = await rows(page);
    assert.deepEqual(got.map((r) => r.id), ids, start);
    assert.match(await page.textContent('.samtaleplan-regime'), name);
    await page.screenshot({ path: path.join(artifacts, `regime-${id}.png`), fullPage: true });
  }
  // R2026: the kommune holds K1, K2 and S16; A2, K1 and K2 are marked "holdes normalt".
  const holders = await page.$$eval('tbody tr', (trs) => trs.map((tr) => tr.dataset.holder));
  assert.deepEqual(holders, ['akasse', 'akasse', 'kommune', 'kommune', 'kommune']);
  const normally = await page.$$eval('tbody tr', (trs) =>
    trs.filter((tr) => tr.querySelector('.samtaleplan-obligation')).map((tr) => tr.dataset.id));
  assert.deepEqual(normally, ['A2', 'K1', 'K2']);
  assert.match(await page.textContent('.samtaleplan-warnings'), /1\. januar 2027/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the comparison with the neighbouring rules is a collapsed note that opens', async () => {
  const { page, problems } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}?start=2024-03-04`);
  const details = page.locator('details.samtaleplan-comparison');
  await details.waitFor();
  assert.equal(await details.getAttribute('data-regime'), 'R2020');
  assert.equal(await details.evaluate((d) => d.open), false);
  assert.equal(await page.locator('details.samtaleplan-comparison li').first().isVisible(), false);
  await details.locator('summary').click();
  assert.equal(await details.evaluate((d) => d.open), true);
  assert.match(await details.textContent(), /ville du have haft 10 samtaler i stedet for 7/);
  assert.equal(await page.locator('details.samtaleplan-comparison li').count(), 10);
  assert.deepEqual(problems, []);
  await page.close();
});

test('R2015 shows nominal dates, and the first samtale alone in the jobcentre before July 2016', async () => {
  const { page } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}?start=2016-06-30`);
  await page.waitForSelector('.samtaleplan[data-regime="R2015"]');
  const got = await rows(page);
  assert.equal(got.find((r) => r.id === 'J1').holder, 'jobcenter');
  assert.match(await page.textContent('tr[data-id="J2"] .samtaleplan-nominal'), /Nominel dato/);
  await page.goto(`${ctx.server.url}?start=2016-07-01`);
  await page.waitForSelector('.samtaleplan[data-regime="R2015"] tbody tr');
  assert.equal((await rows(page)).find((r) => r.id === 'J1').holder, 'joint');
  await page.close();
});

test('hostile text in a link is shown as text and runs nothing', async () => {
  const { page, problems } = await openPage(ctx.browser);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    d.dismiss();
  });
  const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  await page.goto(`${ctx.server.url}?start=${encodeURIComponent(hostile)}`);
  await page.waitForFunction(() => document.querySelector('#start-error').textContent !== '');
  assert.match(await page.textContent('#start-error'), /<img src=x onerror=alert\(1\)>/);
  assert.equal(await page.locator('main img, main script').count(), 0);
  assert.equal(dialogs, 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a bad ?today= is reported above the form, not as a bad first day', async () => {
  const { page } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}?start=2024-03-04&today=2024-13-01`);
  await page.waitForFunction(() => document.querySelector('#page-error').textContent !== '');
  assert.equal(await page.getAttribute('#page-error', 'data-code'), 'E_DATE_INVALID');
  assert.equal(await page.getAttribute('#start-day', 'aria-invalid'), null);
  assert.equal(await page.textContent('#start-error'), '');
  await page.close();
});

test('if the module cannot load, the page says so', async () => {
  const { page } = await openPage(ctx.browser);
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(`${ctx.server.url}?start=2024-03-04`);
  await page.waitForFunction(() => document.querySelector('#page-error').textContent !== '');
  assert.match(await page.textContent('#page-error'), /kunne ikke indlæses/);
  assert.equal(await page.getAttribute('#page-error', 'data-code'), 'E_LOAD');
  await page.close();
});

test('on a phone the page does not scroll sideways; the samtaler are cards that fit', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 375, height: 800 } });
  await page.goto(`${ctx.server.url}?start=2024-03-04`);
  await page.waitForSelector('.samtaleplan-table tbody tr');
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    table: document.querySelector('.samtaleplan-table').scrollWidth,
  }));
  assert.ok(widths.page <= widths.viewport, JSON.stringify(widths));
  assert.ok(widths.table <= widths.viewport, `the cards fit: ${JSON.stringify(widths)}`);
  await page.screenshot({ path: path.join(artifacts, 'phone-2024-03-04.png'), fullPage: true });
  await page.close();
});
