import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { bilingual } from '../../i18n/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import { queueEmail, removeEmailFiles } from '../../platform/mail.ts';
import { formatCode, hashIdempotencyKey, hashRequest, hashToken, newFollowUpToken, newShortCode, sameHash, sealToken, unsealToken } from './questions.crypto.ts';
import type { NewQuestionInput } from './questions.input.ts';
import { askerMayReply, nextStatus } from './questions.policy.ts';
import * as repo from './questions.repository.ts';

/** Use cases of the asker: ask, see the conversation, reply, delete. The desk's are in desk.service.ts. */

export interface AskContext {
  readonly db: Kysely<DB>;
  readonly lang: 'nl' | 'en';
  readonly publicUrl: string;
  readonly siteName: string;
}

export type AskResult =
  | { readonly kind: 'created'; readonly id: string; readonly token: string; readonly code: string; readonly emailed: boolean }
  /** Same idempotency key as an earlier submit: the first question, with its link while it can still be unsealed. */
  | { readonly kind: 'repeated'; readonly id: string; readonly token: string | null; readonly code: string | null; readonly emailed: boolean }
  /** Same key as a question that has since been deleted. */
  | { readonly kind: 'gone'; readonly id: string }
  /** Same key as an earlier, different question (or one from before request hashes): nothing of it is told. */
  | { readonly kind: 'key_reused' };

