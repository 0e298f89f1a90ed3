import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { enqueueJob, runDueJobs, type JobHandler } from './jobs.ts';
import { deliverDueEmails, type MailTransport } from './mail.ts';

export interface Schedule {
  readonly kind: string;
  /** Runs once a day at this UTC hour (0–23). */
  readonly dailyAtUtcHour: number;
}

/** Job kinds and daily schedules; features add theirs when they register their routes. */
export class JobRegistry {
  readonly handlers = new Map<string, JobHandler>();
  readonly schedules: Schedule[] = [];

  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    this.handlers.set(kind, handler);
  }

  daily(kind: string, handler: JobHandler, dailyAtUtcHour: number): void {
    this.register(kind, handler);
    this.schedules.push({ kind, dailyAtUtcHour });
  }

  /** The last day each daily job was enqueued by this process, so a tick does not write it again. */
  private readonly enqueuedDay = new Map<string, string>();

  /**
   * Adds today's run of every daily job that is due. The unique key keeps it to one per day
   * across processes; the map only spares this process a write on every tick.
   */
  async enqueueScheduled(db: Kysely<DB>, now: Date): Promise<void> {
    const day = now.toISOString().slice(0, 10);
    for (const schedule of this.schedules) {
      const runAt = new Date(`${day}T${String(schedule.dailyAtUtcHour).padStart(2, '0')}:00:00Z`);
      if (runAt > now || this.enqueuedDay.get(schedule.kind) === day) continue;
      await enqueueJob(db, schedule.kind, { day }, { uniqueKey: `${schedule.kind}:${day}`, runAt });
      this.enqueuedDay.set(schedule.kind, day);
    }
  }
}

export interface WorkerOptions {
  readonly db: Kysely<DB>;
  readonly jobs: JobRegistry;
  readonly transport: MailTransport;
  readonly from: string;
  readonly intervalMs?: number;
  readonly onError: (error: unknown) => void;
}

/** One tick: schedules, then mail, then jobs. Tests call this directly instead of starting a timer. */
export async function workerTick(options: Omit<WorkerOptions, 'onError' | 'intervalMs'>, now: () => Date = () => new Date()): Promise<void> {
  await options.jobs.enqueueScheduled(options.db, now());
  await runDueJobs(options.db, options.jobs.handlers, { now });
  await deliverDueEmails(options.db, options.transport, { from: options.from, now });
}

/** Polls every few seconds; `stop()` waits for a running tick, so shutdown never cuts one off. */
export function startWorker(options: WorkerOptions): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = workerTick(options)
      .catch(options.onError)
      .finally(() => {
        running = undefined;
      });
  }, options.intervalMs ?? 5000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
