import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { queueEmail } from '../src/platform/mail.ts';
import { createTestApp, type TestApp } from './app.ts';
import { createTestUser, type TestUser } from './auth.ts';

/**
 * Pages with personal data, a second-factor secret or a private link must never be kept by a
 * browser or a proxy. One hook decides it (auth.plugin.ts): every answer to a session, and every
 * route marked `privateLink`. This walks the whole route table rather than trusting a list.
 */
function concrete(url: string): string {
  return url.replace(/:[A-Za-z_]+/g, () => randomUUID()).replace(/\*$/, 'x');
}

describe('cache-control: no-store on every signed-in and private-link page (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  before(async () => {
    t = await createTestApp();
    admin = await createTestUser(t.database.db, { roles: ['admin'] });
  });
  after(async () => t.close());

  it('sends no-store on the pages the attack found without it', async () => {
    const mail = await queueEmail(t.database.db, { purpose: 'test', to: 'someone@example.org', subject: 'Test', text: 'Hallo', privateLink: false });
    const other = await createTestUser(t.database.db, { roles: ['staff'] });
    const enrolling = await createTestUser(t.database.db, { roles: ['staff'], stage: 'enrol' });
    const pages: [string, string][] = [
      ['/beheer/spreekuur/uitzonderingen', admin.cookie],
      ['/beheer/moderatie/meldingen', admin.cookie],
      [`/beheer/moderatie/meldingen/${randomUUID()}`, admin.cookie],
      ['/beheer/e-mail', admin.cookie],
      [`/beheer/e-mail/${mail}`, admin.cookie],
      [`/beheer/e-mail/${mail}/inhoud`, admin.cookie],
      ['/beheer/gebruikers', admin.cookie],
      [`/beheer/gebruikers/${other.id}`, admin.cookie],
      ['/beheer/audit', admin.cookie],
      ['/account', admin.cookie],
      ['/account/tweestaps', enrolling.cookie],
      ['/wachtwoord-instellen?token=not-a-real-token', ''],
    ];
    const missing: string[] = [];
    for (const [url, cookie] of pages) {
      const res = await t.app.inject({ url, headers: cookie ? { cookie } : {} });
      if (res.headers['cache-control'] !== 'no-store') missing.push(`${url} → ${res.statusCode} ${String(res.headers['cache-control'])}`);
    }
    assert.deepEqual(missing, []);
  });

  it('sends no-store on every route of the app when a session asks, whatever the answer', async (context) => {
    const routes = t.app.routeTable.filter((r) => r.method === 'GET' && !r.url.startsWith('/assets/'));
    assert.ok(routes.length > 40, `walked ${routes.length} routes`);
    const missing: string[] = [];
    for (const route of routes) {
      const res = await t.app.inject({ url: concrete(route.url), headers: { cookie: admin.cookie } });
      if (res.headers['cache-control'] !== 'no-store') missing.push(`${route.url} → ${res.statusCode} ${String(res.headers['cache-control'])}`);
    }
    context.diagnostic(`${routes.length} GET routes walked as a signed-in admin`);
    assert.deepEqual(missing, []);
  });

  it('marks every page opened with a private link, and sends it no-store and no-referrer signed out', async () => {
    const privateRoutes = t.app.routeTable.filter((r) => r.privateLink).map((r) => `${r.method} ${r.url}`);
    for (const expected of [
      'GET /vraag/volg/:token',
      'POST /vraag/volg/:token/reactie',
      'POST /vraag/volg/:token/verwijderen',
      'POST /vraag',
      'POST /api/v1/questions',
      'GET /spreekuur/afspraak',
      'GET /spreekuur/afspraak/verzetten',
      'POST /spreekuur/afspraak/verzetten',
      'POST /spreekuur/afspraak/annuleren',
      'GET /wachtwoord-instellen',
      'POST /wachtwoord-instellen',
      'GET /nog-actueel',
      'POST /nog-actueel',
    ]) {
      assert.ok(privateRoutes.includes(expected), `${expected} is a privateLink route`);
    }
    // Every route whose path carries a token is one of them.
    for (const route of t.app.routeTable.filter((r) => /:token\b/.test(r.url))) assert.ok(route.privateLink, `${route.method} ${route.url}`);
    for (const route of t.app.routeTable.filter((r) => r.privateLink && r.method === 'GET')) {
      const res = await t.app.inject({ url: concrete(route.url) });
      assert.equal(res.headers['cache-control'], 'no-store', route.url);
      assert.equal(res.headers['referrer-policy'], 'no-referrer', route.url);
    }
  });

  it('leaves public pages cacheable for a visitor without a session', async () => {
    for (const url of ['/', '/zoeken', '/direct-hulp']) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['cache-control'], 'no-cache', url);
    }
  });
});
