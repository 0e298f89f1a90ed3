import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/db.ts';
import { enqueueJob, runDueJobs, type JobHandler } from './jobs.ts';
import { deliverDueEmails, fileTransport, MAX_MAIL_ATTEMPTS, purgeOldEmails, queueEmail, retryEmail } from './mail.ts';
import { JobRegistry } from './worker.ts';

describe('e-mail outbox and jobs (integration)', () => {
  let database: TestDatabase;
  let dir: string;
  before(async () => {
    database = await createTestDatabase();
    dir = await mkdtemp(path.join(os.tmpdir(), 'ww-outbox-'));
  });
  after(async () => {
    await database.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a queued mail as an .eml file with its attachment, once', async () => {
    const id = await queueEmail(database.db, {
      purpose: 'test',
      to: 'ouder@example.nl',
      subject: 'Bevestiging — afspraak',
      text: 'Hallo,\n\nTot dan.',
      attachments: [{ filename: 'afspraak.ics', contentType: 'text/calendar', content: Buffer.from('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n').toString('base64') }],
      privateLink: false,
    });
    const first = await deliverDueEmails(database.db, fileTransport(dir), { from: 'wegwijzer@example.org' });
    assert.deepEqual(first, { sent: 1, retried: 0, failed: 0 });
    const again = await deliverDueEmails(database.db, fileTransport(dir), { from: 'wegwijzer@example.org' });
    assert.equal(again.sent, 0);
    assert.deepEqual(await readdir(dir), [`${id}.eml`]);
    const eml = await readFile(path.join(dir, `${id}.eml`), 'utf8');
    assert.match(eml, /^To: ouder@example\.nl$/m);
    assert.match(eml, /^Subject: =\?UTF-8\?/m);
    assert.match(eml, /filename=afspraak\.ics/);
    const row = await database.db.selectFrom('outbox_email').select(['status', 'sent_at']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'sent');
    assert.ok(row.sent_at);
  });

  it('retries a failing mail with backoff, then marks it failed, and an admin can queue it again', async () => {
    const id = await queueEmail(database.db, { purpose: 'test', to: 'x@example.nl', subject: 's', text: 't', privateLink: false });
    const failing = async () => {
      throw new Error('connection refused');
    };
    let clock = Date.now();
    const now = () => new Date(clock);
    const first = await deliverDueEmails(database.db, failing, { from: 'a@b.nl', now });
    assert.deepEqual(first, { sent: 0, retried: 1, failed: 0 });
    assert.equal((await deliverDueEmails(database.db, failing, { from: 'a@b.nl', now })).retried, 0, 'not again before its backoff');
    for (let i = 1; i < MAX_MAIL_ATTEMPTS; i++) {
      clock += 7 * 3600_000;
      await deliverDueEmails(database.db, failing, { from: 'a@b.nl', now });
    }
    const row = await database.db.selectFrom('outbox_email').select(['status', 'attempts', 'last_error']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'failed', attempts: MAX_MAIL_ATTEMPTS, last_error: 'connection refused' });
    assert.equal(await retryEmail(database.db, id), true);
    assert.equal((await deliverDueEmails(database.db, fileTransport(dir), { from: 'a@b.nl' })).sent, 1);
  });

  it('removes sent mail after 30 days and failed mail after 90, nothing pending', async () => {
    const now = new Date();
    const day = 86400_000;
    const ids = await Promise.all(['old-sent', 'new-sent', 'old-failed', 'pending'].map((p) => queueEmail(database.db, { purpose: p, to: 'x@example.nl', subject: 's', text: 't', privateLink: false })));
    const [oldSent, newSent, oldFailed] = ids;
    await database.db.updateTable('outbox_email').set({ status: 'sent', sent_at: new Date(now.getTime() - 31 * day) }).where('id', '=', oldSent ?? '').execute();
    await database.db.updateTable('outbox_email').set({ status: 'sent', sent_at: new Date(now.getTime() - 29 * day) }).where('id', '=', newSent ?? '').execute();
    await database.db.updateTable('outbox_email').set({ status: 'failed' }).where('id', '=', oldFailed ?? '').execute();
    await purgeOldEmails(database.db, now, dir);
    const kept = await database.db.selectFrom('outbox_email').select('purpose').where('id', 'in', ids).orderBy('purpose').execute();
    assert.deepEqual(kept.map((r) => r.purpose), ['new-sent', 'old-failed', 'pending'], 'today only the old sent mail goes');
    await purgeOldEmails(database.db, new Date(now.getTime() + 91 * day), dir);
    const left = await database.db.selectFrom('outbox_email').select('purpose').where('id', 'in', ids).execute();
    assert.deepEqual(left.map((r) => r.purpose), ['pending']);
  });

  it('empties a private-link mail in the statement that marks it sent; other mails keep their body', async () => {
    const ics = [{ filename: 'afspraak.ics', contentType: 'text/calendar', content: Buffer.from('URL:https://x/afspraak?sleutel=abc').toString('base64') }];
    const secret = await queueEmail(database.db, { purpose: 'spreekuur_confirm', to: 'p@example.nl', subject: 's', text: 'link https://x/afspraak?sleutel=abc', attachments: ics, privateLink: true });
    const plain = await queueEmail(database.db, { purpose: 'moderation_result', to: 'q@example.nl', subject: 's', text: 'approved', privateLink: false });
    const at = new Date('2031-01-01T10:00:00Z');
    const sentBodies: string[] = [];
    const summary = await deliverDueEmails(database.db, async (m) => void sentBodies.push(m.text), { from: 'a@b.nl', now: () => at });
    assert.equal(summary.failed + summary.retried, 0);
    assert.ok(sentBodies.includes('link https://x/afspraak?sleutel=abc'), 'the mail itself went out whole');
    const rows = await database.db.selectFrom('outbox_email').selectAll().where('id', 'in', [secret, plain]).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const purged = byId.get(secret);
    assert.deepEqual([purged?.status, purged?.text_body, purged?.attachments, purged?.to_address], ['sent', '', [], 'p@example.nl']);
    assert.equal(purged?.body_purged_at?.getTime(), at.getTime());
    assert.equal(purged?.sent_at?.getTime(), at.getTime());
    assert.deepEqual([byId.get(plain)?.text_body, byId.get(plain)?.body_purged_at], ['approved', null]);
  });

  it('removes the .eml file of each mail it deletes (a missing file is no error), and files whose row is gone', async () => {
    const mailDir = await mkdtemp(path.join(os.tmpdir(), 'ww-outbox-purge-'));
    try {
      const day = 86400_000;
      const now = new Date();
      const [old, kept, noFile] = await Promise.all(['old', 'kept', 'no-file'].map((p) => queueEmail(database.db, { purpose: p, to: 'x@example.nl', subject: 's', text: 't', privateLink: false })));
      assert.ok(old && kept && noFile);
      await deliverDueEmails(database.db, fileTransport(mailDir), { from: 'a@b.nl' });
      await rm(path.join(mailDir, `${noFile}.eml`));
      await database.db.updateTable('outbox_email').set({ sent_at: new Date(now.getTime() - 31 * day) }).where('id', 'in', [old, noFile]).execute();
      // A file left behind by a row deleted earlier (before files were removed with their rows).
      const orphan = '00000000-0000-4000-8000-0000000000aa';
      await writeFile(path.join(mailDir, `${orphan}.eml`), 'To: weg@example.nl\n');
      await writeFile(path.join(mailDir, 'notes.txt'), 'not ours');
      const removed = await purgeOldEmails(database.db, now, mailDir);
      assert.deepEqual(removed.filter((id) => [old, kept, noFile].includes(id)).sort(), [old, noFile].sort());
      const left = await readdir(mailDir);
      assert.ok(left.includes(`${kept}.eml`), 'a mail still in the outbox keeps its file');
      assert.ok(!left.includes(`${old}.eml`) && !left.includes(`${orphan}.eml`));
      assert.ok(left.includes('notes.txt'), 'only .eml files named by an outbox id are touched');
      // With SMTP there is no directory at all: nothing to remove, no error.
      assert.deepEqual(await purgeOldEmails(database.db, now, path.join(mailDir, 'absent')), []);
    } finally {
      await rm(mailDir, { recursive: true, force: true });
    }
  });

  it('runs due jobs once, retries failures, and keeps one job per unique key', async () => {
    const seen: unknown[] = [];
    let failuresLeft = 1;
    const handlers = new Map<string, JobHandler>([
      ['test.ok', async (payload) => void seen.push(payload['n'])],
      [
        'test.flaky',
        async () => {
          if (failuresLeft-- > 0) throw new Error('not yet');
          seen.push('flaky done');
        },
      ],
    ]);
    await enqueueJob(database.db, 'test.ok', { n: 1 }, { uniqueKey: 'k1' });
    await enqueueJob(database.db, 'test.ok', { n: 2 }, { uniqueKey: 'k1' });
    await enqueueJob(database.db, 'test.ok', { n: 3 }, { runAt: new Date(Date.now() + 3600_000) });
    await enqueueJob(database.db, 'test.flaky', {});
    const first = await runDueJobs(database.db, handlers);
    assert.deepEqual(first, { done: 1, failed: 0, retried: 1 });
    assert.deepEqual(seen, [1]);
    const later = await runDueJobs(database.db, handlers, { now: () => new Date(Date.now() + 2 * 3600_000) });
    assert.deepEqual(later, { done: 2, failed: 0, retried: 0 });
    assert.deepEqual(seen.sort(), [1, 3, 'flaky done'].sort());
  });

  it('enqueues each daily job once per day, after its hour', async () => {
    const registry = new JobRegistry();
    registry.daily('test.daily', async () => undefined, 2);
    await registry.enqueueScheduled(database.db, new Date('2026-11-23T01:00:00Z'));
    await registry.enqueueScheduled(database.db, new Date('2026-11-23T02:30:00Z'));
    await registry.enqueueScheduled(database.db, new Date('2026-11-23T05:00:00Z'));
    const rows = await database.db.selectFrom('job').select('unique_key').where('kind', '=', 'test.daily').execute();
    assert.deepEqual(rows.map((r) => r.unique_key), ['test.daily:2026-11-23']);
    assert.throws(() => registry.register('test.daily', async () => undefined), /twice/);
  });
});
