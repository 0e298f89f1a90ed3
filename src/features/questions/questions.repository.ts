import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Audience, DB, QuestionMessageKind, QuestionMessageTable, QuestionStatus, QuestionTable } from '../../db/schema.ts';
import type { InboxFilter } from './questions.input.ts';

/** The only place with SQL for the question desk. */

export type QuestionRow = Selectable<QuestionTable>;
export type MessageRow = Selectable<QuestionMessageTable>;

export interface NewQuestionRow {
  readonly tokenHash: string;
  readonly shortCode: string;
  readonly idempotencyHash: string;
  readonly requestHash: string;
  readonly tokenSealed: string;
  readonly topic: string;
  readonly role: Audience;
  readonly municipalityCode: string | null;
  readonly lang: 'nl' | 'en';
  readonly body: string;
  readonly email: string | null;
}

/** Inserts unless the idempotency key was seen; null means "already there" (the unique index decides, not a check). */
export async function insertQuestion(db: Kysely<DB>, q: NewQuestionRow): Promise<string | null> {
  const row = await db
    .insertInto('question')
    .values({
      token_hash: q.tokenHash,
      short_code: q.shortCode,
      idempotency_hash: q.idempotencyHash,
      request_hash: q.requestHash,
      token_sealed: q.tokenSealed,
      topic: q.topic,
      role: q.role,
      municipality_code: q.municipalityCode,
      lang: q.lang,
      body: q.body,
      email: q.email,
    })
    .onConflict((oc) => oc.column('idempotency_hash').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function shortCodeTaken(db: Kysely<DB>, code: string): Promise<boolean> {
  const row = await db.selectFrom('question').select('id').where('short_code', '=', code).executeTakeFirst();
  return row !== undefined;
}

export async function findByIdempotencyHash(db: Kysely<DB>, hash: string): Promise<QuestionRow | undefined> {
  return db.selectFrom('question').selectAll().where('idempotency_hash', '=', hash).executeTakeFirst();
}

/** Only live questions: a deleted or anonymised one has no token hash any more. */
export async function findByTokenHash(db: Kysely<DB>, hash: string): Promise<QuestionRow | undefined> {
  return db.selectFrom('question').selectAll().where('token_hash', '=', hash).where('anonymised_at', 'is', null).executeTakeFirst();
}

export async function findLiveQuestion(db: Kysely<DB>, id: string): Promise<QuestionRow | undefined> {
  return db.selectFrom('question').selectAll().where('id', '=', id).where('anonymised_at', 'is', null).executeTakeFirst();
}

export async function lockLiveQuestion(db: Kysely<DB>, id: string): Promise<QuestionRow | undefined> {
  return db.selectFrom('question').selectAll().where('id', '=', id).where('anonymised_at', 'is', null).forUpdate().executeTakeFirst();
}

export async function listMessages(db: Kysely<DB>, questionId: string, withNotes: boolean): Promise<(MessageRow & { author_name: string | null })[]> {
  let query = db
    .selectFrom('question_message as m')
    .leftJoin('app_user as u', 'u.id', 'm.author_id')
    .selectAll('m')
    .select('u.display_name as author_name')
    .where('m.question_id', '=', questionId);
  if (!withNotes) query = query.where('m.kind', '!=', 'note');
  return query.orderBy('m.created_at').orderBy('m.id').execute();
}

export async function insertMessage(
  db: Kysely<DB>,
  m: { questionId: string; kind: QuestionMessageKind; authorId: string | null; body: string; serviceIds?: readonly string[] },
): Promise<void> {
  await db
    .insertInto('question_message')
    .values({ question_id: m.questionId, kind: m.kind, author_id: m.authorId, body: m.body, service_ids: [...(m.serviceIds ?? [])] })
    .execute();
}

export async function updateQuestion(db: Kysely<DB>, id: string, set: Updateable<QuestionTable>): Promise<void> {
  await db.updateTable('question').set({ ...set, updated_at: sql`now()` }).where('id', '=', id).execute();
}

export interface InboxRow {
  readonly id: string;
  readonly short_code: string | null;
  readonly topic: string;
  readonly role: Audience;
  readonly municipality_code: string | null;
  readonly status: QuestionStatus;
  readonly created_at: Date;
  readonly updated_at: Date;
  readonly assigned_name: string | null;
}

export async function listInbox(db: Kysely<DB>, filter: InboxFilter, viewerId: string, now: Date, pageSize: number): Promise<{ rows: InboxRow[]; total: number }> {
  let query = db.selectFrom('question as q').leftJoin('app_user as u', 'u.id', 'q.assigned_to').where('q.anonymised_at', 'is', null);
  if (filter.status === 'open') query = query.where('q.status', '!=', 'closed');
  else if (filter.status) query = query.where('q.status', '=', filter.status);
  if (filter.topic) query = query.where('q.topic', '=', filter.topic);
  if (filter.gemeente) query = query.where('q.municipality_code', '=', filter.gemeente);
  if (filter.olderThanDays) query = query.where('q.created_at', '<', new Date(now.getTime() - filter.olderThanDays * 86_400_000));
  if (filter.code) query = query.where('q.short_code', '=', filter.code);
  if (filter.mine) query = query.where('q.assigned_to', '=', viewerId);
  const [rows, count] = await Promise.all([
    query
      .select(['q.id', 'q.short_code', 'q.topic', 'q.role', 'q.municipality_code', 'q.status', 'q.created_at', 'q.updated_at', 'u.display_name as assigned_name'])
      // Oldest waiting first: the desk works from the longest wait down.
      .orderBy('q.created_at', 'asc')
      .orderBy('q.id')
      .limit(pageSize)
      .offset((filter.page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Who can be assigned a question: active accounts whose roles hold 'questions.handle'. */
export async function listHandlers(db: Kysely<DB>): Promise<{ id: string; name: string; email: string }[]> {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name as name', 'email'])
    .where('disabled_at', 'is', null)
    .where(sql<boolean>`roles && array['staff', 'admin']::text[]`)
    .orderBy('display_name')
    .orderBy('email')
    .execute();
}

export interface ServiceLink {
  readonly id: string;
  readonly name_nl: string;
  readonly name_en: string;
}

export async function findServices(db: Kysely<DB>, ids: readonly string[]): Promise<ServiceLink[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('service').select(['id', 'name_nl', 'name_en']).where('id', 'in', [...ids]).execute();
}

export async function searchServices(db: Kysely<DB>, text: string): Promise<ServiceLink[]> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom('service')
    .select(['id', 'name_nl', 'name_en'])
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('name_nl', 'ilike', pattern), eb('name_en', 'ilike', pattern)]))
    .orderBy('name_nl')
    .limit(10)
    .execute();
}

export async function findKindertelefoon(db: Kysely<DB>) {
  return db.selectFrom('crisis_line').selectAll().where('id', '=', 'kindertelefoon').executeTakeFirst();
}

/** Removes every personal field of these questions; the rows stay as anonymous counts. */
export async function anonymiseQuestions(db: Kysely<DB>, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('question_message').where('question_id', 'in', [...ids]).execute();
  await db
    .updateTable('question')
    .set({ body: null, email: null, token_hash: null, token_sealed: null, short_code: null, assigned_to: null, anonymised_at: now })
    .where('id', 'in', [...ids])
    .execute();
}

/** Closed (or deleted) before `closedBefore` and not yet anonymised; at most `limit`, oldest first. */
export async function listExpired(db: Kysely<DB>, closedBefore: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('question')
    .select('id')
    .where('anonymised_at', 'is', null)
    .where('closed_at', '<', closedBefore)
    .orderBy('closed_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** The sealed link only serves a repeat of the same submit; after that window it goes. */
export async function clearSealedTokens(db: Kysely<DB>, createdBefore: Date): Promise<number> {
  const result = await db.updateTable('question').set({ token_sealed: null }).where('token_sealed', 'is not', null).where('created_at', '<', createdBefore).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export const QUESTION_MAIL_PURPOSES = ['question_received', 'question_answered'] as const;

/**
 * Delivered question mails hold the asker's address: once sent or given up, they are kept only
 * briefly for delivery questions, then removed. Returns the deleted ids: their `.eml` files go too.
 */
export async function deleteDeliveredQuestionMails(db: Kysely<DB>, createdBefore: Date): Promise<string[]> {
  const rows = await db
    .deleteFrom('outbox_email')
    .where('purpose', 'in', [...QUESTION_MAIL_PURPOSES])
    .where('status', 'in', ['sent', 'failed'])
    .where('created_at', '<', createdBefore)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Every question mail to this address, whatever its status ("delete my question"); returns the deleted ids. */
export async function deleteQuestionMailsTo(db: Kysely<DB>, to: string): Promise<string[]> {
  const rows = await db.deleteFrom('outbox_email').where('purpose', 'in', [...QUESTION_MAIL_PURPOSES]).where('to_address', '=', to).returning('id').execute();
  return rows.map((r) => r.id);
}
