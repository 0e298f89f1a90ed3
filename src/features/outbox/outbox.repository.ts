import { sql, type Kysely } from 'kysely';
import type { DB, OutboxStatus } from '../../db/schema.ts';
import { PAGE_SIZE } from '../beheer/beheer.query.ts';

/** An outbox mail without its body: what the list shows. */
export interface OutboxRow {
  readonly id: string;
  readonly purpose: string;
  readonly to: string;
  readonly subject: string;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
  readonly nextAttemptAt: Date;
  /** Set when the body was removed after sending because it carried a private link. */
  readonly bodyPurgedAt: Date | null;
}

const COLUMNS = ['id', 'purpose', 'to_address', 'subject', 'status', 'attempts', 'last_error', 'created_at', 'sent_at', 'next_attempt_at', 'body_purged_at'] as const;

function toRow(r: {
  id: string;
  purpose: string;
  to_address: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  next_attempt_at: Date;
  body_purged_at: Date | null;
}): OutboxRow {
  return {
    id: r.id,
    purpose: r.purpose,
    to: r.to_address,
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    nextAttemptAt: r.next_attempt_at,
    bodyPurgedAt: r.body_purged_at,
  };
}

function filtered(db: Kysely<DB>, status: OutboxStatus | undefined) {
  const query = db.selectFrom('outbox_email');
  return status ? query.where('status', '=', status) : query;
}

export async function listOutbox(db: Kysely<DB>, status: OutboxStatus | undefined, page: number): Promise<{ rows: OutboxRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, status).select(COLUMNS).orderBy('created_at', 'desc').orderBy('id').limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE).execute(),
    filtered(db, status).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toRow), total: Number(count.n) };
}

export async function findOutboxEmail(db: Kysely<DB>, id: string): Promise<OutboxRow | undefined> {
  const row = await db.selectFrom('outbox_email').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

export type OutboxBody = { readonly kind: 'body'; readonly text: string; readonly attachments: readonly string[] } | { readonly kind: 'purged'; readonly at: Date };

/** The body and attachment names: personal data, read only on an explicit request (and audited by the caller). */
export async function readOutboxBody(db: Kysely<DB>, id: string): Promise<OutboxBody | undefined> {
  const row = await db.selectFrom('outbox_email').select(['text_body', 'attachments', 'body_purged_at']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  if (row.body_purged_at) return { kind: 'purged', at: row.body_purged_at };
  return { kind: 'body', text: row.text_body, attachments: row.attachments.map((a) => a.filename) };
}
