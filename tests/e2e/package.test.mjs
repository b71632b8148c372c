// Issue #22: the package as a portal's web developer takes it, following EMBEDDING.md literally.
// The npm tarball (licence, version, exports, files), an import during server-side rendering, the
// exact Content-Security-Policy EMBEDDING.md gives (each directive shown to be needed), the iframe
// example under a portal's policy without inline script, the stated sizes, one vocabulary for
// pauses, errors a late listener can read, and the QA recipe of "Testing your portal" run as
// written against a portal made by the document's own steps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { artifacts, launch, openPage, repo } from './browser.mjs';
import { startServer } from './server.mjs';

const dist = path.join(repo, 'dist', 'samtaleplan');
const doc = await readFile(path.join(repo, 'EMBEDDING.md'), 'utf8');

/** The text of one `## ` section of EMBEDDING.md. */
function section(heading) {
  const at = doc.indexOf(`\n## ${heading}\n`);
  assert.ok(at >= 0, `EMBEDDING.md has the section "${heading}"`);
  return doc.slice(at + 1).split(/\n## /)[0];
}
/** The fenced blocks of a text: [language, body] each, in order. */
const blocks = (text) => [...text.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map(([, lang, body]) => [lang, body]);
const block = (text, lang, n = 0) => blocks(text).filter(([l]) => l === lang)[n]?.[1];

/** The policy EMBEDDING.md gives for the element (the first plain block of its CSP section). */
const POLICY = block(section('Content-Security-Policy'), '').trim();
/** The element's two lines at the top of EMBEDDING.md. */
const TWO_LINES = block(doc.split('\n## ')[0], 'html');

let tmp;
let browser;
let tarball;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'samtaleplan-package-'));
  const pack = spawnSync('npm', ['pack', dist, '--pack-destination', tmp, '--json'], { encoding: 'utf8' });
  assert.equal(pack.status, 0, pack.stderr);
  const [info] = JSON.parse(pack.stdout);
  tarball = { file: path.join(tmp, info.filename), files: info.files.map((f) => f.path), info };
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** A portal made by EMBEDDING.md's steps: dist/samtaleplan copied to /vendor/samtaleplan/, and
 * `files` ({ name: text }) beside it. */
