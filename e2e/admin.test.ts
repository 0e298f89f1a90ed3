import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { createTestUser, type TestUser } from '../test/auth.ts';
import { SESSION_COOKIE } from '../src/features/auth/auth.plugin.ts';
import { axeViolations, chromiumMissing, SKIP_REASON, startBrowserApp, type BrowserApp } from './browser.ts';

if (chromiumMissing) console.log(`# ${SKIP_REASON}`);

describe('admin journey in a real browser', { skip: chromiumMissing ? SKIP_REASON : false }, () => {
  let app: BrowserApp;
  let admin: TestUser;
  before(async () => {
    app = await startBrowserApp();
    admin = await createTestUser(app.t.database.db, { roles: ['admin'], email: 'beheerder@example.org' });
  });
  after(async () => {
    await app?.close();
  });

  async function signedIn(javaScriptEnabled: boolean): Promise<BrowserContext> {
    const context = await app.browser.newContext({ javaScriptEnabled });
    context.setDefaultTimeout(15_000);
    const token = admin.cookie.slice(SESSION_COOKIE.length + 1);
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: app.base, httpOnly: true, sameSite: 'Lax' }]);
    return context;
  }

  it('invites a user in Dutch without JavaScript, fixing a mistake on the way', async () => {
    const context = await signedIn(false);
    const page = await context.newPage();
    await page.goto(`${app.base}/beheer`);
    await page.getByRole('link', { name: 'Gebruikers' }).click();
    await page.getByRole('link', { name: 'Iemand uitnodigen' }).click();
    await page.getByLabel('E-mailadres').fill('nieuwe.redacteur@example.org');
    await page.getByRole('checkbox', { name: 'Redacteur' }).check();
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).press('Enter');
    await page.waitForLoadState('domcontentloaded');
    // The name was left empty: the summary links to it, and what was typed is still there.
    assert.match(await page.locator('.ww-error-summary').innerText(), /Vul de naam in/);
    assert.equal(await page.getByLabel('E-mailadres').inputValue(), 'nieuwe.redacteur@example.org');
    assert.ok(await page.getByRole('checkbox', { name: 'Redacteur' }).isChecked());
    await page.getByLabel('Naam', { exact: true }).fill('Nieuwe Redacteur');
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).press('Enter');
    await page.waitForURL(/uitgenodigd=1/);
    assert.match(await page.locator('[role="status"]').innerText(), /uitnodiging staat klaar/);
    const mail = await app.t.database.db.selectFrom('outbox_email').select('purpose').where('to_address', '=', 'nieuwe.redacteur@example.org').execute();
    assert.deepEqual(mail, [{ purpose: 'invite' }]);
    await context.close();
  });

  it('has no axe violations on the admin pages in Dutch, and views the audit log in English', async () => {
    const context = await signedIn(true);
    const page = await context.newPage();
    const user = await app.t.database.db.selectFrom('app_user').select('id').where('email', '=', 'nieuwe.redacteur@example.org').executeTakeFirstOrThrow();
    const mail = await app.t.database.db.selectFrom('outbox_email').select('id').executeTakeFirstOrThrow();
    for (const path of ['/beheer/gebruikers', '/beheer/gebruikers/nieuw', `/beheer/gebruikers/${user.id}`, '/beheer/e-mail', `/beheer/e-mail/${mail.id}`, '/beheer/hsds-import', '/beheer/audit']) {
      await page.goto(`${app.base}${path}?lang=nl`);
      assert.deepEqual(await axeViolations(page), [], `${path} (nl)`);
    }
    await page.goto(`${app.base}/beheer?lang=en`);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(/\/beheer\/audit/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.getByLabel('Action').selectOption('user.invite');
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await page.waitForURL(/actie=user\.invite/);
    const rows = page.locator('tr[data-audit]');
    assert.equal(await rows.count(), 1);
    assert.match(await rows.first().innerText(), /beheerder@example\.org/);
    assert.deepEqual(await axeViolations(page), [], 'audit log (en)');
    for (const path of ['/beheer/gebruikers', '/beheer/gebruikers/nieuw', '/beheer/e-mail', '/beheer/hsds-import']) {
      await page.goto(`${app.base}${path}?lang=en`);
      assert.deepEqual(await axeViolations(page), [], `${path} (en)`);
    }
    await context.close();
  });
});