export function followUpUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/vraag/volg/${token}`;
}

function requestHash(input: NewQuestionInput, lang: 'nl' | 'en'): string {
  return hashRequest(input.idempotencyKey, [input.topic, input.text, input.role, input.gemeente, input.email, lang]);
}

/** The earlier answer, only to a repeat of the same request: the key alone would unseal the link. */
function repeated(row: repo.QuestionRow, key: string, hash: string): AskResult {
  if (!sameHash(row.request_hash, hash)) return { kind: 'key_reused' };
  if (row.anonymised_at) return { kind: 'gone', id: row.id };
  const token = row.token_sealed ? unsealToken(row.token_sealed, key) : null;
  return { kind: 'repeated', id: row.id, token, code: row.short_code, emailed: row.email !== null };
}

async function freeShortCode(db: Kysely<DB>): Promise<string> {
  for (;;) {
    const code = newShortCode();
    if (!(await repo.shortCodeTaken(db, code))) return code;
  }
}

/**
 * Stores a question and, in the same transaction, the e-mail with its link: the caller says
 * "received" only after this returns, i.e. after the commit. The unique idempotency hash decides
 * between two concurrent submits of the same form; the loser returns the winner's question if it
 * asked the same, and `key_reused` if not.
 */
export async function askQuestion(ctx: AskContext, input: NewQuestionInput): Promise<AskResult> {
  const idempotencyHash = hashIdempotencyKey(input.idempotencyKey);
  const hash = requestHash(input, ctx.lang);
  const earlier = await repo.findByIdempotencyHash(ctx.db, idempotencyHash);
  if (earlier) return repeated(earlier, input.idempotencyKey, hash);
  const token = newFollowUpToken();
  const code = await freeShortCode(ctx.db);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await repo.insertQuestion(trx, {
      tokenHash: hashToken(token),
      shortCode: code,
      idempotencyHash,
      requestHash: hash,
      tokenSealed: sealToken(token, input.idempotencyKey),
      topic: input.topic,
      role: input.role,
      municipalityCode: input.gemeente,
      lang: ctx.lang,
      body: input.text,
      email: input.email,
    });
    if (inserted === null) return null;
    if (input.email) {
      await queueEmail(trx, {
        purpose: 'question_received',
        to: input.email,
        subject: `${ctx.siteName}: je vraag / your question`,
        text: bilingual((t) => t('questions.mail.received', { link: followUpUrl(ctx.publicUrl, token), code: formatCode(code), site: ctx.siteName })),
        privateLink: true,
      });
    }
    // No address and no content: the asker is anonymous; the row says which question, not who.
    await recordAudit(trx, { actor: null, action: 'question.create', objectType: 'question', objectId: inserted, result: 'ok', detail: { topic: input.topic, role: input.role } });
    return inserted;
  });
  if (id === null) {
    const winner = await repo.findByIdempotencyHash(ctx.db, idempotencyHash);
    if (!winner) throw new Error('idempotency conflict without a row');
    return repeated(winner, input.idempotencyKey, hash);
  }
  return { kind: 'created', id, token, code, emailed: input.email !== null };
}

export interface Conversation {
  readonly question: repo.QuestionRow;
  readonly messages: Awaited<ReturnType<typeof repo.listMessages>>;
  readonly services: readonly repo.ServiceLink[];
}

export type FollowUp = { readonly kind: 'found'; readonly conversation: Conversation } | { readonly kind: 'not_found' };

async function conversationOf(db: Kysely<DB>, question: repo.QuestionRow, withNotes: boolean): Promise<Conversation> {
  const messages = await repo.listMessages(db, question.id, withNotes);
  const services = await repo.findServices(db, [...new Set(messages.flatMap((m) => m.service_ids))]);
  return { question, messages, services };
}

/** Unknown, deleted and anonymised all look the same: not found. */
export async function openFollowUp(db: Kysely<DB>, token: string): Promise<FollowUp> {
  const question = await repo.findByTokenHash(db, hashToken(token));
  if (!question) return { kind: 'not_found' };
  return { kind: 'found', conversation: await conversationOf(db, question, false) };
}

export { conversationOf };

export type AskerReplyResult = 'sent' | 'not_found' | 'closed';

export async function replyAsAsker(db: Kysely<DB>, token: string, text: string): Promise<AskerReplyResult> {
  return db.transaction().execute(async (trx) => {
    const found = await repo.findByTokenHash(trx, hashToken(token));
    const question = found && (await repo.lockLiveQuestion(trx, found.id));
    if (!question) return 'not_found';
    if (!askerMayReply(question.status)) return 'closed';
    await repo.insertMessage(trx, { questionId: question.id, kind: 'asker', authorId: null, body: text });
    await repo.updateQuestion(trx, question.id, { status: nextStatus(question.status, 'asker_reply') });
    await recordAudit(trx, { actor: null, action: 'question.asker_reply', objectType: 'question', objectId: question.id, result: 'ok' });
    return 'sent';
  });
}

export interface DeleteContext {
  readonly db: Kysely<DB>;
  /** Where the file transport keeps its `.eml` files (they go with their outbox rows). */
  readonly outboxDir: string;
}

/** "Delete my question": every personal field goes now; the anonymous counts row stays. */
export async function deleteAsAsker(ctx: DeleteContext, token: string, now: Date): Promise<'deleted' | 'not_found'> {
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const found = await repo.findByTokenHash(trx, hashToken(token));
    const question = found && (await repo.lockLiveQuestion(trx, found.id));
    if (!question) return { kind: 'not_found' as const };
    await repo.updateQuestion(trx, question.id, { status: 'closed', closed_at: question.closed_at ?? now, deleted_at: now });
    await repo.anonymiseQuestions(trx, [question.id], now);
    // The question mails to this address go too, sent or not: a mail still waiting would only
    // carry the address and a link to a question that no longer exists.
    const mailIds = question.email ? await repo.deleteQuestionMailsTo(trx, question.email) : [];
    await recordAudit(trx, { actor: null, action: 'question.delete', objectType: 'question', objectId: question.id, result: 'ok', detail: { mails: mailIds.length } });
    return { kind: 'deleted' as const, mailIds };
  });
  if (outcome.kind === 'not_found') return 'not_found';
  // After the commit: a file removed for a delete that then rolled back would be a lost mail.
  await removeEmailFiles(ctx.outboxDir, outcome.mailIds);
  return 'deleted';
}
