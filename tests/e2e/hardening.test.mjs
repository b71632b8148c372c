// Hardening in Chromium: hostile text in every field, attribute and CSV cell is shown as text or
// refused and runs nothing; a trapped WebAssembly instance is replaced without a reload; and no
// page, using every feature, sends anything anywhere or writes cookies or storage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { useBrowser, openPage, fillStart, fillDate } from './browser.mjs';

const ctx = useBrowser();
let tmp;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'samtaleplan-hardening-'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload="window.__pwned=1">',
  '\u202e\u2066evil\u0000\u200f',
  'javascript:window.__pwned=1',
  'x'.repeat(100_000),
];

/** A page that fails the test if any script of the payloads runs or any dialog opens. */
async function guarded() {
  const { page, problems } = await openPage(ctx.browser);
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  const check = async (where) => {
    assert.equal(await page.evaluate(() => window.__pwned), undefined, `a script ran (${where})`);
    assert.deepEqual(dialogs, [], `a dialog opened (${where})`);
  };
  return { page, problems, check };
}

/** No element the payloads could have made exists in the document or any shadow root. */
async function noInjectedElements(page) {
  const found = await page.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
    return roots.flatMap((r) => [...r.querySelectorAll('img, script:not([src]), svg[onload], [onerror], [onload]')].map((e) => e.outerHTML.slice(0, 80)));
  });
  assert.deepEqual(found, []);
}

test('hostile text in every field of the page and its link is shown as text, and the page still works', async () => {
  const { page, problems, check } = await guarded();
  for (const bad of HOSTILE) {
    // Servers refuse request lines over about 8 KB (Node answers 431), so a link carries at most 2000.
    const inLink = bad.slice(0, 2000);
    for (const param of ['start', 'pause', 'handover', 'today', 'insurance', 'group', 'lang']) {
      const q = new URLSearchParams({ start: '2024-03-04', [param]: param === 'pause' ? `${inLink}..${inLink}..${inLink}` : inLink });
      await page.goto(`${ctx.server.url}?${q}`);
      await page.waitForFunction(
        () => document.querySelector('.samtaleplan-table') || document.querySelector('.form-error-message:not(:empty), #page-error:not(:empty)'),
      );
      await noInjectedElements(page);
      await check(`${param}=${bad.slice(0, 30)}`);
      const shown = await page.evaluate(() => [...document.querySelectorAll('.form-error-message, #page-error')].map((e) => e.textContent).join(' '));
      assert.ok(shown.length < 2000, `a message stays short (${param})`);
    }
    // Typed into the day field.
    await page.goto(ctx.server.url);
    await page.fill('#start-day', bad.slice(0, 1000));
    await page.fill('#start-month', '3');
    await page.fill('#start-year', '2024');
    await page.click('#submit');
    await page.waitForFunction(() => document.querySelector('#start-error').textContent !== '');
    await noInjectedElements(page);
    await check('day field');
  }
  // Usable afterwards.
  await page.goto(ctx.server.url);
  await fillStart(page, '2024-03-04');
  await page.click('#submit');
  await page.waitForSelector('.samtaleplan-table tbody tr');
  assert.deepEqual(problems.filter((p) => !p.includes('Failed to load resource')), []);
  await page.close();
});

test('hostile attributes of the element are refused inside it', async () => {
  const { page, check } = await guarded();
  await page.goto(`${ctx.server.url}embed-demo.html`);
  await page.waitForFunction(() => document.querySelector('#member-plan')?.plan);
  for (const bad of HOSTILE) {
    for (const attribute of ['start', 'pauses', 'handover', 'today', 'lang', 'insurance', 'group', 'heading-level']) {
      const value = attribute === 'pauses' ? JSON.stringify([{ from: bad, to: bad, reason: bad }]) : bad;
      const code = await page.evaluate(
        ([name, v]) =>
          new Promise((resolve) => {
            const el = document.getElementById('member-plan');
            el.addEventListener('samtaleplan:error', (e) => resolve(e.detail.code), { once: true });
            el.addEventListener('samtaleplan:change', () => resolve('changed'), { once: true });
            el.setAttribute(name, v);
          }),
        [attribute, value],
      );
      assert.match(code, /^E_/, `${attribute}=${bad.slice(0, 30)}: ${code}`);
      await noInjectedElements(page);
      await check(attribute);
      await page.$eval('#member-plan', (el, a) => el.removeAttribute(a), attribute);
      await page.$eval('#member-plan', (el) => el.setAttribute('start', '2024-03-04'));
    }
  }
  // A 10 MB attribute: refused, quickly, without breaking anything.
  const code = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const el = document.getElementById('member-plan');
        el.addEventListener('samtaleplan:error', (e) => resolve(e.detail.code), { once: true });
        el.setAttribute('pauses', JSON.stringify([{ from: 'x'.repeat(10_000_000), to: '2024-01-01' }]));
      }),
  );
  assert.equal(code, 'E_REQUEST_TOO_LARGE');
  await page.$eval('#member-plan', (el) => el.removeAttribute('pauses'));
  await page.waitForFunction(() => document.querySelector('#member-plan').plan?.start === '2024-03-04');
  await page.close();
});

