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
