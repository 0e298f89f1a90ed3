import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createTestUser, type TestUser } from '../../../test/auth.ts';
import { deliverDueEmails, queueEmail } from '../../platform/mail.ts';
import { formSession, postForm } from '../beheer/beheer.testkit.ts';

describe('e-mail outbox viewer', () => {
  let t: TestApp;
  let admin: TestUser;
  let failedId: string;
  let sentId: string;
  before(async () => {
    t = await createTestApp();
    admin = await createTestUser(t.database.db, { roles: ['admin'] });
    const db = t.database.db;
    failedId = await queueEmail(db, { purpose: 'invite', to: 'kapot@example.org', subject: 'Uitnodiging', text: 'GEHEIME-INHOUD token=abc', privateLink: false });
    await db.updateTable('outbox_email').set({ status: 'failed', attempts: 8, last_error: '550 mailbox unavailable' }).where('id', '=', failedId).execute();
    sentId = await queueEmail(db, { purpose: 'password_reset', to: 'goed@example.org', subject: 'Wachtwoord', text: 'ANDERE-INHOUD', privateLink: false });
    await db.updateTable('outbox_email').set({ status: 'sent', attempts: 1, sent_at: new Date() }).where('id', '=', sentId).execute();
  });
  after(async () => t.close());

  const get = (url: string) => t.app.inject({ url, headers: { cookie: admin.cookie } });

  it('lists status, attempts, last error, purpose and recipient, never bodies; filters by status', async () => {
    const res = await get('/beheer/e-mail');
    assert.equal(res.statusCode, 200);
    for (const text of ['kapot@example.org', 'goed@example.org', '550 mailbox unavailable', 'invite', 'password_reset', 'mislukt', 'verstuurd']) assert.ok(res.body.includes(text), text);
    assert.doesNotMatch(res.body, /GEHEIME-INHOUD|ANDERE-INHOUD/);
    const failed = await get('/beheer/e-mail?status=failed');
    assert.deepEqual([...failed.body.matchAll(/data-email="([^"]+)"/g)].map((m) => m[1]), [failedId]);
    const detail = await get(`/beheer/e-mail/${failedId}`);
    assert.equal(detail.statusCode, 200);
    assert.doesNotMatch(detail.body, /GEHEIME-INHOUD/);
  });

  const auditRows = () => t.database.db.selectFrom('audit_event').selectAll().orderBy('id').execute();

  it('opening the list writes one outbox.list row: filter, page and count, not the addresses', async () => {
    const before = await auditRows();
    const res = await get('/beheer/e-mail?status=failed');
    assert.equal(res.statusCode, 200);
    const added = (await auditRows()).slice(before.length);
    assert.deepEqual(added.map((r) => r.action), ['outbox.list']);
    assert.equal(added[0]?.actor_id, admin.id);
    assert.deepEqual(added[0]?.detail, { status: 'failed', page: 1, count: 1 });
    assert.doesNotMatch(JSON.stringify(added[0]), /kapot@example\.org|goed@example\.org/);
  });

  it('opening a mail writes one outbox.read row naming the mail; an unknown id writes none', async () => {
    const before = await auditRows();
    assert.equal((await get(`/beheer/e-mail/${failedId}`)).statusCode, 200);
    const added = (await auditRows()).slice(before.length);
    assert.deepEqual(added.map((r) => [r.action, r.object_type, r.object_id, r.actor_id]), [['outbox.read', 'outbox_email', failedId, admin.id]]);
    assert.equal((await get('/beheer/e-mail/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    assert.equal((await auditRows()).length, before.length + 1);
  });

  it('shows a body only when asked, and logs that read', async () => {
    const res = await get(`/beheer/e-mail/${sentId}/inhoud`);
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes('ANDERE-INHOUD'));
    const rows = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'outbox.read_body').execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.object_id, sentId);
    assert.equal(rows[0]?.actor_id, admin.id);
    assert.equal((await get('/beheer/e-mail/00000000-0000-4000-8000-000000000000/inhoud')).statusCode, 404);
  });

  it('a mail with a private link has no body once sent; its pages say why, in Dutch and English', async () => {
    const db = t.database.db;
    const id = await queueEmail(db, { purpose: 'invite', to: 'link@example.org', subject: 'Uitnodiging', text: 'LINK-INHOUD /wachtwoord?sleutel=xyz', privateLink: true });
    const sent = await deliverDueEmails(db, async () => undefined, { from: 'wegwijzer@example.org' });
    assert.equal(sent.sent, 1);
    const row = await db.selectFrom('outbox_email').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.status, row.text_body, row.attachments, row.to_address, row.purpose], ['sent', '', [], 'link@example.org', 'invite']);
    const nl = await get(`/beheer/e-mail/${id}/inhoud`);
    assert.equal(nl.statusCode, 200);
    assert.doesNotMatch(nl.body, /LINK-INHOUD/);
    assert.match(nl.body, /De inhoud is na het versturen verwijderd, omdat er een persoonlijke link in stond/);
    const en = await get(`/beheer/e-mail/${id}/inhoud?lang=en`);
    assert.match(en.body, /The content was removed after sending, because it contained a private link/);
    const detail = await get(`/beheer/e-mail/${id}`);
    assert.match(detail.body, /De inhoud is na het versturen verwijderd/);
    assert.doesNotMatch(detail.body, /\/inhoud"/, 'no link to a body that is gone');
  });

  it('puts a failed mail back in the queue, audited; a sent one can not be retried', async () => {
    const s = await formSession(t, admin.cookie, `/beheer/e-mail/${failedId}`);
    const res = await postForm(t, s, `/beheer/e-mail/${failedId}/opnieuw`, {});
    assert.equal(res.statusCode, 303);
    const row = await t.database.db.selectFrom('outbox_email').select(['status', 'attempts']).where('id', '=', failedId).executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'pending', attempts: 0 });
    const audit = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'outbox.retry').execute();
    assert.equal(audit[0]?.object_id, failedId);
    const again = await postForm(t, s, `/beheer/e-mail/${sentId}/opnieuw`, {});
    assert.equal(again.statusCode, 409);
    assert.ok(again.body.includes('Alleen een mislukte e-mail'));
    assert.equal((await postForm(t, s, '/beheer/e-mail/00000000-0000-4000-8000-000000000000/opnieuw', {})).statusCode, 404);
  });
});
