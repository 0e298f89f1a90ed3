import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/app.ts';
import type { Database } from '../db/database.ts';
import { count, VALID } from '../features/questions/questions.fixtures.ts';
import { formSession } from '../features/services/services.fixtures.ts';
import { RETRY_AFTER_SECONDS } from './load-shedding.ts';

/** Yields to the event loop until `done()` holds; the bound only stops a broken run from hanging. */
async function until(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200_000; i++) {
    if (done()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error(`never happened: ${what}`);
}

interface Saturation {
  /** Lets every held and queued call finish, and waits until they have. */
  release(): Promise<void>;
}

/**
 * Makes the database saturated without blocking the event loop: every pool connection is held by
 * an open transaction (one on PGlite, the pool's size on PostgreSQL), and then exactly `waiting`
 * calls wait for a connection.
 */
async function saturate(database: Database, waiting: number): Promise<Saturation> {
  let open = () => undefined as void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const work: Promise<void>[] = [];
  const failures: unknown[] = [];
  // Failures are kept for release(), not left as unhandled rejections.
  const track = (call: Promise<unknown>) => work.push(call.then(() => undefined, (error: unknown) => void failures.push(error)));
  // Take connections until one more has to wait: then the pool is full, and that one waits.
  for (;;) {
    const queued = database.pressure().waiting;
    let holding = false;
    track(
      database.db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        holding = true;
        await gate;
      }),
    );
    await new Promise<void>((resolve) => setImmediate(resolve));
    await until(() => holding || database.pressure().waiting > queued, 'a holder got a connection or queued');
    if (!holding) break;
  }
  const missing = waiting - database.pressure().waiting;
  for (let i = 0; i < missing; i++) track(sql`select 1`.execute(database.db));
  await until(() => database.pressure().waiting === waiting, `${waiting} calls wait`);
  return {
    async release() {
      open();
      await Promise.all(work);
      if (failures.length > 0) throw failures[0];
    },
  };
}

interface Answer {
  readonly res: LightMyRequestResponse;
  /** Whether the answer arrived while the database was still held. */
  readonly whileHeld: boolean;
}

const LIMIT = 3;

