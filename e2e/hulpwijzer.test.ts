import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { demoTemplate } from '../test/db.ts';
import { axeViolations, chromiumMissing, SKIP_REASON, startBrowserApp, type BrowserApp } from './browser.ts';

if (chromiumMissing) console.log(`# ${SKIP_REASON}`);

/**
 * axe needs JavaScript in the page; for the run with JavaScript off, the same address is checked
 * in a second page (same cookies, so the same language) with JavaScript on.
 */
let axePage: Page | null = null;
async function checkAxe(page: Page, where: string): Promise<void> {
  if (!axePage) {
    assert.deepEqual(await axeViolations(page), [], where);
    return;
  }
  await axePage.context().addCookies(await page.context().cookies());
  await axePage.goto(page.url());
  assert.deepEqual(await axeViolations(axePage), [], where);
}

/** Presses Tab until the element matching `selector` has focus (a keyboard user's way there). */
async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Could not reach ${selector} by keyboard`);
}

async function submitByKeyboard(page: Page): Promise<void> {
  await tabTo(page, 'form.ww-hulpwijzer-form button[type="submit"]');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

describe('Hulpwijzer journeys in a real browser', { skip: chromiumMissing ? SKIP_REASON : false }, () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp({ template: await demoTemplate() });
  });
  after(async () => {
    await app?.close();
  });

  it('a parent in Dutch answers every step and gets local offerings, with zero axe violations on every page', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.base}/?lang=nl`);
    await page.getByRole('link', { name: 'Hulpwijzer', exact: true }).click();
    await page.waitForURL(/\/hulpwijzer$/);
    await checkAxe(page, 'step 1 (nl)');
    await page.getByLabel('Ik ben ouder').check();
    await page.getByRole('button', { name: 'Volgende vraag' }).click();
    await checkAxe(page, 'step 2 (nl)');
    await page.getByLabel('Postcode', { exact: true }).fill('2611 AB');
    await page.getByRole('button', { name: 'Volgende vraag' }).click();
    await checkAxe(page, 'step 3 (nl)');
    await page.getByLabel('Minder dan 2 jaar geleden').check();
    await page.getByRole('button', { name: 'Volgende vraag' }).click();
    await checkAxe(page, 'step 4 (nl)');
    await page.getByLabel('Leeftijden in jaren').fill('6, 10');
    await page.getByRole('button', { name: 'Volgende vraag' }).click();
    await checkAxe(page, 'step 5 (nl)');
    await page.getByLabel('Soms moeilijk').check();
    await page.getByRole('button', { name: 'Volgende vraag' }).click();
    await checkAxe(page, 'step 6 (nl)');
    await page.getByLabel('Problemen op school').check();
    await page.getByRole('button', { name: 'Volgende vraag' }).click();
    await checkAxe(page, 'step 7 (nl)');
    // Back and forward keep the answers.
    await page.getByRole('link', { name: 'Vorige vraag' }).click();
    assert.equal(await page.getByLabel('Problemen op school').isChecked(), true);
    await page.getByRole('button', { name: 'Volgende vraag' }).click();
    await page.getByRole('button', { name: 'Volgende vraag' }).click();
    await checkAxe(page, 'step 8 (nl)');
    await page.getByLabel('Een groep voor het kind').check();
    await page.getByRole('button', { name: 'Laat de hulp zien die past' }).click();
    await page.waitForURL(/\/hulpwijzer\/uitkomst\?/);
    assert.doesNotMatch(page.url(), /2611/);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Hulp die bij jullie past');
    assert.ok((await page.locator('.ww-service-card').count()) > 0);
    assert.match((await page.locator('.ww-why').first().textContent()) ?? '', /^Voor ouders · in Delft/);
    await checkAxe(page, 'result (nl)');
    await page.getByRole('link', { name: 'Zo komt de Hulpwijzer tot een advies' }).click();
    await checkAxe(page, 'rules (nl)');
    await context.close();
  });

  it('a child in English, by keyboard with JavaScript off, sees the crisis lines first', async () => {
    const context = await app.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const axeContext = await app.browser.newContext();
    axePage = await axeContext.newPage();
    await page.goto(`${app.base}/hulpwijzer?lang=en`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await checkAxe(page, 'step 1 (en)');
    // Radios: Tab into the group, arrow keys to choose (parent → child).
    await tabTo(page, 'input[name="role"]');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getByLabel('I am a child (8 to 12 years old)').isChecked(), true);
    await submitByKeyboard(page);
    await checkAxe(page, 'step 2 (en, child)');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Where do you live?');
    await tabTo(page, '#gemeente');
    await page.keyboard.type('Delft');
    await submitByKeyboard(page);
    await checkAxe(page, 'step 3 (en, child)');
    await submitByKeyboard(page); // skipped: every question but the first is optional
    await checkAxe(page, 'step 4 (en, child)');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'How old are you?');
    await tabTo(page, '#childAges');
    await page.keyboard.type('10');
    await submitByKeyboard(page);
    // Children are not asked how their parents communicate: straight to how they are doing.
    assert.match(page.url(), /\/hulpwijzer\/stap\/6\?/);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'How are you doing?');
    await checkAxe(page, 'step 6 (en, child)');
    await tabTo(page, 'input[value="sad_or_withdrawn"]');
    await page.keyboard.press('Space');
    await submitByKeyboard(page);
    await checkAxe(page, 'step 7 (en, child)');
    await tabTo(page, 'input[value="threats"]');
    await page.keyboard.press('Space');
    await submitByKeyboard(page);
    await checkAxe(page, 'step 8 (en, child)');
    await tabTo(page, 'input[value="someone_to_talk_to"]');
    await page.keyboard.press('Space');
    await submitByKeyboard(page);
    assert.match(page.url(), /\/hulpwijzer\/uitkomst\?/);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Help for you');
    assert.deepEqual(await page.locator('.ww-safety-first [data-line]').evaluateAll((els) => els.map((e) => e.getAttribute('data-line'))), [
      '112', 'veilig-thuis', 'kindertelefoon',
    ]);
    await checkAxe(page, 'result (en, child)');
    await axeContext.close();
    axePage = null;
    await context.close();
  });

  it('has no axe violations on the rules page in English and the 400 page', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.base}/hulpwijzer/regels?lang=en`);
    await checkAxe(page, 'rules (en)');
    await page.goto(`${app.base}/hulpwijzer/uitkomst?role=pirate&lang=nl`);
    await checkAxe(page, 'invalid (nl)');
    await context.close();
  });
});
