import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { csrfTokenIn } from '../src/features/beheer/beheer.testkit.ts';
import { cookiesFrom, createTestApp, type TestApp } from './app.ts';
import { createTestUser } from './auth.ts';

/**
 * Double-submit CSRF is only as good as the pairing of cookie and token. An attacker who can set
 * a cookie for the site (a sibling subdomain, a man in the middle on plain http) plants a pair
 * from their own visit; the token must then fail for the victim's session.
 */
const CSRF_REFUSAL = /Dit formulier is verlopen/;

describe('CSRF: tokens are bound to the session (integration)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  async function pairFrom(url: string, cookie = ''): Promise<{ csrfCookie: string; token: string }> {
    const res = await t.app.inject({ url, headers: cookie ? { cookie } : {} });
    assert.equal(res.statusCode, 200, url);
    return { csrfCookie: cookiesFrom(res.headers['set-cookie']), token: csrfTokenIn(res.body) };
  }

  function signOutEverywhere(cookie: string, token: string) {
    return t.app.inject({
      method: 'POST',
      url: '/account/overal-uitloggen',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token }).toString(),
    });
  }

  async function sessionsOf(userId: string): Promise<number> {
    const rows = await t.database.db.selectFrom('user_session').select('user_id').where('user_id', '=', userId).execute();
    return rows.length;
  }

  it("refuses a pair planted from an anonymous visit for a signed-in person's session", async () => {
    const victim = await createTestUser(t.database.db, { roles: ['staff'] });
    const planted = await pairFrom('/inloggen');
    const res = await signOutEverywhere(`${victim.cookie}; ${planted.csrfCookie}`, planted.token);
    assert.equal(res.statusCode, 403);
    assert.match(res.body, CSRF_REFUSAL);
    assert.equal(await sessionsOf(victim.id), 1, 'nothing happened');
  });

  it("refuses a pair from the attacker's own session", async () => {
    const attacker = await createTestUser(t.database.db, { roles: ['staff'] });
    const victim = await createTestUser(t.database.db, { roles: ['staff'] });
    const planted = await pairFrom('/account', attacker.cookie);
    const res = await signOutEverywhere(`${victim.cookie}; ${planted.csrfCookie}`, planted.token);
    assert.equal(res.statusCode, 403);
    assert.equal(await sessionsOf(victim.id), 1);
    assert.equal(await sessionsOf(attacker.id), 1);
  });

  it("accepts the person's own form", async () => {
    const user = await createTestUser(t.database.db, { roles: ['staff'] });
    const own = await pairFrom('/account', user.cookie);
    const res = await signOutEverywhere(`${user.cookie}; ${own.csrfCookie}`, own.token);
    assert.equal(res.statusCode, 303);
    assert.equal(await sessionsOf(user.id), 0);
  });
});

describe('JSON write APIs take JSON only (integration)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '1000' } });
  });
  after(async () => t.close());

  const bodies: [string, string][] = [
    ['application/x-www-form-urlencoded', 'topic=omgang&text=Een%20vraag%20van%20een%20andere%20site&role=parents'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="text"\r\n\r\nhallo\r\n--x--\r\n'],
    ['text/plain', '{"text":"a simple request"}'],
  ];

  for (const url of ['/api/v1/questions', '/api/v1/spreekuur/bookings', '/api/v1/hulpwijzer']) {
    it(`${url}: a body a cross-site form can send is a 415, and nothing is stored`, async () => {
      const count = async () => {
        const [q, b, d] = await Promise.all([
          t.database.db.selectFrom('question').select('id').execute(),
          t.database.db.selectFrom('spreekuur_booking').select('id').execute(),
          t.database.db.selectFrom('hulpwijzer_demand').select('id').execute(),
        ]);
        return q.length + b.length + d.length;
      };
      const before = await count();
      for (const [type, payload] of bodies) {
        const res = await t.app.inject({ method: 'POST', url, headers: { 'content-type': type }, payload });
        assert.equal(res.statusCode, 415, `${url} ${type}`);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      }
      const json = await t.app.inject({ method: 'POST', url, payload: {} });
      assert.equal(json.statusCode, 400, 'JSON still reaches the validation');
      assert.equal(await count(), before);
    });
  }
});
