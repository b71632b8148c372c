// Issue 20 on the citizen's page (schema 2), at 375 × 812 and 1280 × 900, in Danish and English: a
// sickness entered whole, the hours used before this registration ("Har du været ledig før i samme
// dagpengeperiode?"), part-time work "indtil videre" without an end date, bad hours beside their
// field with their code in the error summary, and a two-digit year in a date group. The dates are
// the command line's for the same request (`samtaleplan --json`); axe stays clean and nothing
// scrolls sideways; screenshots of the new fields are kept in tests/e2e/artifacts/schema2-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { useBrowser, openPage, artifacts, fillStart, fillDate, repo, editForm, axe, noSidewaysScroll } from './browser.mjs';

const ctx = useBrowser();
// The command line `./build.sh test` builds before the browser tests (release).
const cli = path.join(repo, 'target', 'release', 'samtaleplan');
const SIZES = [
  { name: '375', width: 375, height: 812 },
  { name: '1280', width: 1280, height: 900 },
];
const LANGS = ['da', 'en'];
const WORDS = {
  da: {
    add: 'Tilføj periode', submit: 'Vis mine samtaler', sygdom: 'Sygdom (hele perioden)',
    sickHint: 'Skriv hele sygdomsperioden, fra første til sidste sygedag. De første 14 dage tæller med (dagpenge under sygdom).',
    question: 'Har du været ledig før i samme dagpengeperiode?', hours: '481,25', prior: 'ledig før: 481,25 timer',
    open: 'Indtil videre (ingen slutdato)', openSummary: 'nedsat tid indtil videre', openPrint: '1. juni 2026 – indtil videre: Arbejde på nedsat tid, 15 timer om ugen',
    year: 'Første ledighedsdag: Skriv året med fire cifre, fx 2026.',
  },
  en: {
    add: 'Add a period', submit: 'Show my interviews', sygdom: 'Sickness (the whole period)',
    sickHint: 'Enter the whole sickness, from the first to the last day of sickness. The first 14 days count (dagpenge during sickness).',
    question: 'Have you been unemployed before in the same dagpengeperiode?', hours: '481.25', prior: 'unemployed before: 481.25 hours',
    open: 'Until further notice (no end date)', openSummary: 'part-time work until further notice', openPrint: '1 June 2026 – until further notice: Part-time work, 15 hours a week',
    year: 'First day of unemployment: Write the year with four digits, e.g. 2026.',
  },
};

