// Launching Debian's headless Chromium through playwright-core (no downloaded browsers).
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');
export const www = path.join(repo, 'www');
/** Screenshots and other test artifacts (not committed). */
export const artifacts = path.join(here, 'artifacts');
mkdirSync(artifacts, { recursive: true });

/** Headless Chromium as root on a closed network: no sandbox, no GPU, no calls home. Also the
 * WebDriver capabilities' arguments (engines.mjs). */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** A new page that records console errors and page errors into `problems`. */
export async function openPage(browser) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return { page, problems };
}

/**
 * Registers before/after hooks that start a server for www/ and a browser, and returns the
 * object they fill in: { server, browser }.
 */
export function useBrowser() {
  const ctx = {};
  before(async () => {
    ctx.server = await startServer({ root: www });
    ctx.browser = await launch();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

/** With a plan on screen the form is folded behind "Ret oplysninger": unfolds it. */
export async function editForm(page) {
  if (!(await page.isVisible('#plan-form'))) await page.click('#edit-toggle');
}

/** Types an ISO date (or '' for none) into the date group `id` (its fields `id-day`, `id-month`,
 * `id-year`), as a person would: day and month without leading zeros. `root` may be a locator. */
export async function fillDate(page, id, iso, root = page) {
  const [y = '', m = '', d = ''] = iso ? iso.split('-') : [];
  await root.locator(`#${id}-day`).fill(d ? String(Number(d)) : '');
  await root.locator(`#${id}-month`).fill(m ? String(Number(m)) : '');
  await root.locator(`#${id}-year`).fill(y);
}

/** Types an ISO date (or '' for none) into the three fields of "Første ledighedsdag". */
export async function fillStart(page, iso) {
  await editForm(page);
  await fillDate(page, 'start', iso);
}

/** The ISO date a date group `id` holds, as typed (or '' when empty). */
export async function dateOf(page, id) {
  const [d, m, y] = await Promise.all(['day', 'month', 'year'].map((p) => page.inputValue(`#${id}-${p}`)));
  return d || m || y ? `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` : '';
}

/** The plan's rows on the page, or inside the shadow root of the element `host` (a selector):
 * [id, earliest, latest] each. */
export function rows(page, host) {
  return page.evaluate((host) => {
    const root = host ? document.querySelector(host).shadowRoot : document;
    return [...root.querySelectorAll('.samtaleplan-table tbody tr')].map((tr) => [
      tr.dataset.id,
      tr.querySelector('.samtaleplan-earliest time').getAttribute('datetime'),
      tr.querySelector('.samtaleplan-latest time').getAttribute('datetime'),
    ]);
  }, host);
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js', { paths: [repo] }), 'utf8');

/** axe-core's WCAG 2.1 A/AA violations on the page; what axe itself makes the console say (its
 * style probes, refused by the strict CSP inside a shadow root) is dropped from `problems`. */
export async function axe(page, problems = []) {
  const seen = problems.length;
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  problems.splice(seen, problems.length - seen, ...problems.slice(seen).filter((p) => !/Applying inline style/.test(p)));
  return violations;
}

/** Fails when the page scrolls sideways (`where` names the view in the message). */
export async function noSidewaysScroll(page, where) {
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= inner, `${where}: the page is ${scroll} px wide in ${inner} px`);
}

/** The rows of a caseload list exported as CSV (the command line's or the page's): [Samtale,
 * Tidligst, Senest] each, the dates (written 4.3.2024) as ISO dates; a BOM before it is dropped,
 * and so is the note that comes before the header when the file has no held dates. */
export function exportedRows(csv) {
  const iso = (d) => {
    const [day, month, year] = d.split('.');
    return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  };
  const all = csv.replace(/^\ufeff/, '').trim().split('\n').map((line) => line.split(';'));
  const top = all.findIndex((fields) => fields.includes('Samtale') && fields.includes('Senest'));
  assert.ok(top >= 0, `a header with Samtale and Senest: ${csv.slice(0, 200)}`);
  const [header, ...lines] = all.slice(top);
  const at = (name) => header.indexOf(name);
  return lines.map((f) => [f[at('Samtale')], iso(f[at('Tidligst')]), iso(f[at('Senest')])]);
}

/** The caseload page at `url` reads `file` for the day `today` (ISO); the rows of its whole
 * worklist (status "alle, der ikke er holdt"), downloaded as CSV into `dir` ([Samtale, Tidligst,
 * Senest] each, by exportedRows). */
export async function pageWorklist(page, url, file, today, dir) {
  await page.goto(`${url}caseload.html`);
  await page.waitForSelector('#caseload-form[data-ready="true"]');
  await fillDate(page, 'today', today);
  await page.setInputFiles('#file', file);
  await page.click('#run');
  await page.waitForSelector('#results[data-state="done"]', { timeout: 60000 });
  // The whole worklist: a file without held dates opens on the samtaler not yet past (issue 23).
  await page.selectOption('#status', '');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="worklist"]')]);
  const saved = path.join(dir, download.suggestedFilename());
  await download.saveAs(saved);
  return exportedRows(await readFile(saved, 'utf8'));
}
