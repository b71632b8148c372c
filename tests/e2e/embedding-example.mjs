// Reads a samtale's latest date from <samtale-plan> in a Playwright test of your portal.
// Works with playwright-core and @playwright/test alike; locators reach into the element's
// open shadow root by themselves.

/**
 * The latest date (YYYY-MM-DD) of the samtale `id` ("A2", "S16", …) in the element matched by
 * `selector`, once it has drawn its plan. Throws with the element's error code if it shows an
 * error instead.
 */
export async function latestDate(page, id, selector = 'samtale-plan') {
  const element = page.locator(selector);
  // The ready signal: data-state is "loading" until a plan or an error is drawn.
  await page.locator(`${selector}[data-state="ready"], ${selector}[data-state="error"]`).waitFor();
  if ((await element.getAttribute('data-state')) === 'error') {
    const code = await element.locator('[part="error"]').getAttribute('data-code');
    throw new Error(`samtale-plan shows an error: ${code}`);
  }
  // Stable hooks: the row's data-id, the cell's part, the date's datetime.
  return element.locator(`tr[data-id="${id}"] [part="latest"] time`).getAttribute('datetime');
}
