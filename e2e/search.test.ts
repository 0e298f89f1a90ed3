import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoTemplate } from '../test/db.ts';
import { axeViolations, chromiumMissing, SKIP_REASON, startBrowserApp, type BrowserApp } from './browser.ts';

describe('search journey in a real browser', { skip: chromiumMissing ? SKIP_REASON : false }, () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp({ template: await demoTemplate(), env: { DEMO_DATA: 'on' } });
  });
  after(async () => {
    await app?.close();
  });

  // axe needs JavaScript in the page, so this journey is checked by axe in the next test.
  it('searches from the home page by keyboard without JavaScript and filters with facets', async () => {
    const context = await app.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.base}/`);
    await page.getByLabel('Waar zoek je hulp bij?').fill('kinderen');
    await page.getByLabel('Of je postcode').fill('2611');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/zoeken\?/);
    const heading = await page.locator('#resultaten').textContent();
    assert.match(heading ?? '', /resultaten in of voor Delft/);
    const before = Number(/(\d+)/.exec(heading ?? '')?.[1]);
    await page.locator('input[name="hulpniveau"][value="prevention"]').check();
    await page.getByRole('button', { name: 'Filters toepassen' }).press('Enter');
    await page.waitForURL(/hulpniveau=prevention/);
    const after = Number(/(\d+)/.exec((await page.locator('#resultaten').textContent()) ?? '')?.[1]);
    assert.ok(after > 0 && after < before, `${after} of ${before}`);
    assert.equal(await page.locator('[data-level]').count(), await page.locator('[data-level="prevention"]').count());
    await context.close();
  });

  it('has no axe violations on search pages in both languages, including an empty result', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    for (const path of ['/', '/zoeken', '/zoeken?q=scheiding&gemeente=GM0518', '/zoeken?q=zzqxw&gemeente=GM0629', '/zoeken?postcode=1000', '/zoeken?pagina=2']) {
      for (const lang of ['nl', 'en']) {
        await page.goto(`${app.base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        assert.deepEqual(await axeViolations(page), [], `${path} (${lang})`);
      }
    }
    await context.close();
  });

  it('shows the results on a map when JavaScript runs, with a keyboard-reachable marker per located result', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    // Tiles are background decoration; the test answers them locally so nothing leaves this machine.
    const tileRequests: string[] = [];
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, async (route) => {
      tileRequests.push(route.request().url());
      await route.fulfill({ status: 204, body: '' });
    });
    await page.goto(`${app.base}/zoeken?gemeente=GM0518`);
    const located = await page.locator('li[data-lat]').count();
    assert.ok(located > 0);
    const button = page.getByRole('button', { name: 'Bekijk op de kaart' });
    await button.focus();
    await page.keyboard.press('Enter');
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator('.ww-map__marker').count(), located);
    assert.ok(tileRequests.length > 0 && tileRequests.every((u) => u.startsWith('https://service.pdok.nl/')));
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
});
