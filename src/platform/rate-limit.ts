/**
 * Rate limits by capability, not by route. A budget is named once here and every route that is
 * the same capability uses it (the form and the API of one write, the steps of one sign-in), so
 * two doors into one thing do not double what a client may do. Counts are kept per process.
 */
export const BUDGETS = [
  'questions',
  'question-replies',
  'bookings',
  'booking-changes',
  'sign-in',
  'password',
  'two-step',
  'reports',
  'freshness',
  'hulpwijzer',
  'open-data',
] as const;
export type Budget = (typeof BUDGETS)[number];

export interface BudgetOptions {
  /** Requests per window; the configured PUBLIC_WRITE_RATE_LIMIT when absent. */
  readonly max?: number;
  readonly timeWindow?: string;
}

/** Route config for a rate-limited route: `{ config: { ...budget('questions') } }`. */
export function budget(name: Budget, options: BudgetOptions = {}): { rateLimit: { groupId: Budget } & BudgetOptions } {
  return { rateLimit: { groupId: name, ...options } };
}

interface Counter {
  current: number;
  startedAt: number;
}

type Callback = (error: Error | null, result: { current: number; ttl: number }) => void;

/**
 * The store behind @fastify/rate-limit: one table for every route (the plugin's own store keeps
 * one per route), keyed by client and budget (the plugin appends the route's groupId to the key).
 * Bounded: the oldest counters go first when it is full.
 */
export class BudgetStore {
  private readonly counters = new Map<string, Counter>();
  private readonly capacity = 20_000;

  incr(key: string, callback: Callback, timeWindow: number): void {
    const now = Date.now();
    let counter = this.counters.get(key);
    if (!counter || counter.startedAt + timeWindow <= now) {
      counter = { current: 0, startedAt: now };
    }
    counter.current += 1;
    // Re-insert so the Map's order is least recently used first.
    this.counters.delete(key);
    this.counters.set(key, counter);
    if (this.counters.size > this.capacity) {
      const oldest = this.counters.keys().next();
      if (!oldest.done) this.counters.delete(oldest.value);
    }
    callback(null, { current: counter.current, ttl: counter.startedAt + timeWindow - now });
  }

  read(key: string, callback: Callback, timeWindow: number): void {
    const now = Date.now();
    const counter = this.counters.get(key);
    if (!counter || counter.startedAt + timeWindow <= now) callback(null, { current: 0, ttl: 0 });
    else callback(null, { current: counter.current, ttl: counter.startedAt + timeWindow - now });
  }

  child(): BudgetStore {
    return this;
  }
}