test('hostile CSV cells and a 10 MB line are shown as text or refused', async () => {
  const { page, problems, check } = await guarded();
  const rows = ['medlem;start;forsikring;pauser;holdt_A1'];
  for (const [i, bad] of HOSTILE.entries()) {
    const cell = `"${bad.slice(0, 60).replaceAll('"', '""')}"`;
    rows.push(`${cell};04-03-2024;;;`, `ok${i};${cell};;;`, `ok${i}b;04-03-2024;${cell};${cell};${cell}`);
  }
  rows.push(`long;04-03-2024;${'y'.repeat(10 * 1024 * 1024)};;`, 'last;04-03-2024;;;');
  const file = path.join(tmp, 'hostile.csv');
  await writeFile(file, rows.join('\n'));
  await page.goto(`${ctx.server.url}caseload.html`);
  await page.waitForSelector('#caseload-form[data-ready="true"]');
  await fillDate(page, 'today', '2024-06-05');
  await page.setInputFiles('#file', file);
  await page.click('#run');
  await page.waitForSelector('#results[data-state="done"]', { timeout: 60000 });
  await noInjectedElements(page);
  await check('caseload');
  const errors = await page.$$eval('.caseload-errors tbody tr', (trs) => trs.map((r) => r.children[2].textContent));
  assert.ok(errors.includes('E_CSV_ROW'), 'the 10 MB line is refused');
  assert.ok(errors.length >= HOSTILE.length * 2, errors.join(' '));
  // The hostile member references that are short enough appear as text in the worklist.
  await page.fill('#search', '<img');
  await page.waitForFunction(() => Number(document.getElementById('worklist').dataset.total) === 6);
  const members = await page.$$eval('.caseload-list tbody tr th', (ths) => ths.map((t) => t.textContent));
  assert.ok(members.includes('<img src=x onerror="window.__pwned=1">'), members.slice(0, 5).join(' | '));
  // Its own plan opens as text too.
  await page.click('.caseload-list tbody tr th button >> nth=0');
  await page.waitForSelector('#member-dialog[open] .samtaleplan-table');
  assert.match(await page.textContent('#member-heading'), /<img src=x/);
  await page.click('#member-close');
  await noInjectedElements(page);
  await check('caseload member');
  assert.deepEqual(problems, []);
  await page.close();
});

/** Serves the module's glue with a trap planted in `render`, armed by `window.__trapOnce`. */
async function plantTrap(page) {
  await page.route('**/pkg/samtaleplan.js*', async (route) => {
    const response = await route.fetch();
    let body = await response.text();
    body = body
      .replace('export function render(', `export function render(element, request) {
  if (globalThis.__trapOnce) { globalThis.__trapOnce = false; throw new WebAssembly.RuntimeError('unreachable'); }
  return __render(element, request);
}
function __render(`)
      .replace('export function __wbg_reset_state () {', 'export function __wbg_reset_state () {\n    globalThis.__resets = (globalThis.__resets ?? 0) + 1;');
    await route.fulfill({ response, body });
  });
}

test('after a trap the page shows an error and computes again without a reload', async () => {
  const { page } = await openPage(ctx.browser);
  await plantTrap(page);
  let loads = 0;
  page.on('load', () => loads++);
  await page.goto(`${ctx.server.url}?today=2024-05-01`);
  await fillStart(page, '2024-03-04');
  await page.evaluate(() => (window.__trapOnce = true));
  await page.click('#submit');
  await page.waitForFunction(() => document.getElementById('page-error').dataset.code === 'E_TRAP');
  assert.match(await page.textContent('#page-error'), /intern fejl/);
  assert.equal(await page.evaluate(() => window.__resets), 1, 'a fresh instance was made');
  await page.click('#submit');
  await page.waitForSelector('.samtaleplan-table tbody tr');
  assert.equal(await page.textContent('#page-error'), '');
  assert.equal(loads, 1, 'no reload');
  await page.close();
});

