// Reads a samtale's latest date from <samtale-plan> in a browser test of your portal, with
// playwright-core (or @playwright/test: the same page API). Locators reach into the element's
// open shadow root by themselves.

/**
 * The latest date (YYYY-MM-DD) of the samtale `id` ("A2", "S16", …) in the element matched by
 * `selector`, once it has settled: its plan drawn ("ready"), an error shown ("error"), or, in
 * mode="full" without a start, its form waiting ("idle": then null, there is no plan yet).
 * Throws with the element's error code if it shows an error.
 */
export async function latestDate(page, id, selector = 'samtale-plan') {
  const element = page.locator(selector);
  // The ready signal: data-state is "loading" until the element has settled.
  const settled = ['ready', 'error', 'idle'].map((state) => `${selector}[data-state="${state}"]`);
  await page.locator(settled.join(', ')).waitFor();
  const state = await element.getAttribute('data-state');
  if (state === 'idle') return null;
  if (state === 'error') {
    // The error stays readable: the `error` property ({ code, message, field }) and data-code.
    const code = await element.evaluate((el) => el.error.code);
    throw new Error(`samtale-plan shows an error: ${code}`);
  }
  // Stable hooks: the row's data-id, the cell's part, the date's datetime. The cell's first <time>
  // is the latest date; when that is a weekend or a holiday, a second one says the working day
  // before, when such samtaler are normally held.
  return element.locator(`tr[data-id="${id}"] [part="latest"] time`).first().getAttribute('datetime');
}
