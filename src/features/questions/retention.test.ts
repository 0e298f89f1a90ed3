import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runDueJobs } from '../../platform/jobs.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { askApi } from './questions.fixtures.ts';
import { RETENTION_JOB } from './questions.routes.ts';

describe('retention of questions', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '1000', RETENTION_MONTHS: '12' } });
  });
  after(async () => t.close());

  it('the daily job removes personal fields 12 months after closing, keeps the counts, and is idempotent', async () => {
    const db = t.database.db;
    const now = new Date('2030-06-15T03:30:00Z');
    const old = (await askApi(t, { email: 'oud@example.org', gemeente: 'GM0518', role: 'youth' })).json;
    const recent = (await askApi(t, { email: 'nieuw@example.org' })).json;
    const open = (await askApi(t, { email: 'open@example.org' })).json;
    await db.insertInto('question_message').values({ question_id: old.id, kind: 'staff', author_id: null, body: 'Een antwoord met details' }).execute();
    await db.updateTable('question').set({ status: 'closed', closed_at: new Date('2029-06-01T00:00:00Z') }).where('id', '=', old.id).execute();
    await db.updateTable('question').set({ status: 'closed', closed_at: new Date('2029-07-01T00:00:00Z') }).where('id', '=', recent.id).execute();

    await db.updateTable('outbox_email').set({ status: 'sent', created_at: new Date('2030-06-01T00:00:00Z') }).where('to_address', '=', 'oud@example.org').execute();
    await t.app.jobs.enqueueScheduled(db, now);
    // Every feature's daily jobs are due now; the questions job must be among those that ran.
    const summary = await runDueJobs(db, t.app.jobs.handlers, { now: () => now });
    assert.equal(summary.failed + summary.retried, 0);
    const ran = await db.selectFrom('job').select('status').where('kind', '=', RETENTION_JOB).execute();
    assert.deepEqual(ran, [{ status: 'done' }]);

    const rows = await db.selectFrom('question').selectAll().execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const gone = byId.get(old.id);
    assert.ok(gone);
    assert.deepEqual([gone.body, gone.email, gone.token_hash, gone.token_sealed, gone.short_code], [null, null, null, null, null]);
    // The anonymous counts stay: topic, municipality, role, dates, status.
    assert.deepEqual([gone.topic, gone.municipality_code, gone.role, gone.status], ['parenting_plan', 'GM0518', 'youth', 'closed']);
    assert.ok(gone.created_at && gone.closed_at && gone.anonymised_at);
    assert.equal((await db.selectFrom('question_message').selectAll().where('question_id', '=', old.id).execute()).length, 0);
    assert.equal(byId.get(recent.id)?.email, 'nieuw@example.org', 'closed less than 12 months ago: kept');
    assert.equal(byId.get(open.id)?.email, 'open@example.org', 'open: kept');
    // The sealed link copy lasts a day only.
    assert.equal(byId.get(open.id)?.token_sealed, null);
    const mails = await db.selectFrom('outbox_email').select('to_address').execute();
    assert.ok(!mails.some((m) => m.to_address === 'oud@example.org'), 'a delivered question mail older than 7 days is removed');
    assert.ok(mails.some((m) => m.to_address === 'nieuw@example.org'), 'a pending one stays');
    const audit = await db.selectFrom('audit_event').selectAll().where('action', '=', 'question.retention').execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.detail['count'], 1);

    const followUp = await t.app.inject({ url: new URL(old.followUpUrl).pathname });
    assert.equal(followUp.statusCode, 404);

    // Again the same day: no second job; a later run finds nothing to do.
    await t.app.jobs.enqueueScheduled(db, now);
    assert.equal((await runDueJobs(db, t.app.jobs.handlers, { now: () => now })).done, 0);
    const tomorrow = new Date('2030-06-16T04:00:00Z');
    await t.app.jobs.enqueueScheduled(db, tomorrow);
    assert.equal((await runDueJobs(db, t.app.jobs.handlers, { now: () => tomorrow })).failed, 0);
    const runs = await db.selectFrom('job').select('status').where('kind', '=', RETENTION_JOB).execute();
    assert.deepEqual(runs, [{ status: 'done' }, { status: 'done' }], 'one run a day');
    assert.equal((await db.selectFrom('audit_event').selectAll().where('action', '=', 'question.retention').execute()).length, 1);
    assert.ok(t.app.jobs.schedules.some((s) => s.kind === RETENTION_JOB));
  });
});
