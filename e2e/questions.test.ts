import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createTestUser } from '../test/auth.ts';
import { axeViolations, chromiumMissing, SKIP_REASON, startBrowserApp, type BrowserApp } from './browser.ts';

if (chromiumMissing) console.log(`# ${SKIP_REASON}`);

const TEXTS = {
  nl: { topic: 'Waar gaat je vraag over?', text: 'Je vraag', role: 'Ouder', consent: 'Ik heb dit gelezen en vind het goed', submit: 'Verstuur je vraag', reply: 'Je reactie', send: 'Verstuur je reactie', confirm: 'Ja, verwijder mijn vraag', del: 'Verwijder mijn vraag', deleted: /verwijderd/, broken: /werkt niet/ },
  en: { topic: 'What is your question about?', text: 'Your question', role: 'Parent', consent: 'I have read this and I agree', submit: 'Send your question', reply: 'Your reply', send: 'Send your reply', confirm: 'Yes, delete my question', del: 'Delete my question', deleted: /deleted/, broken: /does not work/ },
} as const;

async function noViolations(page: Page, where: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], where);
}

describe('asking a question in a real browser', { skip: chromiumMissing ? SKIP_REASON : false }, () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '1000' } });
  });
  after(async () => {
    await app?.close();
  });

  for (const lang of ['nl', 'en'] as const) {
    it(`${lang}: ask anonymously, open the follow-up link, reply, delete — zero axe violations`, async () => {
      const x = TEXTS[lang];
      const context = await app.browser.newContext();
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      await page.goto(`${app.base}/vraag?lang=${lang}`);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      await noViolations(page, `${lang} form`);

      await page.getByRole('button', { name: x.submit }).click();
      await page.waitForLoadState('domcontentloaded');
      assert.equal(await page.locator('.ww-error-summary a').count(), 4);
      await noViolations(page, `${lang} form with errors`);

      await page.getByLabel(x.topic).selectOption('school');
      await page.getByLabel(x.text, { exact: true }).fill('Hoe vertellen we het de juf op school?');
      await page.getByLabel(x.role, { exact: true }).check();
      await page.getByLabel(x.consent).check();
      await page.getByRole('button', { name: x.submit }).click();
      await page.waitForLoadState('domcontentloaded');
      const link = (await page.locator('[data-follow-up]').innerText()).trim();
      assert.match(link, /\/vraag\/volg\//);
      assert.match(await page.locator('[data-code]').innerText(), /[A-Z2-9]{4}-[A-Z2-9]{4}/);
      await noViolations(page, `${lang} received`);

      await page.goto(link.replace(/^http:\/\/localhost:\d+/, app.base));
      assert.match(await page.locator('main').innerText(), /juf op school/);
      await noViolations(page, `${lang} follow-up`);
      await page.getByLabel(x.reply, { exact: true }).fill('Het gaat om groep 5.');
      await page.getByRole('button', { name: x.send }).click();
      await page.waitForURL(/verstuurd=1/);
      assert.match(await page.locator('.ww-question-messages').innerText(), /groep 5/);
      await noViolations(page, `${lang} follow-up after reply`);

      await page.getByLabel(x.confirm).check();
      await page.getByRole('button', { name: x.del }).click();
      await page.waitForLoadState('domcontentloaded');
      assert.match(await page.locator('h1').innerText(), x.deleted);
      await noViolations(page, `${lang} deleted`);
      await page.goto(link.replace(/^http:\/\/localhost:\d+/, app.base));
      assert.match(await page.locator('h1').innerText(), x.broken);
      await noViolations(page, `${lang} link no longer works`);
      await context.close();
    });
  }

  it('the children\'s form and the desk pages have no axe violations', async () => {
    const staff = await createTestUser(app.t.database.db, { roles: ['staff'] });
    const context = await app.browser.newContext();
    const [name, value] = staff.cookie.split('=');
    await context.addCookies([{ name: name ?? '', value: value ?? '', url: app.base }]);
    const page = await context.newPage();
    await page.goto(`${app.base}/vraag?voor=kind`);
    await noViolations(page, 'kids form');
    const row = await app.t.database.db.selectFrom('question').select('id').executeTakeFirst();
    for (const path of ['/beheer/vragen', '/beheer/vragen?lang=en', ...(row ? [`/beheer/vragen/${row.id}`] : [])]) {
      await page.goto(`${app.base}${path}`);
      assert.equal(await page.locator('h1').count(), 1, path);
      await noViolations(page, path);
    }
    await context.close();
  });
});
