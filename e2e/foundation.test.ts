import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../test/app.ts';
import { axeViolations, chromiumMissing, launchBrowser, SKIP_REASON, type BrowserSession } from './browser.ts';

if (chromiumMissing) console.log(`# ${SKIP_REASON}`);

describe('foundation journey in a real browser', { skip: chromiumMissing ? SKIP_REASON : false }, () => {
  let t: TestApp;
  let session: BrowserSession;
  let base: string;
  before(async () => {
    t = await createTestApp();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    session = await launchBrowser();
  });
  after(async () => {
    await session?.close();
    await t?.close();
  });

  it('shows home in Dutch, switches to English by keyboard, and reaches the crisis page', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/`);
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
    const context = await session.browser.newContext();
    const page = await context.newPage();
    for (const path of ['/', '/direct-hulp', '/privacy', '/toegankelijkheid', '/contact', '/bestaat-niet']) {
      for (const lang of ['nl', 'en']) {
        await page.goto(`${base}${path}?lang=${lang}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.deepEqual(await axeViolations(page), [], `${path} (${lang})`);
      }
    }
    await context.close();
  });

  it('renders the crisis page on a small phone without horizontal scrolling', async () => {
    const context = await session.browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${base}/direct-hulp`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await context.close();
  });
});