describe('load shedding when the database queue is long (integration)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { SHED_DB_WAITING: String(LIMIT), PUBLIC_WRITE_RATE_LIMIT: '1000' } });
  });
  after(async () => t.close());

  it('answers 503 with Retry-After at once beyond the limit (page nl/en, API, form post), never /health or assets', async () => {
    const home = await t.app.inject({ url: '/' });
    const asset = /href="(\/assets\/app\.[0-9a-f]{12}\.css)"/.exec(home.body)?.[1];
    assert.ok(asset);
    const form = await formSession(t, '/vraag');
    const page = await t.app.inject({ url: '/vraag', headers: { cookie: form.cookie } });
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(key);
    const post: InjectOptions = {
      method: 'POST',
      url: '/vraag',
      headers: { cookie: form.cookie },
      payload: { _csrf: form.token, ...VALID, idempotencyKey: key, consent: 'yes', website: '' },
    };
    const questionsBefore = await count(t, 'question');

    const held = await saturate(t.database, LIMIT + 1);
    let holding = true;
    const fire = (options: InjectOptions): Promise<Answer> => t.app.inject(options).then((res) => ({ res, whileHeld: holding }));
    const shed = Promise.all([
      fire({ url: '/zoeken?q=ruzie&gemeente=GM0518' }),
      fire({ url: '/zoeken?q=mediation&lang=en' }),
      fire({ url: '/api/v1/services?q=omgang' }),
      fire(post),
    ]);
    const health = fire({ url: '/health' });
    const css = fire({ url: asset });
    // Shed answers come at once. The deadline only makes a run without shedding fail rather than
    // hang; it is below the PostgreSQL pool's 5 s connection time-out, so the held calls survive.
    await Promise.race([Promise.all([shed, css]), delay(4000)]);
    holding = false;
    await held.release();

    const [nl, en, api, posted] = await shed;
    for (const { res, whileHeld } of [nl, en, api, posted]) {
      assert.equal(res.statusCode, 503);
      assert.equal(whileHeld, true, 'answered before the database was released');
      assert.equal(res.headers['retry-after'], String(RETRY_AFTER_SECONDS));
    }
    assert.match(String(nl.res.headers['content-type']), /^text\/html/);
    assert.match(nl.res.body, /<html lang="nl">/);
    assert.match(nl.res.body, /Het is nu erg druk op de website/);
    assert.match(en.res.body, /<html lang="en">/);
    assert.match(en.res.body, /The website is very busy right now/);
    assert.match(String(api.res.headers['content-type']), /^application\/problem\+json/);
    assert.deepEqual(
      { status: api.res.json().status, title: api.res.json().title, instance: api.res.json().instance },
      { status: 503, title: 'Service Unavailable', instance: '/api/v1/services' },
    );
    assert.match(posted.res.body, /Had je een formulier verstuurd\? Dat is dan niet opgeslagen/);

    const cssAnswer = await css;
    assert.equal(cssAnswer.res.statusCode, 200);
    assert.equal(cssAnswer.whileHeld, true, 'assets do not wait for the database');
    const healthAnswer = await health;
    assert.equal(healthAnswer.whileHeld, false, '/health waited for its ping instead of being shed');
    assert.equal(healthAnswer.res.statusCode, 200);
    assert.equal(healthAnswer.res.json().status, 'ok');

    // The shed post stored nothing; the same post once the queue is short again stores one.
    assert.equal(await count(t, 'question'), questionsBefore);
    const again = await t.app.inject(post);
    assert.equal(again.statusCode, 200);
    assert.equal(await count(t, 'question'), questionsBefore + 1);
  });

  it('admits a request while no more calls wait than the limit', async () => {
    const held = await saturate(t.database, LIMIT);
    let holding = true;
    const answer = t.app.inject({ url: '/zoeken?q=omgangsregeling' }).then((res) => ({ res, whileHeld: holding }));
    // Admitted: its first query joins the queue, one over the limit.
    await until(() => t.database.pressure().waiting > LIMIT, 'the admitted request queued');
    holding = false;
    await held.release();
    const { res, whileHeld } = await answer;
    assert.equal(whileHeld, false);
    assert.equal(res.statusCode, 200);
  });
});

describe('load shedding switched off (integration)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { SHED_DB_WAITING: 'off' } });
  });
  after(async () => t.close());

  it('lets a request wait however long the queue is', async () => {
    const held = await saturate(t.database, 20);
    let holding = true;
    const answer = t.app.inject({ url: '/api/v1/services?q=omgang' }).then((res) => ({ res, whileHeld: holding }));
    await until(() => t.database.pressure().waiting > 20, 'the request queued');
    holding = false;
    await held.release();
    const { res, whileHeld } = await answer;
    assert.equal(whileHeld, false);
    assert.equal(res.statusCode, 200);
  });
});

interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * Writes one HTTP/1.1 request on a connected socket before returning (a socket write goes to the
 * kernel at once), so the server can only read it when its event loop next gets to the sockets.
 */