test('after a trap the element shows an error and computes again', async () => {
  const { page } = await openPage(ctx.browser);
  await plantTrap(page);
  await page.goto(`${ctx.server.url}embed-demo.html`);
  await page.waitForFunction(() => document.querySelector('#member-plan')?.plan);
  const code = await page.evaluate(
    () =>
      new Promise((resolve) => {
        window.__trapOnce = true;
        const el = document.getElementById('member-plan');
        el.addEventListener('samtaleplan:error', (e) => resolve(e.detail.code), { once: true });
        el.setAttribute('start', '2024-03-05');
      }),
  );
  assert.equal(code, 'E_TRAP');
  await page.$eval('#member-plan', (el) => el.setAttribute('start', '2024-03-06'));
  await page.waitForFunction(() => document.querySelector('#member-plan').plan?.start === '2024-03-06');
  assert.equal(await page.evaluate(() => window.__resets), 1);
  await page.close();
});

test('after a trap in the caseload worker the page says so and the file runs again', async () => {
  const { page } = await openPage(ctx.browser);
  // The worker's module, with a trap planted in CaseloadJob.feed on the first call, and a count
  // of resets. Routed on the context, which also sees the worker's requests.
  await page.context().route('**/pkg/caseload.js*', async (route) => {
    const response = await route.fetch();
    const body = (await response.text())
      .replace('    feed(bytes) {', `    feed(bytes) {
        if (!globalThis.__trapped) { globalThis.__trapped = true; throw new WebAssembly.RuntimeError('unreachable'); }`)
      .replace('export function __wbg_reset_state () {', 'export function __wbg_reset_state () {\n    globalThis.__resets = (globalThis.__resets ?? 0) + 1;');
    await route.fulfill({ response, body });
  });
  const file = path.join(tmp, 'trap.csv');
  await writeFile(file, 'medlem;start\nm1;04-03-2024\nm2;01-05-2024\n');
  await page.goto(`${ctx.server.url}caseload.html`);
  await page.waitForSelector('#caseload-form[data-ready="true"]');
  await fillDate(page, 'today', '2024-06-05');
  await page.setInputFiles('#file', file);
  await page.click('#run');
  await page.waitForFunction(() => document.getElementById('page-error').dataset.code === 'E_TRAP');
  assert.match(await page.textContent('#page-error'), /intern fejl/);
  assert.equal(await page.isEnabled('#run'), true);
  await page.click('#run');
  await page.waitForSelector('#results[data-state="done"]');
  assert.equal(await page.textContent('#page-error'), '');
  assert.match(await page.textContent('#progress-text'), /2 rækker/);
  await page.close();
});

