// Issue #12, the accessibility statement (tilgaengelighed.html) and the footers that link to it,
// and frame.html's heading and theme, at 375 × 812 and 1280 × 900, with axe-core at both widths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { useBrowser, openPage, artifacts, repo } from './browser.mjs';

const ctx = useBrowser();
const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js', { paths: [repo] }), 'utf8');
const SIZES = [
  [375, 812],
  [1280, 900],
];

async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

const noSideways = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

for (const [width, height] of SIZES) {
  test(`the accessibility statement at ${width} px: the model's sections, Danish and English, axe-clean`, async () => {
    const { page, problems } = await openPage(ctx.browser);
    await page.setViewportSize({ width, height });
    await page.goto(`${ctx.server.url}tilgaengelighed.html`);
    assert.equal(await page.textContent('h1'), 'Tilgængelighedserklæring for Samtaleplan');
    assert.deepEqual(await page.$$eval('h2', (hs) => hs.map((h) => h.textContent)), [
      'Overensstemmelsesstatus',
      'Indhold, der ikke er tilgængeligt eller ikke er afprøvet',
      'Sådan er erklæringen udarbejdet',
      'Feedback og kontaktoplysninger',
      'Håndhævelsesprocedure',
      'Privatliv',
    ]);
    const body = await page.innerText('main');
    for (const expected of [
      'delvist i overensstemmelse med WCAG 2.1 niveau AA',
      'EN 301 549',
      'ikke afprøvet med skærmlæsere (VoiceOver',
      '29. november 2026',
      'axe-core',
      '375 og 1280 pixels',
      'Digitaliseringsstyrelsen',
      'Intet af det, du skriver, forlader din browser',
      'udfyldes af den, der driver siden',
    ]) {
      assert.ok(body.includes(expected), expected);
    }
    assert.equal(await page.getAttribute('a[href="https://digst.dk/"]', 'href'), 'https://digst.dk/');
    assert.equal(await noSideways(page), true, 'no sideways scrolling');
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: path.join(artifacts, `statement-${width}.png`), fullPage: true });

    // English through the button: the text, the language, the link and the way back.
    await page.getByRole('button', { name: 'Change language to English' }).click();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.textContent('h1'), 'Accessibility statement for Samtaleplan');
    assert.match(page.url(), /lang=en/);
    assert.equal(await page.getAttribute('#back-link', 'href'), 'index.html?lang=en');
    assert.ok((await page.innerText('main')).includes('partially compliant with WCAG 2.1 level AA'));
    assert.equal(await noSideways(page), true);
    assert.deepEqual(await axe(page), []);
    // And from the address.
    await page.goto(`${ctx.server.url}tilgaengelighed.html?lang=en`);
    assert.equal(await page.textContent('h1'), 'Accessibility statement for Samtaleplan');
    assert.equal(await page.title(), 'Accessibility statement – Samtaleplan');
    await page.getByRole('button', { name: 'Skift sprog til dansk' }).click();
    assert.equal(await page.textContent('h1'), 'Tilgængelighedserklæring for Samtaleplan');
    assert.doesNotMatch(page.url(), /lang=en/);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('every page links to the statement from its footer, with a contact and a privacy line', async () => {
  const { page, problems } = await openPage(ctx.browser);
  for (const file of ['', 'caseload.html', 'frame.html?start=2024-03-04']) {
    await page.goto(`${ctx.server.url}${file}`);
    const footer = page.locator('footer');
    assert.equal(await footer.getByRole('link', { name: 'Tilgængelighedserklæring' }).count(), 1, file);
    const words = await footer.innerText();
    assert.match(words, /forlader din browser/, file);
    if (!file.startsWith('frame')) assert.match(words, /Kontakt: \(udfyldes af den, der driver siden/, file);
  }
  // The calculator's link follows its language, and leads to the statement.
  await page.goto(`${ctx.server.url}?lang=en`);
  assert.equal(await page.getAttribute('#a11y-link', 'href'), 'tilgaengelighed.html?lang=en');
  assert.equal(await page.textContent('#a11y-link'), 'Accessibility statement');
  await page.getByRole('button', { name: 'Skift sprog til dansk' }).click();
  assert.equal(await page.getAttribute('#a11y-link', 'href'), 'tilgaengelighed.html');
  await page.click('#a11y-link');
  await page.waitForURL(/tilgaengelighed\.html$/);
  assert.equal(await page.textContent('h1'), 'Tilgængelighedserklæring for Samtaleplan');
  assert.deepEqual(problems, []);
  await page.close();
});

for (const [width, height] of SIZES) {
  test(`frame.html at ${width} px: a heading of its own and the calculator's look`, async () => {
    const { page, problems } = await openPage(ctx.browser);
    await page.setViewportSize({ width, height });
    await page.goto(`${ctx.server.url}frame.html?start=2024-03-04&today=2024-05-01`);
    await page.locator('#plan[data-state="ready"]').waitFor();
    assert.equal(await page.textContent('h1'), 'Dine samtaler');
    // The plan's own heading is an h2 under the frame's h1.
    assert.equal(await page.$eval('#plan', (el) => el.shadowRoot.querySelector('.samtaleplan-heading').tagName), 'H2');
    // The theme: the page's font and colours reach into the element.
    const look = await page.$eval('#plan', (el) => {
      const root = el.shadowRoot;
      return {
        font: getComputedStyle(root.querySelector('.samtaleplan-heading')).fontFamily,
        link: getComputedStyle(root.querySelector('.samtaleplan-how summary')).color,
      };
    });
    assert.match(look.font, /^"IBM Plex Sans"/);
    assert.equal(look.link, 'rgb(0, 77, 153)');
    assert.equal(await page.evaluate(() => document.fonts.check('16px "IBM Plex Sans"')), true);
    assert.equal(await noSideways(page), true);
    // Problems before axe: axe itself tries inline styles, which the page's CSP refuses.
    assert.deepEqual(problems, []);
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: path.join(artifacts, `frame-${width}.png`), fullPage: true });
    // In English.
    await page.goto(`${ctx.server.url}frame.html?start=2024-03-04&lang=en`);
    await page.locator('#plan[data-state="ready"]').waitFor();
    assert.equal(await page.textContent('h1'), 'Your interviews');
    assert.equal(await page.getAttribute('#frame-a11y', 'href'), 'tilgaengelighed.html?lang=en');
    assert.deepEqual(await axe(page), []);
    await page.close();
  });
}
