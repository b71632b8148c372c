// Issue #12, the element in portals, at 375 × 812 and 1280 × 900: heading-level (and no heading),
// the timeline's colours from the host's theme (custom properties and ::part), the ready signal
// (data-state), and the example of EMBEDDING.md's "Testing your portal with the element" — the
// file tests/e2e/embedding-example.mjs, which EMBEDDING.md quotes verbatim and this test runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launch, openPage, artifacts, repo } from './browser.mjs';
import { startServer } from './server.mjs';
import { latestDate } from './embedding-example.mjs';

const SIZES = [
  [375, 812],
  [1280, 900],
];

const HOST_CSS = `
body { font-family: Georgia, serif; margin: 0 16px; }
#themed {
  --samtaleplan-color-akasse: rgb(128, 0, 64);
  --samtaleplan-color-jobcenter: rgb(0, 64, 128);
  --samtaleplan-color-joint: rgb(64, 64, 0);
}
#themed::part(latest) { color: rgb(0, 90, 0); }
#themed::part(heading) { color: rgb(90, 0, 0); }
`;

const HOST = `<!doctype html><html lang="da"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Portal</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="host.css">
<script type="module" src="/vendor/samtaleplan/samtale-plan.js"></script></head>
<body><main><h1>Min side</h1>
<section><h2>Dine samtaler</h2>
<samtale-plan id="level3" mode="plan" start="2024-03-04" today="2024-05-01" heading-level="3"></samtale-plan></section>
<samtale-plan id="plain" mode="plan" start="2024-03-04" today="2024-05-01"></samtale-plan>
<samtale-plan id="bare" mode="plan" start="2024-03-04" today="2024-05-01" heading-level="none"></samtale-plan>
<samtale-plan id="themed" mode="plan" start="2024-03-04" today="2024-05-01" heading-level="2"></samtale-plan>
<samtale-plan id="wrong" mode="plan" start="2024-03-04" heading-level="seven"></samtale-plan>
<samtale-plan id="impossible" mode="plan" start="2024-02-30"></samtale-plan>
</main></body></html>`;

let tmp;
let server;
let browser;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'samtaleplan-portal-'));
  await cp(path.join(repo, 'dist', 'samtaleplan'), path.join(tmp, 'vendor', 'samtaleplan'), { recursive: true });
  await writeFile(path.join(tmp, 'index.html'), HOST);
  await writeFile(path.join(tmp, 'host.css'), HOST_CSS);
  server = await startServer({ root: tmp });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

async function ready(page, id) {
  await page.locator(`#${id}[data-state="ready"], #${id}[data-state="error"]`).waitFor();
}

test('EMBEDDING.md quotes the example file verbatim', async () => {
  const doc = await readFile(path.join(repo, 'EMBEDDING.md'), 'utf8');
  const example = await readFile(path.join(repo, 'tests/e2e/embedding-example.mjs'), 'utf8');
  assert.ok(doc.includes('## Testing your portal with the element'));
  assert.ok(doc.includes(`\`\`\`js\n${example}\`\`\``), 'EMBEDDING.md must hold tests/e2e/embedding-example.mjs as it is');
});

