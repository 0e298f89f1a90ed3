import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database, Engine } from '../db/database.ts';

/**
 * Load shedding (docs/ARCHITECTURE.md, "Load shedding"): a request that would wait too long is
 * answered 503 with Retry-After before it does any work, instead of waiting until the client
 * gives up. Two queues can hold a request up:
 *
 * - Its turn on the event loop. PGlite runs in this process and blocks the event loop for as
 *   long as a query runs, so a request on PGlite runs from start to end without giving the loop
 *   back. Left alone, the loop runs every readable request back to back, reading no new request
 *   and accepting no connection meanwhile: the queue is then unread sockets that nothing can
 *   count, served in no fair order. So requests start one per turn of the loop (`TurnQueue`),
 *   in the order they came: the queue is in the app, and its wait can be estimated. A request is
 *   shed when the time it has already waited unread (`LoopLag`) and the estimated wait for its
 *   turn pass `waitMs`, or when it has waited longer than that by the time its turn comes.
 * - The pool. When queries leave the event loop free (PostgreSQL; on PGlite a transaction that
 *   awaits other work between its statements), requests wait for a connection instead; over
 *   `dbWaiting` waiting calls, requests are shed.
 */

/**
 * PGlite has one connection, and a request makes a few calls in turn, so a handful of waiting
 * calls already means seconds. A PostgreSQL pool runs its connections side by side on the
 * server, so only a much longer queue means overload.
 */
export const DEFAULT_DB_WAITING: Readonly<Record<Engine, number>> = { pglite: 8, postgres: 50 };

/** Long enough that a retrying client finds the queues drained; short enough for a person. */
export const RETRY_AFTER_SECONDS = 5;

/** How often the event loop is sampled; lateness below this much is not counted as busy. */
const BEAT_MS = 20;

/** Shedding is logged at most this often (ms), with the number shed since. */
const REPORT_MS = 10_000;

/** Weight of the newest turn in the running estimate of what one turn costs. */
const TURN_WEIGHT = 0.2;

/** The waiting-call limit in force: the configured one, the engine's default, or null when off. */
export function dbWaitingLimit(configured: number | 'off' | undefined, engine: Engine): number | null {
  if (configured === 'off') return null;
  return configured ?? DEFAULT_DB_WAITING[engine];
}

/**
 * Never shed: /health has its own ping with a time-out and must say 503 only when the database
 * is down, and the hashed assets are served from memory without the database.
 */
export function isExempt(url: string): boolean {
  return url === '/health' || url.startsWith('/health?') || url.startsWith('/assets/');
}

/**
 * How long the event loop has been kept from its timers: a timer is due every BEAT_MS, and the
 * time it is overdue (now, or when it last ran) is time the loop spent on other work, during
 * which a request that is read now sat unread.
 */
export class LoopLag {
  #lastBeat = performance.now();
  #lateAtLastBeat = 0;
  readonly #timer: NodeJS.Timeout;

