import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * Durable jobs in one table, polled with FOR UPDATE SKIP LOCKED (see ADR 0003). A job is claimed
 * by moving `locked_until` forward inside a short transaction, then run outside it; a process
 * that dies while running leaves the lock to expire, and the job runs again. Handlers must
 * therefore be idempotent.
 */
export type JobHandler = (payload: Readonly<Record<string, unknown>>, context: { readonly db: Kysely<DB>; readonly now: Date }) => Promise<void>;

export interface EnqueueOptions {
  readonly runAt?: Date;
  /** A second job with the same key is not added (e.g. one retention run per day). */
  readonly uniqueKey?: string;
  readonly maxAttempts?: number;
}

export async function enqueueJob(db: Kysely<DB>, kind: string, payload: Readonly<Record<string, unknown>>, options: EnqueueOptions = {}): Promise<void> {
  await db
    .insertInto('job')
    .values({
      kind,
      payload: JSON.stringify(payload),
      unique_key: options.uniqueKey ?? null,
      // The app's clock, as the runner compares with it (the database's now() is finer than a Date).
      run_at: options.runAt ?? new Date(),
      ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
    })
    .onConflict((oc) => oc.column('unique_key').where('unique_key', 'is not', null).doNothing())
    .execute();
}

const LOCK_SECONDS = 300;

/** Backoff before attempt n+1: 1 min, 4 min, 9 min, … capped at 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(6 * 3600, 60 * attempts * attempts) * 1000;
}

export interface JobRunSummary {
  readonly done: number;
  readonly failed: number;
  readonly retried: number;
}

/** Claims and runs due jobs, one at a time, until none are due or `limit` ran. */
export async function runDueJobs(
  db: Kysely<DB>,
  handlers: ReadonlyMap<string, JobHandler>,
  options: { now?: () => Date; limit?: number } = {},
): Promise<JobRunSummary> {
  const now = options.now ?? (() => new Date());
  const summary = { done: 0, failed: 0, retried: 0 };
  for (let i = 0; i < (options.limit ?? 100); i++) {
    const at = now();
    const job = await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('job')
        .select(['id', 'kind', 'payload', 'attempts', 'max_attempts'])
        .where('status', '=', 'pending')
        .where('run_at', '<=', at)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
        .orderBy('run_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return undefined;
      await trx
        .updateTable('job')
        .set({ locked_until: new Date(at.getTime() + LOCK_SECONDS * 1000), attempts: sql`attempts + 1` })
        .where('id', '=', row.id)
        .execute();
      return row;
    });
    if (!job) break;
    const handler = handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job.payload, { db, now: at });
      await db.updateTable('job').set({ status: 'done', finished_at: now(), locked_until: null, last_error: null }).where('id', '=', job.id).execute();
      summary.done++;
    } catch (error) {
      const attempts = job.attempts + 1;
      const message = error instanceof Error ? error.message : String(error);
      const final = attempts >= job.max_attempts;
      await db
        .updateTable('job')
        .set({
          status: final ? 'failed' : 'pending',
          last_error: message.slice(0, 2000),
          locked_until: null,
          run_at: final ? at : new Date(at.getTime() + retryDelayMs(attempts)),
          finished_at: final ? at : null,
        })
        .where('id', '=', job.id)
        .execute();
      if (final) summary.failed++;
      else summary.retried++;
    }
  }
  return summary;
}
