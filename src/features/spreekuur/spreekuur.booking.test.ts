import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { formSession } from '../services/services.fixtures.ts';
import { REMINDER_JOB } from './booking.service.ts';
import { unfold } from './ics.ts';
import { bookedCount, bookingBody, countRows, insertTestSlot } from './spreekuur.fixtures.ts';
import { amsterdamDay } from './zoned.ts';

describe('spreekuur: booking by form and API, private link, cancel and rebook', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '10000' } });
  });
  after(async () => {
    await t.close();
  });
  const post = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/spreekuur/bookings', payload });

  it('API: 201 with a manage URL; the same key again gives 200 and the same booking, never a second one', async () => {
    const slotId = await insertTestSlot(t.database.db, { capacity: 2 });
    const key = randomUUID();
    const first = await post(bookingBody(slotId, key));
    assert.equal(first.statusCode, 201);
    const booking = first.json<{ id: string; manageUrl: string; slotId: string }>();
    assert.match(booking.manageUrl, /^http:\/\/localhost:\d+\/spreekuur\/afspraak\?sleutel=[A-Za-z0-9_-]{43}$/);
    const again = await post(bookingBody(slotId, key));
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json(), booking);
    assert.equal(await bookedCount(t.database.db, slotId), 1);
    const row = await t.database.db.selectFrom('spreekuur_booking').select(['manage_token_hash', 'name']).where('id', '=', booking.id).executeTakeFirstOrThrow();
    assert.ok(row.manage_token_hash && !booking.manageUrl.includes(row.manage_token_hash), 'only the hash of the token is stored');
  });

  it('queues a confirmation with a valid .ics and schedules the reminder; audit row without personal data', async () => {
    const slotId = await insertTestSlot(t.database.db);
    const res = await post(bookingBody(slotId, randomUUID(), { email: 'ics@example.org' }));
    assert.equal(res.statusCode, 201);
    const id = res.json<{ id: string }>().id;
    const mail = await t.database.db.selectFrom('outbox_email').selectAll().where('to_address', '=', 'ics@example.org').executeTakeFirstOrThrow();
    assert.equal(mail.purpose, 'spreekuur_confirm');
    assert.match(mail.text_body, /Je afspraak voor het spreekuur staat vast[\s\S]*— English —[\s\S]*Your consultation hour appointment is booked/);
    const attachment = mail.attachments[0];
    assert.ok(attachment);
    assert.equal(attachment.filename, 'afspraak.ics');
    const lines = unfold(Buffer.from(attachment.content, 'base64').toString('utf8'));
    assert.ok(lines.includes(`UID:spreekuur-${id}@localhost`));
    assert.ok(lines.some((l) => /^DTSTART:\d{8}T\d{6}Z$/.test(l)));
    const job = await t.database.db.selectFrom('job').selectAll().where('kind', '=', REMINDER_JOB).execute().then((jobs) => jobs.find((j) => j.payload['bookingId'] === id));
    assert.ok(job, 'reminder job scheduled');
    const audit = await t.database.db.selectFrom('audit_event').selectAll().where('object_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(audit.action, 'booking.create');
    assert.doesNotMatch(JSON.stringify(audit), /ics@example\.org|J\.D\./);
  });

  it('API: 400 per field (problem+json), nothing stored', async () => {
    const before = await countRows(t.database.db, 'spreekuur_booking');
    const res = await post({ slotId: 'x', name: '', topic: 'nope', idempotencyKey: 'short', extra: 1 });
    assert.equal(res.statusCode, 400);
    assert.match(String(res.headers['content-type']), /problem\+json/);
    const errors = res.json<{ errors: Record<string, string> }>().errors;
    for (const field of ['slotId', 'name', 'email', 'topic', 'idempotencyKey', 'extra']) assert.ok(errors[field], `error for ${field}`);
    assert.equal(await countRows(t.database.db, 'spreekuur_booking'), before);
  });

  it('API: a closed, started or unknown slot is a 409', async () => {
    const past = await insertTestSlot(t.database.db, { startsAt: new Date(Date.now() - 3600_000) });
    const closed = await insertTestSlot(t.database.db);
    await t.database.db.updateTable('spreekuur_slot').set({ closed: true }).where('id', '=', closed).execute();
    for (const slotId of [past, closed, randomUUID()]) assert.equal((await post(bookingBody(slotId, randomUUID()))).statusCode, 409);
  });

  it('GET /api/v1/spreekuur/slots lists free slots with remaining places; 400 on bad or too long ranges', async () => {
    const slotId = await insertTestSlot(t.database.db, { capacity: 4, startsAt: new Date(Date.now() + 5 * 86_400_000) });
    const day = amsterdamDay(new Date(Date.now() + 5 * 86_400_000));
    const res = await t.app.inject({ url: `/api/v1/spreekuur/slots?from=${day}&to=${day}` });
    assert.equal(res.statusCode, 200);
    const slot = res.json<{ slots: { id: string; remaining: number }[] }>().slots.find((s) => s.id === slotId);
    assert.equal(slot?.remaining, 4);
    for (const query of ['from=2026-02-30', 'from=2026-01-10&to=2026-01-01', 'from=2026-01-01&to=2026-06-01', 'x=1', 'to=tomorrow']) {
      const bad = await t.app.inject({ url: `/api/v1/spreekuur/slots?${query}` });
      assert.equal(bad.statusCode, 400, query);
    }
  });

  it('form: book, repeat the submit (same key), see the private page, rebook and cancel', async () => {
    const startsAt = new Date(Date.now() + 4 * 86_400_000);
    const slotId = await insertTestSlot(t.database.db, { startsAt });
    const other = await insertTestSlot(t.database.db, { startsAt: new Date(startsAt.getTime() + 3600_000) });
    const day = amsterdamDay(startsAt);
    const s = await formSession(t, `/spreekuur/dag?datum=${day}`);
    const page = await t.app.inject({ url: `/spreekuur/dag?datum=${day}`, headers: { cookie: s.cookie } });
    assert.ok(page.body.includes(`value="${slotId}"`), 'slot offered as a radio button');
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(key);
    const form = { _csrf: s.token, datum: day, slotId, name: 'A.B.', email: '', phone: '06 12345678', topic: 'school', topicNote: 'Over school', consent: 'ja', idempotencyKey: key };
    const booked = await t.app.inject({ method: 'POST', url: '/spreekuur/boeken', headers: { cookie: s.cookie }, payload: form });
    assert.equal(booked.statusCode, 303);
    const again = await t.app.inject({ method: 'POST', url: '/spreekuur/boeken', headers: { cookie: s.cookie }, payload: form });
    assert.equal(again.headers.location, booked.headers.location);
    assert.equal(await bookedCount(t.database.db, slotId), 1);
    const link = String(booked.headers.location);
    const token = /sleutel=([^&]+)/.exec(link)?.[1] ?? '';
    const manage = await t.app.inject({ url: link });
    assert.equal(manage.statusCode, 200);
    assert.match(manage.body, /Je afspraak is gemaakt/);
    assert.equal(manage.headers['cache-control'], 'no-store');

    const m = await formSession(t, link);
    const rebook = await t.app.inject({ method: 'POST', url: '/spreekuur/afspraak/verzetten', headers: { cookie: m.cookie }, payload: { _csrf: m.token, sleutel: token, datum: day, slotId: other } });
    assert.equal(rebook.statusCode, 303);
    assert.equal(await bookedCount(t.database.db, slotId), 0);
    assert.equal(await bookedCount(t.database.db, other), 1);

    const cancel = await t.app.inject({ method: 'POST', url: '/spreekuur/afspraak/annuleren', headers: { cookie: m.cookie }, payload: { _csrf: m.token, sleutel: token } });
    assert.equal(cancel.statusCode, 303);
    assert.equal(await bookedCount(t.database.db, other), 0);
    const after = await t.app.inject({ url: String(cancel.headers.location) });
    assert.match(after.body, /Afgezegd/);
    assert.doesNotMatch(after.body, /Afspraak afzeggen/);
  });

  it('form: errors per field with a summary, values kept, nothing stored; full slot is a 409 page', async () => {
    const slotId = await insertTestSlot(t.database.db);
    const day = amsterdamDay(new Date(Date.now() + 3 * 86_400_000));
    const s = await formSession(t, `/spreekuur/dag?datum=${day}&lang=en`);
    const before = await countRows(t.database.db, 'spreekuur_booking');
    const bad = await t.app.inject({ method: 'POST', url: '/spreekuur/boeken', headers: { cookie: s.cookie }, payload: { _csrf: s.token, datum: day, slotId, name: 'Kept name', idempotencyKey: randomUUID() } });
    assert.equal(bad.statusCode, 400);
    for (const text of ['Fill in an e-mail address or a phone number', 'Choose a topic from the list', 'Give your consent', 'href="#email"', 'value="Kept name"']) assert.ok(bad.body.includes(text), text);
    assert.equal(await countRows(t.database.db, 'spreekuur_booking'), before);
    await t.database.db.updateTable('spreekuur_slot').set({ booked: 1 }).where('id', '=', slotId).execute();
    const full = await t.app.inject({
      method: 'POST',
      url: '/spreekuur/boeken',
      headers: { cookie: s.cookie },
      payload: { _csrf: s.token, datum: day, slotId, name: 'X', email: 'x@example.org', topic: 'school', consent: 'ja', idempotencyKey: randomUUID() },
    });
    assert.equal(full.statusCode, 409);
    assert.match(full.body, /Someone else has just chosen this time/);
  });

  it('an unknown or malformed private link is a 404 page', async () => {
    for (const q of ['', '?sleutel=abc', `?sleutel=${'A'.repeat(43)}`]) assert.equal((await t.app.inject({ url: `/spreekuur/afspraak${q}` })).statusCode, 404);
  });

  it('the OpenAPI document describes both endpoints', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    assert.ok(doc.paths['/api/v1/spreekuur/slots'] && doc.paths['/api/v1/spreekuur/bookings']);
  });
});
