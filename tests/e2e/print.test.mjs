// Issue #12, the plan on paper and in a calendar, at 375 × 812 and 1280 × 900: one A4 page that
// also shows the inputs, the date it was printed and the link; and a calendar file of one-day
// events on the latest dates, past deadlines only when asked for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { useBrowser, openPage, artifacts } from './browser.mjs';

const ctx = useBrowser();
const SIZES = [
  [375, 812],
  [1280, 900],
];

/** A typical plan with every input: deltid, a pause, part-time work, a hand-over. */
const TYPICAL =
  '?start=2024-03-04&insurance=deltid&pause=2024-04-01..2024-04-12..sygdom' +
  '&pause=2024-06-03..2024-08-30..arbejde..18.5&handover=2024-09-02&today=2024-05-01';

function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** Today as the page's clock has it, written as the page writes it for print. */
function todayIso() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

for (const [width, height] of SIZES) {
  test(`printed at ${width} px: one A4 page with the inputs, the date printed and the link`, async () => {
    const { page, problems } = await openPage(ctx.browser);
    await page.setViewportSize({ width, height });
    await page.goto(`${ctx.server.url}${TYPICAL}`);
    await page.waitForSelector('.samtaleplan-table tbody tr');
    // On screen the print-only block is not shown.
    assert.equal(await page.isVisible('#print-info'), false);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('#print-info'), true);
    const info = await page.innerText('#print-info');
    for (const expected of [
      'Planen bygger på',
      'Første ledighedsdag',
      '4. marts 2024',
      'Forsikring',
      'Deltid',
      '1. april 2024 – 12. april 2024: Sygdom (hele perioden)',
      'Timer, du har brugt af dagpengeperioden',
      '3. juni 2024 – 30. august 2024: Arbejde på nedsat tid, 18,5 timer om ugen',
      'Overgang til jobcentret',
      '2. september 2024',
      'Gruppe',
      'Almindelig',
      'Udskrevet ',
    ]) {
      assert.ok(info.includes(expected), `${expected} in ${info}`);
    }
    assert.equal(await page.getAttribute('#print-info [data-printed]', 'data-printed'), todayIso());
    // The link is the address of this very plan.
    assert.equal(await page.getAttribute('#print-info a', 'href'), page.url());
    assert.ok(info.includes(page.url()));
    // The form, the buttons and the calendar choice are not printed; the plan is.
    for (const hidden of ['#plan-form', '#actions', '#edit-toggle', '#ics-past', '.header', '.footer']) {
      assert.equal(await page.isVisible(hidden), false, hidden);
    }
    assert.equal(await page.isVisible('.samtaleplan-table'), true);
    await page.screenshot({ path: path.join(artifacts, `print-${width}.png`), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    assert.equal(pdfPages(pdf), 1, `the print is ${pdfPages(pdf)} pages`);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('printed in English, with no periods and a computed hand-over', async () => {
  const { page } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}?start=2024-03-04&group=jobcenter_from_day_one&lang=en&today=2024-05-01`);
  await page.waitForSelector('.samtaleplan-table tbody tr');
  await page.emulateMedia({ media: 'print' });
  const info = await page.innerText('#print-info');
  for (const expected of ['The plan is based on', '4 March 2024', 'Full-time', 'None', 'Computed (not given)', 'the jobcentre from day one', 'Printed ']) {
    assert.ok(info.includes(expected), `${expected} in ${info}`);
  }
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  assert.equal(pdfPages(pdf), 1);
  // A plan that fails empties what would be printed.
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${ctx.server.url}?start=2024-02-30&lang=en`);
  await page.waitForSelector('#start-error:not(:empty)');
  assert.equal(await page.innerText('#print-info'), '');
  await page.close();
});

test('printed under the rules from 1 July 2026: the hand-over is to kommunen, as the form says', async () => {
  const { page } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}?start=2026-08-10&today=2026-08-20`);
  await page.waitForSelector('.samtaleplan-table tbody tr');
  await page.emulateMedia({ media: 'print' });
  const info = await page.innerText('#print-info');
  assert.ok(info.includes('Overgang til kommunen'), info);
  assert.ok(!info.includes('jobcentret'), info);
  await page.close();
});

/** The A4 page's width inside its 12 mm margins (186 mm), in CSS pixels: the width print lays out. */
const A4_INSIDE = Math.floor((186 / 25.4) * 96);

/** What is printed of the next samtale, the timeline and its legend, in print media (sizes in pt: 0.75 a CSS pixel). */
function printedFigure(page) {
  return page.evaluate(() => {
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width };
    };
    const shown = (el) => el.getBoundingClientRect().width > 0 && getComputedStyle(el).visibility !== 'hidden';
    const svg = [...document.querySelectorAll('svg.samtaleplan-timeline')].find(shown);
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const legend = document.querySelector('.samtaleplan-legend');
    return {
      icons: [...document.querySelectorAll('.samtaleplan-next, .samtaleplan-warnings')].filter(shown).map((b) => ({
        box: box(b),
        icon: box(b.querySelector(':scope > .alert-icon')),
      })),
      wide: svg.classList.contains('samtaleplan-timeline-wide'),
      svg: box(svg),
      labels: [...svg.querySelectorAll('text')].filter(shown).map((t) => ({
        text: t.textContent,
        pt: parseFloat(getComputedStyle(t).fontSize) * scale * 0.75,
        box: box(t),
      })),
      legend: legend && shown(legend) ? { text: legend.textContent, pt: parseFloat(getComputedStyle(legend).fontSize) * 0.75, box: box(legend) } : null,
    };
  });
}

const inside = (inner, outer) =>
  inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5 && inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5;

// Issue 21: on paper the next samtale's icon hung below its box, and the timeline was squeezed to
// 40 mm high, its labels about 5 pt, with no legend.
for (const [query, holders] of [
  [TYPICAL, ['A-kassen', 'Jobcentret']],
  ['?start=2026-11-30&today=2026-12-15', ['A-kassen', 'Kommunen']],
  ['?start=2024-03-04&today=2024-05-01&lang=en', ['The a-kasse', 'The jobcentre']],
]) {
  test(`on paper (${query}): the icons inside their boxes, the timeline's text 8 pt or more, its legend`, async () => {
    const { page, problems } = await openPage(ctx.browser);
    await page.setViewportSize({ width: A4_INSIDE, height: 1000 });
    await page.goto(`${ctx.server.url}${query}`);
    await page.waitForSelector('.samtaleplan-table tbody tr');
    await page.emulateMedia({ media: 'print' });
    const printed = await printedFigure(page);
    assert.ok(printed.icons.length >= 1, 'the next samtale is printed with its icon');
    for (const { box, icon } of printed.icons) assert.ok(inside(icon, box), `icon ${JSON.stringify(icon)} outside its box ${JSON.stringify(box)}`);
    assert.equal(printed.wide, true, 'the wide picture is printed');
    assert.ok(printed.svg.width >= A4_INSIDE - 1, `the timeline is ${printed.svg.width} px of ${A4_INSIDE} wide`);
    assert.ok(printed.labels.length > 10);
    for (const l of printed.labels) {
      assert.ok(l.pt >= 8, `"${l.text}" is ${l.pt.toFixed(1)} pt on paper`);
      assert.ok(inside(l.box, printed.svg), `"${l.text}" is outside the picture`);
    }
    for (let i = 0; i < printed.labels.length; i++) {
      for (const b of printed.labels.slice(i + 1)) {
        const [p, q] = [printed.labels[i].box, b.box];
        const overlap = Math.min(p.right, q.right) - Math.max(p.left, q.left) > 0.5 && Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 0.5;
        assert.ok(!overlap, `"${printed.labels[i].text}" and "${b.text}" overlap on paper`);
      }
    }
    assert.ok(printed.legend, 'the legend is printed');
    assert.ok(printed.legend.pt >= 8, `the legend is ${printed.legend.pt.toFixed(1)} pt`);
    assert.ok(printed.legend.box.top >= printed.svg.bottom, 'under the timeline');
    for (const holder of holders) assert.ok(printed.legend.text.includes(holder), `${holder} in ${printed.legend.text}`);
    await page.screenshot({ path: path.join(artifacts, `print-figure-${query.includes('2026') ? 'r2026' : query.includes('en') ? 'en' : 'typical'}.png`), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    assert.equal(pdfPages(pdf), 1, `the print is ${pdfPages(pdf)} pages`);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

async function download(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download-ics')]);
  return readFile(await file.path(), 'utf8');
}

for (const [width, height] of SIZES) {
  test(`the calendar file at ${width} px: one-day events on the latest dates, past ones when asked`, async () => {
    const { page, problems } = await openPage(ctx.browser);
    await page.setViewportSize({ width, height });
    await page.goto(`${ctx.server.url}${TYPICAL}`);
    await page.waitForSelector('.samtaleplan-table tbody tr');
    const rows = await page.$$eval('.samtaleplan-table tbody tr', (trs) =>
      trs.map((tr) => [tr.dataset.id, tr.querySelector('.samtaleplan-latest time').getAttribute('datetime')]),
    );
    const future = rows.filter(([, latest]) => latest >= '2024-05-01');
    assert.ok(future.length < rows.length, 'some deadline has passed on 1 May 2024');

    const unfold = (t) => t.replace(/\r\n[ \t]/g, '');
    const starts = (t) => [...unfold(t).matchAll(/DTSTART;VALUE=DATE:(\d{8})\r\nDTEND;VALUE=DATE:(\d{8})\r\nSUMMARY:Senest i dag: [^\r]*\((\w+)\)\r\n/g)];
    const check = (t, expected) => {
      const found = starts(t);
      assert.deepEqual(
        found.map((m) => [m[3], `${m[1].slice(0, 4)}-${m[1].slice(4, 6)}-${m[1].slice(6)}`]),
        expected,
      );
      for (const m of found) {
        const day = new Date(`${m[1].slice(0, 4)}-${m[1].slice(4, 6)}-${m[1].slice(6)}T00:00:00Z`);
        day.setUTCDate(day.getUTCDate() + 1);
        assert.equal(day.toISOString().slice(0, 10).replaceAll('-', ''), m[2], 'one day, DTEND the day after');
      }
      assert.equal(unfold(t).split('TRIGGER:-P2DT15H\r\n').length - 1, expected.length, 'an alarm on every event');
    };
    check(await download(page), future);
    // Asked for: the past deadlines too.
    assert.equal(await page.isVisible('#ics-past'), true);
    await page.check('#ics-past');
    check(await download(page), rows);
    await page.screenshot({ path: path.join(artifacts, `calendar-choice-${width}.png`) });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
    assert.deepEqual(problems, []);
    await page.close();
  });
}
