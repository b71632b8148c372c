// Issue #21: the citizen page, the element and the caseload page in the three engines people use —
// Chromium, Firefox and WebKit (every browser on an iPhone) — through W3C WebDriver (engines.mjs).
// The page at 375 and 1280 px: a plan from a link, the date group typed and submitted, the error
// summary, English, the calendar file and print (where the engine's driver can print). The element
// in a portal's column of 600, 800 and 1000 px under the strict CSP. The caseload page with a CSV
// and an .xlsx (its worker and the wasm). Screenshots of each engine at both widths are left in
// tests/e2e/artifacts/engines/ to be looked at.
//
// WebKitGTK's window cannot be narrower than 447 px, so in WebKit the phone is a 375 px frame:
// its media queries, layout and scrolling are those of a 375 px viewport.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { inflateSync } from 'node:zlib';
import path from 'node:path';
import { By, until } from 'selenium-webdriver';
import { artifacts, repo, www } from './browser.mjs';
import { startServer } from './server.mjs';
import { chosenEngines, startEngine } from './engines.mjs';

const cli = path.join(repo, 'target', 'release', 'samtaleplan');
const shots = path.join(artifacts, 'engines');
await mkdir(shots, { recursive: true });

const START = '2024-03-04';
const TODAY = '2024-05-01';
const LINK = `?start=${START}&today=${TODAY}&pause=2024-06-03..2024-06-28..arbejde`;