function send(socket: net.Socket, method: string, path: string, headers: Readonly<Record<string, string>> = {}, body = ''): Promise<RawResponse> {
  const lines = [`${method} ${path} HTTP/1.1`, 'host: 127.0.0.1', 'connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  if (body) lines.push(`content-length: ${Buffer.byteLength(body)}`);
  const chunks: Buffer[] = [];
  const answer = new Promise<RawResponse>((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('error', reject);
    socket.once('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const [statusLine = '', ...headerLines] = text.slice(0, split).split('\r\n');
      const parsed = Object.fromEntries(headerLines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers: parsed, body: text.slice(split + 4) });
    });
  });
  socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`);
  return answer;
}

/**
 * Keeps the event loop busy for at least `ms`, as a slow query does on PGlite (it runs in this
 * process: pg_sleep there blocks the loop like any long query). PostgreSQL's queries leave the
 * loop free, so there the same time of synchronous work stands in for a busy app.
 */
async function blockEventLoop(database: Database, ms: number): Promise<void> {
  if (database.engine === 'pglite') {
    await sql`select pg_sleep(${ms / 1000})`.execute(database.db);
    return;
  }
  const end = performance.now() + ms;
  let spins = 0;
  while (performance.now() < end) spins += 1;
  assert.ok(spins > 0);
}

describe('load shedding when requests wait too long for their turn (integration)', () => {
  const BUSY_MS = 200;
  let t: TestApp;
  let port: number;
  before(async () => {
    t = await createTestApp({
      env: { SHED_WAIT_MS: String(BUSY_MS), PUBLIC_WRITE_RATE_LIMIT: '1000' },
      prepare(app) {
        app.get('/test/slow', async () => {
          await blockEventLoop(app.deps.database, 3 * BUSY_MS);
          return { slow: true };
        });
      },
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  after(async () => t.close());

  it('answers 503 with Retry-After to requests that came in while a slow query ran (nl/en page, API, form post), not /health or assets', async () => {
    const home = await t.app.inject({ url: '/' });
    const asset = /href="(\/assets\/app\.[0-9a-f]{12}\.css)"/.exec(home.body)?.[1];
    assert.ok(asset);
    const form = await formSession(t, '/vraag');
    const page = await t.app.inject({ url: '/vraag', headers: { cookie: form.cookie } });
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(key);
    const fields = { _csrf: form.token, ...VALID, idempotencyKey: key, consent: 'yes', website: '' };
    const body = new URLSearchParams(fields).toString();
    const questionsBefore = await count(t, 'question');

    let accepted = 0;
    t.app.server.on('connection', () => (accepted += 1));
    const sockets = await Promise.all(Array.from({ length: 6 }, () => connect(port)));
    // Accepted by the server (not only by the kernel), so it reads them as soon as it can.
    await until(() => accepted === 6, 'the server accepted the connections');
    const [a, b, c, d, e, f] = sockets;
    assert.ok(a && b && c && d && e && f);
    const answers = Promise.all([
      send(a, 'GET', '/zoeken?q=ruzie&gemeente=GM0518'),
      send(b, 'GET', '/zoeken?q=mediation&lang=en'),
      send(c, 'GET', '/api/v1/services?q=omgang'),
      send(d, 'POST', '/vraag', { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body),
      send(e, 'GET', '/health'),
      send(f, 'GET', asset),
    ]);
    // The requests are in the sockets; the server reads them only after this.
    await blockEventLoop(t.database, 3 * BUSY_MS);
    const [nl, en, api, posted, health, css] = await answers;

    for (const res of [nl, en, api, posted]) {
      assert.equal(res.status, 503);
      assert.equal(res.headers['retry-after'], String(RETRY_AFTER_SECONDS));
    }
    assert.match(nl.headers['content-type'] ?? '', /^text\/html/);
    assert.match(nl.body, /<html lang="nl">/);
    assert.match(nl.body, /Het is nu erg druk op de website/);
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /The website is very busy right now/);
    assert.match(api.headers['content-type'] ?? '', /^application\/problem\+json/);
    assert.equal((JSON.parse(api.body) as { status: number }).status, 503);
    assert.match(posted.body, /Had je een formulier verstuurd\? Dat is dan niet opgeslagen/);
    assert.equal(health.status, 200);
    assert.equal(css.status, 200);

    // Nothing was stored; once the loop has caught up the same post is admitted and stores one.
    assert.equal(await count(t, 'question'), questionsBefore);
    const post: InjectOptions = { method: 'POST', url: '/vraag', headers: { cookie: form.cookie }, payload: fields };
    let again = await t.app.inject(post);
    for (let i = 0; i < 50 && again.statusCode === 503; i++) {
      await delay(BUSY_MS / 4);
      again = await t.app.inject(post);
    }
    assert.equal(again.statusCode, 200);
    assert.equal(await count(t, 'question'), questionsBefore + 1);
  });

  it('takes requests in turn, first come first served, and sheds one that waited behind a slow one longer than the limit', async () => {
    const order: string[] = [];
    const fire = (url: string) => t.app.inject({ url }).then((res) => (order.push(url), res));
    const [slow, behind] = await Promise.all([fire('/test/slow'), fire('/api/v1/services?q=omgang')]);
    assert.equal(slow.statusCode, 200);
    assert.equal(behind.statusCode, 503);
    assert.equal(behind.headers['retry-after'], String(RETRY_AFTER_SECONDS));
    assert.deepEqual(order, ['/test/slow', '/api/v1/services?q=omgang']);
  });
});
