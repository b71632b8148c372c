// Launching Debian's headless Chromium through playwright-core (no downloaded browsers).
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');
export const www = path.join(repo, 'www');
/** Screenshots and other test artifacts (not committed). */
export const artifacts = path.join(here, 'artifacts');
mkdirSync(artifacts, { recursive: true });

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
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
