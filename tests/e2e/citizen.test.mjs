// The citizen page in real Chromium, feature by feature: the Danish date field, pauses, the
// next-samtale sentence, the timeline, the calendar file, English, links, print, keyboard,
// accessibility (axe-core), the Content-Security-Policy and privacy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { useBrowser, openPage, artifacts, fillStart, fillDate, dateOf, repo, www, editForm } from './browser.mjs';
import { CSP, startServer } from './server.mjs';

const ctx = useBrowser();
const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js', { paths: [repo] }), 'utf8');

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page as it is and returns the violations. */
async function axe(page) {
  // Evaluated through the DevTools protocol, so the page's CSP does not stop it.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

async function submit(page) {
  await page.getByRole('button', { name: /Vis mine samtaler|Show my interviews/ }).click();
}

async function latest(page, id) {
  return page.getAttribute(`tr[data-id="${id}"] .samtaleplan-latest time`, 'datetime');
}

async function planFor(page, iso, { today = '2024-05-01' } = {}) {
  await page.goto(`${ctx.server.url}?today=${today}`);
  await fillStart(page, iso);
  await submit(page);
  await page.waitForSelector('.samtaleplan-table tbody tr');
}

test('the date field takes day, month and year, and says what is wrong in Danish', async () => {
  const { page, problems } = await openPage(ctx.browser);
  await page.goto(ctx.server.url);
  assert.equal(await page.locator('#start-group legend').textContent(), 'Første ledighedsdag');
  for (const [label, id] of [['Dag', 'start-day'], ['Måned', 'start-month'], ['År', 'start-year']]) {
    assert.equal(await page.locator('#start-group').getByLabel(label, { exact: true }).getAttribute('id'), id);
    assert.equal(await page.getAttribute(`#${id}`, 'inputmode'), 'numeric');
  }
  // Letters in the date: a message from the page, beside the field; focus on the error summary.
  await page.fill('#start-day', 'fire');
  await page.fill('#start-month', '3');
  await page.fill('#start-year', '2024');
  await submit(page);
  assert.equal(await page.textContent('#start-error'), 'Fejl: Første ledighedsdag: Dagen skal være et tal fra 1 til 31.');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary');
  // A day that does not exist: named in Danish, not echoed in ISO form.
  await page.fill('#start-day', '31');
  await page.fill('#start-month', '4');
  await page.fill('#start-year', '2024');
  await submit(page);
  await page.waitForFunction(() => document.querySelector('#start-error').dataset.code === 'E_DATE_INVALID');
  assert.equal(await page.textContent('#start-error'), 'Fejl: Første ledighedsdag: 31. april findes ikke.');
  // One-digit day and month are fine.
  await fillStart(page, '2024-03-04');
  await submit(page);
  await page.waitForSelector('.samtaleplan-table tbody tr');
  assert.equal(await latest(page, 'A1'), '2024-03-18');
  assert.deepEqual(problems, []);
  await page.close();
});

test('adding and removing a pause moves the dates as RULES.md says', async () => {
  const { page, problems } = await openPage(ctx.browser);
  await planFor(page, '2024-03-04');
  assert.equal(await latest(page, 'A2'), '2024-05-31');
  assert.equal(await latest(page, 'S16'), '2025-07-01');
  // On holiday without feriedagpenge 1–12 April 2024: ten weekdays without dagpenge push L(3 md)
  // to Friday 14 June, and the 56th accrual day to 3 June, so the hand-over is 1 July and A2 ends
  // on 14 June. (A sickness of those days would move nothing: its first 14 days count.)
  await editForm(page);
  await page.getByRole('button', { name: 'Tilføj periode' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'pause-1-reason', 'focus goes to the new period, its reason first');
  await page.getByLabel('Årsag').selectOption('ferie');
  await fillDate(page, 'pause-1-from', '2024-04-01');
  await fillDate(page, 'pause-1-to', '2024-04-12');
  await submit(page);
  await page.waitForFunction(() => document.querySelector('tr[data-id="A2"] .samtaleplan-latest time')?.getAttribute('datetime') === '2024-06-14');
  assert.equal(await latest(page, 'J1'), '2024-09-13');
  assert.equal(await page.getAttribute('tr[data-id="J1"] .samtaleplan-earliest time', 'datetime'), '2024-07-01');
  assert.equal(await page.locator('.samtaleplan-timeline-wide .samtaleplan-timeline-pause').count(), 1, 'the pause is shaded on the timeline');
  assert.match(new URL(page.url()).search, /pause=2024-04-01\.\.2024-04-12\.\.ferie/);
  await page.screenshot({ path: path.join(artifacts, 'citizen-with-pause.png'), fullPage: true });
  // A second, overlapping period changes nothing more than its extra days.
  await editForm(page);
  await page.getByRole('button', { name: 'Tilføj periode' }).click();
  await fillDate(page, 'pause-2-from', '2024-04-08');
  await fillDate(page, 'pause-2-to', '2024-04-19');
  await submit(page);
  await page.waitForFunction(() => document.querySelector('tr[data-id="A2"] .samtaleplan-latest time')?.getAttribute('datetime') === '2024-06-21');
  // Removing both brings the first plan back.
  await editForm(page);
  await page.getByRole('button', { name: 'Fjern periode 2' }).click();
  assert.match(await page.textContent('#pause-status'), /Periode 2 er fjernet/);
  await page.getByRole('button', { name: 'Fjern periode 1' }).click();
  assert.equal(await page.locator('.pause-row').count(), 0);
  await submit(page);
  await page.waitForFunction(() => document.querySelector('tr[data-id="A2"] .samtaleplan-latest time')?.getAttribute('datetime') === '2024-05-31');
  // A reversed period is reported in its own row.
  await editForm(page);
  await page.getByRole('button', { name: 'Tilføj periode' }).click();
  await fillDate(page, 'pause-3-from', '2024-04-12');
  await fillDate(page, 'pause-3-to', '2024-04-01');
  await submit(page);
  await page.waitForFunction(() => document.querySelector('#pause-3-to-error').textContent !== '');
  assert.equal(await page.getAttribute('#pause-3-to-error', 'data-code'), 'E_PAUSE_REVERSED');
  assert.match(await page.textContent('#pause-3-to-error'), /^Fejl: Periode 1: perioden slutter/);
  assert.equal(await page.getAttribute('#pause-3-to-day', 'aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary');
  await page.click('#error-summary a');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'pause-3-to-day');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the next samtale is said above the table', async () => {
  const { page } = await openPage(ctx.browser);
  await planFor(page, '2024-03-04', { today: '2024-05-01' });
  assert.equal(
    (await page.textContent('.samtaleplan-next p')).trim(),
    'Din næste samtale: 2. jobsamtale i a-kassen, senest fredag 31. maj 2024.',
  );
  const order = await page.evaluate(() => {
    const next = document.querySelector('.samtaleplan-next');
    const table = document.querySelector('.samtaleplan-table');
    return next.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  assert.ok(order, 'the sentence comes before the table');
  await planFor(page, '2024-03-04', { today: '2026-01-01' });
  assert.match(await page.textContent('.samtaleplan-next'), /Alle frister i planen er udløbet/);
  await page.close();
});

test('the timeline has one bar per samtale, today, the hand-over and a text alternative', async () => {
  const { page } = await openPage(ctx.browser);
  await planFor(page, '2024-03-04', { today: '2024-05-01' });
  const svg = page.locator('svg.samtaleplan-timeline-wide');
  assert.equal(await svg.getAttribute('role'), 'img');
  const rows = await page.locator('.samtaleplan-table tbody tr').count();
  assert.equal(await page.locator('.samtaleplan-timeline-wide .samtaleplan-timeline-bar').count(), rows);
  const ids = await page.$$eval('.samtaleplan-timeline-wide .samtaleplan-timeline-bar', (bars) => bars.map((b) => b.dataset.id).sort());
  assert.deepEqual(ids, ['A1', 'A2', 'A3', 'J1', 'J2', 'J3', 'S16']);
  const marks = await page.$$eval('.samtaleplan-timeline-wide .samtaleplan-timeline-mark text', (t) => t.map((x) => x.textContent));
  assert.deepEqual(marks, ['Overgang', '6 mdr.', 'I dag']);
  // The accessible name and description come from <title> and <desc>.
  const [title, desc] = await svg.evaluate((el) =>
    el.getAttribute('aria-labelledby').split(' ').map((id) => document.getElementById(id)?.textContent ?? ''),
  );
  assert.match(title, /Tidslinje over samtalerne fra 4\. marts 2024/);
  assert.match(desc, /A2 2\. jobsamtale i a-kassen, a-kassen: 4\. marts 2024 til 31\. maj 2024\./);
  // Bars are drawn left to right in date order: A1 starts at the left edge, J1 at the hand-over.
  const x = (id) => page.$eval(`.samtaleplan-timeline-wide .samtaleplan-timeline-bar[data-id="${id}"] rect`, (r) => Number(r.getAttribute('x')));
  assert.ok((await x('J1')) > (await x('A1')));
  await svg.screenshot({ path: path.join(artifacts, 'timeline-2024-03-04.png') });
  await page.close();
});

test('each samtale says why its dates are what they are, with the law\'s words and a link to the source', async () => {
  const { page } = await openPage(ctx.browser);
  await planFor(page, '2024-03-04');
  const a1 = page.locator('tr[data-id="A1"] .samtaleplan-explanation');
  assert.match(await a1.textContent(), /Senest 14 dage efter første ledighedsdag, 18\. marts 2024/);
  const law = a1.locator('details.samtaleplan-law');
  assert.equal(await law.evaluate((d) => d.open), false);
  await a1.locator('details.samtaleplan-how > summary').click();
  await law.locator('summary').click();
  assert.match(await law.locator('blockquote').textContent(), /senest 2 uger efter personens tilmelding som jobsøgende/);
  const link = law.locator('a');
  assert.equal(await link.getAttribute('href'), 'https://www.retsinformation.dk/eli/lta/2024/280');
  assert.match(await link.textContent(), /§ 31, stk\. 4/);
  // Every row of the plan has its explanation, and every row resting on law has its source.
  const rows = await page.$$eval('.samtaleplan-table tbody tr', (trs) =>
    trs.map((tr) => [tr.dataset.id, tr.querySelector('.samtaleplan-explanation').textContent.length, !!tr.querySelector('.samtaleplan-law a')]),
  );
  for (const [id, length, linked] of rows) {
    assert.ok(length > 40, `${id} explains its dates`);
    assert.ok(linked, `${id} links its source`);
  }
  await page.close();
});

/** Unfolds RFC 5545 content lines. */
function unfold(text) {
  return text.replace(/\r\n[ \t]/g, '');
}

test('the calendar file is RFC 5545: events, dates, alarms, CRLF and folding', async () => {
  const { page } = await openPage(ctx.browser);
  await planFor(page, '2024-03-04', { today: '2024-05-01' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Hent som kalenderfil (.ics)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'samtaleplan-2024-03-04.ics');
  const file = path.join(artifacts, 'samtaleplan-2024-03-04.ics');
  await download.saveAs(file);
  const raw = await readFile(file);
  const text = raw.toString('utf8');
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n') && text.endsWith('END:VCALENDAR\r\n'));
  assert.ok(!/[^\r]\n/.test(text), 'every line ends in CRLF');
  for (const line of text.split('\r\n')) {
    assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `a line over 75 octets: ${line}`);
  }
  // Folding never splits a UTF-8 character: every physical line is valid UTF-8 on its own.
  for (const line of raw.toString('latin1').split('\r\n')) {
    const bytes = Buffer.from(line, 'latin1');
    assert.equal(Buffer.from(bytes.toString('utf8'), 'utf8').length, bytes.length, 'a line splits a character');
  }
  const lines = unfold(text).split('\r\n');
  const events = text.split('BEGIN:VEVENT').length - 1;
  // Seven samtaler; on 1 May 2024 A1's latest date (18 March) has passed, so it is left out.
  assert.equal(events, 6);
  assert.equal(text.split('BEGIN:VALARM').length - 1, 6);
  assert.ok(lines.includes('VERSION:2.0'));
  assert.ok(lines.some((l) => /^PRODID:/.test(l)));
  assert.ok(lines.every((l) => !l.startsWith('DTSTAMP') || /^DTSTAMP:\d{8}T\d{6}Z$/.test(l)));
  assert.equal(lines.filter((l) => l.startsWith('UID:')).length, 6);
  assert.doesNotMatch(text, /\(A1\)/);
  // A2: one day, its latest date 31 May, so DTEND is 1 June (exclusive); an alarm 3 days before.
  const a2 = unfold(text).split('BEGIN:VEVENT')[1];
  assert.match(a2, /DTSTART;VALUE=DATE:20240531\r\n/);
  assert.match(a2, /DTEND;VALUE=DATE:20240601\r\n/);
  assert.match(a2, /SUMMARY:Senest i dag: 2\. jobsamtale i a-kassen \(A2\)\r\n/);
  assert.match(a2, /TRIGGER:-P2DT15H\r\n/);
  // The link that shows the plan again, in the description and as the event's URL.
  assert.ok(lines.includes(`URL:${page.url()}`), page.url());
  assert.ok(unfold(text).includes(`Din plan: ${page.url().replaceAll(',', '\\,').replaceAll(';', '\\;')}`));
  // S16: its latest date tirsdag 1 July 2025, one day, DTEND 2 July.
  assert.match(unfold(text), /DTSTART;VALUE=DATE:20250701\r\nDTEND;VALUE=DATE:20250702\r\nSUMMARY:Senest i dag: [^\r]*\(S16\)/);
  await page.close();
});

test('English: the whole page and the plan switch, and the choice is in the link', async () => {
  const { page, problems } = await openPage(ctx.browser);
  await planFor(page, '2024-03-04', { today: '2024-05-01' });
  await page.getByRole('button', { name: 'Change language to English' }).click();
  await page.waitForFunction(() => document.querySelector('.samtaleplan-heading')?.textContent === 'Your interview plan');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('h1'), 'When are your interviews?');
  assert.equal(await page.textContent('#start-group legend'), 'First day of unemployment');
  assert.match(await page.textContent('.samtaleplan-next'), /Your next interview: 2nd job interview at the a-kasse, by Friday 31 May 2024/);
  assert.match(await page.textContent('tr[data-id="A1"] .samtaleplan-latest'), /Monday 18 March 2024/);
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
  assert.equal(await page.getAttribute('#lang-switch', 'lang'), 'da');
  await page.screenshot({ path: path.join(artifacts, 'citizen-english.png'), fullPage: true });
  // And back.
  await page.getByRole('button', { name: 'Skift sprog til dansk' }).click();
  await page.waitForFunction(() => document.querySelector('.samtaleplan-heading')?.textContent === 'Din samtaleplan');
  assert.equal(new URL(page.url()).searchParams.get('lang'), null);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a link reproduces the whole plan: form, rules and dates', async () => {
  const { page } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}?today=2024-05-01`);
  await fillStart(page, '2024-03-04');
  await page.check('#insurance-deltid');
  await page.getByRole('button', { name: 'Tilføj periode' }).click();
  await fillDate(page, 'pause-1-from', '2024-04-01');
  await fillDate(page, 'pause-1-to', '2024-04-12');
  await page.selectOption('#pause-1-reason', 'barsel');
  await fillDate(page, 'handover', '2024-07-01');
  await submit(page);
  await page.waitForSelector('.samtaleplan-table tbody tr');
  const link = page.url();
  const q = new URL(link).searchParams;
  assert.equal(q.get('start'), '2024-03-04');
  assert.equal(q.get('insurance'), 'deltid');
  assert.equal(q.get('handover'), '2024-07-01');
  assert.deepEqual(q.getAll('pause'), ['2024-04-01..2024-04-12..barsel']);
  const table = await page.textContent('.samtaleplan-table');
  const fresh = await ctx.browser.newPage();
  await fresh.goto(link);
  await fresh.waitForSelector('.samtaleplan-table tbody tr');
  assert.equal(await fresh.textContent('.samtaleplan-table'), table);
  assert.equal(await fresh.isChecked('#insurance-deltid'), true);
  await editForm(fresh);
  assert.equal(await dateOf(fresh, 'pause-1-from'), '2024-04-01');
  assert.equal(await fresh.inputValue('#pause-1-reason'), 'barsel');
  assert.equal(await dateOf(fresh, 'handover'), '2024-07-01');
  // Nothing is kept anywhere but the link.
  const kept = await fresh.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length]);
  assert.deepEqual(kept, ['', 0, 0]);
  // The copy button puts the link on the clipboard.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.server.url });
  await page.getByRole('button', { name: 'Kopiér link til planen' }).click();
  await page.waitForFunction(() => document.querySelector('#copy-status').textContent !== '');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  await fresh.close();
  await page.close();
});

test('printed, the longest plan fits two A4 pages without the form', async () => {
  const { page } = await openPage(ctx.browser);
  // The longest plan: R2015 with thirteen samtaler, a pause and warnings. Its timeline, printed
  // across the page with 8 pt labels and its legend (issue 21), and its table take two pages; a
  // plan under today's rules takes one (print.test.mjs, schema2.test.mjs).
  await page.goto(`${ctx.server.url}?start=2019-06-20&today=2019-09-01&pause=2019-07-01..2019-07-12..ferie`);
  await page.waitForSelector('.samtaleplan-table tbody tr');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#plan-form'), false);
  assert.equal(await page.isVisible('.header'), false);
  assert.equal(await page.isVisible('.samtaleplan-table'), true);
  assert.equal(await page.isVisible('svg.samtaleplan-timeline-wide'), true);
  await page.screenshot({ path: path.join(artifacts, 'citizen-print.png'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages <= 2, `the print is ${pages} pages`);
  await page.close();
});

test('the whole flow works with the keyboard alone', async () => {
  const { page } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}?today=2024-05-01`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Enter');
  // From the main content, Tab reaches the date fields in order.
  const focusOn = async (id) => {
    for (let i = 0; i < 12 && (await page.evaluate(() => document.activeElement.id)) !== id; i++) {
      await page.keyboard.press('Tab');
    }
    assert.equal(await page.evaluate(() => document.activeElement.id), id);
  };
  await focusOn('start-day');
  await page.keyboard.type('4');
  await page.keyboard.press('Tab');
  await page.keyboard.type('3');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2024');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'insurance-fuldtid');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'insurance-deltid');
  await focusOn('add-pause');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'pause-1-reason');
  await focusOn('pause-1-from-day');
  // Eight digits typed into the day box are a whole date, day first: 1 April 2024.
  await page.keyboard.type('01042024');
  assert.equal(await dateOf(page, 'pause-1-from'), '2024-04-01');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'pause-1-from-month');
  await focusOn('pause-1-to-day');
  await page.keyboard.type('12');
  await page.keyboard.press('Tab');
  await page.keyboard.type('4');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2024');
  await focusOn('submit');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.samtaleplan-table tbody tr');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H2', 'focus moves to the result');
  assert.equal(await latest(page, 'A2'), '2024-06-14');
  // The comparison opens from the keyboard.
  await page.focus('.samtaleplan-comparison summary');
  await page.keyboard.press('Enter');
  assert.equal(await page.$eval('.samtaleplan-comparison', (d) => d.open), true);
  // Nothing scrolls sideways, so there is no scrolling region to reach.
  assert.equal(await page.locator('.samtaleplan-scroll[tabindex]').count(), 0);
  await page.close();
});

