import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { axeViolations, chromiumMissing, SKIP_REASON, startBrowserApp, type BrowserApp } from './browser.ts';

if (chromiumMissing) console.log(`# ${SKIP_REASON}`);

describe('foundation journey in a real browser', { skip: chromiumMissing ? SKIP_REASON : false }, () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp();
  });
  after(async () => {
    await app?.close();
  });

  it('shows home in Dutch, switches to English by keyboard, and reaches the crisis page', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.base}/`);
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    assert.deepEqual(await axeViolations(page), []);

    // The skip link is the first thing a keyboard user reaches.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#inhoud');

    await page.getByRole('link', { name: 'Read this page in English' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/lang=en/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.deepEqual(await axeViolations(page), []);

    // Remembered: the next page is English without ?lang.
    await page.getByRole('link', { name: 'Need help right now?' }).first().click();
    await page.waitForURL(/\/direct-hulp$/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.locator('[data-line]').first().getAttribute('data-line'), '112');
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  it('has no axe violations on every foundation page in both languages', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    for (const path of ['/', '/direct-hulp', '/privacy', '/toegankelijkheid', '/contact', '/bestaat-niet']) {
      for (const lang of ['nl', 'en']) {
        await page.goto(`${app.base}${path}?lang=${lang}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.deepEqual(await axeViolations(page), [], `${path} (${lang})`);
      }
    }
    await context.close();
  });

  it('renders the crisis page on a small phone without horizontal scrolling', async () => {
    const context = await app.browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${app.base}/direct-hulp`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await context.close();
  });
});
