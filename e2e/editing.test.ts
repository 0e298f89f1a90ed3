import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { createTestUser } from '../test/auth.ts';
import { demoTemplate } from '../test/db.ts';
import type { Role } from '../src/db/schema.ts';
import { demoId } from '../src/demo/seed.ts';
import { axeViolations, chromiumMissing, SKIP_REASON, startBrowserApp, type BrowserApp } from './browser.ts';

if (chromiumMissing) console.log(`# ${SKIP_REASON}`);

const SERVICE = demoId.service('demo-svc-a001');
const ORG = demoId.organization('demo-org-a01');

describe('catalogue editing and moderation in a real browser', { skip: chromiumMissing ? SKIP_REASON : false }, () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp({ template: await demoTemplate(), env: { DEMO_DATA: 'on' } });
  });
  after(async () => {
    await app?.close();
  });

  async function signedIn(roles: Role[], organizationIds: string[] = []): Promise<BrowserContext> {
    const user = await createTestUser(app.t.database.db, { roles, organizationIds });
    const [name = '', value = ''] = user.cookie.split('=');
    const context = await app.browser.newContext();
    context.setDefaultTimeout(15_000);
    await context.addCookies([{ name, value, url: app.base }]);
    return context;
  }

  it('an editor edits an offering; a provider proposes a change that an editor approves', async () => {
    const editor = await signedIn(['editor']);
    const page = await editor.newPage();
    await page.goto(`${app.base}/beheer/aanbod?q=Informatieavond`);
    await page.getByRole('link', { name: /Informatieavond/ }).first().click();
    await page.getByLabel('Naam (Nederlands)').fill('Informatieavond over scheiden');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/opgeslagen=1/);
    assert.match(await page.locator('[role="status"]').first().innerText(), /opgeslagen/);

    const providerContext = await signedIn(['provider_editor'], [ORG]);
    const provider = await providerContext.newPage();
    await provider.goto(`${app.base}/beheer/mijn/aanbod/${SERVICE}`);
    await provider.getByLabel('Wachttijd in weken').fill('3');
    await provider.getByRole('button', { name: 'Voorstel versturen' }).click();
    await provider.waitForURL(/voorgesteld=1/);

    await page.goto(`${app.base}/beheer/moderatie`);
    await page.getByRole('link', { name: 'Informatieavond over scheiden' }).click();
    assert.match(await page.locator('.ww-diff__changed').first().innerText(), /Wachttijd/);
    await page.getByRole('button', { name: 'Goedkeuren en publiceren' }).click();
    await page.waitForURL(/status=approved/);
    const row = await app.t.database.db.selectFrom('service').select(['name_nl', 'waiting_weeks']).where('id', '=', SERVICE).executeTakeFirstOrThrow();
    assert.deepEqual(row, { name_nl: 'Informatieavond over scheiden', waiting_weeks: 3 });
    await providerContext.close();
    await editor.close();
  });

  it('has no axe violations on the back-office pages in Dutch and English', async () => {
    const context = await signedIn(['admin'], [ORG]);
    const page = await context.newPage();
    const proposal = await app.t.database.db.selectFrom('catalogue_proposal').select('id').executeTakeFirst();
    const paths = [
      '/beheer/aanbod', `/beheer/aanbod/${SERVICE}`, '/beheer/aanbod/nieuw', `/beheer/aanbod/${SERVICE}/geschiedenis`,
      '/beheer/organisaties', `/beheer/organisaties/${ORG}`, '/beheer/locaties', '/beheer/locaties/nieuw',
      '/beheer/mijn/aanbod', `/beheer/mijn/aanbod/${SERVICE}`, '/beheer/mijn/voorstellen', '/beheer/moderatie',
      '/beheer/moderatie/meldingen', '/beheer/actualiteit', '/nog-actueel?code=ongeldig',
      ...(proposal ? [`/beheer/moderatie/voorstellen/${proposal.id}`] : []),
    ];
    for (const lang of ['nl', 'en']) {
      for (const path of paths) {
        await page.goto(`${app.base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        assert.deepEqual(await axeViolations(page), [], `${path} (${lang})`);
      }
    }
    // An error state too: the summary and the field messages.
    await page.goto(`${app.base}/beheer/organisaties/nieuw?lang=nl`);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    assert.match(await page.locator('.ww-error-summary').innerText(), /Naam: Vul dit veld in/);
    assert.deepEqual(await axeViolations(page), [], 'form with errors');
    await context.close();
  });
});
