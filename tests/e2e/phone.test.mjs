// The citizen on a phone (375 × 812) and a desktop (1280 × 900), issue 12: the answer first, a table
// that fits as cards, and a timeline drawn for the width it has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useBrowser, openPage, artifacts } from './browser.mjs';

const ctx = useBrowser();
const PLAN = '?start=2026-08-10&today=2026-11-29';
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

async function open(viewport, query = PLAN) {
  const { page, problems } = await openPage(ctx.browser);
  await page.setViewportSize(viewport);
  await page.goto(`${ctx.server.url}${query}`);
  await page.waitForSelector('.samtaleplan-table tbody tr');
  return { page, problems };
}

/** The visible timeline's labels: rendered font size in px and their boxes. */
function timelineLabels(page) {
  return page.evaluate(() => {
    const svgs = [...document.querySelectorAll('svg.samtaleplan-timeline')].filter((s) => s.getBoundingClientRect().width > 0);
    return svgs.map((svg) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return {
        narrow: svg.classList.contains('samtaleplan-timeline-narrow'),
        labels: [...svg.querySelectorAll('text')].map((t) => {
          const r = t.getBoundingClientRect();
          return { text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale, box: [r.left, r.top, r.right, r.bottom] };
        }),
      };
    });
  });
}

function assertReadable(labels, where) {
  for (const l of labels) assert.ok(l.px >= 10, `${where}: "${l.text}" is ${l.px.toFixed(1)} px`);
  for (let i = 0; i < labels.length; i++) {
    for (const b of labels.slice(i + 1)) {
      const [a1, a2] = [labels[i].box, b.box];
      const overlap = Math.min(a1[2], a2[2]) - Math.max(a1[0], a2[0]) > 0.5 && Math.min(a1[3], a2[3]) - Math.max(a1[1], a2[1]) > 0.5;
      assert.ok(!overlap, `${where}: "${labels[i].text}" and "${b.text}" overlap`);
    }
  }
}

