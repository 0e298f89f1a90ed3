import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { cookiesFrom, createTestApp, type TestApp } from '../test/app.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { databaseFromPool } from './db/database.ts';
import { budget } from './platform/rate-limit.ts';

describe('app (integration)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({
      env: { PUBLIC_WRITE_RATE_LIMIT: '3', TRUST_PROXY: '1' },
      prepare(app) {
        app.get('/test/boom', async () => {
          throw new Error('secret internal detail');
        });
        app.get('/api/test/boom', async () => {
          throw new Error('secret internal detail');
        });
        app.get('/test/form', async (_request, reply) => reply.send({ token: reply.csrfToken() }));
        app.post('/test/form', { preHandler: app.csrfProtection }, async () => ({ saved: true }));
        app.post('/api/test/write', { config: budget('reports') }, async () => ({ ok: true }));
      },
    });
  });
  after(async () => {
    await t.close();
  });

  it('serves the home page in Dutch by default, with crisis lines and a strict CSP', async () => {
    const res = await t.app.inject({ url: '/' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /^<!doctype html><html lang="nl">/);
    assert.match(res.body, /Direct hulp nodig\?/);
    assert.match(res.body, /href="tel:112"/);
    assert.match(res.body, /Bron: CBS, PDOK/);
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /style-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.doesNotMatch(res.body, /<script(?![^>]*\bsrc=)/, 'no inline script');
    assert.doesNotMatch(res.body, /\sstyle="/, 'no inline style');
    assert.match(String(res.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });

  it('switches language with ?lang= and remembers it in a cookie', async () => {
    const first = await t.app.inject({ url: '/?lang=en' });
    assert.match(first.body, /<html lang="en">/);
    assert.match(first.body, /Need help right now\?/);
    const cookie = cookiesFrom(first.headers['set-cookie']);
    assert.match(cookie, /lang=en/);
    const next = await t.app.inject({ url: '/direct-hulp', headers: { cookie } });
    assert.match(next.body, /<html lang="en">/);
    const back = await t.app.inject({ url: '/direct-hulp?lang=nl', headers: { cookie } });
    assert.match(back.body, /<html lang="nl">/);
    const bogus = await t.app.inject({ url: '/?lang=xx' });
    assert.match(bogus.body, /<html lang="nl">/);
  });

  it('lists every national line on the crisis page, 112 first', async () => {
    const res = await t.app.inject({ url: '/direct-hulp' });
    const order = [...res.body.matchAll(/data-line="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(order.length, 9);
    assert.equal(order[0], '112');
    assert.match(res.body, /0800-2000/);
  });

  it('serves the footer pages in both languages', async () => {
    for (const path of ['/privacy', '/toegankelijkheid', '/contact']) {
      const nl = await t.app.inject({ url: path });
      const en = await t.app.inject({ url: `${path}?lang=en` });
      assert.equal(nl.statusCode, 200, path);
      assert.equal(en.statusCode, 200, path);
      assert.notEqual(nl.body, en.body);
      assert.ok(nl.body.includes(t.config.contactEmail), `${path} shows the contact address`);
      assert.doesNotMatch(nl.body, /\{email\}|\{siteName\}/);
    }
  });

  it('answers unknown pages with a localised 404 and unknown API paths with problem JSON', async () => {
    const html = await t.app.inject({ url: '/bestaat-niet?lang=en' });
    assert.equal(html.statusCode, 404);
    assert.match(html.body, /This page does not exist/);
    const api = await t.app.inject({ url: '/api/v1/nothing' });
    assert.equal(api.statusCode, 404);
    assert.match(String(api.headers['content-type']), /^application\/problem\+json/);
    assert.equal(api.json().status, 404);
  });

  it('never shows a stack trace or internal message on a server error', async () => {
    const html = await t.app.inject({ url: '/test/boom' });
    assert.equal(html.statusCode, 500);
    assert.match(html.body, /Er ging iets mis/);
    assert.doesNotMatch(html.body, /secret internal detail|at .*\.ts:\d+/);
    const api = await t.app.inject({ url: '/api/test/boom' });
    assert.equal(api.statusCode, 500);
    assert.deepEqual(Object.keys(api.json()).sort(), ['detail', 'instance', 'requestId', 'status', 'title', 'type']);
    assert.doesNotMatch(api.body, /secret internal detail/);
  });

  it('rejects a form post without a valid CSRF token and accepts one with it', async () => {
    const missing = await t.app.inject({ method: 'POST', url: '/test/form', payload: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(missing.statusCode, 403);
    assert.match(missing.body, /Dit formulier is verlopen/);
    const get = await t.app.inject({ url: '/test/form' });
    const cookie = cookiesFrom(get.headers['set-cookie']);
    const token = get.json<{ token: string }>().token;
    const forged = await t.app.inject({
      method: 'POST',
      url: '/test/form',
      payload: `_csrf=${encodeURIComponent(`${token}x`)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    });
    assert.equal(forged.statusCode, 403);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/test/form',
      payload: `_csrf=${encodeURIComponent(token)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    });
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json(), { saved: true });
  });

  it('rate-limits public writes per client', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push((await t.app.inject({ method: 'POST', url: '/api/test/write', remoteAddress: '10.1.2.3', payload: {} })).statusCode);
    }
    assert.deepEqual(codes, [200, 200, 200, 429, 429]);
    const other = await t.app.inject({ method: 'POST', url: '/api/test/write', remoteAddress: '10.9.9.9', payload: {} });
    assert.equal(other.statusCode, 200);
  });

  it('serves hashed assets with a long cache and compresses them', async () => {
    const page = await t.app.inject({ url: '/' });
    const href = /href="(\/assets\/app\.[0-9a-f]{12}\.css)"/.exec(page.body)?.[1];
    assert.ok(href);
    const css = await t.app.inject({ url: href, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(css.statusCode, 200);
    assert.equal(css.headers['content-encoding'], 'gzip');
    assert.match(String(css.headers['cache-control']), /max-age=31536000, immutable/);
    const stale = await t.app.inject({ url: '/assets/app.000000000000.css' });
    assert.equal(stale.statusCode, 404);
  });

  it('sends HSTS only over TLS (behind a trusted proxy)', async () => {
    const plain = await t.app.inject({ url: '/' });
    assert.equal(plain.headers['strict-transport-security'], undefined);
    const tls = await t.app.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } });
    assert.match(String(tls.headers['strict-transport-security']), /max-age=31536000/);
  });

  it('reports health with the database status', async () => {
    const res = await t.app.inject({ url: '/health' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', database: { engine: t.database.engine, status: 'ok' } });
  });
});

describe('health when the database is gone (integration)', () => {
  it('answers 503 when the database server does not answer', async () => {
    // A real pool pointed at a port where no server listens: every query fails to connect.
    const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 500 });
    pool.on('error', () => undefined);
    const app = await buildApp({
      config: loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'off' }),
      database: databaseFromPool(pool, 'postgres'),
      cookieSecret: 'test-secret-that-is-long-enough-for-signing',
    });
    try {
      const res = await app.inject({ url: '/health' });
      assert.equal(res.statusCode, 503);
      assert.deepEqual(res.json(), { status: 'unavailable', database: { engine: 'postgres', status: 'unreachable' } });
    } finally {
      await app.close();
      await pool.end();
    }
  });
});
