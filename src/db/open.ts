import path from 'node:path';
import type { Config } from '../config.ts';
import { ConfigError } from '../config.ts';
import { databaseFromPglite, openPostgres, type Database } from './database.ts';
import { lockDataDir } from './lock.ts';
import { describeMigrateFailure, migrate } from './migrate.ts';
import { createPglite } from './pglite.ts';

export class StartupError extends Error {
  override name = 'StartupError';
}

export interface OpenedDatabase {
  readonly database: Database;
  /** Closes the database and releases the data-directory lock. */
  close(): Promise<void>;
  readonly description: string;
}

function connectionProblem(error: unknown): string {
  const e = error as NodeJS.ErrnoException & { message?: string };
  return e.code ? `${e.code}${e.message ? ` (${e.message})` : ''}` : (e.message ?? String(error));
}

/** Opens the configured engine, takes the PGlite lock, and migrates. */
export async function openConfiguredDatabase(config: Config): Promise<OpenedDatabase> {
  let database: Database;
  let release = async (): Promise<void> => undefined;
  let description: string;
  if (config.databaseUrl) {
    try {
      database = await openPostgres({ connectionString: config.databaseUrl });
    } catch (error) {
      throw new ConfigError('DATABASE_URL', `cannot connect to the PostgreSQL server: ${connectionProblem(error)}`);
    }
    const url = new URL(config.databaseUrl);
    description = `PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } else {
    const lock = await lockDataDir(config.dataDir);
    if (lock.kind === 'held') {
      const holder = lock.pid === null ? 'another process' : `process ${lock.pid}`;
      throw new StartupError(
        `The data directory ${config.dataDir} is in use by ${holder}. Stop that process first, or set DATA_DIR to another directory.`,
      );
    }
    release = lock.release;
    try {
      database = databaseFromPglite(await createPglite({ dataDir: path.join(config.dataDir, 'pglite') }));
    } catch (error) {
      await release();
      throw error;
    }
    description = `PGlite (embedded) in ${config.dataDir}`;
  }
  const close = async () => {
    try {
      await database.close();
    } finally {
      await release();
    }
  };
  try {
    const result = await migrate(database.db);
    if (result.kind !== 'ok') throw new StartupError(describeMigrateFailure(result));
  } catch (error) {
    await close();
    throw error;
  }
  return { database, close, description };
}