test('axe-core finds no WCAG 2.1 A/AA violations in any state', async () => {
  const { page } = await openPage(ctx.browser);
  const states = [];
  await page.goto(ctx.server.url);
  states.push(['empty', await axe(page)]);
  await planFor(page, '2024-03-04');
  states.push(['result', await axe(page)]);
  await page.goto(`${ctx.server.url}?start=2010-01-04`);
  await page.waitForFunction(() => document.querySelector('#start-error').textContent !== '');
  states.push(['error', await axe(page)]);
  await page.goto(`${ctx.server.url}?start=2024-03-04&lang=en&today=2024-05-01`);
  await page.waitForSelector('.samtaleplan-table tbody tr');
  states.push(['English', await axe(page)]);
  await page.goto(`${ctx.server.url}?start=2019-10-07&today=2020-06-01&pause=2019-11-04..2019-11-15..sygdom&pause=2020-01-06..2020-01-10..ferie`);
  await page.waitForSelector('.samtaleplan-table tbody tr');
  await page.click('.samtaleplan-comparison summary');
  states.push(['with pauses, comparison open', await axe(page)]);
  await page.goto(`${ctx.server.url}?start=2024-03-04&pause=2024-04-12..2024-04-01..sygdom`);
  await page.waitForFunction(() => document.querySelector('#pause-1-to-error').textContent !== '');
  states.push(['pause error', await axe(page)]);
  for (const [state, violations] of states) assert.deepEqual(violations, [], `${state}: ${violations.join('\n')}`);
  await page.close();
});

