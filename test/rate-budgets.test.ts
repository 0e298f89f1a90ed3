import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { csrfTokenIn } from '../src/features/beheer/beheer.testkit.ts';
import { cookiesFrom, createTestApp, type TestApp } from './app.ts';

/** The form and the API of one capability share one budget per client; other capabilities keep theirs. */
describe('rate limits per capability, not per route (integration)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '4' } });
  });
  after(async () => t.close());

  async function viaForm(url: string, page: string, remoteAddress: string) {
    const get = await t.app.inject({ url: page, remoteAddress });
    return t.app.inject({
      method: 'POST',
      url,
      remoteAddress,
      headers: { cookie: cookiesFrom(get.headers['set-cookie']), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrfTokenIn(get.body) }).toString(),
    });
  }

  it('/vraag and /api/v1/questions take from one budget', async () => {
    const client = '198.51.100.30';
    const codes: number[] = [];
    for (let i = 0; i < 2; i++) codes.push((await viaForm('/vraag', '/vraag', client)).statusCode);
    for (let i = 0; i < 2; i++) codes.push((await t.app.inject({ method: 'POST', url: '/api/v1/questions', remoteAddress: client, payload: {} })).statusCode);
    assert.deepEqual(codes, [400, 400, 400, 400], 'four tries in all, each refused on its content');
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/questions', remoteAddress: client, payload: {} })).statusCode, 429);
    assert.equal((await viaForm('/vraag', '/vraag', client)).statusCode, 429);
    // Another capability is not used up by asking questions.
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/spreekuur/bookings', remoteAddress: client, payload: {} })).statusCode, 400);
  });

  it('the booking form and the booking API take from one budget', async () => {
    const client = '198.51.100.31';
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await t.app.inject({ method: 'POST', url: '/api/v1/spreekuur/bookings', remoteAddress: client, payload: {} })).statusCode);
    assert.deepEqual(codes, [400, 400, 400, 400]);
    assert.equal((await viaForm('/spreekuur/boeken', '/vraag', client)).statusCode, 429);
  });
});

describe('a rate-limited route without a budget (integration)', () => {
  it('stops the start, naming the route', async () => {
    await assert.rejects(
      createTestApp({
        prepare(app) {
          app.post('/api/test/unbudgeted', { config: { rateLimit: {} } }, async () => ({ ok: true }));
        },
      }),
      /POST \/api\/test\/unbudgeted is rate-limited without a budget/,
    );
  });
});
