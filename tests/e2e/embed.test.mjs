// <samtale-plan> in real Chromium: attributes, properties, events, one WebAssembly load for many
// elements, theming, the strict CSP, a sub-path and another origin, errors that stay inside the
// element, accessibility, the iframe alternative, and a portal built with Vite.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { axe, useBrowser, openPage, artifacts, repo } from './browser.mjs';
import { startServer, CSP } from './server.mjs';

const ctx = useBrowser();
const dist = path.join(repo, 'dist', 'samtaleplan');

let tmp;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'samtaleplan-embed-'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A host page in a fresh folder: `body` inside <body>, the package under vendor/samtaleplan/. */
async function hostSite(name, body, { script = '' } = {}) {
  const root = path.join(tmp, name);
  await mkdir(path.join(root, 'portal'), { recursive: true });
  await cp(dist, path.join(root, 'vendor', 'samtaleplan'), { recursive: true });
  await writeFile(
    path.join(root, 'portal', 'index.html'),
    `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Portal</title><link rel="icon" href="data:,">
<script type="module" src="/vendor/samtaleplan/samtale-plan.js"></script>
${script ? '<script type="module" src="host.js"></script>' : ''}</head>
<body><main><h1>Portal</h1>${body}</main></body></html>`,
  );
  if (script) await writeFile(path.join(root, 'portal', 'host.js'), script);
  return root;
}

/** The plan rows inside an element's shadow root: [id, earliest, latest]. */
function shadowRows(page, selector) {
  return page.$eval(selector, (el) =>
    [...el.shadowRoot.querySelectorAll('tbody tr')].map((tr) => [
      tr.dataset.id,
      tr.querySelector('.samtaleplan-earliest time').getAttribute('datetime'),
      tr.querySelector('.samtaleplan-latest time').getAttribute('datetime'),
    ]),
  );
}

async function waitRows(page, selector, count) {
  await page.waitForFunction(
    ([sel, n]) => document.querySelector(sel)?.shadowRoot?.querySelectorAll('tbody tr').length === n,
    [selector, count],
  );
}

test('attributes give the rendered dates, and changing one re-renders', async () => {
  const { page, problems } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}embed-demo.html`);
  await waitRows(page, '#member-plan', 7);
  const rows = await shadowRows(page, '#member-plan');
  assert.deepEqual(rows.slice(0, 2), [
    ['A1', '2024-03-04', '2024-03-18'],
    ['A2', '2024-03-04', '2024-05-31'],
  ]);
  // A full pause (a holiday without dagpenge) through the attribute moves A2, and the element
  // draws again by itself.
  await page.$eval('#member-plan', (el) =>
    el.setAttribute('pauses', JSON.stringify([{ from: '2024-04-01', to: '2024-04-12', reason: 'ferie' }])),
  );
  await page.waitForFunction(() =>
    document.querySelector('#member-plan').shadowRoot.querySelector('tr[data-id="A2"] .samtaleplan-latest time')?.getAttribute('datetime') === '2024-06-14');
  // English through the attribute.
  await page.$eval('#member-plan', (el) => el.setAttribute('lang', 'en'));
  await page.waitForFunction(() =>
    document.querySelector('#member-plan').shadowRoot.querySelector('.samtaleplan-heading')?.textContent === 'Your interview plan');
  await page.screenshot({ path: path.join(artifacts, 'embed-demo.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('properties mirror the attributes, and plan holds the computed JSON', async () => {
  const { page } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}embed-demo.html`);
  await waitRows(page, '#member-plan', 7);
  const got = await page.$eval('#member-plan', async (el) => {
    const before = { start: el.start, insurance: el.insurance, mode: el.mode, lang: el.lang, regime: el.plan.regime.id };
    const changed = new Promise((resolve) => el.addEventListener('samtaleplan:change', resolve, { once: true }));
    el.start = '2026-07-06';
    el.insurance = 'deltid';
    el.pauses = [{ from: '2026-08-03', to: '2026-08-07', reason: 'ferie' }];
    el.today = '2026-07-10';
    await changed;
    return {
      before,
      attributes: [el.getAttribute('start'), el.getAttribute('insurance'), el.getAttribute('pauses'), el.getAttribute('today')],
      regime: el.plan.regime.id,
      insurance: el.plan.insurance,
      ids: el.plan.samtaler.map((s) => s.id),
      pauses: el.pauses,
    };
  });
  assert.deepEqual(got.before, { start: '2024-03-04', insurance: 'fuldtid', mode: 'plan', lang: 'da', regime: 'R2024' });
  assert.deepEqual(got.attributes, ['2026-07-06', 'deltid', '[{"from":"2026-08-03","to":"2026-08-07","reason":"ferie"}]', '2026-07-10']);
  assert.equal(got.regime, 'R2026');
  assert.equal(got.insurance, 'deltid');
  assert.deepEqual(got.ids, ['A1', 'A2', 'K1', 'K2', 'S16']);
  assert.deepEqual(got.pauses, [{ from: '2026-08-03', to: '2026-08-07', reason: 'ferie' }]);
  await page.close();
});

