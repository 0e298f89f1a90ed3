import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inviteUser } from '../src/features/auth/auth.service.ts';
import { totpCodeAt } from '../src/features/auth/totp.ts';
import { axeViolations, chromiumMissing, SKIP_REASON, startBrowserApp, type BrowserApp } from './browser.ts';

if (chromiumMissing) console.log(`# ${SKIP_REASON}`);

describe('accounts in a real browser', { skip: chromiumMissing ? SKIP_REASON : false }, () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp();
  });
  after(async () => {
    await app?.close();
  });

  it('an invited editor chooses a password, sets up two-step verification and reaches the back office, by keyboard and in both languages, without axe violations', async () => {
    const db = app.t.database.db;
    const invited = await inviteUser(
      { db, settings: { sessionIdleMinutes: 30, sessionMaxHours: 12, publicUrl: app.base, siteName: 'Wegwijzer' }, ip: null, now: new Date() },
      { invitation: { email: 'redactie@example.nl', displayName: 'Robin', roles: ['editor'], organizationIds: [], municipalityCodes: [] }, actor: null },
    );
    assert.equal(invited.kind, 'invited');
    if (invited.kind !== 'invited') return;

    // JavaScript stays on: axe runs as page script. Nothing on these pages needs it.
    const context = await app.browser.newContext();
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const violations: string[] = [];
    const check = async (label: string) => violations.push(...(await axeViolations(page)).map((v) => `${label}: ${v}`));

    await page.goto(invited.link);
    await check('wachtwoord-instellen nl');
    await page.getByLabel('Nieuw wachtwoord').fill('kort');
    await page.getByLabel('Herhaal het wachtwoord').fill('kort');
    await page.keyboard.press('Enter');
    // Wait for the answer itself: the page that was already loaded would satisfy a load-state wait.
    await page.locator('.ww-error-summary').waitFor();
    assert.match(await page.locator('.ww-error-summary').innerText(), /minstens 12 tekens/);
    await check('wachtwoord-instellen fout nl');
    await page.getByLabel('Nieuw wachtwoord').fill('regen op het dak van de schuur');
    await page.getByLabel('Herhaal het wachtwoord').fill('regen op het dak van de schuur');
    await page.keyboard.press('Enter');
    await page.getByText('Je wachtwoord is opgeslagen').waitFor();

    await page.getByLabel('Wachtwoord', { exact: true }).fill('regen op het dak van de schuur');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/account\/tweestaps$/);
    await check('tweestaps nl');
    const secret = (await page.locator('.ww-secret').innerText()).replace(/\s/g, '');
    await page.getByLabel('Code').fill(totpCodeAt(secret, Date.now()));
    await page.keyboard.press('Enter');
    await page.locator('.ww-recovery-codes li').first().waitFor();
    assert.equal(await page.locator('.ww-recovery-codes li').count(), 10);
    await check('herstelcodes nl');

    await page.goto(`${app.base}/beheer?lang=en`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.locator('h1').innerText(), /Back office/);
    await check('beheer en');
    await page.goto(`${app.base}/account`);
    assert.match(await page.locator('main').innerText(), /Two-step verification\s+On/);
    await check('account en');

    await page.getByRole('button', { name: 'Sign out', exact: true }).press('Enter');
    await page.waitForURL(/uitgelogd=1/);
    assert.match(await page.locator('main').innerText(), /You are signed out/);
    await check('inloggen en');
    await page.goto(`${app.base}/wachtwoord-vergeten?lang=nl`);
    await check('wachtwoord-vergeten nl');
    await page.goto(`${app.base}/beheer?lang=en`);
    assert.match(page.url(), /\/inloggen\?terug=%2Fbeheer/);
    await context.close();
    assert.deepEqual(violations, []);
  });
});