/** The plan the command line computes for a request: [id, earliest, latest] and the codes. */
function core(request) {
  const run = spawnSync(cli, ['--json'], { input: JSON.stringify(request), encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const plan = JSON.parse(run.stdout);
  return {
    rows: plan.samtaler.map((s) => [s.id, s.earliest, s.latest]),
    codes: [...plan.warnings, ...plan.assumptions].map((w) => w.code),
    plan,
  };
}

/** The plan's rows on the page: [id, earliest, latest]. */
const rows = (page) =>
  page.$$eval('.samtaleplan-table tbody tr', (trs) => trs.map((tr) => [
    tr.dataset.id,
    tr.querySelector('.samtaleplan-earliest time').getAttribute('datetime'),
    tr.querySelector('.samtaleplan-latest time').getAttribute('datetime'),
  ]));
const codes = (page) => page.$$eval('.samtaleplan [data-code]', (els) => els.map((e) => e.dataset.code));

/** Submits and waits for a plan other than `before` (the text of #result before the submit). */
async function submitAndWait(page, words) {
  const before = await page.textContent('#result');
  await page.getByRole('button', { name: words.submit }).click();
  await page.waitForFunction((b) => document.querySelector('#result').textContent !== b && document.querySelector('.samtaleplan-table tbody tr'), before);
}

async function open(size, lang, today = '2024-05-01') {
  const { page, problems } = await openPage(ctx.browser);
  await page.setViewportSize(size);
  await page.goto(`${ctx.server.url}?today=${today}${lang === 'en' ? '&lang=en' : ''}`);
  await page.waitForSelector('#start-day');
  return { page, problems };
}

for (const size of SIZES) {
  for (const lang of LANGS) {
    const words = WORDS[lang];
    const where = `${lang} at ${size.name} px`;

    test(`a sickness entered whole: its first 14 days count, as the core says (${where})`, async () => {
      const { page, problems } = await open(size, lang);
      await fillStart(page, '2024-03-04');
      await page.getByRole('button', { name: words.add }).click();
      assert.equal(await page.evaluate(() => document.activeElement.id), 'pause-1-reason', 'the reason comes first');
      await page.selectOption('#pause-1-reason', 'sygdom');
      assert.equal(await page.textContent('#pause-1-reason option:checked'), words.sygdom);
      assert.equal(await page.textContent('#pause-1-reason-hint'), words.sickHint);
      assert.match(await page.getAttribute('#pause-1-reason', 'aria-describedby'), /pause-1-reason-hint/);
      assert.doesNotMatch(await page.textContent('#pauses-hint'), /ud over|beyond/, 'nobody is told to leave out 14 days');
      // Sick 1 April – 10 May 2024, 40 days: the first 14 count, the rest is a full pause.
      await fillDate(page, 'pause-1-from', '2024-04-01');
      await fillDate(page, 'pause-1-to', '2024-05-10');
      await page.screenshot({ path: path.join(artifacts, `schema2-sickness-form-${lang}-${size.name}.png`), fullPage: true });
      await submitAndWait(page, words);
      const sick = core({ start: '2024-03-04', today: '2024-05-01', lang, pauses: [{ from: '2024-04-01', to: '2024-05-10', reason: 'sygdom' }] });
      const holiday = core({ start: '2024-03-04', today: '2024-05-01', lang, pauses: [{ from: '2024-04-01', to: '2024-05-10', reason: 'ferie' }] });
      assert.notDeepEqual(sick.rows, holiday.rows, 'a sickness is not a holiday of the same days');
      assert.deepEqual(await rows(page), sick.rows);
      assert.equal((await rows(page)).find(([id]) => id === 'A2')[2], '2024-06-28');
      assert.ok((await codes(page)).includes('A_SICKNESS'));
      assert.equal(await page.textContent('[data-code="A_SICKNESS"]'), sick.plan.assumptions.find((a) => a.code === 'A_SICKNESS').text);
      assert.deepEqual(new URL(page.url()).searchParams.getAll('pause'), ['2024-04-01..2024-05-10..sygdom']);
      await noSidewaysScroll(page, where);
      assert.deepEqual(problems, []);
      await page.close();
    });

    test(`"${words.question}": Ja reveals the hours, fewer samtaler, the notice, the link (${where})`, async () => {
      const { page, problems } = await open(size, lang, '2026-05-01');
      await fillStart(page, '2026-03-02');
      // Nej is the answer until Ja is chosen; only Ja shows the field.
      assert.equal(await page.textContent('#prior-group legend'), words.question);
      assert.equal(await page.isChecked('#prior-no'), true);
      assert.equal(await page.isVisible('#prior-hours'), false);
      await submitAndWait(page, words);
      const without = core({ start: '2026-03-02', today: '2026-05-01', lang });
      assert.deepEqual(await rows(page), without.rows);
      assert.equal(new URL(page.url()).searchParams.has('prior_hours'), false);
      await editForm(page);
      await page.check('#prior-yes');
      assert.equal(await page.isVisible('#prior-hours'), true);
      await page.fill('#prior-hours', words.hours);
      await page.locator('#prior-group').screenshot({ path: path.join(artifacts, `schema2-prior-${lang}-${size.name}.png`) });
      assert.deepEqual(await axe(page, problems), [], `axe with the hours shown, ${where}`);
      await submitAndWait(page, words);
      const withHours = core({ start: '2026-03-02', today: '2026-05-01', lang, prior_hours: 481.25 });
      assert.deepEqual(await rows(page), withHours.rows);
      assert.ok(withHours.rows.length < without.rows.length, 'fewer samtaler');
      assert.deepEqual((await rows(page)).map(([id]) => id), ['J1', 'J2', 'J3', 'S16']);
      assert.ok((await codes(page)).includes('W_NOT_OWED'));
      assert.equal(await page.textContent('[data-code="W_NOT_OWED"]'), withHours.plan.warnings.find((w) => w.code === 'W_NOT_OWED').text);
      assert.equal(new URL(page.url()).searchParams.get('prior_hours'), '481.25');
      assert.ok((await page.textContent('#summary-text')).includes(words.prior), await page.textContent('#summary-text'));
      await page.locator('.samtaleplan-warnings').screenshot({ path: path.join(artifacts, `schema2-not-owed-${lang}-${size.name}.png`) });
      await noSidewaysScroll(page, where);
      assert.deepEqual(await axe(page, problems), [], `axe with the plan, ${where}`);
      // The link brings the answer and the hours back.
      const again = await openPage(ctx.browser);
      await again.page.setViewportSize(size);
      await again.page.goto(page.url());
      await again.page.waitForSelector('.samtaleplan-table tbody tr');
      assert.deepEqual(await rows(again.page), withHours.rows);
      await editForm(again.page);
      assert.equal(await again.page.isChecked('#prior-yes'), true);
      assert.equal(await again.page.inputValue('#prior-hours'), words.hours);
      // Nej again: the hours are not sent.
      await again.page.check('#prior-no');
      assert.equal(await again.page.isVisible('#prior-hours'), false);
      await submitAndWait(again.page, words);
      assert.deepEqual(await rows(again.page), without.rows);
      assert.equal(new URL(again.page.url()).searchParams.has('prior_hours'), false);
      assert.deepEqual(again.problems, []);
      await again.page.close();
      assert.deepEqual(problems, []);
      await page.close();
    });

    test(`part-time work "indtil videre": no end date, through the link and on paper (${where})`, async () => {
      const { page, problems } = await open(size, lang, '2026-05-01');
      await fillStart(page, '2026-03-02');
      await page.getByRole('button', { name: words.add }).click();
      assert.equal(await page.isVisible('#pause-1-open'), false, 'only part-time work may go on without an end');
      await page.selectOption('#pause-1-reason', 'nedsat');
      await page.fill('#pause-1-hours', '15');
      await page.getByLabel(words.open).check();
      assert.equal(await page.getAttribute('#pause-1-open', 'aria-controls'), 'pause-1-to-group');
      assert.equal(await page.isVisible('#pause-1-to-group'), false, 'the end date is hidden');
      await fillDate(page, 'pause-1-from', '2026-06-01');
      await page.locator('#pause-1-reason').evaluate((el) => el.closest('.pause-row').scrollIntoView());
      await page.locator('.pause-row').screenshot({ path: path.join(artifacts, `schema2-open-ended-${lang}-${size.name}.png`) });
      await submitAndWait(page, words);
      const plan = core({ start: '2026-03-02', today: '2026-05-01', lang, pauses: [{ from: '2026-06-01', reason: 'arbejde', hours_per_week: 15 }] });
      assert.deepEqual(await rows(page), plan.rows);
      assert.ok((await codes(page)).includes('A_OPEN_ENDED'));
      assert.deepEqual(new URL(page.url()).searchParams.getAll('pause'), ['2026-06-01....arbejde..15']);
      assert.ok((await page.textContent('#summary-text')).includes(words.openSummary));
      // The link: the box ticked, no end date, the same plan; on paper "indtil videre".
      const again = await openPage(ctx.browser);
      await again.page.setViewportSize(size);
      await again.page.goto(page.url());
      await again.page.waitForSelector('.samtaleplan-table tbody tr');
      assert.deepEqual(await rows(again.page), plan.rows);
      await editForm(again.page);
      assert.equal(await again.page.isChecked('#pause-1-open'), true);
      assert.equal(await again.page.isVisible('#pause-1-to-group'), false);
      assert.equal(await again.page.inputValue('#pause-1-hours'), '15');
      await again.page.emulateMedia({ media: 'print' });
      const info = await again.page.innerText('#print-info');
      assert.ok(info.includes(words.openPrint), info);
      const pdf = await again.page.pdf({ format: 'A4', preferCSSPageSize: true });
      assert.equal((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length, 1, 'one A4 page');
      await again.page.close();
      // Unticked, the end date is back and asked for.
      await editForm(page);
      await page.uncheck('#pause-1-open');
      assert.equal(await page.isVisible('#pause-1-to-group'), true);
      await page.getByRole('button', { name: words.submit }).click();
      await page.waitForSelector('#pause-1-to-error:not(:empty)');
      assert.equal(await page.getAttribute('#pause-1-to-error', 'data-code'), 'E_MISSING_FIELD');
      // 37 hours a week "indtil videre" leaves no hours: the core's error, beside the period.
      await page.check('#pause-1-open');
      await page.fill('#pause-1-hours', '37');
      await page.getByRole('button', { name: words.submit }).click();
      await page.waitForSelector('#pause-1-error:not(:empty)');
      assert.equal(await page.getAttribute('#pause-1-error', 'data-code'), 'E_OPEN_ENDED_NO_HOURS');
      assert.equal(await page.getAttribute('#error-summary a', 'data-code'), 'E_OPEN_ENDED_NO_HOURS');
      assert.equal(await page.getAttribute('#pause-1-open', 'aria-invalid'), 'true');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary');
      await page.click('#error-summary a');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'pause-1-open', 'the link goes to the box to untick');
      assert.deepEqual(await axe(page, problems), [], `axe with the error, ${where}`);
      await noSidewaysScroll(page, where);
      await page.locator('.pause-row').screenshot({ path: path.join(artifacts, `schema2-open-ended-error-${lang}-${size.name}.png`) });
      assert.deepEqual(problems, []);
      await page.close();
    });

    test(`hours that cannot be used stand beside the field, their code in the summary (${where})`, async () => {
      const { page, problems } = await open(size, lang, '2026-05-01');
      await fillStart(page, '2026-03-02');
      await page.check('#prior-yes');
      for (const [typed, code, message] of [
        ['-5', 'E_UNKNOWN_VALUE', lang === 'da' ? /“-5” kan ikke bruges/ : /“-5” cannot be used/],
        ['10,555', 'E_UNKNOWN_VALUE', lang === 'da' ? /højst to decimaler/ : /at most two decimals/],
        ['6000', 'E_PRIOR_HOURS', lang === 'da' ? /mere end en hel dagpengeperiode/ : /more than a whole dagpengeperiode/],
      ]) {
        await page.fill('#prior-hours', typed);
        await page.getByRole('button', { name: words.submit }).click();
        await page.waitForFunction((c) => document.querySelector('#prior-hours-error').dataset.code === c, code);
        assert.match(await page.textContent('#prior-hours-error'), message, typed);
        assert.match(await page.textContent('#prior-hours-error .sr-only'), lang === 'da' ? /Fejl:/ : /Error:/);
        assert.equal(await page.getAttribute('#prior-hours', 'aria-invalid'), 'true');
        const links = page.locator('#error-summary a');
        assert.equal(await links.count(), 1);
        assert.equal(await links.getAttribute('data-code'), code);
        assert.match(await links.textContent(), message);
        assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary');
        assert.equal(await page.locator('.samtaleplan-table').count(), 0, 'no plan from hours that cannot be used');
        if (typed === '6000') {
          assert.deepEqual(await axe(page, problems), [], `axe with the error, ${where}`);
          await noSidewaysScroll(page, where);
          await page.locator('#plan-form').screenshot({ path: path.join(artifacts, `schema2-prior-error-${lang}-${size.name}.png`) });
        }
        await links.click();
        assert.equal(await page.evaluate(() => document.activeElement.id), 'prior-hours');
      }
      // In a link, the same error beside the field, said to be in the link.
      await page.goto(`${ctx.server.url}?start=2026-03-02&prior_hours=6000&today=2026-05-01${lang === 'en' ? '&lang=en' : ''}`);
      await page.waitForSelector('#prior-hours-error:not(:empty)');
      assert.equal(await page.getAttribute('#prior-hours-error', 'data-code'), 'E_PRIOR_HOURS');
      assert.match(await page.textContent('#prior-hours-error'), lang === 'da' ? /I linket:/ : /In the link:/);
      assert.equal(await page.isChecked('#prior-yes'), true);
      assert.equal(await page.isVisible('#prior-hours'), true);
      assert.deepEqual(problems, []);
      await page.close();
    });

    test(`a two-digit year asks for four digits, guessing no century (${where})`, async () => {
      const { page, problems } = await open(size, lang);
      // Typed into the day box, key by key: the boxes as typed once it is left, then the message.
      for (const typed of ['16.11.26', '16-11-26', '161126']) {
        await fillStart(page, '');
        await page.click('#start-day');
        await page.keyboard.type(typed);
        await page.keyboard.press('Tab');
        assert.deepEqual(
          await Promise.all(['day', 'month', 'year'].map((p) => page.inputValue(`#start-${p}`))),
          ['16', '11', '26'],
          typed,
        );
        await page.getByRole('button', { name: words.submit }).click();
        await page.waitForSelector('#start-error:not(:empty)');
        assert.equal(await page.textContent('#start-error'), `${lang === 'da' ? 'Fejl' : 'Error'}: ${words.year}`, typed);
        assert.equal(await page.getAttribute('#start-year', 'aria-invalid'), 'true');
        assert.equal(await page.getAttribute('#start-day', 'aria-invalid'), null);
        assert.equal(await page.locator('.samtaleplan-table').count(), 0, 'no plan from a guessed century');
      }
      // Pasted whole (one input event) and read without leaving the box.
      await fillStart(page, '');
      await page.fill('#start-day', '16.11.26');
      await page.evaluate(() => document.querySelector('#plan-form').requestSubmit());
      await page.waitForSelector('#start-error:not(:empty)');
      assert.equal(await page.textContent('#start-error'), `${lang === 'da' ? 'Fejl' : 'Error'}: ${words.year}`);
      // "26" in the year box.
      await fillStart(page, '');
      await page.fill('#start-day', '16');
      await page.fill('#start-month', '11');
      await page.fill('#start-year', '26');
      await page.getByRole('button', { name: words.submit }).click();
      await page.waitForSelector('#start-error:not(:empty)');
      assert.equal(await page.textContent('#error-summary a'), words.year);
      assert.deepEqual(await axe(page, problems), [], `axe with the error, ${where}`);
      await page.locator('#start-group').screenshot({ path: path.join(artifacts, `schema2-year-${lang}-${size.name}.png`) });
      // A four-digit year typed key by key is not cut short at "16.11.20".
      await fillStart(page, '');
      await page.click('#start-day');
      await page.keyboard.type('16.11.2026');
      assert.deepEqual(
        await Promise.all(['day', 'month', 'year'].map((p) => page.inputValue(`#start-${p}`))),
        ['16', '11', '2026'],
      );
      await page.keyboard.press('Tab');
      assert.equal(await page.inputValue('#start-year'), '2026');
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
}
