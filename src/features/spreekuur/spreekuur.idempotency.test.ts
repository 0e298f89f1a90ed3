import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { formSession } from '../services/services.fixtures.ts';
import { bookedCount, bookingBody, insertTestSlot } from './spreekuur.fixtures.ts';
import { amsterdamDay } from './zoned.ts';

/**
 * An idempotency key stands for one submit: repeating it gives that booking back, but only to the
 * same request. Someone sending a used key with other details learns nothing of the first booking.
 */
describe('spreekuur: an idempotency key with a different body', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '10000' } });
  });
  after(async () => {
    await t.close();
  });
  const post = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/spreekuur/bookings', payload });
  const keyRows = async (key: string) => (await t.database.db.selectFrom('spreekuur_booking').select('id').where('idempotency_key', '=', key).execute()).length;

  /** Nothing of the first booking: not its id, not its private link or token, not its slot. */
  function assertReveals(body: string, first: { id: string; manageUrl: string; slotId: string }, label: string): void {
    const token = /sleutel=([A-Za-z0-9_-]{43})/.exec(first.manageUrl)?.[1] ?? 'no token';
    for (const secret of [first.id, token, first.manageUrl]) assert.ok(!body.includes(secret), `${label}: leaks ${secret}`);
    assert.doesNotMatch(body, /sleutel=/, `${label}: no private link at all`);
  }

  it('API: the same body again is the same answer (201, then 200); any other body is a 422 problem that reveals nothing', async () => {
    const slotId = await insertTestSlot(t.database.db, { capacity: 5 });
    const otherSlot = await insertTestSlot(t.database.db, { capacity: 5 });
    const key = randomUUID();
    const first = await post(bookingBody(slotId, key, { phone: '06 12345678', topicNote: 'Over school', lang: 'nl' }));
    assert.equal(first.statusCode, 201);
    const booking = first.json<{ id: string; manageUrl: string; slotId: string }>();
    const same = await post(bookingBody(slotId, key, { phone: '06 12345678', topicNote: 'Over school', lang: 'nl' }));
    assert.equal(same.statusCode, 200);
    assert.deepEqual(same.json(), booking);

    const variants: Record<string, Record<string, unknown>> = {
      slot: bookingBody(otherSlot, key, { phone: '06 12345678', topicNote: 'Over school', lang: 'nl' }),
      name: bookingBody(slotId, key, { name: 'Someone Else', phone: '06 12345678', topicNote: 'Over school', lang: 'nl' }),
      email: bookingBody(slotId, key, { email: 'b@example.org', phone: '06 12345678', topicNote: 'Over school', lang: 'nl' }),
      phone: bookingBody(slotId, key, { phone: '06 87654321', topicNote: 'Over school', lang: 'nl' }),
      noPhone: bookingBody(slotId, key, { topicNote: 'Over school', lang: 'nl' }),
      topic: bookingBody(slotId, key, { topic: 'school', phone: '06 12345678', topicNote: 'Over school', lang: 'nl' }),
      topicNote: bookingBody(slotId, key, { phone: '06 12345678', topicNote: 'Over iets anders', lang: 'nl' }),
      lang: bookingBody(slotId, key, { phone: '06 12345678', topicNote: 'Over school', lang: 'en' }),
    };
    for (const [label, payload] of Object.entries(variants)) {
      const res = await post(payload);
      assert.equal(res.statusCode, 422, label);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/, label);
      assert.equal(res.json<{ status: number }>().status, 422);
      assertReveals(res.body, booking, label);
      assert.ok(!res.body.includes(slotId), `${label}: leaks the slot`);
    }
    assert.equal(await bookedCount(t.database.db, slotId), 1);
    assert.equal(await bookedCount(t.database.db, otherSlot), 0);
    assert.equal(await keyRows(key), 1);
    // The refusals changed nothing: the first client still gets its booking back.
    const again = await post(bookingBody(slotId, key, { phone: '06 12345678', topicNote: 'Over school', lang: 'nl' }));
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json(), booking);
  });

  it('API: concurrent first submits with one key and different bodies: one 201, every other a 422 without its link', async () => {
    const slotId = await insertTestSlot(t.database.db, { capacity: 20 });
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => post(bookingBody(slotId, key, { name: `Ouder ${i}` }))));
    const statuses = responses.map((r) => r.statusCode).sort();
    assert.deepEqual(statuses, [201, ...Array<number>(11).fill(422)]);
    const winner = responses.find((r) => r.statusCode === 201)?.json<{ id: string; manageUrl: string; slotId: string }>();
    assert.ok(winner);
    for (const loser of responses.filter((r) => r.statusCode !== 201)) assertReveals(loser.body, winner, 'loser');
    assert.equal(await bookedCount(t.database.db, slotId), 1);
    assert.equal(await keyRows(key), 1);
  });

  async function bookingForm(lang: 'nl' | 'en') {
    const startsAt = new Date(Date.now() + 6 * 86_400_000 + Math.floor(Math.random() * 3_600_000));
    const slotId = await insertTestSlot(t.database.db, { startsAt, capacity: 20 });
    const day = amsterdamDay(startsAt);
    const s = await formSession(t, `/spreekuur/dag?datum=${day}&lang=${lang}`);
    const submit = (fields: Record<string, string>) => t.app.inject({ method: 'POST', url: '/spreekuur/boeken', headers: { cookie: s.cookie }, payload: { _csrf: s.token, ...fields } });
    const form = { datum: day, slotId, name: 'A.B.', email: 'a@example.org', phone: '', topic: 'school', topicNote: 'Over school', consent: 'ja', idempotencyKey: randomUUID() };
    return { slotId, form, submit };
  }

  for (const [lang, notice] of [
    ['nl', 'Dit formulier was al verstuurd'],
    ['en', 'This form had already been sent'],
  ] as const) {
    it(`form (${lang}): the same details again give the same page; other details a 422 form with the typed values, a fresh key and a notice, never the link`, async () => {
      const { slotId, form, submit } = await bookingForm(lang);
      const first = await submit(form);
      assert.equal(first.statusCode, 303);
      const link = String(first.headers.location);
      const id = (await t.database.db.selectFrom('spreekuur_booking').select('id').where('idempotency_key', '=', form.idempotencyKey).executeTakeFirstOrThrow()).id;
      assert.equal((await submit(form)).headers.location, link);

      const other = await submit({ ...form, name: 'Iemand Anders', email: 'anders@example.org' });
      assert.equal(other.statusCode, 422);
      assert.equal(other.headers.location, undefined);
      assertReveals(other.body, { id, manageUrl: link, slotId }, 'form');
      assert.ok(other.body.includes(notice), 'the notice says the form was sent before');
      for (const typed of ['value="Iemand Anders"', 'value="anders@example.org"', 'Over school</textarea>']) assert.ok(other.body.includes(typed), typed);
      const fresh = /name="idempotencyKey" value="([^"]+)"/.exec(other.body)?.[1];
      assert.ok(fresh && fresh !== form.idempotencyKey, 'a fresh key, so sending again makes a new booking');
      assert.equal(await bookedCount(t.database.db, slotId), 1);

      const resent = await submit({ ...form, name: 'Iemand Anders', email: 'anders@example.org', idempotencyKey: fresh });
      assert.equal(resent.statusCode, 303);
      assert.notEqual(resent.headers.location, link);
      assert.equal(await bookedCount(t.database.db, slotId), 2);
    });
  }

  it('form: concurrent first submits with one key and different details: one redirect, every other a 422 without its link', async () => {
    const { slotId, form, submit } = await bookingForm('nl');
    const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => submit({ ...form, name: `Ouder ${i}` })));
    assert.deepEqual(responses.map((r) => r.statusCode).sort(), [303, ...Array<number>(7).fill(422)]);
    const link = String(responses.find((r) => r.statusCode === 303)?.headers.location);
    const id = (await t.database.db.selectFrom('spreekuur_booking').select('id').where('idempotency_key', '=', form.idempotencyKey).executeTakeFirstOrThrow()).id;
    for (const loser of responses.filter((r) => r.statusCode !== 303)) {
      assert.equal(loser.headers.location, undefined);
      assertReveals(loser.body, { id, manageUrl: link, slotId }, 'loser');
    }
    assert.equal(await bookedCount(t.database.db, slotId), 1);
  });
});
