import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database, Engine } from '../db/database.ts';

/**
 * Load shedding (docs/ARCHITECTURE.md, "Load shedding"): a request that would wait too long is
 * answered 503 with Retry-After before it does any work, instead of waiting until the client
 * gives up. Two queues can hold a request up:
 *
 * - The event loop. PGlite runs in this process and blocks the event loop for as long as a query
 *   runs; under load the app runs request after request without returning to the loop, and the
 *   next requests wait unread in the sockets, where nothing in the app can count them. What can
 *   be measured is how long the loop has been busy: a request read now has waited at least that
 *   long. Over `busyMs`, requests are shed until the loop has caught up.
 * - The pool. When queries leave the event loop free (PostgreSQL; on PGlite a transaction that
 *   awaits work between its statements), requests are read at once and wait for a connection
 *   instead; over `dbWaiting` waiting calls, requests are shed.
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
 * time it is overdue (now, or when it last ran) is time the loop spent on other work.
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

export interface LoadSheddingOptions {
  readonly database: Database;
  /** Shed while more database calls than this wait for a connection; null: never for that. */
  readonly dbWaiting: number | null;
  /** Shed when the event loop has been busy longer than this (ms); null: never for that. */
  readonly busyMs: number | null;
  /** Sends the 503 (a localised page or a problem document); Retry-After is already set. */
  readonly reject: (request: FastifyRequest, reply: FastifyReply) => FastifyReply;
}

type Verdict = { readonly kind: 'admit' } | { readonly kind: 'shed'; readonly reason: 'event_loop_busy' | 'db_queue'; readonly busyMs: number; readonly waiting: number };

/**
 * Registers the check as an onRequest hook. Register it before any hook that queries the
 * database (the session lookup), so a shed request never touches the database; it runs before
 * body parsing and the handler, so a shed write has stored nothing.
 */
export function registerLoadShedding(app: FastifyInstance, options: LoadSheddingOptions): void {
  const { database, dbWaiting, busyMs, reject } = options;
  if (dbWaiting === null && busyMs === null) return;
  const lag = busyMs === null ? null : new LoopLag();
  if (lag) app.addHook('onClose', async () => lag.stop());

  const judge = (): Verdict => {
    const busy = lag?.busyMs() ?? 0;
    const { waiting } = database.pressure();
    if (busyMs !== null && busy > busyMs) return { kind: 'shed', reason: 'event_loop_busy', busyMs: Math.round(busy), waiting };
    if (dbWaiting !== null && waiting > dbWaiting) return { kind: 'shed', reason: 'db_queue', busyMs: Math.round(busy), waiting };
    return { kind: 'admit' };
  };

  // One warning when shedding starts and one line when it stops, not one per request.
  let shed = 0;
  app.addHook('onRequest', async (request, reply) => {
    if (isExempt(request.url)) return;
    const verdict = judge();
    if (verdict.kind === 'admit') {
      if (shed > 0) {
        request.log.info({ shed }, 'load shedding stopped');
        shed = 0;
      }
      return;
    }
    if (shed === 0) {
      request.log.warn({ reason: verdict.reason, busyMs: verdict.busyMs, waiting: verdict.waiting, limits: { busyMs, dbWaiting } }, 'overloaded: shedding load with 503');
    }
    shed += 1;
    reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return reject(request, reply);
  });
}
