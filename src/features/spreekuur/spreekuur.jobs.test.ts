import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { runDueJobs } from '../../platform/jobs.ts';
import { bookingBody, insertTestSlot } from './spreekuur.fixtures.ts';
import { RETENTION_JOB } from './spreekuur.jobs.ts';

describe('spreekuur jobs: reminder once, never when cancelled; retention keeps counts only', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '10000' } });
  });
  after(async () => {
    await t.close();
  });
  const book = async (slotId: string, email: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/spreekuur/bookings', payload: bookingBody(slotId, randomUUID(), { email }) });
    assert.equal(res.statusCode, 201);
    return res.json<{ id: string; manageUrl: string }>();
  };
  const mails = (to: string, purpose: string) => t.database.db.selectFrom('outbox_email').select('id').where('to_address', '=', to).where('purpose', '=', purpose).execute();

  it('sends the reminder the day before, exactly once, and not for a cancelled booking', async () => {
    const startsAt = new Date(Date.now() + 5 * 86_400_000);
    await book(await insertTestSlot(t.database.db, { startsAt }), 'kept@example.org');
    const cancelled = await book(await insertTestSlot(t.database.db, { startsAt }), 'cancelled@example.org');
    const token = new URL(cancelled.manageUrl).searchParams.get('sleutel');
    const page = await t.app.inject({ url: `/spreekuur/afspraak?sleutel=${token}` });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    const cookie = (page.headers['set-cookie'] as string[] | string | undefined)?.toString().split(';')[0] ?? '';
    const res = await t.app.inject({ method: 'POST', url: '/spreekuur/afspraak/annuleren', headers: { cookie }, payload: { _csrf: csrf, sleutel: token } });
    assert.equal(res.statusCode, 303);
    assert.equal((await mails('cancelled@example.org', 'spreekuur_cancel')).length, 1);

    const dayBefore = new Date(startsAt.getTime() - 60_000);
    await runDueJobs(t.database.db, t.app.jobs.handlers, { now: () => new Date(Date.now() + 86_400_000) });
    assert.equal((await mails('kept@example.org', 'spreekuur_reminder')).length, 0, 'not yet due');
    await runDueJobs(t.database.db, t.app.jobs.handlers, { now: () => dayBefore });
    assert.equal((await mails('kept@example.org', 'spreekuur_reminder')).length, 1);
    assert.equal((await mails('cancelled@example.org', 'spreekuur_reminder')).length, 0);
    // Running the handler again (a retry after a crash) sends nothing more.
    const handler = t.app.jobs.handlers.get('spreekuur.reminder');
    assert.ok(handler);
    const job = await t.database.db.selectFrom('job').select('payload').where('kind', '=', 'spreekuur.reminder').execute();
    for (const j of job) await handler(j.payload, { db: t.database.db, now: dayBefore });
    assert.equal((await mails('kept@example.org', 'spreekuur_reminder')).length, 1);
  });

  it('retention empties personal fields 12 months after the appointment or cancellation, keeps topic, status and dates', async () => {
    const old = await insertTestSlot(t.database.db, { startsAt: new Date(Date.now() + 86_400_000) });
    const recent = await insertTestSlot(t.database.db, { startsAt: new Date(Date.now() + 2 * 86_400_000) });
    const a = await book(old, 'old@example.org');
    const b = await book(recent, 'recent@example.org');
    await t.database.db.updateTable('spreekuur_booking').set({ staff_note: 'Notitie', topic_note: 'Over school' }).execute();
    // Run the daily job 12 months and 1.5 days from now: the first appointment ended over 12 months before.
    const later = new Date();
    later.setUTCMonth(later.getUTCMonth() + 12);
    const now = new Date(later.getTime() + 1.5 * 86_400_000);
    await t.app.jobs.enqueueScheduled(t.database.db, now);
    const summary = await runDueJobs(t.database.db, t.app.jobs.handlers, { now: () => now });
    assert.ok(summary.done >= 1);
    const rows = await t.database.db.selectFrom('spreekuur_booking').selectAll().where('id', 'in', [a.id, b.id]).execute();
    const gone = rows.find((r) => r.id === a.id);
    const stays = rows.find((r) => r.id === b.id);
    assert.ok(gone && stays);
    assert.deepEqual([gone.name, gone.email, gone.phone, gone.topic_note, gone.staff_note, gone.manage_token_hash, gone.request_hash], [null, null, null, null, null, null, null]);
    assert.ok(gone.anonymised_at);
    assert.match(stays.request_hash ?? '', /^[0-9a-f]{64}$/, 'the request hash goes with the personal fields it was made from');
    assert.equal(gone.topic, 'parenting_plan');
    assert.equal(gone.status, 'booked');
    assert.equal(stays.email, 'recent@example.org');
    assert.equal((await t.app.inject({ url: a.manageUrl.replace(/^http:\/\/[^/]+/, '') })).statusCode, 404, 'the private link is dead');
    const jobs = await t.database.db.selectFrom('job').select('status').where('kind', '=', RETENTION_JOB).execute();
    assert.deepEqual(jobs.map((j) => j.status), ['done']);
  });
});
