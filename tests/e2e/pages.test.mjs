// Every page of the site, at 375 × 812 and 1280 × 900 (issue 12, "Done when"): axe-core finds no
// WCAG 2.1 A/AA violation, nothing scrolls sideways, the console stays clean while the page loads,
// and a screenshot of each is kept in tests/e2e/artifacts/pages-*.png. The pages' own behaviour
// is tested in the files named after them; this is the one list of pages, so a new page is
// checked by adding one line here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { useBrowser, openPage, artifacts, repo, www } from './browser.mjs';
import { startServer, CSP } from './server.mjs';

const ctx = useBrowser();
const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js', { paths: [repo] }), 'utf8');

// [name, address, what shows the page is ready]
const PAGES = [
  ['form', '?today=2024-05-01', '#start-day'],
  ['plan', '?start=2024-03-04&pause=2024-04-01..2024-04-12..sygdom&today=2024-05-01', '.samtaleplan-table tbody tr'],
  ['plan-R2026-en', '?start=2026-08-10&lang=en&today=2026-09-01', '.samtaleplan-table tbody tr'],
  ['caseload', 'caseload.html', '#today-day'],
  ['statement', 'tilgaengelighed.html', 'h1'],
  ['statement-en', 'tilgaengelighed.html?lang=en', 'h1'],
  ['frame', 'frame.html?start=2024-03-04&today=2024-05-01', 'samtale-plan[data-state="ready"]'],
  ['embed-demo', 'embed-demo.html', 'samtale-plan[data-state="ready"]'],
];
const SIZES = [
  [375, 812],
  [1280, 900],
];

for (const [width, height] of SIZES) {
  for (const [name, address, ready] of PAGES) {
    test(`${name} at ${width} px: axe-clean, nothing sideways, a clean console`, async () => {
      const { page, problems } = await openPage(ctx.browser);
      await page.setViewportSize({ width, height });
      await page.goto(`${ctx.server.url}${address}`);
      await page.waitForSelector(ready);
      assert.deepEqual(problems, [], 'the console while loading');
      const wide = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(wide[0] <= wide[1], `the page is ${wide[0]} px wide in a ${wide[1]} px window`);
      await page.screenshot({ path: path.join(artifacts, `pages-${name}-${width}.png`), fullPage: true });
      // axe's probes of a shadow root can be refused by the strict Content-Security-Policy, which the
      // console then reports: what counts is what axe finds.
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      });
      assert.deepEqual(violations, []);
      await page.close();
    });
  }
}

/** A policy's directives, by name, their values in order (`frame-ancestors` left out: a meta
 * cannot carry it). */
function directives(policy) {
  const out = {};
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/);
    if (name !== 'frame-ancestors') out[name.toLowerCase()] = values.join(' ');
  }
  return out;
}

// Issue 24: a page on a host that sends no Content-Security-Policy is under the same policy, from
// its <meta>: the same directives as the server's header (less what a meta cannot carry).
test("every page carries the header's policy in a meta, first in its head", async () => {
  const pages = (await readdir(www)).filter((f) => f.endsWith('.html'));
  assert.ok(pages.length >= 5 && pages.includes('frame.html'), pages.join(', '));
  for (const file of pages) {
    const html = await readFile(path.join(www, file), 'utf8');
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*>/gi)];
    assert.equal(metas.length, 1, `${file}: one CSP meta`);
    assert.deepEqual(directives(metas[0][1]), directives(CSP), file);
    // Before anything it governs: no script, style or link comes before it.
    const head = html.slice(0, metas[0].index);
    assert.doesNotMatch(head, /<(script|link|style)\b/i, `${file}: the meta comes first`);
  }
});

test('every page works under its meta policy alone, and the policy is in force', async () => {
  const bare = await startServer({ root: www, csp: false });
  try {
    for (const [name, address, ready] of PAGES) {
      const { page, problems } = await openPage(ctx.browser);
      const response = await page.goto(`${bare.url}${address}`);
      assert.equal(response.headers()['content-security-policy'], undefined, `${name}: no header`);
      await page.waitForSelector(ready);
      assert.deepEqual(problems, [], `${name}: the console while loading`);
      // An inline script and an inline style are refused, as the header would refuse them.
      const refused = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const seen = [];
            document.addEventListener('securitypolicyviolation', (e) => {
              seen.push(e.effectiveDirective);
              if (seen.length === 2) resolve(seen.sort());
            });
            const script = document.createElement('script');
            script.textContent = 'window.__inline = 1';
            document.head.append(script);
            const style = document.createElement('style');
            style.textContent = 'body { color: red }';
            document.head.append(style);
            setTimeout(() => resolve(seen.sort()), 2000);
          }),
      );
      assert.deepEqual(refused, ['script-src-elem', 'style-src-elem'], name);
      assert.equal(await page.evaluate(() => window.__inline), undefined, `${name}: an inline script ran`);
      await page.close();
    }
  } finally {
    await bare.close();
  }
});
