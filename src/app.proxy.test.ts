import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cookiesFrom, createTestApp, type TestApp } from '../test/app.ts';
import { csrfTokenIn } from './features/beheer/beheer.testkit.ts';

/**
 * A client behind the proxy may send any X-Forwarded-For it likes; the proxy appends the address
 * it saw. Only that last hop may count, or rate limits and the audit log follow the client's choice.
 */
const PROXY = '127.0.0.1';
const CLIENT = '198.51.100.7';

function through(spoofed: string) {
  return { 'x-forwarded-for': `${spoofed}, ${CLIENT}` };
}

for (const trust of ['1', PROXY]) {
  describe(`TRUST_PROXY=${trust}: a rotating X-Forwarded-For through one trusted hop (integration)`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '3', TRUST_PROXY: trust } });
    });
    after(async () => {
      await t.close();
    });

    it('keeps the rate limit on the address the proxy saw', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/questions', remoteAddress: PROXY, headers: through(`203.0.113.${i + 1}`), payload: {} });
        codes.push(res.statusCode);
      }
      assert.deepEqual(codes, [400, 400, 400, 429, 429, 429]);
      const other = await t.app.inject({ method: 'POST', url: '/api/v1/questions', remoteAddress: PROXY, headers: { 'x-forwarded-for': '198.51.100.99' }, payload: {} });
      assert.equal(other.statusCode, 400, 'another real client has its own budget');
    });

    it('writes the address the proxy saw in the audit log, not the one the client chose', async () => {
      const page = await t.app.inject({ url: '/inloggen', remoteAddress: PROXY, headers: through('192.0.2.1') });
      const form = new URLSearchParams({ _csrf: csrfTokenIn(page.body), email: 'nobody@example.org', password: 'wrong password here' });
      const res = await t.app.inject({
        method: 'POST',
        url: '/inloggen',
        remoteAddress: PROXY,
        headers: { ...through('192.0.2.1'), cookie: cookiesFrom(page.headers['set-cookie']), 'content-type': 'application/x-www-form-urlencoded' },
        payload: form.toString(),
      });
      assert.equal(res.statusCode, 400, 'a wrong password is answered on the form');
      const rows = await t.database.db.selectFrom('audit_event').select(['ip']).where('action', '=', 'auth.sign_in').where('object_id', '=', 'nobody@example.org').execute();
      assert.deepEqual(
        rows.map((r) => r.ip),
        ['198.51.100.0/24'],
      );
    });
  });
}

describe('TRUST_PROXY with the proxy address: a client that reaches the app directly (integration)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '2', TRUST_PROXY: PROXY } });
  });
  after(async () => {
    await t.close();
  });

  it('is not believed when it sends its own X-Forwarded-For', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/questions', remoteAddress: '203.0.113.50', headers: { 'x-forwarded-for': `192.0.2.${i + 1}` }, payload: {} });
      codes.push(res.statusCode);
    }
    assert.deepEqual(codes, [400, 400, 429, 429]);
  });
});