/** The command line's plan for the same request: [id, earliest, latest] each, and the plan. */
function cliPlan(request) {
  const run = spawnSync(cli, ['--jsonl'], { input: `${JSON.stringify(request)}\n`, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const plan = JSON.parse(run.stdout);
  return { plan, rows: plan.samtaler.map((s) => [s.id, s.earliest, s.latest]) };
}

const WANT = cliPlan({ start: START, today: TODAY, pauses: [{ from: '2024-06-03', to: '2024-06-28', reason: 'arbejde' }] });

/** The plan's rows on the page or in the element `host`'s shadow root: [id, earliest, latest]. */
const ROWS = `const host = arguments[0];
  const root = host ? document.querySelector(host).shadowRoot : document;
  return [...root.querySelectorAll('.samtaleplan-table tbody tr')].map((tr) => [
    tr.dataset.id,
    tr.querySelector('.samtaleplan-earliest time').getAttribute('datetime'),
    tr.querySelector('.samtaleplan-latest time').getAttribute('datetime'),
  ]);`;

/** The number of pages of a PDF: its page objects, also those Firefox keeps in compressed object
 * streams (each stream's Flate data inflated with node:zlib). */
function pdfPages(pdf) {
  const raw = pdf.toString('latin1');
  let text = raw;
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      text += inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      // not Flate (an image, a font): no page objects in it
    }
  }
  return text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

/** What sticks out sideways: the page's scroll width against its viewport. */
const SIDEWAYS = 'return [document.documentElement.scrollWidth, window.innerWidth];';

for (const name of chosenEngines()) {
  describe(name, { timeout: 600_000 }, () => {
    let engine;
    let server;
    let portal;
    let tmp;
    before(async () => {
      server = await startServer({ root: www });
      tmp = await mkdtemp(path.join(os.tmpdir(), `samtaleplan-engines-${name}-`));
      await cp(path.join(repo, 'dist', 'samtaleplan'), path.join(tmp, 'vendor', 'samtaleplan'), { recursive: true });
      for (const width of [600, 800, 1000]) {
        await writeFile(path.join(tmp, `column-${width}.css`), `body { margin: 0; font-family: Georgia, serif; }
main { max-width: ${width}px; margin: 0 auto; padding: 0 16px; box-sizing: border-box; }`);
        await writeFile(path.join(tmp, `column-${width}.html`), `<!doctype html><html lang="da"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Portal</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="column-${width}.css">
<script type="module" src="/vendor/samtaleplan/samtale-plan.js"></script></head>
<body><main><h1>Min side</h1><section><h2>Dine samtaler</h2>
<samtale-plan id="plan" mode="plan" start="${START}" today="${TODAY}" heading-level="3"
  pauses='[{"from":"2024-06-03","to":"2024-06-28","reason":"arbejde"}]'></samtale-plan>
</section></main></body></html>`);
      }
      portal = await startServer({ root: tmp });
      engine = await startEngine(name);
    });
    after(async () => {
      await engine?.stop();
      await server?.close();
      await portal?.close();
      if (tmp) await rm(tmp, { recursive: true, force: true });
    });

    /** The driver, after `url` is opened at `width` × `height` CSS px: in a window that wide, or,
     * where the engine's window cannot be so narrow, in a frame that wide. */
    async function open(url, width, height = 900) {
      const driver = engine.driver;
      await driver.switchTo().defaultContent();
      await resize(width, height);
      const chrome = (await driver.manage().window().getRect()).width - (await driver.executeScript('return window.innerWidth;'));
      if (chrome >= 0 && chrome < 40) {
        await resize(width + chrome, height);
        if ((await driver.executeScript('return window.innerWidth;')) === width) {
          await driver.get(url);
          return driver;
        }
      }
      await resize(Math.max(width + 100, 600), height + 200);
      const frame = `<!doctype html><meta charset="utf-8"><title>${width} px</title>
<style>body{margin:0}iframe{display:block;border:0;width:${width}px;height:${height}px}</style>
<iframe id="phone" src="${url}"></iframe>`;
      await driver.get(`data:text/html;charset=utf-8,${encodeURIComponent(frame)}`);
      await driver.switchTo().frame(driver.findElement(By.id('phone')));
      // Loaded, not only begun: WebKit refuses to focus a field of a frame still loading.
      await driver.wait(async () => (await driver.executeScript("return location.href + ' ' + document.readyState;")) === `${url} complete`, 10000);
      assert.equal(await driver.executeScript('return window.innerWidth;'), width, 'the frame is the phone');
      return driver;
    }

    /** Sets the window's size and waits until the page's viewport has settled (WebKit resizes a
     * moment later; headless Chromium's outer size is not the window's). */
    async function resize(width, height) {
      const driver = engine.driver;
      await driver.manage().window().setRect({ x: 0, y: 0, width, height });
      let last = '';
      for (let i = 0; i < 50; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const now = JSON.stringify(await driver.executeScript('return [window.innerWidth, window.innerHeight];'));
        if (now === last) return;
        last = now;
      }
      throw new Error(`${name}: the window's size did not settle (${width} × ${height})`);
    }

    /** Waits until `condition` (a script expression) holds, then for two frames to be painted:
     * WebKit's screenshot otherwise shows a resized window's old size. */
    async function painted(condition) {
      const driver = engine.driver;
      try {
        await driver.wait(async () => Boolean(await driver.executeScript(`return ${condition};`)), 10000);
      } catch (e) {
        const seen = await driver.executeScript("return [window.innerWidth, window.innerHeight, document.documentElement.scrollHeight, document.getElementById('phone')?.getBoundingClientRect().bottom];");
        throw new Error(`${name}: not resized (${condition}): ${seen}: ${e.message}`);
      }
      await driver.executeAsyncScript('const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));');
    }

    /** A screenshot of what is open, as tall as the page (up to 2400 px): the window or the frame. */
    async function shoot(file) {
      const driver = engine.driver;
      const height = Math.min(2400, await driver.executeScript('return document.documentElement.scrollHeight;'));
      const framed = await driver.executeScript('return window !== window.top;');
      let png;
      if (framed) {
        await driver.switchTo().defaultContent();
        await driver.executeScript(`document.getElementById('phone').style.height = '${height}px';`);
        const rect = await driver.manage().window().getRect();
        // The whole window, as narrow as the engine allows (WebKitGTK: 447 px, so a margin shows
        // right of the 375 px frame): WebKit's screenshot of the frame element alone leaves the
        // frame's composited layers black.
        const frameWidth = await driver.executeScript("return document.getElementById('phone').offsetWidth;");
        await driver.manage().window().setRect({ x: 0, y: 0, width: frameWidth, height: height + 200 });
        await painted(`document.getElementById('phone').getBoundingClientRect().bottom <= window.innerHeight`);
        png = await driver.takeScreenshot();
        await driver.manage().window().setRect(rect);
        await driver.executeScript(`document.getElementById('phone').style.height = '';`);
        await driver.switchTo().frame(driver.findElement(By.id('phone')));
      } else {
        const rect = await driver.manage().window().getRect();
        const inner = await driver.executeScript('return window.innerHeight;');
        await driver.manage().window().setRect({ x: 0, y: 0, width: rect.width, height: height + (rect.height - inner) });
        await painted(`window.innerHeight >= ${height}`);
        png = await driver.takeScreenshot();
        await driver.manage().window().setRect(rect);
      }
      await writeFile(path.join(shots, `${name}-${file}.png`), png, 'base64');
    }

    async function waitFor(script, what, ms = 20000, ...args) {
      const driver = engine.driver;
      try {
        await driver.wait(async () => Boolean(await driver.executeScript(script, ...args)), ms);
      } catch (e) {
        // What the page shows instead, for the message.
        const seen = await driver
          .executeScript("return location.href + '\\n' + document.querySelector('main')?.innerText.slice(0, 1500);")
          .catch((err) => err.message);
        throw new Error(`${name}: ${what}: ${e.message}\n${seen}`);
      }
    }

    async function type(id, text) {
      const field = engine.driver.findElement(By.id(id));
      try {
        // Cleared, then tapped and typed as a person does (WebKit's driver will not type into a
        // field of a frame that its Clear command has just left without focus).
        await field.clear();
        if (text) {
          await field.click();
          await field.sendKeys(text);
        }
      } catch (e) {
        e.message = `#${id}: ${e.message}`;
        throw e;
      }
    }

    /** Clicks the element `css` selects, brought to the middle of the view first: WebKit's driver
     * can miss a button it must scroll a frame to reach. */
    async function click(css) {
      const target = await engine.driver.findElement(By.css(css));
      await engine.driver.executeScript("arguments[0].scrollIntoView({ block: 'center' });", target);
      await target.click();
    }

    /** Unfolds the form when a plan has folded it behind "Ret oplysninger". */
    async function editForm() {
      const driver = engine.driver;
      if (!(await driver.findElement(By.id('plan-form')).isDisplayed())) await click('#edit-toggle');
    }

    for (const width of [375, 1280]) {
      test(`the citizen page at ${width} px: a plan from a link, the calendar file, English`, async () => {
        const driver = await open(`${server.url}${LINK}`, width);
        await waitFor("return document.querySelectorAll('.samtaleplan-table tbody tr').length > 0", 'the plan');
        assert.deepEqual(await driver.executeScript(ROWS, null), WANT.rows, 'the dates of the command line');
        // Table or cards as the width says: cards on a phone, the table's head on a desktop.
        const row = await driver.executeScript("return getComputedStyle(document.querySelector('.samtaleplan-table tbody tr')).display;");
        if (width === 375) assert.notEqual(row, 'table-row', 'cards on a phone');
        else assert.equal(row, 'table-row', 'a table on a desktop');
        const [scroll, inner] = await driver.executeScript(SIDEWAYS);
        assert.ok(scroll <= inner, `no sideways scrolling: ${scroll} px in ${inner} px`);
        // Each disclosure ("Sådan er datoerne beregnet", the law's words) is a target a finger
        // can hit: at least 24 px high (WCAG 2.2, 2.5.8).
        const low = await driver.executeScript("return [...document.querySelectorAll('#result summary')].map((s) => s.getBoundingClientRect().height).filter((h) => h > 0 && h < 24);");
        assert.deepEqual(low, [], 'disclosures at least 24 px high');
        // The next samtale is said above the table, with its latest date.
        assert.match(await driver.findElement(By.css('.samtaleplan-next')).getText(), /\d{4}/);
        await shoot(`page-plan-${width}`);

        // The calendar file: the text the page hands to the download, read where it is made.
        await driver.executeScript(`window.__ics = null;
          const make = URL.createObjectURL;
          URL.createObjectURL = (blob) => { blob.text().then((t) => { window.__ics = t; }); return make(blob); };`);
        await click('#download-ics');
        await waitFor('return window.__ics !== null;', 'the calendar file');
        const ics = await driver.executeScript('return window.__ics;');
        assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
        assert.ok(!/[^\r]\n/.test(ics), 'every line ends in CRLF');
        const owed = WANT.plan.samtaler.filter((s) => s.latest >= TODAY).length;
        assert.equal(ics.match(/^BEGIN:VEVENT\r$/gm)?.length, owed, 'one event per samtale not yet past');

        // English: the page and the plan switch, and the choice is in the link.
        await click('#lang-switch');
        await waitFor("return document.documentElement.lang === 'en' && document.querySelector('h1').textContent === 'When are your interviews?';", 'English');
        await waitFor("return /lang=en/.test(location.search) && document.querySelectorAll('.samtaleplan-table tbody tr').length > 0;", 'the plan in English');
        assert.deepEqual(await driver.executeScript(ROWS, null), WANT.rows, 'the same dates in English');
        assert.match(await driver.findElement(By.css('.samtaleplan-table')).getText(), /Latest|latest/);
        await shoot(`page-english-${width}`);
      });

      test(`the citizen page at ${width} px: the date group typed, its errors, and submitted`, async () => {
        const driver = await open(`${server.url}?today=${TODAY}`, width);
        await waitFor("return document.getElementById('start-day') !== null;", 'the form');
        // A day that does not exist: the error summary gets the focus, the field says what is wrong.
        await type('start-day', '31');
        await type('start-month', '4');
        await type('start-year', '2024');
        await click('#submit');
        await waitFor("return document.querySelector('#start-error').dataset.code === 'E_DATE_INVALID';", 'the error');
        assert.equal(await driver.executeScript("return document.getElementById('start-error').textContent;"), 'Fejl: Første ledighedsdag: 31. april findes ikke.');
        assert.equal(await driver.executeScript('return document.activeElement.id;'), 'error-summary');
        assert.match(await driver.executeScript("return document.getElementById('error-summary').textContent;"), /Der er problemer[\s\S]*31\. april findes ikke/);
        const [scroll, inner] = await driver.executeScript(SIDEWAYS);
        assert.ok(scroll <= inner, `no sideways scrolling with the errors: ${scroll} px in ${inner} px`);
        await shoot(`page-error-${width}`);
        // Typed as a person does, one-digit day and month: the plan.
        await type('start-day', '4');
        await type('start-month', '3');
        await click('#submit');
        await waitFor("return document.querySelectorAll('.samtaleplan-table tbody tr').length > 0;", 'the plan');
        const typed = cliPlan({ start: START, today: TODAY });
        assert.deepEqual(await driver.executeScript(ROWS, null), typed.rows);
        assert.match(await driver.executeScript('return location.search;'), /start=2024-03-04/);
        // The form folds behind "Ret oplysninger" and opens again.
        await editForm();
        assert.equal(await driver.findElement(By.id('start-day')).getAttribute('value'), '4');
      });
    }

    test('the citizen page printed: one A4 page without the form', async (t) => {
      const driver = await open(`${server.url}${LINK}`, 1280);
      await waitFor("return document.querySelectorAll('.samtaleplan-table tbody tr').length > 0;", 'the plan');
      let pdf;
      try {
        pdf = Buffer.from(await driver.printPage({ width: 21, height: 29.7, background: true }), 'base64');
      } catch (e) {
        // WebKitGTK's WebKitWebDriver has no Print command (W3C WebDriver § 18.1); its print
        // styles are those the other engines print with.
        assert.equal(name, 'webkit', `${name} could not print: ${e.message}`);
        assert.match(e.name, /UnknownCommand|UnsupportedOperation/);
        t.diagnostic('WebKitWebDriver cannot print');
        return;
      }
      await writeFile(path.join(shots, `${name}-print.pdf`), pdf);
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const pages = pdfPages(pdf);
      assert.equal(pages, 1, 'one A4 page');
      // The count is real: twice as large, the same plan takes more pages.
      const small = Buffer.from(await driver.printPage({ width: 21, height: 29.7, scale: 2, shrinkToFit: false }), 'base64');
      await writeFile(path.join(shots, `${name}-print-scale2.pdf`), small);
      assert.ok(pdfPages(small) > 1, `at scale 2: ${pdfPages(small)} pages`);
      await writeFile(path.join(shots, `${name}-print.pdf`), pdf);
    });

    for (const column of [600, 800, 1000]) {
      test(`the element in a ${column} px column under the strict CSP stays in its box`, async () => {
        const driver = await open(`${portal.url}column-${column}.html`, 1280);
        await waitFor("return document.getElementById('plan').dataset.state === 'ready';", 'the element');
        assert.deepEqual(await driver.executeScript(ROWS, '#plan'), WANT.rows);
        const fit = await driver.executeScript(`const el = document.getElementById('plan');
          const host = el.getBoundingClientRect();
          // (The table's head, clipped to nothing for screen readers above the cards, is left out.)
          const hidden = (n) => n.closest('thead') && getComputedStyle(n.closest('thead')).clipPath !== 'none';
          const wide = [...el.shadowRoot.querySelectorAll('*')].filter((n) => {
            if (hidden(n)) return false;
            const r = n.getBoundingClientRect();
            return r.width > 0 && (r.right > host.right + 1 || r.left < host.left - 1);
          }).map((n) => n.tagName + '.' + n.getAttribute('class'));
          const row = getComputedStyle(el.shadowRoot.querySelector('.samtaleplan-table tbody tr')).display;
          return { width: host.width, wide, cards: row !== 'table-row', em: parseFloat(getComputedStyle(el).fontSize) };`);
        assert.ok(fit.width <= column - 32 + 1, `the element is ${fit.width} px in a ${column} px column`);
        assert.deepEqual(fit.wide, [], 'nothing sticks out of the element');
        // Cards below 60em of the element's own width, the table above.
        assert.equal(fit.cards, fit.width < 60 * fit.em, `cards (${fit.cards}) or table at ${fit.width} px`);
        await shoot(`element-${column}`);
      });
    }

    test('the caseload page reads a CSV and an .xlsx alike (the worker and the wasm)', async () => {
      const driver = await open(`${server.url}caseload.html`, 1280);
      const summaries = [];
      for (const file of ['small.csv', 'small.xlsx']) {
        // A fresh page for the second file. Not a refresh straight after open()'s load: on a busy
        // machine Chromium's driver then saw the refresh "aborted by navigation".
        if (summaries.length) await driver.get(`${server.url}caseload.html`);
        await waitFor("return document.querySelector('#caseload-form').dataset.ready === 'true';", 'the caseload form', 30000);
        await type('today-day', '5');
        await type('today-month', '6');
        await type('today-year', '2024');
        await driver.findElement(By.id('file')).sendKeys(path.join(repo, 'tests', 'caseload', file));
        await click('#run');
        await driver.wait(until.elementLocated(By.css('#results[data-state="done"]')), 60000, `${name}: ${file} read`);
        summaries.push(await driver.findElement(By.id('summary-line')).getText());
        const rows = await driver.executeScript("return document.querySelectorAll('.caseload-worklist tbody tr, #worklist tbody tr').length;");
        assert.ok(rows > 0, `${file}: a worklist`);
      }
      const members = JSON.parse(
        spawnSync(cli, ['caseload', path.join(repo, 'tests', 'caseload', 'small.csv'), '--today', '2024-06-05', '--format', 'json'], { encoding: 'utf8' }).stdout,
      );
      assert.equal(summaries[0], summaries[1], 'the CSV and the .xlsx give the same summary');
      assert.match(summaries[0], new RegExp(`${members.members} medlemmer`));
      await shoot('caseload-1280');
    });
  });
}
