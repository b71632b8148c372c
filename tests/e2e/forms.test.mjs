// Issue 12, points 4, 5, 10 and the element's errors (point 9): one date pattern everywhere (the
// design system's date group: day, month, year), the error summary with links to each field and
// "Fejl:" before each message, alerts with their icons, and the wording ("Periode 1", "1 medlem",
// kommunen under R2026, an unknown value in a link named in Danish). At 375 × 812 and 1280 × 900.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { useBrowser, openPage, artifacts, fillStart, fillDate, dateOf, repo, editForm, axe, noSidewaysScroll } from './browser.mjs';

const ctx = useBrowser();
const SIZES = [
  { name: '375', width: 375, height: 812 },
  { name: '1280', width: 1280, height: 900 },
];
const HINT = 'Skriv datoen som dag, måned og år, fx 4 3 2024.';

const focused = (page) => page.evaluate(() => document.activeElement.id);

/** Every date group in `root` (a document or a shadow root), as the browser sees it. */
function groupsIn(root) {
  const dateInputs = root.querySelectorAll('input[type="date"]').length;
  const groups = [...root.querySelectorAll('.date-field')].map((g) => {
    const fieldset = g.querySelector('fieldset');
    const inputs = [...fieldset.querySelectorAll('input')];
    const described = (fieldset.getAttribute('aria-describedby') ?? '').split(' ');
    return {
      legend: fieldset.querySelector('legend').textContent,
      hint: fieldset.querySelector('.form-hint').textContent,
      hintLinked: described.includes(fieldset.querySelector('.form-hint').id),
      errorLinked: described.includes(fieldset.querySelector('.form-error-message').id),
      labels: inputs.map((i) => fieldset.querySelector(`label[for="${i.id}"]`)?.textContent),
      inputmode: inputs.map((i) => i.getAttribute('inputmode')),
      types: inputs.map((i) => i.type),
    };
  });
  return { dateInputs, groups };
}

function assertGroups(found, legends, where) {
  assert.equal(found.dateInputs, 0, `${where}: no input[type=date]`);
  assert.deepEqual(found.groups.map((g) => g.legend), legends, where);
  for (const g of found.groups) {
    assert.ok(g.hint.endsWith(HINT), `${where}, ${g.legend}: the hint (${g.hint})`);
    assert.ok(g.hintLinked && g.errorLinked, `${where}, ${g.legend}: hint and error described`);
    assert.deepEqual(g.labels, ['Dag', 'Måned', 'År'], `${where}, ${g.legend}`);
    assert.deepEqual(g.inputmode, ['numeric', 'numeric', 'numeric'], `${where}, ${g.legend}`);
    assert.deepEqual(g.types, ['text', 'text', 'text'], `${where}, ${g.legend}`);
  }
}