test('every page, every feature: nothing leaves the site, nothing is stored', async () => {
  const context = await ctx.browser.newContext({ acceptDownloads: true });
  // Count every attempt to store anything, from the first script on.
  await context.addInitScript(() => {
    window.__writes = [];
    for (const name of ['setItem', 'removeItem', 'clear']) {
      const original = Storage.prototype[name];
      Storage.prototype[name] = function (...args) {
        window.__writes.push(`storage.${name}`);
        return original.apply(this, args);
      };
    }
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (...args) {
      window.__writes.push('indexedDB.open');
      return open.apply(this, args);
    };
    const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
    Object.defineProperty(document, 'cookie', {
      get: () => cookie.get.call(document),
      set: (v) => {
        window.__writes.push('cookie');
        cookie.set.call(document, v);
      },
    });
  });
  const offsite = [];
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(ctx.server.url) && !url.startsWith('data:') && !url.startsWith('blob:')) offsite.push(url);
  });
  const page = await context.newPage();
  const writes = async (where) => {
    assert.deepEqual(await page.evaluate(() => window.__writes), [], where);
    assert.deepEqual(await context.cookies(), [], where);
  };
  // The citizen page.
  await page.goto(`${ctx.server.url}?today=2024-05-01`);
  await fillStart(page, '2024-03-04');
  await page.check('#insurance-deltid');
  await page.click('#add-pause');
  await fillDate(page, 'pause-1-from', '2024-04-01');
  await fillDate(page, 'pause-1-to', '2024-04-12');
  await page.click('#submit');
  await page.waitForSelector('.samtaleplan-table tbody tr');
  await Promise.all([page.waitForEvent('download'), page.click('#download-ics')]);
  await page.click('.samtaleplan-comparison summary');
  await page.click('#lang-switch');
  await page.emulateMedia({ media: 'print' });
  await page.emulateMedia({ media: 'screen' });
  await writes('citizen page');
  // The caseload page.
  const file = path.join(tmp, 'privacy.csv');
  await writeFile(file, 'medlem;start;holdt_A1\nm1;04-03-2024;\nm2;01-05-2024;10-05-2024\n');
  await page.goto(`${ctx.server.url}caseload.html`);
  await page.waitForSelector('#caseload-form[data-ready="true"]');
  await fillDate(page, 'today', '2024-06-05');
  await page.setInputFiles('#file', file);
  await page.click('#run');
  await page.waitForSelector('#results[data-state="done"]');
  await page.selectOption('#holder', 'akasse');
  await page.fill('#search', 'm');
  await page.selectOption('#status', 'overdue');
  await Promise.all([page.waitForEvent('download'), page.click('[data-export="worklist"]')]);
  await Promise.all([page.waitForEvent('download'), page.click('[data-xlsx="all"]')]);
  await page.click('[data-member="m1"] >> nth=0');
  await page.waitForSelector('#member-dialog[open] .samtaleplan-table');
  await Promise.all([page.waitForEvent('download'), page.click('#member-ics')]);
  await page.click('#member-close');
  await writes('caseload page');
  // The demo portal, both elements, and the frame.
  await page.goto(`${ctx.server.url}embed-demo.html`);
  await page.waitForFunction(() => document.querySelector('#member-plan')?.plan);
  await page.$eval('#calculator', (el) => {
    el.shadowRoot.querySelector('input').value = '2025-02-03';
    el.shadowRoot.querySelector('button').click();
  });
  await page.waitForFunction(() => document.querySelector('#calculator')?.plan);
  await writes('embed demo');
  await page.goto(`${ctx.server.url}frame.html?start=2024-03-04`);
  await page.waitForFunction(() => document.querySelector('samtale-plan')?.plan);
  await writes('frame');
  const stored = await page.evaluate(async () => [localStorage.length, sessionStorage.length, (await indexedDB.databases()).length]);
  assert.deepEqual(stored, [0, 0, 0]);
  assert.deepEqual(offsite, []);
  await context.close();
});

// Issue 24: a link's pauses are counted before any is read: 10,000 `pause=` parameters would
// make 500,000 nodes of form; more than the contract's 1,000 is refused at once, in words.
test('a link with more pauses than the contract allows is refused before any is drawn', async () => {
  const { page, problems } = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}?today=2024-05-01`);
  await page.waitForSelector('#start-day');
  const before = await page.evaluate(() => document.getElementsByTagName('*').length);
  // A request line that long is refused by servers (431): the page gets it from its history.
  const link = (n) => {
    const q = new URLSearchParams({ start: '2024-03-04', today: '2024-05-01' });
    for (let i = 0; i < n; i++) q.append('pause', '2024-04-01..2024-04-02..sygdom');
    return `?${q}`;
  };
  for (const n of [10_000, 1_001]) {
    const took = await page.evaluate((search) => {
      const started = performance.now();
      history.pushState(null, '', search);
      window.dispatchEvent(new PopStateEvent('popstate'));
      return performance.now() - started;
    }, link(n));
    await page.waitForFunction(() => document.getElementById('page-error').dataset.code === 'E_TOO_MANY_PAUSES');
    assert.match(await page.textContent('#page-error'), new RegExp(`I linket: Der er ${n} pauser \\(pause=\\); højst 1000 er tilladt`));
    assert.equal(await page.locator('.pause-row').count(), 0, `${n}: no pause drawn`);
    assert.equal(await page.locator('.samtaleplan-table').count(), 0, `${n}: no plan`);
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    assert.ok(nodes < before + 100, `${n}: ${nodes} elements (${before} before)`);
    assert.ok(took < 1000, `${n}: ${took} ms`);
  }
  // Within the limit the link is read as before.
  await page.evaluate((search) => {
    history.pushState(null, '', search);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, link(1));
  await page.waitForSelector('.samtaleplan-table tbody tr');
  assert.equal(await page.locator('#page-alert').isHidden(), true);
  // In English too.
  await page.evaluate((search) => {
    history.pushState(null, '', `${search}&lang=en`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, link(1_001));
  await page.waitForFunction(() => document.getElementById('page-error').dataset.code === 'E_TOO_MANY_PAUSES');
  assert.match(await page.textContent('#page-error'), /In the link: there are 1001 pauses/);
  assert.deepEqual(problems, []);
  await page.close();
});