async function portal(name, files) {
  const root = path.join(tmp, name);
  await cp(dist, path.join(root, 'vendor', 'samtaleplan'), { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}
const page = (body, head = '') =>
  `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Min side</title>${head}</head><body><main><h1>Min side</h1>\n${body}</main></body></html>`;

test('npm pack: the licence, the version of Cargo.toml, exports that exist, and nothing else', async () => {
  const cargo = await readFile(path.join(repo, 'Cargo.toml'), 'utf8');
  const version = cargo.match(/^version = "([^"]+)"/m)[1];
  assert.match(cargo, /^license = "MIT OR Apache-2\.0"$/m, 'Cargo.toml says the licence');
  const json = JSON.parse(await readFile(path.join(dist, 'package.json'), 'utf8'));
  assert.equal(json.version, version, 'one version for the core and the package');
  assert.equal(json.license, 'MIT OR Apache-2.0');
  assert.equal(tarball.info.version, version);
  assert.equal(path.basename(tarball.file), `samtaleplan-${version}.tgz`);
  for (const licence of ['LICENSE-MIT', 'LICENSE-APACHE']) {
    assert.ok(tarball.files.includes(licence), `${licence} in the tarball`);
    assert.equal(await readFile(path.join(dist, licence), 'utf8'), await readFile(path.join(repo, licence), 'utf8'));
  }
  // Every file the exports and "files" name is in the tarball, and the tarball holds nothing else.
  const named = new Set(['package.json']);
  for (const target of Object.values(json.exports)) {
    for (const file of typeof target === 'string' ? [target] : Object.values(target)) named.add(file.replace(/^\.\//, ''));
  }
  for (const file of named) assert.ok(tarball.files.includes(file), `${file} is exported and packed`);
  assert.deepEqual([...tarball.files].sort(), [...new Set([...json.files, 'package.json'])].sort());
  assert.equal(json.types, './samtale-plan.d.ts');
  assert.deepEqual(json.sideEffects, ['./samtale-plan.js'], 'a bundler keeps the element\'s definition');
  assert.equal(json.exports['.'].types, './samtale-plan.d.ts');
  for (const entry of ['./react', './vue']) assert.equal(json.exports[entry].default, './samtale-plan.js');
});

test('installed from the tarball, it imports during server-side rendering without a DOM', async () => {
  const app = path.join(tmp, 'ssr-app');
  await mkdir(app, { recursive: true });
  await writeFile(path.join(app, 'package.json'), JSON.stringify({ name: 'ssr-app', private: true, type: 'module' }));
  const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball.file], { cwd: app, encoding: 'utf8' });
  assert.equal(install.status, 0, install.stderr);
  // What Next.js or Nuxt does on the server: import the package (and its entries) in Node.
  const script = `
    const element = await import('samtaleplan');
    await import('samtaleplan/react');
    await import('samtaleplan/vue');
    const core = await import('samtaleplan/core');
    console.log(JSON.stringify({
      plan: typeof element.plan,
      element: typeof element.SamtalePlanElement,
      core: typeof core.default,
      window: typeof window,
      customElements: typeof customElements,
      HTMLElement: typeof HTMLElement,
    }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  // examples/ssr/render.mjs, as written, renders a member's page on the server; the page works in
  // the browser, served with the package as EMBEDDING.md says, under its policy.
  await cp(path.join(repo, 'examples', 'ssr', 'render.mjs'), path.join(app, 'render.mjs'));
  const rendered = spawnSync(process.execPath, ['render.mjs', '2024-03-04'], { cwd: app, encoding: 'utf8' });
  assert.equal(rendered.status, 0, rendered.stderr);
  assert.match(rendered.stderr, /server: function SamtalePlanElement, plan\(\) function, customElements undefined/);
  const root = await portal('ssr', { 'index.html': rendered.stdout });
  const server = await startServer({ root, csp: POLICY });
  const { page: tab, problems } = await openPage(browser);
  try {
    await tab.goto(server.url);
    await tab.waitForSelector('samtale-plan[data-state="ready"]');
    assert.equal(await tab.$eval('samtale-plan', (el) => el.plan.start), '2024-03-04');
    assert.deepEqual(problems, []);
  } finally {
    await tab.close();
    await server.close();
  }
  assert.deepEqual(JSON.parse(run.stdout), {
    plan: 'function',
    element: 'function',
    core: 'function',
    window: 'undefined',
    customElements: 'undefined',
    HTMLElement: 'undefined',
  });
});

test('the sizes EMBEDDING.md states are those of this build (within a tenth)', async () => {
  const installing = section('Installing');
  const [, module, moduleBr, all, allBr] = installing.match(
    /module \(`pkg\/samtaleplan_bg\.wasm`\) is about\s+\*\*(\d+) KB gzip\*\* \((\d+) KB brotli\), and the five files the element loads together about \*\*(\d+) KB\s+gzip\*\* \((\d+) KB brotli\)/,
  ).map(Number);
  const files = ['samtale-plan.js', 'datefield.js', 'samtaleplan.css', 'pkg/samtaleplan.js', 'pkg/samtaleplan_bg.wasm'];
  const sizes = await Promise.all(
    files.map(async (f) => {
      const bytes = await readFile(path.join(dist, f));
      return [gzipSync(bytes, { level: 9 }).length, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
    }),
  );
  const kb = (n) => n / 1024;
  const near = (stated, actual, what) => assert.ok(Math.abs(stated - kb(actual)) <= stated / 10, `${what}: EMBEDDING.md says ${stated} KB, the build is ${kb(actual).toFixed(1)} KB`);
  near(module, sizes[4][0], 'the module, gzip');
  near(moduleBr, sizes[4][1], 'the module, brotli');
  near(all, sizes.reduce((a, [g]) => a + g, 0), 'the five files, gzip');
  near(allBr, sizes.reduce((a, [, b]) => a + b, 0), 'the five files, brotli');
  // The element loads exactly those five files (and nothing else): counted in the browser below.
});

test('the exact policy suffices under default-src \'none\', and each of its directives is needed', async () => {
  assert.match(POLICY, /^default-src 'none'; /, `EMBEDDING.md's policy starts from nothing: ${POLICY}`);
  const plain = await readFile(path.join(repo, 'examples', 'plain-html', 'index.html'), 'utf8');
  assert.ok(plain.includes(TWO_LINES.split('\n')[1].trim()), 'examples/plain-html holds the element\'s line of EMBEDDING.md');
  const root = await portal('csp', { 'index.html': page(TWO_LINES), 'plain/index.html': plain });
  const directives = POLICY.split(';').map((d) => d.trim());
  for (const leftOut of [null, 'connect-src', 'script-src', 'style-src']) {
    const policy = directives
      .map((d) => (leftOut && d.startsWith(leftOut) ? (leftOut === 'script-src' ? "script-src 'self'" : null) : d))
      .filter(Boolean)
      .join('; ');
    const server = await startServer({ root, csp: policy });
    const { page: tab, problems } = await openPage(browser);
    try {
      await tab.goto(server.url);
      await tab.waitForSelector('samtale-plan[data-state="ready"], samtale-plan[data-state="error"]');
      const [state, error, rows] = await tab.$eval('samtale-plan', (el) => [el.dataset.state, el.error, el.shadowRoot.querySelectorAll('tbody tr').length]);
      const refused = problems.filter((p) => /Content Security Policy/.test(p));
      if (leftOut === null) {
        assert.equal(state, 'ready', `under ${policy}: ${JSON.stringify(error)}`);
        assert.ok(rows > 0);
        assert.deepEqual(problems, [], 'nothing refused, nothing in the console');
        // Exactly the element's files, and nothing more (the browser's favicon request aside).
        const loaded = server.requests.filter((r) => r.startsWith('/vendor/')).sort();
        assert.deepEqual(loaded, ['/vendor/samtaleplan/datefield.js', '/vendor/samtaleplan/pkg/samtaleplan.js', '/vendor/samtaleplan/pkg/samtaleplan_bg.wasm', '/vendor/samtaleplan/samtale-plan.js', '/vendor/samtaleplan/samtaleplan.css']);
        // The example page, as it is.
        await tab.goto(`${server.url}plain/`);
        await tab.waitForSelector('samtale-plan[data-state="ready"]');
      } else if (leftOut === 'style-src') {
        // Without it the look is refused: the element's stylesheet is blocked.
        assert.ok(refused.some((p) => /samtaleplan\.css|stylesheet|style/i.test(p)), `${leftOut}: ${problems.join('\n')}`);
      } else {
        // Without connect-src the module cannot be fetched; without 'wasm-unsafe-eval' not compiled.
        assert.equal(state, 'error', `${leftOut} left out`);
        assert.equal(error.code, 'E_LOAD');
        // The message names the cause: the fetch refused (in the console), or WebAssembly refused.
        if (leftOut === 'connect-src') assert.ok(refused.some((p) => /connect-src/.test(p)), problems.join('\n'));
        else assert.match(error.message, /WebAssembly|wasm-unsafe-eval|unsafe-eval/);
      }
    } finally {
      await tab.close();
      await server.close();
    }
  }
});

test('the iframe example works as written under a portal policy without inline script or style', async () => {
  const text = section('When you cannot change your CSP: the iframe');
  const [html, css, js] = [block(text, 'html'), block(text, 'css'), block(text, 'js')];
  const policyText = block(text, '').trim();
  assert.ok(html && css && js && policyText, 'the section has the frame, its CSS, its script and the policy');
  assert.ok(!/<script(?![^>]*\ssrc=)/.test(html) && !/\sstyle=/.test(html), 'no inline script or style in the frame\'s HTML');
  const samtaleplan = await startServer({ root: path.join(repo, 'www'), csp: false });
  const root = path.join(tmp, 'iframe-portal');
  await mkdir(path.join(root, 'js'), { recursive: true });
  // The documentation's addresses become the test's servers'.
  const origin = new URL(samtaleplan.url).origin;
  const server = await startServer({ root, csp: policyText.replaceAll('https://samtaleplan.example', origin) });
  // (And a fixed today for the frame, so that the plan has a next samtale to log.)
  const ours = (s) =>
    s
      .replaceAll('https://samtaleplan.example', origin)
      .replaceAll('https://portal.example', new URL(server.url).origin)
      .replace('&start=2024-03-04', '&start=2024-03-04&today=2024-05-01');
  await writeFile(path.join(root, 'index.html'), page(ours(html), '<link rel="stylesheet" href="/portal.css">'));
  await writeFile(path.join(root, 'portal.css'), css);
  await writeFile(path.join(root, 'js', 'samtaleplan-frame.js'), ours(js));
  const { page: tab, problems } = await openPage(browser);
  const said = [];
  tab.on('console', (m) => said.push(m.text()));
  const logged = tab.waitForEvent('console', { predicate: (m) => /^Din næste samtale/.test(m.text()), timeout: 20_000 });
  try {
    await tab.goto(server.url);
    // The frame's script fits its height to the plan, and hears the plan.
    await tab.waitForFunction(() => /^\d+px$/.test(document.getElementById('samtaleplan').style.height));
    await tab.waitForFunction(() => document.getElementById('samtaleplan').getBoundingClientRect().height > 700);
    await logged.catch(() => assert.fail(`the plan's next samtale was not logged: ${said.join(' | ')}`));
    assert.deepEqual(problems, [], 'nothing refused by the portal\'s policy');
    await tab.screenshot({ path: path.join(artifacts, 'package-iframe-example.png'), fullPage: true });
  } finally {
    await tab.close();
    await server.close();
    await samtaleplan.close();
  }
});

test('pauses in the page\'s words: nedsat and hours as text are part-time work', async () => {
  const tag = (id, pauses) => `<samtale-plan id="${id}" mode="plan" start="2024-03-04" today="2024-05-01" pauses='${JSON.stringify(pauses)}'></samtale-plan>`;
  const root = await portal('vocabulary', {
    'index.html': page(
      [
        tag('contract', [{ from: '2024-06-03', to: '2024-08-30', reason: 'arbejde', hours_per_week: 18.5 }]),
        tag('page', [{ from: '2024-06-03', to: '2024-08-30', reason: 'nedsat', hours_per_week: '18,5' }]),
        tag('text', [{ from: '2024-06-03', to: '2024-08-30', reason: 'arbejde', hours_per_week: '18.5' }]),
        tag('nohours', [{ from: '2024-06-03', to: '2024-08-30', reason: 'nedsat' }]),
        tag('word', [{ from: '2024-06-03', to: '2024-08-30', reason: 'arbejde', hours_per_week: 'atten' }]),
      ].join('\n'),
      '<script type="module" src="/vendor/samtaleplan/samtale-plan.js"></script>',
    ),
  });
  const server = await startServer({ root, csp: POLICY });
  const { page: tab, problems } = await openPage(browser);
  try {
    await tab.goto(server.url);
    await tab.waitForFunction(() => [...document.querySelectorAll('samtale-plan')].every((el) => ['ready', 'error'].includes(el.dataset.state)));
    const got = await tab.$$eval('samtale-plan', (els) => Object.fromEntries(els.map((el) => [el.id, { state: el.dataset.state, plan: el.plan, error: el.error }])));
    assert.equal(got.contract.state, 'ready');
    for (const id of ['page', 'text']) {
      assert.equal(got[id].state, 'ready', `${id}: ${JSON.stringify(got[id].error)}`);
      assert.deepEqual(got[id].plan, got.contract.plan, `${id}: the same plan as the contract's words`);
    }
    assert.deepEqual(got.contract.plan.pauses, [{ from: '2024-06-03', to: '2024-08-30', reason: 'arbejde', hours_per_week: 18.5 }]);
    assert.deepEqual(got.nohours.error, { code: 'E_MISSING_FIELD', field: 'pauses[0].hours_per_week', message: 'Arbejde på nedsat tid (nedsat) skal have timer om ugen: hours_per_week, fx 15.' });
    assert.equal(got.word.error.code, 'E_TYPE', 'a word for hours is still refused, by the core');
    assert.equal(got.word.error.field, 'pauses[0].hours_per_week');
    assert.deepEqual(problems, []);
  } finally {
    await tab.close();
    await server.close();
  }
});

test('an error stays readable for a listener that comes late: data-state, error and plan', async () => {
  const root = await portal('late', {
    'index.html': page('<samtale-plan mode="plan" start="2024-02-30"></samtale-plan>', '<script type="module" src="/vendor/samtaleplan/samtale-plan.js"></script>'),
  });
  const server = await startServer({ root, csp: POLICY });
  const { page: tab, problems } = await openPage(browser);
  try {
    await tab.goto(server.url);
    await tab.waitForSelector('samtale-plan[data-state="error"]');
    // Long after the event: the element still says what it showed.
    await tab.waitForTimeout(200);
    const late = await tab.$eval('samtale-plan', (el) => ({ state: el.dataset.state, error: el.error, plan: el.plan, frozen: Object.isFrozen(el.error) }));
    assert.equal(late.state, 'error');
    assert.equal(late.error.code, 'E_DATE_INVALID');
    assert.equal(late.error.field, 'start');
    assert.match(late.error.message, /30\. februar/);
    assert.equal(late.plan, null);
    assert.equal(late.frozen, true, 'the host reads it, it cannot change it');
    // The same object the event carries; a fix clears it and shows the plan.
    const next = await tab.evaluate(
      () =>
        new Promise((resolve) => {
          const el = document.querySelector('samtale-plan');
          el.addEventListener('samtaleplan:change', () => resolve({ error: el.error, plan: el.plan?.start, state: el.dataset.state }), { once: true });
          el.start = '2024-03-04';
        }),
    );
    assert.deepEqual(next, { error: null, plan: '2024-03-04', state: 'ready' });
    const detail = await tab.evaluate(
      () =>
        new Promise((resolve) => {
          const el = document.querySelector('samtale-plan');
          el.addEventListener('samtaleplan:error', (e) => resolve(e.detail === el.error && el.error.code), { once: true });
          el.start = '2024-13-01';
        }),
    );
    assert.equal(detail, 'E_DATE_INVALID');
    assert.deepEqual(problems, []);
  } finally {
    await tab.close();
    await server.close();
  }
});

test('"Testing your portal": the helper and the node --test recipe run as written, green and red', async () => {
  const text = section('Testing your portal with the element');
  const helper = block(text, 'js', 0);
  const recipe = block(text, 'js', 1);
  // One recipe: docs/testing.md gives the portal's developers the same one.
  const testing = await readFile(path.join(repo, 'docs', 'testing.md'), 'utf8');
  assert.ok(testing.includes(`\`\`\`js\n${recipe}\`\`\``), 'docs/testing.md holds the recipe of EMBEDDING.md as it is');
  assert.ok(helper.includes('export async function latestDate') && recipe.includes("from './samtaleplan-helper.mjs'"));
  assert.equal(helper, await readFile(path.join(repo, 'tests', 'e2e', 'embedding-example.mjs'), 'utf8'), 'the helper is the tested file');
  // The recipe's folder inside the repository, so that it finds playwright-core as a portal's would.
  const qa = path.join(artifacts, 'qa-recipe');
  await rm(qa, { recursive: true, force: true });
  await mkdir(qa, { recursive: true });
  await writeFile(path.join(qa, 'samtaleplan-helper.mjs'), helper);
  await writeFile(path.join(qa, 'min-side.test.mjs'), recipe);
  const root = await portal('qa', {
    'min-side/index.html': page(TWO_LINES),
    'other/index.html': page(TWO_LINES.replace('2024-03-04', '2024-04-08')),
  });
  const server = await startServer({ root, csp: POLICY });
  try {
    // Asynchronously (spawn, not spawnSync): the server answers in this process while the recipe runs.
    const run = (where) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, ['--test', 'min-side.test.mjs'], {
          cwd: qa,
          // As a portal's CI runs it: a fresh `node --test`, not a child of this test run.
          env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_TEST_CONTEXT')), PORTAL_URL: `${server.url}${where}/` },
        });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('close', (status) => resolve({ status, out }));
      });
    const green = await run('min-side');
    assert.equal(green.status, 0, green.out);
    assert.match(green.out, /# pass 1/);
    // A member whose A2 falls another day: the same recipe fails, saying both dates.
    const red = await run('other');
    assert.notEqual(red.status, 0);
    assert.match(red.out, /2024-06-30[\s\S]*2024-05-31|2024-05-31[\s\S]*2024-06-30/);
  } finally {
    await server.close();
  }
  assert.deepEqual((await readdir(qa)).sort(), ['min-side.test.mjs', 'samtaleplan-helper.mjs']);
});
