import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createTestUser, type TestUser } from '../../../test/auth.ts';
import { ROLES, type Role } from '../../db/schema.ts';
import { formSession } from '../services/services.fixtures.ts';
import { bookingBody, insertTestSlot } from './spreekuur.fixtures.ts';
import { addDays, amsterdamDay } from './zoned.ts';

const GETS = ['/beheer/spreekuur', '/beheer/spreekuur/uitzonderingen', '/beheer/spreekuur/agenda', '/beheer/spreekuur/agenda?weergave=week', '/beheer/spreekuur/afspraak?id=ID'];
const POSTS = ['/beheer/spreekuur/tijden', '/beheer/spreekuur/tijden/beeindigen', '/beheer/spreekuur/uitzonderingen', '/beheer/spreekuur/uitzonderingen/verwijderen', '/beheer/spreekuur/afspraak/status', '/beheer/spreekuur/afspraak/notitie'];

describe('spreekuur back office: hours, exceptions, agenda with audit, and who may use it', () => {
  let t: TestApp;
  let staff: TestUser;
  let bookingId: string;
  before(async () => {
    t = await createTestApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '10000' } });
    staff = await createTestUser(t.database.db, { roles: ['staff'] });
    const slotId = await insertTestSlot(t.database.db);
    // A free slot that day, so its booking form gives a CSRF pair to post with.
    await insertTestSlot(t.database.db, { capacity: 50 });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/spreekuur/bookings', payload: bookingBody(slotId, randomUUID(), { name: 'Agenda Persoon' }) });
    bookingId = res.json<{ id: string }>().id;
  });
  after(async () => {
    await t.close();
  });
  const audits = (action: string) => t.database.db.selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('id').execute();

  it('authorisation matrix: every route × every role; only staff and admin get in', async () => {
    const users = new Map<Role | 'signed-out', string>([['signed-out', '']]);
    for (const role of ROLES) users.set(role, (await createTestUser(t.database.db, { roles: [role] })).cookie);
    for (const [role, cookie] of users) {
      const allowed = role === 'staff' || role === 'admin';
      for (const url of GETS) {
        const res = await t.app.inject({ url: url.replace('ID', bookingId), headers: cookie ? { cookie } : {} });
        const expected = allowed ? 200 : role === 'signed-out' ? 303 : 403;
        assert.equal(res.statusCode, expected, `${role} GET ${url}`);
        if (!allowed) assert.doesNotMatch(res.body, /Agenda Persoon/);
      }
      for (const url of POSTS) {
        // A valid CSRF pair, so the guard (not CSRF) is what decides.
        const s = await formSession(t, `/spreekuur/dag?datum=${amsterdamDay(new Date(Date.now() + 3 * 86_400_000))}`, cookie);
        const res = await t.app.inject({ method: 'POST', url, headers: { cookie: s.cookie }, payload: { _csrf: s.token, id: bookingId, status: 'no_show', note: 'x' } });
        if (allowed) assert.notEqual(res.statusCode, 403, `${role} POST ${url}`);
        else assert.equal(res.statusCode, role === 'signed-out' ? 303 : 403, `${role} POST ${url}`);
      }
    }
    const booking = await t.database.db.selectFrom('spreekuur_booking').select(['status', 'staff_note']).where('id', '=', bookingId).executeTakeFirstOrThrow();
    assert.equal(booking.staff_note, 'x', 'only allowed roles changed it');
    assert.ok((await audits('access.denied')).length > 0);
  });

  it('booking ids in query strings and forms are checked: malformed or unknown is a 404, nothing changes', async () => {
    for (const id of ['nope', "1' or '1'='1", randomUUID()]) {
      assert.equal((await t.app.inject({ url: `/beheer/spreekuur/afspraak?id=${encodeURIComponent(id)}`, headers: { cookie: staff.cookie } })).statusCode, 404);
      const s = await formSession(t, '/beheer/spreekuur', staff.cookie);
      const res = await t.app.inject({ method: 'POST', url: '/beheer/spreekuur/afspraak/status', headers: { cookie: s.cookie }, payload: { _csrf: s.token, id, status: 'attended' } });
      assert.equal(res.statusCode, 404);
    }
  });

  it('creates recurring hours (slots materialised in Amsterdam time), closes a day, lists bookings to contact, audits every write', async () => {
    const from = addDays(amsterdamDay(new Date()), 1);
    const s = await formSession(t, '/beheer/spreekuur', staff.cookie);
    const bad = await t.app.inject({ method: 'POST', url: '/beheer/spreekuur/tijden', headers: { cookie: s.cookie }, payload: { _csrf: s.token, startTime: '13:00', endTime: '12:00' } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Kies minstens één dag[\s\S]*De eindtijd moet na de begintijd liggen/);
    const payload = `_csrf=${encodeURIComponent(s.token)}&weekdays=1&weekdays=2&weekdays=3&weekdays=4&weekdays=5&weekdays=6&weekdays=7&startTime=12:00&endTime=13:00&slotMinutes=20&capacity=2&mode=video&validFrom=${from}&validUntil=${addDays(from, 6)}`;
    const ok = await t.app.inject({ method: 'POST', url: '/beheer/spreekuur/tijden', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload });
    assert.equal(ok.statusCode, 303);
    const slots = await t.database.db.selectFrom('spreekuur_slot').selectAll().where('hours_id', 'is not', null).orderBy('starts_at').execute();
    assert.equal(slots.length, 7 * 3);
    for (const slot of slots) assert.match(new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(slot.starts_at), /^12:(00|20|40)$/);
    const day = amsterdamDay(slots[0]?.starts_at ?? new Date());
    const booked = await t.app.inject({ method: 'POST', url: '/api/v1/spreekuur/bookings', payload: bookingBody(slots[0]?.id ?? '', randomUUID(), { name: 'Te Bellen' }) });
    assert.equal(booked.statusCode, 201);

    const e = await formSession(t, '/beheer/spreekuur/uitzonderingen', staff.cookie);
    const closed = await t.app.inject({ method: 'POST', url: '/beheer/spreekuur/uitzonderingen', headers: { cookie: e.cookie }, payload: { _csrf: e.token, firstDay: day, reason: 'Teamdag' } });
    assert.equal(closed.statusCode, 303);
    const left = await t.database.db.selectFrom('spreekuur_slot').select(['id', 'closed']).where('hours_id', 'is not', null).execute();
    assert.equal(left.length, 7 * 3 - 2, 'free slots of the closed day are gone, the booked one stays');
    assert.ok(left.find((x) => x.id === slots[0]?.id)?.closed);
    const days = await t.app.inject({ url: `/api/v1/spreekuur/slots?from=${day}&to=${day}` });
    assert.equal(days.json<{ slots: unknown[] }>().slots.length, 0);
    const page = await t.app.inject({ url: '/beheer/spreekuur/uitzonderingen', headers: { cookie: staff.cookie } });
    assert.match(page.body, /Te Bellen/);
    for (const action of ['spreekuur.hours.create', 'spreekuur.exception.create']) assert.equal((await audits(action)).length, 1, action);
  });

  it('agenda day and week views write an audit row with the date range; marking attended and notes are audited', async () => {
    const before = (await audits('agenda.read')).length;
    const day = amsterdamDay(new Date(Date.now() + 3 * 86_400_000));
    const dayView = await t.app.inject({ url: `/beheer/spreekuur/agenda?datum=${day}`, headers: { cookie: staff.cookie } });
    assert.equal(dayView.statusCode, 200);
    assert.match(dayView.body, /Agenda Persoon/);
    const week = await t.app.inject({ url: `/beheer/spreekuur/agenda?datum=${day}&weergave=week`, headers: { cookie: staff.cookie } });
    assert.equal(week.statusCode, 200);
    const rows = (await audits('agenda.read')).slice(before);
    assert.equal(rows.length, 2);
    assert.deepEqual([rows[0]?.detail['from'], rows[0]?.detail['to']], [day, day]);
    assert.equal(rows[1]?.detail['view'], 'week');
    assert.equal(rows[0]?.actor_id, staff.id);
    assert.equal((await t.app.inject({ url: '/beheer/spreekuur/agenda?datum=gisteren', headers: { cookie: staff.cookie } })).statusCode, 400);

    const s = await formSession(t, `/beheer/spreekuur/afspraak?id=${bookingId}`, staff.cookie);
    assert.ok((await audits('booking.read')).some((a) => a.object_id === bookingId));
    const res = await t.app.inject({ method: 'POST', url: '/beheer/spreekuur/afspraak/status', headers: { cookie: s.cookie }, payload: { _csrf: s.token, id: bookingId, status: 'attended' } });
    assert.equal(res.statusCode, 303);
    const status = await audits('booking.status');
    assert.ok(status.some((a) => a.object_id === bookingId && a.detail['to'] === 'attended'));
  });
});