test('both events carry their detail, bubble and cross the shadow boundary', async () => {
  const { page } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}embed-demo.html`);
  await waitRows(page, '#member-plan', 7);
  const events = await page.evaluate(async () => {
    const seen = [];
    const record = (e) =>
      seen.push({ type: e.type, bubbles: e.bubbles, composed: e.composed, target: e.target.id, detail: e.detail });
    document.addEventListener('samtaleplan:change', record);
    document.addEventListener('samtaleplan:error', record);
    const el = document.getElementById('member-plan');
    const wait = (type) => new Promise((resolve) => document.addEventListener(type, resolve, { once: true }));
    let next = wait('samtaleplan:error');
    el.setAttribute('start', '2024-02-30');
    await next;
    next = wait('samtaleplan:change');
    el.setAttribute('start', '2024-01-01');
    await next;
    return seen.map((e) => ({ ...e, detail: e.type === 'samtaleplan:change' ? e.detail.start : e.detail }));
  });
  assert.equal(events.length, 2);
  assert.deepEqual(events[0].type, 'samtaleplan:error');
  assert.equal(events[0].detail.code, 'E_DATE_INVALID');
  assert.equal(events[0].detail.field, 'start');
  assert.match(events[0].detail.message, /findes ikke/);
  assert.deepEqual(events[1], { type: 'samtaleplan:change', bubbles: true, composed: true, target: 'member-plan', detail: '2024-01-01' });
  assert.equal(events[0].bubbles && events[0].composed, true);
  await page.close();
});

test('two elements on one page fetch the WebAssembly module once', async () => {
  const server = await startServer({ root: path.join(repo, 'www') });
  const page = await ctx.browser.newPage();
  await page.goto(`${server.url}embed-demo.html`);
  await waitRows(page, '#member-plan', 7);
  // The second element computes from its own form on the same module.
  await page.$eval('#calculator', (el) => {
    el.shadowRoot.querySelector('[part~="input-day"]').value = '2025-02-03'; // a whole date in the day box is split
    el.shadowRoot.querySelector('button').click();
  });
  await waitRows(page, '#calculator', 7);
  assert.equal(await page.$eval('#calculator', (el) => el.getAttribute('start')), '2025-02-03');
  const wasm = server.requests.filter((p) => p.endsWith('.wasm'));
  assert.deepEqual(wasm, ['/pkg/samtaleplan_bg.wasm']);
  assert.equal(server.requests.filter((p) => p.endsWith('samtaleplan.css')).length, 1, 'the stylesheet is fetched once too');
  await page.close();
  await server.close();
});

test('theming: custom properties and ::part reach inside', async () => {
  const { page } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}embed-demo.html`);
  await waitRows(page, '#member-plan', 7);
  const styles = () =>
    page.evaluate(() => {
      const button = document.getElementById('calculator').shadowRoot.querySelector('button');
      const next = document.getElementById('member-plan').shadowRoot.querySelector('.samtaleplan-next');
      const table = document.getElementById('member-plan').shadowRoot.querySelector('.samtaleplan-table');
      const b = getComputedStyle(button);
      return { button: b.backgroundColor, radius: b.borderTopLeftRadius, font: b.fontFamily, next: getComputedStyle(next).backgroundColor, table: getComputedStyle(table).backgroundColor };
    });
  // The demo portal's theme (embed-demo.css).
  assert.deepEqual(await styles(), {
    button: 'rgb(11, 79, 92)',
    radius: '14px',
    font: 'Georgia, "Times New Roman", serif',
    next: 'rgb(227, 241, 243)',
    table: 'rgb(255, 253, 248)',
  });
  // Changed at run time.
  await page.evaluate(() => {
    document.getElementById('calculator').style.setProperty('--samtaleplan-color-primary', 'rgb(120, 20, 60)');
    document.getElementById('calculator').style.setProperty('--samtaleplan-radius', '2px');
  });
  const after = await styles();
  assert.equal(after.button, 'rgb(120, 20, 60)');
  assert.equal(after.radius, '2px');
  await page.close();
});

