import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { formSession } from '../services/services.fixtures.ts';
import { bookSlot, cancelBooking, findBookingByToken, manageToken, rebookBooking, type BookingContext } from './booking.service.ts';
import { bookedCount, bookingBody, countRows, insertTestSlot, slotMismatches } from './spreekuur.fixtures.ts';

const N = 200;

/** The headline guarantee: a slot is never overbooked, whatever the concurrency (the CHECK on spreekuur_slot). */
describe('spreekuur: 200 concurrent bookings of one slot with capacity 1', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '10000' } });
  });
  after(async () => {
    await t.close();
  });

  function tally(statuses: readonly number[]): Record<number, number> {
    const counts: Record<number, number> = {};
    for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
    return counts;
  }

  it(`in process (inject, ${N} at once): exactly one 201, the rest 409`, async () => {
    const slotId = await insertTestSlot(t.database.db, { capacity: 1 });
    const started = performance.now();
    const responses = await Promise.all(
      Array.from({ length: N }, () => t.app.inject({ method: 'POST', url: '/api/v1/spreekuur/bookings', payload: bookingBody(slotId, randomUUID()) })),
    );
    const ms = Math.round(performance.now() - started);
    const counts = tally(responses.map((r) => r.statusCode));
    console.log(`# spreekuur concurrency (${t.database.engine}, inject): ${JSON.stringify(counts)} in ${ms} ms`);
    assert.deepEqual(counts, { 201: 1, 409: N - 1 });
    assert.equal(await bookedCount(t.database.db, slotId), 1);
    const stored = await t.database.db.selectFrom('spreekuur_booking').select('id').where('slot_id', '=', slotId).execute();
    assert.equal(stored.length, 1);
    const conflict = responses.find((r) => r.statusCode === 409);
    assert.match(String(conflict?.headers['content-type']), /application\/problem\+json/);
  });

  it(`over HTTP against the listening server (${N} fetches at once): exactly one 201, the rest 409`, async () => {
    const slotId = await insertTestSlot(t.database.db, { capacity: 1 });
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const before = await countRows(t.database.db, 'spreekuur_booking');
    const started = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: N }, async () => {
        const res = await fetch(`${base}/api/v1/spreekuur/bookings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bookingBody(slotId, randomUUID())) });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    const ms = Math.round(performance.now() - started);
    const counts = tally(statuses);
    console.log(`# spreekuur concurrency (${t.database.engine}, HTTP): ${JSON.stringify(counts)} in ${ms} ms`);
    assert.deepEqual(counts, { 201: 1, 409: N - 1 });
    assert.equal(await bookedCount(t.database.db, slotId), 1);
    assert.equal((await countRows(t.database.db, 'spreekuur_booking')) - before, 1);
  });

  it('a slot with capacity 3 takes exactly 3 of 50 concurrent bookings', async () => {
    const slotId = await insertTestSlot(t.database.db, { capacity: 3 });
    const responses = await Promise.all(Array.from({ length: 50 }, () => t.app.inject({ method: 'POST', url: '/api/v1/spreekuur/bookings', payload: bookingBody(slotId, randomUUID()) })));
    assert.deepEqual(tally(responses.map((r) => r.statusCode)), { 201: 3, 409: 47 });
    assert.equal(await bookedCount(t.database.db, slotId), 3);
  });

  it('the database itself refuses booked > capacity, whoever writes', async () => {
    const slotId = await insertTestSlot(t.database.db, { capacity: 1 });
    await assert.rejects(
      t.database.db.updateTable('spreekuur_slot').set({ booked: 2 }).where('id', '=', slotId).execute(),
      (error: { constraint?: string }) => error.constraint === 'spreekuur_slot_capacity',
    );
  });
});

const ROUNDS = 60;

/**
 * Book, rebook and cancel at once, through the routes the way a browser or client sends them: the
 * counter of every slot must still equal the bookings holding a seat on it, whatever interleaving
 * the engine chose. Rebooks swap bookings between slots (X→Y while Y→X), which deadlocks when two
 * transactions lock the same two slots in opposite order. On PGlite (one connection) an injected
 * request mostly finishes its lookup and its change before the next one starts, so this mix races
 * on PostgreSQL; the service-path test below makes the same race happen on both engines.
 */