test('under the strict CSP there are no console errors and no request leaves the site', async () => {
  const { page, problems } = await openPage(ctx.browser);
  const offsite = [];
  const csp = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(ctx.server.url) && !url.startsWith('data:') && !url.startsWith('blob:')) offsite.push(url);
  });
  page.on('response', (r) => {
    if (r.url() === ctx.server.url || r.url().startsWith(`${ctx.server.url}?`)) csp.push(r.headers()['content-security-policy']);
  });
  await page.goto(`${ctx.server.url}?start=2024-03-04&today=2024-05-01`);
  await page.waitForSelector('.samtaleplan-table tbody tr');
  assert.deepEqual(csp, [CSP], 'the page was served with the strict policy');
  // Use every feature once.
  await editForm(page);
  await page.getByRole('button', { name: 'Tilføj periode' }).click();
  await fillDate(page, 'pause-1-from', '2024-04-01');
  await fillDate(page, 'pause-1-to', '2024-04-12');
  await submit(page);
  await page.waitForFunction(() => document.querySelector('tr[data-id="A2"] .samtaleplan-latest time')?.getAttribute('datetime') === '2024-06-14');
  await Promise.all([page.waitForEvent('download'), page.click('#download-ics')]);
  await page.click('.samtaleplan-comparison summary');
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.querySelector('.samtaleplan-heading')?.textContent === 'Your interview plan');
  await page.emulateMedia({ media: 'print' });
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(problems, [], 'no console errors and no CSP violations');
  assert.deepEqual(offsite, [], 'no request outside the site');
  const kept = await page.evaluate(async () => [document.cookie, localStorage.length, sessionStorage.length, (await indexedDB.databases()).length]);
  assert.deepEqual(kept, ['', 0, 0, 0], 'no cookies, storage or databases');
  await page.close();
});

