import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordSearchDemand, type SearchDemand } from './search.repository.ts';

export const DEMAND_FLUSH_MS = 5_000;
const MAX_BUFFERED = 500;

/**
 * Anonymous demand signals, written in batches instead of one insert per search page: they are
 * statistics, so losing the last few seconds when the process is killed (not on a normal close,
 * which flushes) is acceptable; a write failure is logged and those signals are dropped.
 */
export class DemandBuffer {
  #entries: SearchDemand[] = [];
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly onError: (error: unknown) => void,
    private readonly flushMs = DEMAND_FLUSH_MS,
  ) {}

  get pending(): number {
    return this.#entries.length;
  }

  add(entry: SearchDemand): void {
    this.#entries.push(entry);
    if (this.#entries.length >= MAX_BUFFERED) {
      void this.flush();
    } else if (this.#timer === undefined) {
      this.#timer = setTimeout(() => void this.flush(), this.flushMs);
      // A buffered statistic must not keep the process alive; close() flushes it.
      this.#timer.unref();
    }
  }

  /** Writes what is buffered; flushes run one after the other. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#entries;
    this.#entries = [];
    this.#flushing = this.#flushing.then(async () => {
      if (batch.length === 0) return;
      try {
        await recordSearchDemand(this.db, batch);
      } catch (error) {
        this.onError(error);
      }
    });
    return this.#flushing;
  }
}
