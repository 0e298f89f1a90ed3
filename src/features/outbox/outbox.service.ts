import type { Kysely } from 'kysely';
import type { DB, OutboxStatus } from '../../db/schema.ts';
import { recordAudit, type AuditActor } from '../../platform/audit.ts';
import { retryEmail } from '../../platform/mail.ts';
import { findOutboxEmail, listOutbox, readOutboxBody, type OutboxBody, type OutboxRow } from './outbox.repository.ts';

export interface OutboxActor {
  readonly actor: AuditActor;
  readonly ip: string | null;
}

export type RetryOutcome = { kind: 'queued' } | { kind: 'not_found' } | { kind: 'not_failed' };

/** A failed mail goes back in the queue with fresh attempts; the audit row commits with it. */
export async function retryFailedEmail(db: Kysely<DB>, who: OutboxActor, id: string): Promise<RetryOutcome> {
  return db.transaction().execute(async (trx): Promise<RetryOutcome> => {
    const mail = await findOutboxEmail(trx, id);
    if (!mail) return { kind: 'not_found' };
    if (!(await retryEmail(trx, id))) return { kind: 'not_failed' };
    await recordAudit(trx, { actor: who.actor, action: 'outbox.retry', objectType: 'outbox_email', objectId: id, result: 'ok', ip: who.ip, detail: { purpose: mail.purpose, attempts: mail.attempts } });
    return { kind: 'queued' };
  });
}

/**
 * The list shows recipients' addresses: each page read is an audit row, committed before the rows
 * are returned. It names what was listed (filter, page, how many), not the addresses.
 */
export async function listEmails(db: Kysely<DB>, who: OutboxActor, status: OutboxStatus | undefined, page: number): Promise<{ rows: OutboxRow[]; total: number }> {
  return db.transaction().execute(async (trx) => {
    const listed = await listOutbox(trx, status, page);
    await recordAudit(trx, { actor: who.actor, action: 'outbox.list', objectType: 'outbox_email', result: 'ok', ip: who.ip, detail: { status: status ?? null, page, count: listed.rows.length } });
    return listed;
  });
}

/** One mail's page shows its recipient: audited like the list, before it is returned. */
export async function openEmail(db: Kysely<DB>, who: OutboxActor, id: string): Promise<OutboxRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const mail = await findOutboxEmail(trx, id);
    if (mail) await recordAudit(trx, { actor: who.actor, action: 'outbox.read', objectType: 'outbox_email', objectId: id, result: 'ok', ip: who.ip });
    return mail;
  });
}

/** Reading a body is reading personal data: the audit row is written before the body is returned. */
export async function readEmailBody(db: Kysely<DB>, who: OutboxActor, id: string): Promise<OutboxBody | undefined> {
  return db.transaction().execute(async (trx) => {
    const body = await readOutboxBody(trx, id);
    if (body) await recordAudit(trx, { actor: who.actor, action: 'outbox.read_body', objectType: 'outbox_email', objectId: id, result: 'ok', ip: who.ip });
    return body;
  });
}
