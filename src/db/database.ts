import type { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

export type Engine = 'pglite' | 'postgres';

export interface DatabasePressure {
  /** Database calls (queries and transactions) waiting for a free connection of the pool. */
  readonly waiting: number;
}

/** One interface over both engines: a pg.Pool underneath, Kysely on top. */
export interface Database {
  readonly db: Kysely<DB>;
  readonly engine: Engine;
  /** How far the pool is behind right now; load shedding reads it on every request. */
  pressure(): DatabasePressure;
  /** True when a trivial query answers within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

// Dates stay strings (YYYY-MM-DD) so a date never shifts with the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint counts (count(*)) are small here; numbers are easier to use than strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export function databaseFromPool(pool: pg.Pool, engine: Engine, onClose: () => Promise<void> = async () => undefined): Database {
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    engine,
    // Kysely takes a pool client per query (per transaction), so the pool's queue of pending
    // connect() calls is exactly the work that waits. PGlite's node-postgres adapter is a real
    // pg.Pool with one connection, so the same count holds for both engines.
    pressure: () => ({ waiting: pool.waitingCount }),
    async ping(timeoutMs = 2000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const query = sql`select 1 as ok`
        .execute(db)
        .then(() => true)
        .catch(() => false);
      try {
        return await Promise.race([query, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await onClose();
    },
  };
}

export function databaseFromPglite(pglite: PGlite): Database {
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  return databaseFromPool(pool, 'pglite', () => pglite.close());
}

export interface PostgresOptions {
  readonly connectionString: string;
  readonly max?: number;
}

/** Connects to a PostgreSQL server and fails fast when it cannot be reached. */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return databaseFromPool(pool, 'postgres');
}
