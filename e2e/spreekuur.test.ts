import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertTestSlot } from '../src/features/spreekuur/spreekuur.fixtures.ts';
import { amsterdamDay } from '../src/features/spreekuur/zoned.ts';
import { axeViolations, chromiumMissing, SKIP_REASON, startBrowserApp, type BrowserApp } from './browser.ts';

describe('spreekuur in the browser: book a slot, open the private link, cancel (nl and en, axe)', { skip: chromiumMissing ? SKIP_REASON : false }, () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '1000' } });
  });
  after(async () => {
    await app?.close();
  });

  for (const lang of ['nl', 'en'] as const) {
    it(`journey in ${lang}, zero axe violations on every page`, async () => {
      const startsAt = new Date(Date.now() + 4 * 86_400_000);
      await insertTestSlot(app.t.database.db, { startsAt, capacity: 2 });
      const context = await app.browser.newContext();
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const check = async (what: string) => assert.deepEqual(await axeViolations(page), [], `${what} (${lang})`);
      await page.goto(`${app.base}/spreekuur?lang=${lang}`);
      await check('days');
      await page.locator(`a[href="/spreekuur/dag?datum=${amsterdamDay(startsAt)}"]`).click();
      await check('day');
      await page.locator('button[type="submit"]').click();
      await page.locator('.ww-error-summary').waitFor();
      await check('errors');
      await page.locator('#slotId').check();
      await page.locator('#name').fill('A.B.');
      await page.locator('#email').fill('ouder@example.org');
      await page.locator('#topic').selectOption('school');
      await page.locator('#consent').check();
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(/\/spreekuur\/afspraak\?sleutel=/);
      await check('confirmation');
      const link = page.url().replace(/&nieuw=1$/, '');
      await page.goto(link);
      await page.locator('a[href^="/spreekuur/afspraak/verzetten"]').click();
      await check('rebook');
      await page.goto(link);
      await page.locator('form[action="/spreekuur/afspraak/annuleren"] button').click();
      await page.waitForURL(/geannuleerd=1/);
      await check('cancelled');
      assert.equal(await page.locator('form[action="/spreekuur/afspraak/annuleren"]').count(), 0);
      await context.close();
    });
  }
});