describe('spreekuur: concurrent book, rebook and cancel through the routes keep every slot counter exact', () => {
  let t: TestApp;
  let form: { token: string; cookie: string };
  before(async () => {
    t = await createTestApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '10000' } });
    // The private page carries a form, so it hands out a CSRF session that every request reuses.
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/spreekuur/bookings', payload: bookingBody(await insertTestSlot(t.database.db), randomUUID()) });
    const link = new URL(res.json<{ manageUrl: string }>().manageUrl);
    form = await formSession(t, link.pathname + link.search);
  });
  after(async () => {
    await t.close();
  });

  async function book(slotId: string): Promise<{ status: number; token: string | null }> {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/spreekuur/bookings', payload: bookingBody(slotId, randomUUID()) });
    const url = res.statusCode === 201 ? res.json<{ manageUrl: string }>().manageUrl : '';
    return { status: res.statusCode, token: /sleutel=([A-Za-z0-9_-]{43})/.exec(url)?.[1] ?? null };
  }
  const submit = (url: string, fields: Record<string, string>) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: form.cookie }, payload: { _csrf: form.token, ...fields } }).then((r) => r.statusCode);
  const rebook = (token: string, slotId: string) => submit('/spreekuur/afspraak/verzetten', { sleutel: token, slotId });
  const cancel = (token: string) => submit('/spreekuur/afspraak/annuleren', { sleutel: token });

  it(`${ROUNDS} rounds of mixed operations on small slots: no counter off, no 500`, async () => {
    const statuses: Record<number, number> = {};
    const badRounds: { round: number; mismatches: unknown[] }[] = [];
    const startsAt = Date.now() + 5 * 86_400_000;
    for (let round = 0; round < ROUNDS; round++) {
      const base = startsAt + round * 3_600_000;
      const [x, y, z] = await Promise.all([0, 1, 2].map((i) => insertTestSlot(t.database.db, { capacity: 2, startsAt: new Date(base + i * 1_200_000) })));
      if (!x || !y || !z) throw new Error('slots not created');
      const seeded = [await book(x), await book(y), await book(z), await book(x)];
      const [a, b, c, d] = seeded.map((s) => s.token);
      if (!a || !b || !c || !d) throw new Error(`seed bookings failed: ${JSON.stringify(seeded)}`);
      const operations: (() => Promise<number>)[] = [
        () => rebook(a, y),
        () => rebook(b, x),
        () => cancel(a),
        () => rebook(c, x),
        () => rebook(d, z),
        () => cancel(c),
        () => book(y).then((r) => r.status),
        () => rebook(a, z),
        () => book(x).then((r) => r.status),
        () => cancel(d),
      ];
      // A different start order each round, so the engine sees many interleavings.
      const shift = round % operations.length;
      const ordered = [...operations.slice(shift), ...operations.slice(0, shift)];
      for (const status of await Promise.all(ordered.map((op) => op()))) statuses[status] = (statuses[status] ?? 0) + 1;
      const mismatches = await slotMismatches(t.database.db, [x, y, z]);
      if (mismatches.length > 0) badRounds.push({ round, mismatches });
    }
    console.log(`# spreekuur mixed concurrency (${t.database.engine}): statuses ${JSON.stringify(statuses)}, ${badRounds.length} of ${ROUNDS} rounds with a wrong counter`);
    assert.deepEqual(badRounds, [], 'every slot counter equals its seated bookings after every round');
    assert.deepEqual(
      Object.keys(statuses).filter((s) => Number(s) >= 500),
      [],
      `no server errors (deadlocks among them): ${JSON.stringify(statuses)}`,
    );
    for (const status of Object.keys(statuses)) assert.ok(['200', '201', '303', '409'].includes(status), `unexpected status ${status}`);
    assert.deepEqual(await slotMismatches(t.database.db), [], 'the invariant holds over the whole spreekuur_slot table');
  });
});

/**
 * The same mix on the service path, called the way the routes call it: the booking is looked up by
 * its private link first, then changed. All lookups start before any change, so the race shows on
 * PGlite too (its single connection otherwise lets each injected request finish before the next).
 */
