import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { filesContaining, tablesContaining } from '../../../test/leaks.ts';
import { fileTransport } from '../../platform/mail.ts';
import { workerTick } from '../../platform/worker.ts';
import { formSession } from '../services/services.fixtures.ts';
import { askApi, followUpPath } from './questions.fixtures.ts';
import { RETENTION_JOB } from './questions.routes.ts';

/**
 * The first mail of a question carries the private link. Once sent, no table may hold the link;
 * after "delete my question" or retention, neither the address nor the link may be anywhere in
 * the database or under DATA_DIR (where the file transport writes its .eml files).
 */
describe('the private question link does not outlive the question', () => {
  let t: TestApp;
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ww-private-link-'));
    t = await createTestApp({ env: { PUBLIC_WRITE_RATE_LIMIT: '1000', RETENTION_MONTHS: '12', DATA_DIR: dataDir } });
  });
  after(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const tick = (now?: () => Date) => workerTick({ db: t.database.db, jobs: t.app.jobs, transport: fileTransport(t.config.outboxDir), from: t.config.mailFrom }, now);
  // PGlite keeps its pages and WAL in DATA_DIR/pglite, where deleted bytes may linger until they are
  // overwritten: that is the engine's business, so the file scan leaves its directory out. (The test
  // database itself lives in memory or on the PostgreSQL server, not here.)
  const leftInFiles = (needles: readonly string[]) => filesContaining(dataDir, needles, [path.join(dataDir, 'pglite')]);
  const leftInTables = (needles: readonly string[]) => tablesContaining(t.database.db, needles);

  async function ask(email: string) {
    const { res, json } = await askApi(t, { email });
    assert.equal(res.statusCode, 201);
    const token = json.followUpUrl.split('/').pop() ?? '';
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    return { id: json.id, token, path: followUpPath(json.followUpUrl) };
  }

  async function deleteMyQuestion(followUp: string) {
    const s = await formSession(t, followUp);
    const res = await t.app.inject({ method: 'POST', url: `${followUp}/verwijderen`, headers: { cookie: s.cookie }, payload: { _csrf: s.token, confirm: 'yes' } });
    assert.equal(res.statusCode, 200);
  }

  const mailOf = (email: string) => t.database.db.selectFrom('outbox_email').selectAll().where('to_address', '=', email).execute();

  it('the sent mail keeps no body; "delete my question" then removes its row and its .eml file', async () => {
    const email = 'geheim-na@example.org';
    const q = await ask(email);
    // The scanners see what is there: the address in the question and the mail, the link in the mail.
    const queued = await leftInTables([email, q.token]);
    assert.ok(queued.some((l) => l.where === 'question' && l.needle === email));
    assert.ok(queued.some((l) => l.where === 'outbox_email' && l.needle === q.token));

    await tick();
    const [mail] = await mailOf(email);
    assert.ok(mail);
    assert.equal(mail.status, 'sent');
    assert.ok((await readdir(t.config.outboxDir)).includes(`${mail.id}.eml`));
    const written = await leftInFiles([email, q.token]);
    assert.deepEqual(written.map((l) => l.needle).sort(), [email, q.token].sort(), 'the .eml file holds both (the file scan works)');

    // Right after sending: the row says that a mail went out, not what was in it.
    assert.deepEqual(await leftInTables([q.token]), [], 'no table holds the link once the mail is sent');
    assert.equal(mail.text_body, '');
    assert.deepEqual(mail.attachments, []);
    assert.ok(mail.sent_at);
    // What the audit log keeps of it: the anonymous question.create and one outbox.sent row per mail
    // (its id and purpose, no address).
    const sentAudit = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'outbox.sent').where('object_id', '=', mail.id).execute();
    assert.equal(sentAudit.length, 1);
    assert.equal(sentAudit[0]?.detail['purpose'], 'question_received');

    await deleteMyQuestion(q.path);
    assert.deepEqual(await leftInTables([email, q.token]), []);
    assert.deepEqual(await leftInFiles([email, q.token]), []);
    const audit = await t.database.db.selectFrom('audit_event').select('action').where((eb) => eb.or([eb('object_id', '=', q.id), eb('object_id', '=', mail.id)])).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['question.create', 'outbox.sent', 'question.delete'], 'the audit log still shows that a mail was sent');
  });

  it('"delete my question" before the worker ran: the mail is never sent and nothing is left', async () => {
    const email = 'geheim-voor@example.org';
    const q = await ask(email);
    assert.equal((await mailOf(email)).length, 1);
    await deleteMyQuestion(q.path);
    await tick();
    assert.deepEqual(await mailOf(email), []);
    assert.deepEqual(await leftInTables([email, q.token]), []);
    assert.deepEqual(await leftInFiles([email, q.token]), []);
  });

  it('retention after RETENTION_MONTHS removes the address and the link everywhere, files too', async () => {
    const email = 'geheim-bewaard@example.org';
    const q = await ask(email);
    await tick();
    const [mail] = await mailOf(email);
    assert.equal(mail?.status, 'sent');
    assert.equal((await leftInFiles([email])).length, 1);
    // The desk closed the question right away; retention counts from there.
    const closedAt = new Date();
    await t.database.db.updateTable('question').set({ status: 'closed', closed_at: closedAt }).where('id', '=', q.id).execute();

    const later = new Date(closedAt);
    later.setUTCMonth(later.getUTCMonth() + 13);
    later.setUTCHours(4, 0, 0, 0);
    await tick(() => later);
    const ran = await t.database.db.selectFrom('job').select(['kind', 'status']).where('kind', 'in', [RETENTION_JOB, 'outbox.retention']).where('unique_key', 'like', `%${later.toISOString().slice(0, 10)}`).orderBy('kind').execute();
    assert.deepEqual(ran, [{ kind: 'outbox.retention', status: 'done' }, { kind: RETENTION_JOB, status: 'done' }]);

    assert.deepEqual(await leftInTables([email, q.token]), []);
    assert.deepEqual(await leftInFiles([email, q.token]), []);
    const audit = await t.database.db.selectFrom('audit_event').select('action').where('object_id', '=', mail?.id ?? '').execute();
    assert.deepEqual(audit.map((a) => a.action), ['outbox.sent']);
  });
});