// Each screenshot is of the state it is named after: the state is checked before it is taken.
test('screenshots of the main states, each checked before it is taken', async () => {
  const { page, problems } = await openPage(ctx.browser);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(ctx.server.url);
  assert.equal(await page.isVisible('#plan-form'), true, 'empty: the form is shown');
  assert.equal(await page.locator('.samtaleplan-table tbody tr').count(), 0, 'empty: no plan yet');
  assert.equal(await page.textContent('#start-error'), '', 'empty: no error yet');
  await page.screenshot({ path: path.join(artifacts, 'citizen-empty.png'), fullPage: true });
  await page.goto(`${ctx.server.url}?start=2024-03-04&today=2024-05-01`);
  await page.waitForSelector('.samtaleplan-table tbody tr');
  assert.equal(await page.locator('.samtaleplan-table tbody tr[data-id]').count(), 7, 'result: the seven R2024 samtaler');
  assert.equal(await latest(page, 'A2'), '2024-05-31');
  assert.equal(await latest(page, 'S16'), '2025-07-01');
  await page.screenshot({ path: path.join(artifacts, 'citizen-result.png'), fullPage: true });
  await page.goto(`${ctx.server.url}?start=2024-02-30`);
  await page.waitForFunction(() => document.querySelector('#start-error').textContent !== '');
  assert.equal(await page.getAttribute('#start-error', 'data-code'), 'E_DATE_INVALID');
  assert.match(await page.textContent('#start-error'), /findes ikke/);
  assert.equal(await page.locator('.samtaleplan-table tbody tr').count(), 0, 'error: no plan beside the error');
  await page.screenshot({ path: path.join(artifacts, 'citizen-error.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

// The policy the test server sends (its default, with no browser involved) must be exactly the
// one the issue names: a page that works under it works under the real one.
test('the test server sends the required policy', async () => {
  const server = await startServer({ root: www });
  try {
    for (const file of ['', 'index.html', 'app.js']) {
      const res = await fetch(`${server.url}${file}`);
      assert.equal(res.status, 200, file);
      assert.equal(
        res.headers.get('content-security-policy'),
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:",
        file,
      );
    }
  } finally {
    await server.close();
  }
});
