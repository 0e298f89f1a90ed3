import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { bilingual } from '../../i18n/index.ts';
import { recordAudit, type AuditActor } from '../../platform/audit.ts';
import { queueEmail } from '../../platform/mail.ts';
import { formatCode } from './questions.crypto.ts';
import { nextStatus } from './questions.policy.ts';
import * as repo from './questions.repository.ts';
import { conversationOf, type Conversation } from './questions.service.ts';

/** Use cases of the desk. Every one writes its audit row in the transaction of its change. */

export interface DeskContext {
  readonly db: Kysely<DB>;
  readonly actor: AuditActor;
  readonly ip: string | null;
  readonly siteName: string;
  readonly contactEmail: string;
}

const audit = (ctx: DeskContext, db: Kysely<DB>, action: string, id: string, detail: Record<string, unknown> = {}) =>
  recordAudit(db, { actor: ctx.actor, action, objectType: 'question', objectId: id, result: 'ok', ip: ctx.ip, detail });

/** Opening a question is reading personal data: every opening is an audit row, written before the data leaves. */
export async function openQuestion(ctx: DeskContext, id: string): Promise<Conversation | null> {
  const question = await repo.findLiveQuestion(ctx.db, id);
  if (!question) return null;
  await audit(ctx, ctx.db, 'question.read', id);
  return conversationOf(ctx.db, question, true);
}

export type DeskResult = 'ok' | 'not_found' | 'invalid';

async function withQuestion(ctx: DeskContext, id: string, change: (trx: Kysely<DB>, q: repo.QuestionRow) => Promise<DeskResult>): Promise<DeskResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const question = await repo.lockLiveQuestion(trx, id);
    if (!question) return 'not_found';
    return change(trx, question);
  });
}

export async function assignQuestion(ctx: DeskContext, id: string, assigneeId: string): Promise<DeskResult> {
  const handlers = await repo.listHandlers(ctx.db);
  if (!handlers.some((h) => h.id === assigneeId)) return 'invalid';
  return withQuestion(ctx, id, async (trx, q) => {
    await repo.updateQuestion(trx, id, { assigned_to: assigneeId, status: nextStatus(q.status, 'assign') });
    await audit(ctx, trx, 'question.assign', id, { assignee: assigneeId });
    return 'ok';
  });
}

export async function addNote(ctx: DeskContext, id: string, text: string): Promise<DeskResult> {
  return withQuestion(ctx, id, async (trx) => {
    await repo.insertMessage(trx, { questionId: id, kind: 'note', authorId: ctx.actor.id, body: text });
    await repo.updateQuestion(trx, id, {});
    await audit(ctx, trx, 'question.note', id);
    return 'ok';
  });
}

export interface StaffReply {
  readonly text: string;
  readonly serviceIds: readonly string[];
  readonly waitForAsker: boolean;
}

/**
 * The reply is shown on the private page. The e-mail (when there is an address) says only that
 * there is an answer: no content (a shared mailbox or a lock-screen preview must not show it)
 * and no link (we keep only the link's hash; the asker has it from the first page and mail).
 */
export async function replyToQuestion(ctx: DeskContext, id: string, reply: StaffReply): Promise<DeskResult> {
  const services = await repo.findServices(ctx.db, reply.serviceIds);
  if (services.length !== reply.serviceIds.length) return 'invalid';
  return withQuestion(ctx, id, async (trx, q) => {
    await repo.insertMessage(trx, { questionId: id, kind: 'staff', authorId: ctx.actor.id, body: reply.text, serviceIds: reply.serviceIds });
    const status = nextStatus(q.status, reply.waitForAsker ? 'staff_reply_waiting' : 'staff_reply_answered');
    await repo.updateQuestion(trx, id, { status, closed_at: null, assigned_to: q.assigned_to ?? ctx.actor.id });
    if (q.email && q.short_code) {
      await queueEmail(trx, {
        purpose: 'question_answered',
        to: q.email,
        subject: `${ctx.siteName}: antwoord op je vraag / an answer to your question`,
        text: bilingual((t) => t('questions.mail.answered', { code: formatCode(q.short_code ?? ''), site: ctx.siteName, email: ctx.contactEmail })),
        // Only the code, which opens nothing; the link is not in this mail.
        privateLink: false,
      });
    }
    await audit(ctx, trx, 'question.reply', id, { services: reply.serviceIds.length, status, mailed: q.email !== null });
    return 'ok';
  });
}

export async function closeQuestion(ctx: DeskContext, id: string, now: Date): Promise<DeskResult> {
  return withQuestion(ctx, id, async (trx, q) => {
    if (q.status === 'closed') return 'ok';
    await repo.updateQuestion(trx, id, { status: nextStatus(q.status, 'close'), closed_at: now });
    await audit(ctx, trx, 'question.close', id);
    return 'ok';
  });
}