test('from a sub-path under the strict CSP: the two-line embed works', async () => {
  const root = await hostSite('subpath', '<samtale-plan start="2024-03-04" today="2024-05-01"></samtale-plan>');
  const server = await startServer({ root, csp: CSP });
  const { page, problems } = await openPage(ctx.browser);
  await page.goto(`${server.url}portal/index.html`);
  await waitRows(page, 'samtale-plan', 7);
  assert.deepEqual(problems, [], 'no CSP violations');
  assert.ok(server.requests.includes('/vendor/samtaleplan/pkg/samtaleplan_bg.wasm'));
  await page.close();
  await server.close();
});

test('from another origin with CORS', async () => {
  const assets = await startServer({ root: dist, cors: true, csp: false });
  const origin = new URL(assets.url).origin;
  const root = path.join(tmp, 'cross');
  await mkdir(root, { recursive: true });
  await writeFile(
    path.join(root, 'index.html'),
    `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Portal</title><link rel="icon" href="data:,">
<script type="module" src="${assets.url}samtale-plan.js"></script></head>
<body><main><samtale-plan start="2024-03-04"></samtale-plan></main></body></html>`,
  );
  const csp = `default-src 'self'; script-src 'self' ${origin} 'wasm-unsafe-eval'; style-src 'self' ${origin}; connect-src 'self' ${origin}; img-src 'self' data:`;
  const host = await startServer({ root, csp });
  const { page, problems } = await openPage(ctx.browser);
  await page.goto(host.url);
  await waitRows(page, 'samtale-plan', 7);
  assert.deepEqual(problems, []);
  assert.ok(assets.requests.includes('/pkg/samtaleplan_bg.wasm'));
  await page.close();
  await host.close();
  await assets.close();
});

test('a bad attribute shows the error inside the element and leaves the host page working', async () => {
  const script = `
    window.errors = [];
    document.addEventListener('samtaleplan:error', (e) => window.errors.push(e.detail));
    document.getElementById('host-button').addEventListener('click', () => { document.getElementById('host-out').textContent = 'virker'; });
  `;
  const root = await hostSite(
    'bad',
    `<samtale-plan id="a" mode="plan" start="2024-13-01"></samtale-plan>
     <samtale-plan id="b" mode="plan" start="2024-03-04" pauses="[not json"></samtale-plan>
     <samtale-plan id="c" mode="plan" start="2024-03-04" insurance="halvtid" lang="en"></samtale-plan>
     <samtale-plan id="d" mode="plan" start="2024-03-04"></samtale-plan>
     <button id="host-button" type="button">Portalens knap</button><p id="host-out"></p>`,
    { script },
  );
  const server = await startServer({ root });
  const { page, problems } = await openPage(ctx.browser);
  await page.goto(`${server.url}portal/index.html`);
  await waitRows(page, '#d', 7);
  await page.waitForFunction(() => window.errors?.length === 3);
  const errors = await page.evaluate(() => window.errors.map((e) => e.code).sort());
  assert.deepEqual(errors, ['E_DATE_INVALID', 'E_JSON', 'E_UNKNOWN_VALUE']);
  const shown = await page.evaluate(() =>
    ['a', 'b', 'c'].map((id) => {
      const box = document.getElementById(id).shadowRoot.querySelector('[part="error"]');
      return [box.getAttribute('role'), box.textContent];
    }),
  );
  assert.equal(shown[0][0], 'alert');
  assert.match(shown[0][1], /findes ikke/);
  assert.match(shown[1][1], /JSON/);
  assert.match(shown[2][1], /unknown value/);
  await page.click('#host-button');
  assert.equal(await page.textContent('#host-out'), 'virker');
  assert.deepEqual(problems, [], 'nothing thrown into the host page');
  await page.close();
  await server.close();
});

test('axe-core finds no violations inside the elements', async () => {
  const page = await ctx.browser.newPage();
  await page.goto(`${ctx.server.url}embed-demo.html`);
  await waitRows(page, '#member-plan', 7);
  await page.$eval('#calculator', (el) => el.setAttribute('start', '2024-02-30'));
  await page.waitForFunction(() => document.querySelector('#calculator').shadowRoot.querySelector('[part="field-error"]').textContent !== '');
  assert.deepEqual(await axe(page), []);
  await page.close();
});

