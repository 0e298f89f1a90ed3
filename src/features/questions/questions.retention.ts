import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { removeEmailFiles } from '../../platform/mail.ts';
import { anonymiseQuestions, clearSealedTokens, deleteDeliveredQuestionMails, listExpired } from './questions.repository.ts';

/** A repeat of the same submit can show the link again for this long; then the sealed copy goes. */
export const SEALED_LINK_HOURS = 24;
/** Delivered question mails are kept this long (to answer "did my mail go out?"), then removed with their `.eml` files. */
export const DELIVERED_MAIL_DAYS = 7;
const BATCH = 200;

export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

export interface RetentionSummary {
  readonly anonymised: number;
  readonly sealedCleared: number;
  readonly mailsRemoved: number;
}

/**
 * The daily retention run for questions: personal fields of questions closed more than
 * `retentionMonths` ago are removed in batches (each batch one transaction with its audit row).
 * Idempotent: a second run finds nothing left to do.
 */
export interface RetentionSettings {
  readonly retentionMonths: number;
  /** Where the file transport keeps its `.eml` files. */
  readonly outboxDir: string;
}

export async function runQuestionRetention(db: Kysely<DB>, now: Date, settings: RetentionSettings): Promise<RetentionSummary> {
  const cutoff = monthsBefore(now, settings.retentionMonths);
  let anonymised = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const ids = await listExpired(trx, cutoff, BATCH);
      await anonymiseQuestions(trx, ids, now);
      if (ids.length > 0) {
        await recordAudit(trx, { actor: null, action: 'question.retention', objectType: 'question', result: 'ok', detail: { count: ids.length, closedBefore: cutoff.toISOString() } });
      }
      return ids.length;
    });
    anonymised += done;
    if (done < BATCH) break;
  }
  const sealedCleared = await clearSealedTokens(db, new Date(now.getTime() - SEALED_LINK_HOURS * 3600_000));
  const mailIds = await deleteDeliveredQuestionMails(db, new Date(now.getTime() - DELIVERED_MAIL_DAYS * 86_400_000));
  await removeEmailFiles(settings.outboxDir, mailIds);
  return { anonymised, sealedCleared, mailsRemoved: mailIds.length };
}