  constructor() {
    this.#timer = setInterval(() => {
      const now = performance.now();
      this.#lateAtLastBeat = Math.max(0, now - this.#lastBeat - BEAT_MS);
      this.#lastBeat = now;
      // Timers run before the loop reads sockets, and immediates right after: the lateness
      // counts for the requests that waited through it (read in this turn), not for later ones.
      if (this.#lateAtLastBeat > 0) setImmediate(() => (this.#lateAtLastBeat = 0));
    }, BEAT_MS);
    this.#timer.unref();
  }

  /** A lower bound, in ms, of how long a request that is read now has been kept waiting. */
  busyMs(now = performance.now()): number {
    return Math.max(this.#lateAtLastBeat, now - this.#lastBeat - BEAT_MS);
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}

/**
 * Starts requests one per turn of the event loop (one per setImmediate), first come first
 * served, and keeps a running estimate of what a started request costs the loop, so the wait
 * for a place in the queue is known. It only paces starts: a request that awaits real I/O
 * (PostgreSQL, a file) lets the next one start, so nothing waits for another request to finish.
 */
export class TurnQueue {
  readonly #waiting: { readonly arrivedAt: number; readonly start: (waitedMs: number) => void }[] = [];
  #turnStartedAt: number | null = null;
  #turnMs = 0;
  #scheduled = false;

  /**
   * The loop is doing something else now (reading a request, the next turn), so the request
   * started last has given it back: what it took is its cost. Counting up to the next turn
   * instead would add the cost of the 503s sent in between, and shed more for shedding.
   */
  mark(now = performance.now()): void {
    if (this.#turnStartedAt === null) return;
    this.#turnMs += TURN_WEIGHT * (now - this.#turnStartedAt - this.#turnMs);
    this.#turnStartedAt = null;
  }

  get length(): number {
    return this.#waiting.length;
  }

  /** The estimated wait, in ms, for a request that joins the queue now. */
  expectedWaitMs(): number {
    return (this.#waiting.length + (this.#turnStartedAt === null ? 0 : 1)) * this.#turnMs;
  }

  /** Resolves at the request's turn with how long it has waited since `arrivedAt` (ms). */
  next(arrivedAt: number): Promise<number> {
    return new Promise((start) => {
      this.#waiting.push({ arrivedAt, start });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(this.#turn);
  }

  readonly #turn = (): void => {
    this.#scheduled = false;
    const now = performance.now();
    this.mark(now);
    const next = this.#waiting.shift();
    if (next === undefined) return;
    this.#turnStartedAt = now;
    // The request runs in the microtasks after this callback; the next one a turn later.
    next.start(now - next.arrivedAt);
    this.#schedule();
  };
}

export interface LoadSheddingOptions {
  readonly database: Database;
  /** Shed while more database calls than this wait for a connection; null: never for that. */
  readonly dbWaiting: number | null;
  /** Shed a request that has waited, or would wait, longer than this (ms) for its turn; null: never, and no turns. */
  readonly waitMs: number | null;
  /** Sends the 503 (a localised page or a problem document); Retry-After is already set. */
  readonly reject: (request: FastifyRequest, reply: FastifyReply) => FastifyReply;
}

type ShedReason = 'wait' | 'db_queue' | 'client_gone';

/**
 * Registers the check as an onRequest hook. Register it before any hook that queries the
 * database (the session lookup), so a shed request never touches the database; it runs before
 * body parsing and the handler, so a shed write has stored nothing.
 */
export function registerLoadShedding(app: FastifyInstance, options: LoadSheddingOptions): void {
  const { database, dbWaiting, waitMs, reject } = options;
  if (dbWaiting === null && waitMs === null) return;
  const lag = waitMs === null ? null : new LoopLag();
  const turns = waitMs === null ? null : new TurnQueue();
  if (lag) app.addHook('onClose', async () => lag.stop());

  // At most one warning per REPORT_MS with the count since the last one, not one per request.
  let shedSinceReport = 0;
  let lastReport = Number.NEGATIVE_INFINITY;
  const shedding = (request: FastifyRequest, reply: FastifyReply, reason: ShedReason, waitedMs: number): FastifyReply => {
    shedSinceReport += 1;
    const now = performance.now();
    if (now - lastReport >= REPORT_MS) {
      request.log.warn(
        { shed: shedSinceReport, reason, waitedMs: Math.round(waitedMs), waiting: database.pressure().waiting, queued: turns?.length ?? 0, limits: { waitMs, dbWaiting } },
        'overloaded: shedding load with 503',
      );
      shedSinceReport = 0;
      lastReport = now;
    }
    reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return reject(request, reply);
  };

  app.addHook('onRequest', async (request, reply) => {
    const now = performance.now();
    turns?.mark(now);
    if (isExempt(request.url)) return;
    const unread = lag?.busyMs(now) ?? 0;
    if (waitMs !== null && turns && unread + turns.expectedWaitMs() > waitMs) return shedding(request, reply, 'wait', unread);
    if (dbWaiting !== null && database.pressure().waiting > dbWaiting) return shedding(request, reply, 'db_queue', unread);
    if (turns && waitMs !== null) {
      const waited = await turns.next(now - unread);
      // The estimate can be short (a slow request ahead): the wait itself is the bound.
      if (waited > waitMs) return shedding(request, reply, 'wait', waited);
      // A client that gave up while queued (closed the connection) is not worth a turn.
      if (request.raw.socket?.destroyed === true) return shedding(request, reply, 'client_gone', waited);
    }
  });
}