test('one date pattern everywhere: the page, the element, the frame and the caseload page', async () => {
  for (const size of SIZES) {
    const { page, problems } = await openPage(ctx.browser);
    await page.setViewportSize(size);
    // The citizen page: the first day, each period's from and to, the hand-over.
    await page.goto(`${ctx.server.url}?today=2024-05-01`);
    await page.click('#add-pause');
    await page.click('#add-pause');
    assertGroups(await page.evaluate(`(${groupsIn})(document)`), [
      'Første ledighedsdag', 'Fra og med', 'Til og med', 'Fra og med', 'Til og med', 'Overgang fra a-kassen til jobcentret (valgfrit)',
    ], `page ${size.name}`);
    await noSidewaysScroll(page, `page ${size.name}`);
    await page.screenshot({ path: path.join(artifacts, `forms-date-groups-${size.name}.png`), fullPage: true });
    // The element's own form, in a portal.
    await page.goto(`${ctx.server.url}embed-demo.html`);
    await page.waitForFunction(() => document.querySelector('#member-plan')?.plan);
    const inElement = await page.evaluate(`(${groupsIn})(document.getElementById('calculator').shadowRoot)`);
    assertGroups(inElement, ['Første ledighedsdag'], `element ${size.name}`);
    // The frame shows the element in plan mode: no date field of the browser's either.
    await page.goto(`${ctx.server.url}frame.html?start=2024-03-04`);
    await page.waitForFunction(() => document.querySelector('samtale-plan')?.plan);
    assert.equal(await page.evaluate(() => document.querySelector('samtale-plan').shadowRoot.querySelectorAll('input[type="date"]').length), 0);
    assert.equal(await page.locator('input[type="date"]').count(), 0);
    // The caseload page's day of the count.
    await page.goto(`${ctx.server.url}caseload.html`);
    await page.waitForSelector('#caseload-form[data-ready="true"]');
    assertGroups(await page.evaluate(`(${groupsIn})(document)`), ['Opgørelsesdag'], `caseload ${size.name}`);
    // (frame.html has no icon of its own: the browser's request for /favicon.ico is not a problem.)
    assert.deepEqual(problems.filter((p) => !/404/.test(p)), []);
    await page.close();
  }
  // And none in the source of any page or script either.
  for (const file of ['index.html', 'app.js', 'samtale-plan.js', 'frame.html', 'frame.js', 'caseload.html', 'caseload.js', 'datefield.js']) {
    const source = await readFile(path.join(repo, 'www', file), 'utf8');
    assert.ok(!/type=["']?date\b|type: 'date'/.test(source), `${file} has no browser date field`);
  }
});

test('an impossible date in a period: "Fejl:" beside it, the summary has focus and a link to it; axe is clean', async () => {
  for (const size of SIZES) {
    const { page, problems } = await openPage(ctx.browser);
    await page.setViewportSize(size);
    await page.goto(`${ctx.server.url}?today=2025-01-10`);
    await fillStart(page, '2025-01-06');
    await page.click('#add-pause');
    await page.fill('#pause-1-from-day', '30');
    await page.fill('#pause-1-from-month', '2');
    await page.fill('#pause-1-from-year', '2025');
    await fillDate(page, 'pause-1-to', '2025-03-10');
    await page.click('#submit');
    // Beside the field: the design system's form-error-message with a visually hidden "Fejl:".
    await page.waitForFunction(() => document.querySelector('#pause-1-from-error').textContent !== '');
    assert.equal(await page.textContent('#pause-1-from-error'), 'Fejl: Periode 1, fra og med: 30. februar findes ikke.');
    assert.equal(await page.textContent('#pause-1-from-error .sr-only'), 'Fejl: ');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#pause-1-from-error .sr-only')).clipPath), 'inset(50%)');
    assert.equal(await page.getAttribute('#pause-1-from-error', 'data-code'), 'E_DATE_INVALID');
    assert.equal(await page.getAttribute('#pause-1-from-day', 'aria-invalid'), 'true');
    assert.equal(await page.getAttribute('#pause-1-from-month', 'aria-invalid'), 'true');
    assert.equal(await page.getAttribute('#pause-1-to-day', 'aria-invalid'), null);
    // The error summary at the top of the form, focused, with its icon hidden from screen readers.
    assert.equal(await focused(page), 'error-summary');
    const summary = page.locator('#error-summary');
    assert.equal(await summary.getAttribute('role'), 'alert');
    assert.equal(await page.textContent('#error-summary-heading'), 'Der er problemer');
    assert.equal(await page.getAttribute('#error-summary > svg.alert-icon', 'aria-hidden'), 'true');
    const box = await summary.boundingBox();
    const start = await page.locator('#start-group').boundingBox();
    assert.ok(box.y + box.height <= start.y, 'the summary stands above the first field');
    assert.ok(box.y < size.height, 'the summary is on the first screen');
    const links = summary.locator('a');
    assert.deepEqual(await links.allTextContents(), ['Periode 1, fra og med: 30. februar findes ikke.']);
    assert.equal(await links.first().getAttribute('href'), '#pause-1-from-day');
    assert.deepEqual(await axe(page, problems), [], `axe with errors at ${size.name}`);
    await noSidewaysScroll(page, `errors ${size.name}`);
    await page.screenshot({ path: path.join(artifacts, `forms-error-summary-${size.name}.png`), fullPage: true });
    await links.first().click();
    assert.equal(await focused(page), 'pause-1-from-day', 'the link focuses the field');
    const day = await page.locator('#pause-1-from-group').boundingBox();
    assert.ok(day.y >= 0 && day.y < size.height, 'and brings it into view');
    // Corrected, the plan is shown and every error is gone.
    await page.fill('#pause-1-from-day', '3');
    await page.fill('#pause-1-from-month', '3');
    await page.click('#submit');
    await page.waitForSelector('.samtaleplan-table tbody tr');
    assert.equal(await page.isVisible('#error-summary'), false);
    assert.equal(await page.locator('[aria-invalid]').count(), 0);
    assert.match(new URL(page.url()).search, /pause=2025-03-03\.\.2025-03-10\.\.andet/);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('every field in error is in the summary, in form order, and each link focuses its own field', async () => {
  const { page, problems } = await openPage(ctx.browser);
  await page.setViewportSize(SIZES[0]);
  await page.goto(`${ctx.server.url}?today=2024-05-01`);
  await page.click('#add-pause');
  await page.fill('#pause-1-from-day', '1');
  await page.fill('#pause-1-to-day', '1');
  await page.fill('#pause-1-to-month', '13');
  await page.fill('#pause-1-to-year', '2024');
  await page.fill('#handover-day', '29');
  await page.fill('#handover-month', '2');
  await page.fill('#handover-year', '2025');
  await page.click('#submit');
  const links = page.locator('#error-summary a');
  assert.deepEqual(await links.allTextContents(), [
    'Første ledighedsdag mangler. Skriv datoen som dag, måned og år, fx 4 3 2024.',
    'Periode 1, fra og med mangler måneden og året.',
    'Periode 1, til og med: Måneden skal være et tal fra 1 til 12.',
    'Overgangsdatoen: 29. februar findes ikke i 2025.',
  ]);
  const targets = ['start-day', 'pause-1-from-month', 'pause-1-to-month', 'handover-day'];
  for (const [i, id] of targets.entries()) {
    await links.nth(i).click();
    assert.equal(await focused(page), id);
  }
  // Only the empty parts are marked.
  assert.equal(await page.getAttribute('#pause-1-from-day', 'aria-invalid'), null);
  assert.equal(await page.getAttribute('#pause-1-from-year', 'aria-invalid'), 'true');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a whole date typed or pasted into the day box is split day first; a wrong one is named', async () => {
  const { page } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}?today=2024-05-01`);
  for (const typed of ['01042024', '1 4 2024', '1.4.2024', '01/04/2024', '2024-04-01']) {
    await fillStart(page, '');
    await page.click('#start-day');
    await page.keyboard.type(typed);
    assert.equal(await dateOf(page, 'start'), '2024-04-01', typed);
    assert.deepEqual(
      [await page.inputValue('#start-day'), await page.inputValue('#start-month'), await page.inputValue('#start-year')],
      ['1', '4', '2024'],
      typed,
    );
  }
  // Pasted (one input event) as well.
  await fillStart(page, '');
  await page.fill('#start-day', '4.3.2024');
  assert.equal(await dateOf(page, 'start'), '2024-03-04');
  // Digits that are no whole date are not guessed at: the day is said to be wrong.
  await fillStart(page, '');
  await page.fill('#start-day', '0104');
  await page.click('#submit');
  assert.equal(await page.textContent('#start-error'), 'Fejl: Første ledighedsdag mangler måneden og året.');
  await page.fill('#start-month', '4');
  await page.fill('#start-year', '2024');
  await page.click('#submit');
  assert.equal(await page.textContent('#start-error'), 'Fejl: Første ledighedsdag: Dagen skal være et tal fra 1 til 31.');
  assert.equal(await page.locator('.samtaleplan-table').count(), 0, 'no plan from a guessed date');
  await page.close();
});

test('a plan from the date groups is the plan of the same ISO link', async () => {
  for (const size of SIZES) {
    const { page, problems } = await openPage(ctx.browser);
    await page.setViewportSize(size);
    await page.goto(`${ctx.server.url}?today=2024-05-01`);
    await fillStart(page, '2024-03-04');
    await page.check('#insurance-deltid');
    await page.click('#add-pause');
    await fillDate(page, 'pause-1-from', '2024-04-01');
    await fillDate(page, 'pause-1-to', '2024-04-12');
    await page.selectOption('#pause-1-reason', 'sygdom');
    await fillDate(page, 'handover', '2024-07-01');
    await page.click('#submit');
    await page.waitForSelector('.samtaleplan-table tbody tr');
    const q = new URL(page.url()).searchParams;
    assert.deepEqual(
      [q.get('start'), q.get('insurance'), q.getAll('pause'), q.get('handover')],
      ['2024-03-04', 'deltid', ['2024-04-01..2024-04-12..sygdom'], '2024-07-01'],
    );
    const fromForm = await page.textContent('#result');
    const iso = await ctx.browser.newPage();
    await iso.setViewportSize(size);
    await iso.goto(`${ctx.server.url}?start=2024-03-04&insurance=deltid&pause=2024-04-01..2024-04-12..sygdom&handover=2024-07-01&today=2024-05-01`);
    await iso.waitForSelector('.samtaleplan-table tbody tr');
    assert.equal(await iso.textContent('#result'), fromForm);
    // The link fills the groups back, day and month without leading zeros.
    await editForm(iso);
    assert.equal(await iso.inputValue('#pause-1-from-day'), '1');
    assert.equal(await dateOf(iso, 'handover'), '2024-07-01');
    await iso.close();
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('in English: "Error:", the English hint and "There is a problem"', async () => {
  const { page } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}?lang=en&today=2025-01-10`);
  assert.equal(await page.textContent('#start-hint'), 'The day you registered as unemployed on Jobnet. Write the date as day, month and year, e.g. 4 3 2024.');
  assert.deepEqual(await page.locator('#start-group label').allTextContents(), ['Day', 'Month', 'Year']);
  await page.fill('#start-day', '30');
  await page.fill('#start-month', '2');
  await page.fill('#start-year', '2025');
  await page.click('#submit');
  assert.equal(await page.textContent('#start-error'), 'Error: First day of unemployment: 30 February does not exist.');
  assert.equal(await page.textContent('#error-summary-heading'), 'There is a problem');
  await page.close();
});

test('the element: its date group, and errors beside the field with "Fejl:"', async () => {
  for (const size of SIZES) {
    const { page, problems } = await openPage(ctx.browser);
    await page.setViewportSize(size);
    await page.goto(`${ctx.server.url}embed-demo.html`);
    await page.waitForFunction(() => document.querySelector('#member-plan')?.plan);
    const calc = page.locator('#calculator');
    await calc.locator('[part~="input-day"]').fill('30');
    await calc.locator('[part~="input-month"]').fill('2');
    await calc.locator('[part~="input-year"]').fill('2025');
    await calc.locator('button[type="submit"]').click();
    const error = calc.locator('[part="field-error"]');
    await page.waitForFunction(() => document.querySelector('#calculator').shadowRoot.querySelector('[part="field-error"]').textContent !== '');
    assert.equal(await error.textContent(), 'Fejl: Første ledighedsdag: 30. februar findes ikke.');
    assert.equal(await calc.locator('[part~="input-day"]').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => document.querySelector('#calculator').shadowRoot.activeElement?.getAttribute('part')), 'input input-day');
    assert.equal(await calc.getAttribute('start'), null, 'no attribute from a date that does not exist');
    assert.equal(await calc.locator('[part="error"]').textContent(), '', 'the error is beside the field, not twice');
    assert.deepEqual(await axe(page, problems), [], `axe on the element with an error at ${size.name}`);
    await noSidewaysScroll(page, `element ${size.name}`);
    await page.screenshot({ path: path.join(artifacts, `forms-element-error-${size.name}.png`), fullPage: true });
    // A core error about the first day (out of range) stands beside the field too.
    await calc.locator('[part~="input-day"]').fill('4');
    await calc.locator('[part~="input-month"]').fill('1');
    await calc.locator('[part~="input-year"]').fill('2010');
    await calc.locator('button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelector('#calculator').shadowRoot.querySelector('[part="field-error"]').dataset.code === 'E_START_TOO_EARLY');
    assert.match(await error.textContent(), /^Fejl: Første ledighedsdag \(4\. januar 2010\) ligger før/);
    // An empty start attribute is no start: the form waits, with no error.
    await page.$eval('#calculator', (el) => el.setAttribute('start', ''));
    await page.waitForFunction(() => document.querySelector('#calculator').shadowRoot.querySelector('[part="field-error"]').textContent === '');
    assert.equal(await calc.locator('[part="error"]').textContent(), '');
    // A good date clears it and becomes the attribute, in ISO form.
    await calc.locator('[part~="input-day"]').fill('4');
    await calc.locator('[part~="input-month"]').fill('1');
    await calc.locator('[part~="input-year"]').fill('2025');
    await calc.locator('button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelector('#calculator').plan);
    assert.equal(await calc.getAttribute('start'), '2025-01-04');
    assert.equal(await error.textContent(), '');
    assert.equal(await calc.locator('[aria-invalid]').count(), 0);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('wording: "Periode 1", kommunen under R2026, and a bad value in a link named in Danish', async () => {
  const { page, problems } = await openPage(ctx.browser);
  // A reversed period, from the core: "Periode 1", not "Pause 1".
  await page.goto(`${ctx.server.url}?start=2024-03-04&today=2024-05-01&pause=2024-04-12..2024-04-01..sygdom`);
  await page.waitForFunction(() => document.querySelector('#pause-1-to-error').textContent !== '');
  assert.equal(
    await page.textContent('#pause-1-to-error'),
    'Fejl: I linket: Periode 1: perioden slutter (1. april 2024) før den begynder (12. april 2024).',
  );
  assert.doesNotMatch(await page.textContent('main'), /Pause \d/);
  // An impossible date in a link is named in Danish too.
  await page.goto(`${ctx.server.url}?start=2024-02-30`);
  await page.waitForFunction(() => document.querySelector('#start-error').textContent !== '');
  assert.equal(await page.textContent('#start-error'), 'Fejl: I linket: Første ledighedsdag: 30. februar 2024 findes ikke (“2024-02-30”).');
  // An unknown value names the parameter and the value, in Danish, with an icon.
  await page.goto(`${ctx.server.url}?start=2024-03-04&insurance=halvtid`);
  await page.waitForFunction(() => document.querySelector('#page-error').textContent !== '');
  assert.equal(await page.textContent('#page-error'), 'I linket: Forsikringen (insurance) har den ukendte værdi “halvtid”; tilladt er: fuldtid, deltid.');
  assert.equal(await page.getAttribute('#page-alert > svg.alert-icon', 'aria-hidden'), 'true');
  assert.equal(await page.isVisible('#page-alert'), true);
  // An unknown language: named, and the plan shown in Danish all the same.
  await page.goto(`${ctx.server.url}?start=2024-03-04&today=2024-05-01&lang=xx`);
  await page.waitForSelector('.samtaleplan-table tbody tr');
  assert.equal(
    await page.textContent('#page-error'),
    'I linket: Sproget (lang) har den ukendte værdi “xx”; tilladt er: da, en. Siden vises på dansk.',
  );
  assert.equal(await page.getAttribute('html', 'lang'), 'da');
  // An empty start in a link: the form's words, no ÅÅÅÅ-MM-DD above day, month and year.
  await page.goto(`${ctx.server.url}?start=`);
  await page.waitForFunction(() => document.querySelector('#start-error').textContent !== '');
  assert.equal(
    await page.textContent('#start-error'),
    'Fejl: I linket: Første ledighedsdag mangler. Skriv datoen som dag, måned og år, fx 4 3 2024.',
  );
  assert.equal(await page.textContent('#error-summary a'), 'I linket: Første ledighedsdag mangler. Skriv datoen som dag, måned og år, fx 4 3 2024.');
  await page.goto(`${ctx.server.url}?start=abc`);
  await page.waitForFunction(() => document.querySelector('#start-error').textContent !== '');
  assert.match(await page.textContent('#start-error'), /^Fejl: I linket: Første ledighedsdag: “abc” er ikke en dato/);
  // The hand-over: to jobcentret before 1 July 2026, to kommunen from then (RULES.md § 1).
  await page.goto(`${ctx.server.url}?today=2026-08-01`);
  await fillStart(page, '2026-06-29');
  assert.equal(await page.textContent('#handover-group legend'), 'Overgang fra a-kassen til jobcentret (valgfrit)');
  await fillStart(page, '2026-08-10');
  assert.equal(await page.textContent('#handover-group legend'), 'Overgang fra a-kassen til kommunen (valgfrit)');
  await page.click('#submit');
  await page.waitForSelector('.samtaleplan-table tbody tr');
  const legend = await page.textContent('.samtaleplan-legend');
  assert.match(legend, /overgang til kommunen/);
  assert.doesNotMatch(legend, /jobcentret/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the next samtale and the warnings are alerts with their icon', async () => {
  const { page } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}?start=2019-06-20&today=2019-09-01`);
  await page.waitForSelector('.samtaleplan-warnings');
  assert.equal(await page.getAttribute('.samtaleplan-warnings > svg.alert-icon', 'aria-hidden'), 'true');
  assert.equal(await page.getAttribute('.samtaleplan-next > svg.alert-icon', 'aria-hidden'), 'true');
  // One icon each, also when the plan is drawn again (another language).
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('.samtaleplan-next'));
  await page.waitForSelector('.samtaleplan-warnings');
  assert.equal(await page.locator('.samtaleplan-next > svg.alert-icon').count(), 1);
  assert.equal(await page.locator('.samtaleplan-warnings > svg.alert-icon').count(), 1);
  await page.close();
});

test('the caseload page: "1 medlem", "1 række", and its day of the count as a date group', async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'samtaleplan-forms-'));
  const file = path.join(tmp, 'one.csv');
  await writeFile(file, 'medlem;første_ledighedsdag\nm1;04-03-2024\nm2;31-02-2024\n');
  const { page, problems } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}caseload.html`);
  await page.waitForSelector('#caseload-form[data-ready="true"]');
  await page.setInputFiles('#file', file);
  // An impossible day of the count is named beside the field, not sent.
  await fillDate(page, 'today', '');
  await page.fill('#today-day', '31');
  await page.fill('#today-month', '6');
  await page.fill('#today-year', '2024');
  await page.click('#run');
  assert.equal(await page.textContent('#today-error'), 'Fejl: Opgørelsesdag: 31. juni findes ikke.');
  assert.equal(await focused(page), 'today-day');
  await fillDate(page, 'today', '2024-06-05');
  await page.click('#run');
  await page.waitForSelector('#results[data-state="done"]');
  assert.equal(await page.textContent('#today-error'), '');
  assert.match(await page.textContent('#summary-line'), /^1 medlem beregnet for .*; 1 række med fejl/);
  assert.match(await page.textContent('#progress-text'), /^Færdig: 2 rækker/);
  assert.deepEqual(problems, []);
  await page.close();
  await rm(tmp, { recursive: true, force: true });
});