test('on a phone the answer comes first: the next samtale, its holder and its latest date in the first screen', async () => {
  const { page, problems } = await open(PHONE);
  const next = page.locator('.samtaleplan-next');
  assert.match(await next.textContent(), /Din næste samtale/);
  const box = await page.locator('.samtaleplan-next-latest').boundingBox();
  assert.ok(box.y + box.height <= PHONE.height, `the latest date ends at ${box.y + box.height} px`);
  const holder = await page.locator('.samtaleplan-next-holder').boundingBox();
  assert.ok(holder.y + holder.height <= PHONE.height);
  assert.equal(await page.getAttribute('.samtaleplan-next-latest time', 'datetime'), '2027-02-05');
  // The inputs in one line; the form folded behind "Ret oplysninger".
  assert.match(await page.textContent('#summary-text'), /Første ledighedsdag 10\. august 2026 · fuldtid · ingen perioder/);
  assert.equal(await page.isVisible('#plan-form'), false);
  const toggle = page.getByRole('button', { name: 'Ret oplysninger' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.isVisible('#plan-form'), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'start-day');
  assert.equal(await page.inputValue('#start-year'), '2026');
  // A new plan folds the form again and moves focus to the plan.
  await page.fill('#start-day', '17');
  await page.getByRole('button', { name: 'Vis mine samtaler' }).click();
  await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
  assert.equal(await page.isVisible('#plan-form'), false);
  assert.match(await page.textContent('#summary-text'), /17\. august 2026/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('without a plan in the URL the form is open and there is no summary', async () => {
  const { page } = await openPage(ctx.browser);
  await page.setViewportSize(PHONE);
  await page.goto(ctx.server.url);
  await page.waitForSelector('#start-day');
  assert.equal(await page.isVisible('#plan-form'), true);
  assert.equal(await page.isVisible('#summary'), false);
  await page.close();
});

test('on a phone the samtaler are cards, Senest first, and nothing scrolls sideways', async () => {
  for (const query of [PLAN, '?start=2019-10-07&today=2020-04-01&pause=2020-01-01..2020-02-20..sygdom', '?start=2024-03-04&today=2024-06-03&pause=2024-04-01..2024-04-12..arbejde..18.5&lang=en']) {
    const { page, problems } = await open(PHONE, query);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, `${query}: no sideways scrolling`);
    const cards = await page.$$eval('.samtaleplan-table tbody tr', (trs) =>
      trs.map((tr) => {
        const top = (sel) => tr.querySelector(sel).getBoundingClientRect().top;
        return {
          width: tr.getBoundingClientRect().width,
          order: [top('th'), top('.samtaleplan-holder'), top('.samtaleplan-latest'), top('.samtaleplan-earliest'), top('.samtaleplan-citation')],
          label: getComputedStyle(tr.querySelector('.samtaleplan-latest'), '::before').content,
          how: tr.querySelector('.samtaleplan-how').open,
        };
      }),
    );
    for (const c of cards) {
      assert.ok(c.width <= 343, `${query}: a card is ${c.width} px wide`);
      assert.deepEqual([...c.order].sort((a, b) => a - b), c.order, `${query}: title, holder, Senest, Tidligst, Hjemmel`);
      assert.match(c.label, query.includes('lang=en') ? /Latest/ : /Senest/);
      assert.equal(c.how, false, 'how it was computed is behind a disclosure');
    }
    assert.equal(await page.$eval('.samtaleplan-table thead', (h) => getComputedStyle(h).position), 'absolute', 'the head is for screen readers only');
    const [timeline] = await timelineLabels(page);
    assert.equal(timeline.narrow, true, `${query}: the narrow picture`);
    assertReadable(timeline.labels, `${query} at 375 px`);
    assert.ok(timeline.labels.some((l) => /A-kassen|a-kasse/.test(l.text)), 'lanes named in words');
    assert.ok(await page.isVisible('.samtaleplan-legend'));
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('on a desktop: the table with its head, the wide timeline readable, the legend', async () => {
  // A full pause (a holiday without feriedagpenge): shaded, and named in the legend.
  const { page, problems } = await open(DESKTOP, '?start=2024-03-04&today=2024-06-03&pause=2024-04-01..2024-04-12..ferie');
  assert.equal(await page.isVisible('.samtaleplan-table thead'), true);
  assert.equal(await page.$eval('.samtaleplan-table tbody tr', (tr) => getComputedStyle(tr).display), 'table-row');
  const [timeline] = await timelineLabels(page);
  assert.equal(timeline.narrow, false);
  assertReadable(timeline.labels, 'at 1280 px');
  const legend = await page.textContent('.samtaleplan-legend');
  for (const words of ['A-kassen', 'Jobcentret', 'periode uden dagpenge', 'i dag', 'overgang']) assert.ok(legend.includes(words), words);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 1280);
  await page.screenshot({ path: path.join(artifacts, 'desktop-plan.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('the COVID freeze is hatched, a pause is plain grey: told apart by more than colour', async () => {
  const { page } = await open(DESKTOP, '?start=2019-10-07&pause=2020-01-01..2020-02-20..sygdom');
  const fills = await page.$$eval('.samtaleplan-timeline-wide g[class^="samtaleplan-timeline-"] > rect', (rects) =>
    rects.map((r) => [r.parentElement.getAttribute('class'), r.getAttribute('fill')]));
  const frozen = fills.find(([c]) => c === 'samtaleplan-timeline-frozen');
  const pause = fills.find(([c]) => c === 'samtaleplan-timeline-pause');
  assert.match(frozen[1], /^url\(#/);
  assert.doesNotMatch(pause[1], /^url/);
  await page.close();
});

// Issue 21: a plan from November 2026 read "2026 dec feb maj … 2028" on a phone, its 2027 left out.
test('on a phone the timeline names every year it shows: 2026, 2027 and 2028', async () => {
  const { page, problems } = await open(PHONE, '?start=2026-11-30&today=2026-12-15');
  const years = await page.$$eval('svg.samtaleplan-timeline-narrow .samtaleplan-timeline-year', (texts) => {
    const svg = texts[0].ownerSVGElement.getBoundingClientRect();
    return texts
      .map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }))
      .sort((a, b) => a.box.left - b.box.left)
      .map(({ text, box }) => ({ text, inside: box.left >= svg.left && box.right <= svg.right + 0.5 }));
  });
  assert.deepEqual(years.map((y) => y.text), ['2026', '2027', '2028']);
  assert.ok(years.every((y) => y.inside), JSON.stringify(years));
  const [timeline] = await timelineLabels(page);
  assert.equal(timeline.narrow, true);
  assertReadable(timeline.labels, 'the years at 375 px');
  assert.deepEqual(problems, []);
  await page.close();
});

/**
 * Every word of one letter, a hyphen and letters ("a-kassen") in the page's visible text, with the
 * tops of the lines it is drawn on: one top when it is not broken.
 */
function oneLetterWords(page) {
  return page.evaluate(() => {
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('svg, [hidden], script, style')) continue;
      for (const m of node.data.matchAll(/(?<![\p{Alphabetic}\p{N}])\p{Alphabetic}-\p{Alphabetic}+/gu)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        if (rects.length) found.push({ word: m[0], tops: [...new Set(rects.map((r) => Math.round(r.top)))] });
      }
    }
    return found;
  });
}

// Issue 21: "a-kassen" broke at its hyphen on a phone. It is kept on one line at every phone width,
// the page's own text and the plan's alike, and its text is still "a-kassen", a plain hyphen.
test('on a phone a word like a-kassen is never broken at its hyphen, and still reads a-kassen', async () => {
  for (const query of [PLAN, '?start=2024-03-04&today=2024-06-03&lang=en']) {
    const { page, problems } = await open(PHONE, query);
    await page.getByRole('button', { name: /Ret oplysninger|Change your details/ }).click();
    let seen = 0;
    for (let width = 320; width <= 430; width += 2) {
      await page.setViewportSize({ width, height: 812 });
      const words = await oneLetterWords(page);
      seen = Math.max(seen, words.length);
      for (const w of words) assert.equal(w.tops.length, 1, `${query} at ${width} px: "${w.word}" is broken over lines ${w.tops}`);
    }
    assert.ok(seen >= 8, `${query}: ${seen} words like a-kassen seen`);
    // The words are the plain text: a hyphen-minus, no U+2011, found and copied as typed.
    const body = await page.evaluate(() => document.body.textContent);
    assert.ok(!body.includes('\u2011'));
    assert.match(body, /a-kasse/);
    assert.ok(await page.locator('.samtaleplan-nowrap').count() >= 8);
    assert.deepEqual(problems, []);
    await page.close();
  }
});
