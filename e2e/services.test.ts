import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoTemplate } from '../test/db.ts';
import { demoId } from '../src/demo/seed.ts';
import { axeViolations, chromiumMissing, SKIP_REASON, startBrowserApp, type BrowserApp } from './browser.ts';

if (chromiumMissing) console.log(`# ${SKIP_REASON}`);

const A001 = demoId.service('demo-svc-a001');
const ORG = demoId.organization('demo-org-a01');

describe('sociale kaart pages in a real browser', { skip: chromiumMissing ? SKIP_REASON : false }, () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp({ template: await demoTemplate(), env: { DEMO_DATA: 'on' } });
  });
  after(async () => {
    await app?.close();
  });

  it('reports a mistake by keyboard only, without JavaScript, and sees the confirmation', async () => {
    const context = await app.browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${app.base}/aanbod/${A001}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');

    // A too-short message first: the error summary and the field message appear, the text stays.
    await page.getByLabel('Wat klopt er niet?').focus();
    await page.keyboard.type('kort');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    // page.evaluate needs page JavaScript, which is off here; locators still work.
    assert.equal((await page.locator(':focus').textContent())?.trim(), 'Verstuur melding');
    await page.keyboard.press('Enter');
    await page.waitForLoadState('domcontentloaded');
    assert.match(await page.locator('.ww-error-summary').innerText(), /te kort/);
    assert.equal(await page.getByLabel('Wat klopt er niet?').inputValue(), 'kort');

    await page.getByLabel('Wat klopt er niet?').focus();
    await page.keyboard.type(' — het telefoonnummer is veranderd.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ouder@example.org');
    await page.keyboard.press('Enter');
    await page.waitForURL(/gemeld=1/);
    assert.match(await page.locator('[role="status"]').innerText(), /Bedankt voor je melding/);
    const stored = await app.t.database.db.selectFrom('service_report').select(['message', 'lang']).execute();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.lang, 'nl');
    await context.close();
  });

  it('saves an offering to the bewaarlijst and sees it listed, then removes it', async () => {
    // axe needs page JavaScript, so this context has it on; the forms themselves do not use any.
    const context = await app.browser.newContext();
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${app.base}/aanbod/${A001}?lang=en`);
    await page.getByRole('button', { name: 'Save to your saved list' }).click();
    await page.waitForURL(new RegExp(`/aanbod/${A001}`));
    assert.match(await page.locator('.ww-saved').innerText(), /on your saved list/);
    await page.getByRole('link', { name: 'Saved list' }).click();
    await page.waitForURL(/\/bewaarlijst$/);
    assert.equal(await page.locator(`[data-service="${A001}"]`).count(), 1);
    assert.deepEqual(await axeViolations(page), [], 'bewaarlijst (en)');
    await page.getByRole('button', { name: /^Remove / }).click();
    await page.waitForURL(/\/bewaarlijst$/);
    assert.equal(await page.locator(`[data-service="${A001}"]`).count(), 0);
    await context.close();
  });

  it('has no axe violations on every services page in both languages', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const kies = demoId.service('demo-svc-a010');
    const paths = [
      `/aanbod/${A001}`,
      `/aanbod/${kies}`,
      `/organisaties/${ORG}`,
      '/gemeenten/GM0518',
      '/bewaarlijst',
      `/bewaarlijst?ids=${A001},${kies}`,
      '/aanbod/bestaat-niet',
    ];
    for (const path of paths) {
      for (const lang of ['nl', 'en']) {
        await page.goto(`${app.base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.deepEqual(await axeViolations(page), [], `${path} (${lang})`);
      }
    }
    // The report form's error state.
    for (const lang of ['nl', 'en']) {
      await page.goto(`${app.base}/aanbod/${A001}?lang=${lang}`);
      await page.locator('#melding-bericht').fill('kort');
      await page.locator('#melding-email').fill('geen-adres');
      await page.locator('.ww-report button[type="submit"]').click();
      await page.locator('.ww-error-summary').waitFor();
      assert.deepEqual(await axeViolations(page), [], `report errors (${lang})`);
    }
    await page.goto(`${app.base}/gemeenten/den-haag`);
    assert.match(page.url(), /\/gemeenten\/GM0518$/);
    assert.equal(await page.locator('section.ww-level-group').count(), 6);
    await context.close();
  });

  it('fits a small phone without horizontal scrolling', async () => {
    const context = await app.browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    for (const path of [`/aanbod/${A001}`, '/gemeenten/GM0518']) {
      await page.goto(`${app.base}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the screen`);
    }
    await context.close();
  });
});