test('the iframe alternative talks only to the origin it was given', async () => {
  const samtaleplan = await startServer({ root: path.join(repo, 'www') });
  const root = path.join(tmp, 'iframe');
  await mkdir(root, { recursive: true });
  const portal = await startServer({ root, csp: false });
  const portalOrigin = new URL(portal.url).origin;
  const frameOrigin = new URL(samtaleplan.url).origin;
  await writeFile(
    path.join(root, 'index.html'),
    `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Portal</title><script type="module" src="host.js"></script></head>
<body><iframe id="f" title="Dine samtaler" src="${samtaleplan.url}frame.html?origin=${encodeURIComponent(portalOrigin)}&start=2024-03-04&today=2024-05-01"></iframe>
<iframe id="g" title="Uden origin" src="${samtaleplan.url}frame.html?start=2024-03-04"></iframe></body></html>`,
  );
  await writeFile(
    path.join(root, 'host.js'),
    `window.messages = [];
     window.fromSilent = 0;
     window.addEventListener('message', (e) => {
       if (e.origin !== ${JSON.stringify(frameOrigin)}) return;
       if (e.source === document.getElementById('g').contentWindow) window.fromSilent++;
       else window.messages.push(e.data);
     });`,
  );
  const page = await ctx.browser.newPage();
  await page.goto(portal.url);
  await page.waitForFunction(() => window.messages.some((m) => m.type === 'samtaleplan:change'));
  const first = await page.evaluate(() => window.messages.find((m) => m.type === 'samtaleplan:change').plan);
  assert.equal(first.samtaler[1].latest, '2024-05-31');
  assert.equal(first.next.id, 'A2');
  assert.ok(await page.evaluate(() => window.messages.some((m) => m.type === 'samtaleplan:resize' && m.height > 100)));
  // The portal changes the plan by message.
  await page.evaluate((o) => {
    window.messages = [];
    document.getElementById('f').contentWindow.postMessage({ type: 'samtaleplan:set', attributes: { start: '2024-02-30' } }, o);
  }, frameOrigin);
  await page.waitForFunction(() => window.messages.some((m) => m.type === 'samtaleplan:error'));
  assert.equal(await page.evaluate(() => window.messages.find((m) => m.type === 'samtaleplan:error').error.code), 'E_DATE_INVALID');
  // Hours from an earlier spell reach the frame's element too (schema 2): A1–A3 are left out.
  await page.evaluate((o) => {
    window.messages = [];
    document.getElementById('f').contentWindow.postMessage({ type: 'samtaleplan:set', attributes: { start: '2024-03-04', 'prior-hours': '500' } }, o);
  }, frameOrigin);
  await page.waitForFunction(() => window.messages.some((m) => m.type === 'samtaleplan:change'));
  const withHours = await page.evaluate(() => window.messages.find((m) => m.type === 'samtaleplan:change').plan);
  assert.equal(withHours.prior_hours, 500);
  assert.deepEqual(withHours.not_owed.map((n) => n.id), ['A1', 'A2', 'A3']);
  // The frame without an origin computed its plan but posted nothing.
  const silent = page.frame({ url: /frame\.html\?start=/ });
  await silent.waitForFunction(() => document.querySelector('samtale-plan')?.plan !== null);
  assert.equal(await page.evaluate(() => window.fromSilent), 0);
  await page.close();
  await portal.close();
  await samtaleplan.close();
});

test('a portal built with Vite installs the package and renders', async () => {
  const example = path.join(repo, 'examples', 'vite-portal');
  const installed = path.join(example, 'node_modules', 'samtaleplan');
  await rm(installed, { recursive: true, force: true });
  await mkdir(path.dirname(installed), { recursive: true });
  await cp(dist, installed, { recursive: true });
  const build = spawnSync(process.execPath, [path.join(repo, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
    cwd: example,
    encoding: 'utf8',
  });
  assert.equal(build.status, 0, build.stderr + build.stdout);
  const server = await startServer({ root: path.join(example, 'dist') });
  const { page, problems } = await openPage(ctx.browser);
  await page.goto(server.url);
  await waitRows(page, 'samtale-plan', 7);
  await page.waitForFunction(() => document.getElementById('next').textContent !== '');
  assert.equal(await page.textContent('#next'), 'Din næste samtale: 2. jobsamtale i a-kassen, senest fredag 31. maj 2024.');
  assert.equal(await page.getAttribute('body', 'data-samtaler'), '7');
  assert.equal(server.requests.filter((p) => p.endsWith('.wasm')).length, 1, 'plan() and the element share one module');
  assert.deepEqual(problems, []);
  await page.close();
  await server.close();
});
