import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { migrationsDir } from '../paths.ts';
import type { DB } from './schema.ts';

export interface MigrationFile {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export type MigrateResult =
  | { readonly kind: 'ok'; readonly applied: readonly number[]; readonly current: number }
  | { readonly kind: 'newer-database'; readonly databaseVersion: number; readonly codeVersion: number }
  | { readonly kind: 'changed-migration'; readonly version: number; readonly name: string };

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;
// Any constant works; it only has to be the same for every instance of this app.
const MIGRATION_LOCK_KEY = 7_205_114;

export function readMigrations(dir: string = migrationsDir): MigrationFile[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return files.map((file, index) => {
    const match = FILE_PATTERN.exec(file);
    if (!match?.[1] || !match[2]) throw new Error(`Migration file name not understood: ${file}`);
    const version = Number(match[1]);
    if (version !== index + 1) throw new Error(`Migrations must be numbered without gaps: ${file}`);
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    return { version, name: match[2], sql: text, checksum: createHash('sha256').update(text).digest('hex') };
  });
}

/** Forward-only: applies each pending migration in its own transaction and records it. */
export async function migrate(db: Kysely<DB>, migrations: readonly MigrationFile[] = readMigrations()): Promise<MigrateResult> {
  await sql`create table if not exists schema_migration (
    version integer primary key,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`.execute(db);
  const codeVersion = migrations.at(-1)?.version ?? 0;
  const applied: number[] = [];
  for (const migration of migrations) {
    const outcome = await db.transaction().execute(async (trx) => {
      // Serialises concurrent starts of several instances against one PostgreSQL server.
      await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
      const rows = await trx.selectFrom('schema_migration').select(['version', 'checksum', 'name']).execute();
      const newest = rows.reduce((max, r) => Math.max(max, r.version), 0);
      if (newest > codeVersion) {
        return { kind: 'newer-database', databaseVersion: newest, codeVersion } as const;
      }
      const done = rows.find((r) => r.version === migration.version);
      if (done) {
        return done.checksum === migration.checksum
          ? ({ kind: 'skip' } as const)
          : ({ kind: 'changed-migration', version: done.version, name: done.name } as const);
      }
      await sql.raw(migration.sql).execute(trx);
      await trx
        .insertInto('schema_migration')
        .values({ version: migration.version, name: migration.name, checksum: migration.checksum })
        .execute();
      return { kind: 'applied' } as const;
    });
    switch (outcome.kind) {
      case 'newer-database':
      case 'changed-migration':
        return outcome;
      case 'applied':
        applied.push(migration.version);
        break;
      case 'skip':
        break;
    }
  }
  if (migrations.length === 0) {
    const newest = await db.selectFrom('schema_migration').select(sql<number>`coalesce(max(version), 0)`.as('v')).executeTakeFirst();
    if ((newest?.v ?? 0) > 0) return { kind: 'newer-database', databaseVersion: newest?.v ?? 0, codeVersion: 0 };
  }
  return { kind: 'ok', applied, current: codeVersion };
}

export function describeMigrateFailure(result: Exclude<MigrateResult, { kind: 'ok' }>): string {
  switch (result.kind) {
    case 'newer-database':
      return `The database was migrated by a newer version of this app (schema ${result.databaseVersion}, this code knows ${result.codeVersion}). Refusing to start: upgrade the app or restore a matching backup.`;
    case 'changed-migration':
      return `Migration ${result.version} (${result.name}) differs from the one applied to this database. Migrations are forward-only: add a new one instead of editing an old one.`;
  }
}