describe('spreekuur: services called like the routes (look up, then change) keep every slot counter exact', () => {
  let t: TestApp;
  let ctx: BookingContext;
  before(async () => {
    t = await createTestApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '10000' } });
    ctx = { db: t.database.db, now: new Date(), secret: 'test-secret-that-is-long-enough-for-signing', mail: { publicUrl: t.config.publicUrl, siteName: t.config.siteName }, ip: null };
  });
  after(async () => {
    await t.close();
  });

  async function book(slotId: string): Promise<string> {
    const outcome = await bookSlot(ctx, { slotId, name: 'J.D.', email: 'ouder@example.org', phone: null, topic: 'parenting_plan', topicNote: null, idempotencyKey: randomUUID() }, 'nl');
    return outcome.kind === 'created' ? manageToken(ctx.secret, outcome.booking.id) : outcome.kind;
  }
  async function rebook(token: string, slotId: string): Promise<string> {
    const booking = await findBookingByToken(ctx.db, token);
    return booking ? (await rebookBooking(ctx, booking, slotId)).kind : 'not_found';
  }
  async function cancel(token: string): Promise<string> {
    const booking = await findBookingByToken(ctx.db, token);
    return booking ? (await cancelBooking(ctx, booking)).kind : 'not_found';
  }

  it(`${ROUNDS} rounds: no counter off, no error`, async () => {
    const outcomes: Record<string, number> = {};
    const badRounds: { round: number; mismatches: unknown[] }[] = [];
    const startsAt = Date.now() + 20 * 86_400_000;
    for (let round = 0; round < ROUNDS; round++) {
      const base = startsAt + round * 3_600_000;
      const [x, y, z] = await Promise.all([0, 1, 2].map((i) => insertTestSlot(t.database.db, { capacity: 2, startsAt: new Date(base + i * 1_200_000) })));
      if (!x || !y || !z) throw new Error('slots not created');
      const [a, b, c, d] = [await book(x), await book(y), await book(z), await book(x)];
      if (!a || !b || !c || !d) throw new Error('seed bookings failed');
      const operations: (() => Promise<string>)[] = [
        () => rebook(a, y),
        () => rebook(b, x),
        () => cancel(a),
        () => rebook(c, x),
        () => rebook(d, z),
        () => cancel(c),
        () => book(y).then((r) => (r.length === 43 ? 'created' : r)),
        () => rebook(a, z),
        () => book(x).then((r) => (r.length === 43 ? 'created' : r)),
        () => cancel(d),
      ];
      const shift = round % operations.length;
      const ordered = [...operations.slice(shift), ...operations.slice(0, shift)];
      const settled = await Promise.allSettled(ordered.map((op) => op()));
      for (const result of settled) {
        const key = result.status === 'fulfilled' ? result.value : `error ${String((result.reason as { code?: unknown }).code ?? result.reason)}`;
        outcomes[key] = (outcomes[key] ?? 0) + 1;
      }
      const mismatches = await slotMismatches(t.database.db, [x, y, z]);
      if (mismatches.length > 0) badRounds.push({ round, mismatches });
    }
    console.log(`# spreekuur mixed concurrency, service path (${t.database.engine}): ${JSON.stringify(outcomes)}, ${badRounds.length} of ${ROUNDS} rounds with a wrong counter`);
    assert.deepEqual(badRounds, [], 'every slot counter equals its seated bookings after every round');
    assert.deepEqual(Object.keys(outcomes).filter((k) => k.startsWith('error')), [], `no errors (deadlocks among them): ${JSON.stringify(outcomes)}`);
    assert.deepEqual(await slotMismatches(t.database.db), [], 'the invariant holds over the whole spreekuur_slot table');
  });

  it(`swapping rebooks (X→Y while Y→X), ${ROUNDS} rounds of 3 pairs: both moves done, no deadlock`, async () => {
    const outcomes: Record<string, number> = {};
    const startsAt = Date.now() + 40 * 86_400_000;
    for (let round = 0; round < ROUNDS; round++) {
      const pairs = await Promise.all(
        [0, 1, 2].map(async (pair) => {
          const at = startsAt + (round * 3 + pair) * 3_600_000;
          const x = await insertTestSlot(t.database.db, { capacity: 2, startsAt: new Date(at) });
          const y = await insertTestSlot(t.database.db, { capacity: 2, startsAt: new Date(at + 1_200_000) });
          return { x, y, a: await book(x), b: await book(y) };
        }),
      );
      const settled = await Promise.allSettled(pairs.flatMap((p) => [rebook(p.a, p.y), rebook(p.b, p.x)]));
      for (const result of settled) {
        const key = result.status === 'fulfilled' ? result.value : `error ${String((result.reason as { code?: unknown }).code ?? result.reason)}`;
        outcomes[key] = (outcomes[key] ?? 0) + 1;
      }
    }
    console.log(`# spreekuur swapping rebooks (${t.database.engine}): ${JSON.stringify(outcomes)}`);
    assert.deepEqual(outcomes, { done: ROUNDS * 6 }, 'every swap is done, none failed (40P01 is a deadlock)');
    assert.deepEqual(await slotMismatches(t.database.db), []);
  });
});
