import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bookedCount, bookingBody, countRows, insertTestSlot } from './spreekuur.fixtures.ts';

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