for (const [width, height] of SIZES) {
  test(`the example reads latest dates through the ready signal and the hooks at ${width} px`, async () => {
    const { page, problems } = await openPage(browser);
    await page.setViewportSize({ width, height });
    // The demo portal of www/, as an a-kasse's own page would hold the element.
    const demo = await startServer({ root: path.join(repo, 'www') });
    try {
      await page.goto(`${demo.url}embed-demo.html`);
      assert.equal(await latestDate(page, 'A1', '#member-plan'), '2024-03-18');
      assert.equal(await latestDate(page, 'S16', '#member-plan'), '2025-07-01');
      // The calculator has no start yet: idle, not ready; the example says so with null.
      assert.equal(await latestDate(page, 'A1', '#calculator'), null);
      assert.equal(await page.getAttribute('#calculator', 'data-state'), 'idle');
      // A new start: the element is loading at once, so the example never reads the old plan.
      const state = await page.evaluate(() => {
        const el = document.querySelector('#member-plan');
        el.start = '2024-03-11';
        return el.dataset.state;
      });
      assert.equal(state, 'loading');
      assert.equal(await latestDate(page, 'A1', '#member-plan'), '2024-03-25');
      // An impossible date: the example says which error the element shows.
      await page.evaluate(() => {
        document.querySelector('#member-plan').start = '2024-02-30';
      });
      await assert.rejects(latestDate(page, 'A1', '#member-plan'), /E_DATE_INVALID/);
    } finally {
      await demo.close();
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
}

for (const [width, height] of SIZES) {
  test(`heading-level, theme colours and parts in a portal at ${width} px`, async () => {
    const { page, problems } = await openPage(browser);
    await page.setViewportSize({ width, height });
    await page.goto(server.url);
    for (const id of ['level3', 'plain', 'bare', 'themed', 'wrong', 'impossible']) await ready(page, id);
    const headings = (id) =>
      page.$eval(`#${id}`, (el) => [...el.shadowRoot.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => [h.tagName, h.className]));
    // heading-level="3": the plan's heading is an h3 under the portal's h2, its sections' h4.
    const level3 = await headings('level3');
    assert.deepEqual(level3[0], ['H3', 'samtaleplan-heading']);
    assert.ok(level3.slice(1).every(([tag]) => tag === 'H4'), JSON.stringify(level3));
    assert.ok(level3.length > 1, 'the plan has section headings (warnings, assumptions)');
    // The default is h2, sections h3.
    const plain = await headings('plain');
    assert.deepEqual(plain[0], ['H2', 'samtaleplan-heading']);
    assert.ok(plain.slice(1).every(([tag]) => tag === 'H3'));
    // "none": no heading of its own; the plan is still there.
    const bare = await headings('bare');
    assert.ok(!bare.some(([, cls]) => cls === 'samtaleplan-heading'), JSON.stringify(bare));
    assert.equal(await latestDate(page, 'A2', '#bare'), '2024-05-31');
    // A heading-level that is not one: a stable code and a Danish message, no plan.
    assert.equal(await page.getAttribute('#wrong', 'data-state'), 'error');
    const wrong = await page.$eval('#wrong', (el) => {
      const p = el.shadowRoot.querySelector('[part="error"]');
      return [p.dataset.code, p.textContent, el.shadowRoot.querySelectorAll('tbody tr').length];
    });
    assert.deepEqual(wrong, ['E_UNKNOWN_VALUE', 'Attributten heading-level skal være et tal fra 1 til 6 eller none.', 0]);
    // Setting the property moves the heading without a reload.
    await page.evaluate(() => {
      document.querySelector('#plain').headingLevel = 4;
    });
    await ready(page, 'plain');
    await page.waitForFunction(() => document.querySelector('#plain').shadowRoot.querySelector('.samtaleplan-heading')?.tagName === 'H4');
    assert.equal(await page.getAttribute('#plain', 'heading-level'), '4');

    // Theme: the holders' colours come from the host's custom properties, in the timeline, its
    // legend and the cards; a past deadline stays hollow, an open one keeps its dark edge.
    const colours = await page.$eval('#themed', (el) => {
      const root = el.shadowRoot;
      const bar = (id) => {
        const rect = [...root.querySelectorAll(`.samtaleplan-timeline-bar[data-id="${id}"] rect`)].find((r) => r.getBoundingClientRect().width > 0);
        const style = getComputedStyle(rect);
        return [style.fill, style.stroke];
      };
      const legend = getComputedStyle(root.querySelector('.samtaleplan-legend li[data-holder="akasse"] rect')).fill;
      const latest = getComputedStyle(root.querySelector('tr[data-id="A2"] [part="latest"]')).color;
      const heading = getComputedStyle(root.querySelector('[part="heading"]')).color;
      const card = getComputedStyle(root.querySelector('tr[data-id="J1"]')).borderLeftColor;
      return { a1: bar('A1'), a2: bar('A2'), j1: bar('J1'), s16: bar('S16'), legend, latest, heading, card };
    });
    assert.deepEqual(colours.a1, ['rgb(255, 255, 255)', 'rgb(128, 0, 64)'], 'past: hollow, in the theme colour');
    assert.deepEqual(colours.a2, ['rgb(128, 0, 64)', 'rgb(26, 26, 26)'], 'open: filled, dark edge');
    assert.deepEqual(colours.j1, ['rgb(0, 64, 128)', 'rgb(0, 64, 128)']);
    assert.deepEqual(colours.s16, ['rgb(64, 64, 0)', 'rgb(64, 64, 0)']);
    assert.equal(colours.legend, 'rgb(128, 0, 64)');
    assert.equal(colours.latest, 'rgb(0, 90, 0)', '::part(latest)');
    assert.equal(colours.heading, 'rgb(90, 0, 0)', '::part(heading)');
    if (width < 960) assert.equal(colours.card, 'rgb(0, 64, 128)', 'the card of a jobcenter samtale');
    // Without a theme, the defaults (DKFDS): the unthemed element's A2 bar.
    const plainFill = await page.$eval('#level3', (el) => {
      const rect = [...el.shadowRoot.querySelectorAll('.samtaleplan-timeline-bar[data-id="A2"] rect')].find((r) => r.getBoundingClientRect().width > 0);
      return getComputedStyle(rect).fill;
    });
    assert.equal(plainFill, 'rgb(27, 117, 176)');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scrolling');
    await page.locator('#themed').screenshot({ path: path.join(artifacts, `portal-themed-${width}.png`) });
    assert.deepEqual(problems, []);
    await page.close();
  });
}
