import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createTestUser } from '../../../test/auth.ts';
import type { Role } from '../../db/schema.ts';
import { queueEmail } from '../../platform/mail.ts';
import { formSession, multipartBody, type FormSession } from './beheer.testkit.ts';

/** Every route of user admin, audit log, outbox and HSDS upload, read from the router itself. */
function routesUnder(app: FastifyInstance, prefixes: readonly string[]): string[] {
  const stack: string[] = [];
  const found: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    stack.length = depth;
    const path = `${stack[depth - 1] ?? ''}${match[2] === '/' ? '' : match[2]}`.replace(/^(?!\/)/, '/');
    stack[depth] = path;
    for (const method of (match[3] ?? '').split(', ').filter((m) => m === 'GET' || m === 'POST')) {
      if (prefixes.some((p) => path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}.`))) found.push(`${method} ${path}`);
    }
  }
  return found.sort();
}

const ROLES: readonly (Role | 'signed_out')[] = ['professional', 'provider_editor', 'staff', 'editor', 'municipality_analyst', 'signed_out', 'admin'];

describe('authorisation: every admin route × every role', () => {
  let t: TestApp;
  let targetId: string;
  let mailId: string;
  before(async () => {
    t = await createTestApp();
    targetId = (await createTestUser(t.database.db, { roles: ['staff'], email: 'doel@example.org' })).id;
    mailId = await queueEmail(t.database.db, { purpose: 'invite', to: 'x@example.org', subject: 's', text: 'body', privateLink: false });
    await t.database.db.updateTable('outbox_email').set({ status: 'failed' }).where('id', '=', mailId).execute();
  });
  after(async () => t.close());

  const ROUTES = () => [
    'GET /beheer/audit', 'GET /beheer/audit.csv', 'GET /beheer/e-mail', 'GET /beheer/e-mail/:id', 'GET /beheer/e-mail/:id/inhoud', 'POST /beheer/e-mail/:id/opnieuw',
    'GET /beheer/gebruikers', 'GET /beheer/gebruikers/:id', 'POST /beheer/gebruikers/:id', 'POST /beheer/gebruikers/:id/aanzetten',
    'POST /beheer/gebruikers/:id/tweestaps-herstellen', 'POST /beheer/gebruikers/:id/uitnodiging', 'POST /beheer/gebruikers/:id/uitzetten',
    'GET /beheer/gebruikers/nieuw', 'POST /beheer/gebruikers/nieuw', 'GET /beheer/hsds-import', 'POST /beheer/hsds-import',
  ];

  it('the matrix covers every route these features registered', () => {
    assert.deepEqual(routesUnder(t.app, ['/beheer/gebruikers', '/beheer/audit', '/beheer/e-mail', '/beheer/hsds-import']), [...ROUTES()].sort());
  });

  const call = (route: string, s: FormSession): Promise<LightMyRequestResponse> => {
    const [method, pattern = ''] = route.split(' ');
    const url = pattern.replace(':id', pattern.startsWith('/beheer/e-mail') ? mailId : targetId);
    const headers = { cookie: s.cookie };
    if (method === 'GET') return t.app.inject({ url, headers });
    if (url === '/beheer/hsds-import') {
      const { body, contentType } = multipartBody({ _csrf: s.token, modus: 'controleren' }, { name: 'bestand', filename: 'x.json', content: '{"organizations":[]}' });
      return t.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': contentType }, payload: body });
    }
    const fields = new URLSearchParams({ _csrf: s.token, email: `nieuw-${Math.random()}@example.org`, naam: 'Doel', rollen: 'staff' });
    return t.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: fields.toString() });
  };

  // Admin last: its calls really disable the target and retry the mail, which the others must not manage to.
  for (const role of ROLES) {
    it(`${role}: ${role === 'admin' ? 'may use every route' : 'is refused every route, and nothing changes'}`, async () => {
      const user = role === 'signed_out' ? null : await createTestUser(t.database.db, { roles: [role] });
      const s = await formSession(t, user?.cookie ?? '', user ? '/account' : '/inloggen');
      const users = await t.database.db.selectFrom('app_user').select('id').execute();
      for (const route of ROUTES()) {
        const res = await call(route, s);
        if (role === 'admin') {
          assert.ok(res.statusCode < 400 || res.statusCode === 409, `${route}: ${res.statusCode}`);
          assert.doesNotMatch(String(res.headers.location ?? ''), /inloggen/, route);
        } else if (role === 'signed_out') {
          assert.equal(res.statusCode, 303, route);
          assert.match(String(res.headers.location), /^\/inloggen\?terug=/, route);
        } else {
          assert.equal(res.statusCode, 403, `${route} as ${role}`);
        }
      }
      if (role !== 'admin') {
        const target = await t.database.db.selectFrom('app_user').select(['roles', 'disabled_at', 'display_name']).where('id', '=', targetId).executeTakeFirstOrThrow();
        assert.deepEqual(target.roles, ['staff']);
        assert.equal(target.disabled_at, null);
        assert.equal((await t.database.db.selectFrom('app_user').select('id').execute()).length, users.length, 'no account created');
        const mail = await t.database.db.selectFrom('outbox_email').select('status').where('id', '=', mailId).executeTakeFirstOrThrow();
        assert.equal(mail.status, 'failed');
      }
    });
  }

  it('the back-office menu shows these entries to admins only', async () => {
    const admin = await createTestUser(t.database.db, { roles: ['admin'] });
    const editor = await createTestUser(t.database.db, { roles: ['editor'] });
    const forAdmin = await t.app.inject({ url: '/beheer', headers: { cookie: admin.cookie } });
    const forEditor = await t.app.inject({ url: '/beheer', headers: { cookie: editor.cookie } });
    for (const href of ['/beheer/gebruikers', '/beheer/audit', '/beheer/e-mail', '/beheer/hsds-import']) {
      assert.ok(forAdmin.body.includes(`href="${href}"`), href);
      assert.ok(!forEditor.body.includes(`href="${href}"`), href);
    }
  });
});
