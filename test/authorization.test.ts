import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ROLES, type Role } from '../src/db/schema.ts';
import { can } from '../src/features/auth/auth.policy.ts';
import type { GuardedRoute } from '../src/features/auth/auth.plugin.ts';
import { cookiesFrom, createTestApp, type TestApp } from './app.ts';
import { createTestUser, type TestUser } from './auth.ts';

/**
 * Walks every back-office route and every form route the app has (whatever feature added it),
 * as every role and signed out: the route guard and the CSRF check must hold everywhere.
 * Object-level rules (whose organisation, which municipality) are tested beside each feature.
 */
const CSRF_REFUSAL = /Dit formulier is verlopen/;

function concrete(url: string): string {
  return url.replace(/:[A-Za-z_]+/g, () => randomUUID()).replace(/\*$/, 'x');
}

describe('authorisation matrix and CSRF over all routes (integration)', () => {
  let t: TestApp;
  const users = new Map<Role, TestUser>();
  let routes: GuardedRoute[];
  before(async () => {
    t = await createTestApp({
      prepare(app) {
        app.get('/test/csrf-token', async (_request, reply) => reply.send({ token: reply.csrfToken() }));
      },
    });
    for (const role of ROLES) users.set(role, await createTestUser(t.database.db, { roles: [role] }));
    routes = t.app.guardedRoutes;
  });
  after(async () => t.close());

  async function csrfFor(cookie: string): Promise<{ token: string; cookie: string }> {
    const res = await t.app.inject({ url: '/test/csrf-token', headers: cookie ? { cookie } : {} });
    const token = (res.json() as { token: string }).token;
    return { token, cookie: [cookie, cookiesFrom(res.headers['set-cookie'])].filter(Boolean).join('; ') };
  }

  async function call(route: GuardedRoute, cookie: string, withToken: boolean) {
    const url = concrete(route.url);
    if (route.method === 'GET') return t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
    const session = withToken ? await csrfFor(cookie) : { token: undefined, cookie };
    return t.app.inject({
      method: route.method as 'POST',
      url,
      headers: session.cookie ? { cookie: session.cookie } : {},
      payload: session.token ? { _csrf: session.token } : {},
    });
  }

  it('finds the back-office routes to walk', () => {
    const urls = routes.filter((r) => r.permission).map((r) => r.url);
    for (const expected of ['/beheer', '/account', '/account/tweestaps', '/account/overal-uitloggen']) assert.ok(urls.includes(expected), expected);
  });

  it('sends a signed-out visitor to sign in, on every back-office route', async () => {
    for (const route of routes.filter((r) => r.permission)) {
      const res = await call(route, '', true);
      if (route.url.startsWith('/api/')) assert.equal(res.statusCode, 401, `${route.method} ${route.url}`);
      else {
        assert.equal(res.statusCode, 303, `${route.method} ${route.url}`);
        assert.match(String(res.headers.location), /^\/inloggen/, `${route.method} ${route.url}`);
      }
    }
  });

  it('allows each role exactly what its permissions say, on every back-office route', async (context) => {
    const failures: string[] = [];
    let requests = 0;
    for (const route of routes.filter((r) => r.permission)) {
      for (const role of ROLES) {
        // A fresh session each time: some routes (sign out everywhere) end it.
        const user = await createTestUser(t.database.db, { roles: [role] });
        const res = await call(route, user.cookie, true);
        requests += 1;
        const allowed = can({ id: user.id, email: user.email, displayName: '', roles: [role], organizationIds: [], municipalityCodes: [] }, route.permission ?? 'account');
        const label = `${role} ${route.method} ${route.url} → ${res.statusCode}`;
        if (res.statusCode >= 500) failures.push(`${label} (server error)`);
        else if (allowed && (res.statusCode === 401 || res.statusCode === 403 || String(res.headers.location ?? '').startsWith('/inloggen?terug'))) failures.push(`${label} (should be allowed)`);
        else if (!allowed && res.statusCode !== 403) failures.push(`${label} (should be denied)`);
      }
    }
    context.diagnostic(`${requests} requests: ${routes.filter((r) => r.permission).length} back-office routes × ${ROLES.length} roles`);
    assert.deepEqual(failures, []);
  });

  it('writes an audit row for a denied request', async () => {
    const user = users.get('professional');
    assert.ok(user);
    await t.app.inject({ url: '/beheer', headers: { cookie: user.cookie } });
    const row = await t.database.db.selectFrom('audit_event').select(['action', 'result', 'object_id']).where('actor_id', '=', user.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(row, { action: 'access.denied', result: 'denied', object_id: 'GET /beheer' });
  });

  it('refuses every state-changing form route without a CSRF token', async (context) => {
    const admin = users.get('admin');
    assert.ok(admin);
    const writes = routes.filter((r) => r.csrf);
    assert.ok(writes.length >= 8, `walked ${writes.length} form routes`);
    context.diagnostic(`${writes.length} form routes walked without a token`);
    const failures: string[] = [];
    for (const route of writes) {
      const res = await call(route, route.permission ? admin.cookie : '', false);
      if (res.statusCode !== 403 || !CSRF_REFUSAL.test(res.body)) failures.push(`${route.method} ${route.url} → ${res.statusCode}`);
    }
    assert.deepEqual(failures, []);
  });

  it('refuses to start when a back-office route names no permission', async () => {
    await assert.rejects(
      createTestApp({
        prepare(app) {
          app.get('/beheer/forgotten', async () => 'oops');
        },
      }),
      /names no permission/,
    );
  });
});
