import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { databaseFromPglite, openPostgres, type Database } from '../src/db/database.ts';
import { migrate, readMigrations } from '../src/db/migrate.ts';
import { createPglite } from '../src/db/pglite.ts';
import { projectRoot } from '../src/paths.ts';
import { loadReferenceData, referenceDataHash } from '../src/reference/load-reference.ts';

/**
 * Every integration test gets its own real database, cloned from a template that is migrated and
 * holds the reference data: PGlite in memory by default, PostgreSQL when TEST_DATABASE_URL is set.
 */
export const testDatabaseUrl = process.env['TEST_DATABASE_URL']?.trim() || undefined;

export type TemplateSeed = (database: Database) => Promise<void>;

export interface TemplateOptions {
  /** Names the template; the seed's output is part of what is cached under this name. */
  readonly name: string;
  readonly seed?: TemplateSeed;
  /** Files whose contents the seed depends on (cache key). */
  readonly inputs?: readonly string[];
}

const BASE: TemplateOptions = { name: 'base' };

function templateKey(options: TemplateOptions): string {
  const hash = createHash('sha256');
  for (const m of readMigrations()) hash.update(m.checksum);
  hash.update(referenceDataHash());
  hash.update(options.name);
  for (const file of options.inputs ?? []) hash.update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

async function prepare(database: Database, options: TemplateOptions): Promise<void> {
  const result = await migrate(database.db);
  if (result.kind !== 'ok') throw new Error(`Template migration failed: ${result.kind}`);
  await loadReferenceData(database.db);
  await options.seed?.(database);
}

const cacheDir = path.join(projectRoot, '.tmp', 'test-templates');

async function withFileLock<T>(file: string, fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(file);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${file}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(file, { recursive: true, force: true });
  }
}

async function pgliteTemplate(options: TemplateOptions): Promise<Blob> {
  const file = path.join(cacheDir, `pglite-${options.name}-${templateKey(options)}.tar.gz`);
  if (!fs.existsSync(file)) {
    await withFileLock(`${file}.lock`, async () => {
      if (fs.existsSync(file)) return;
      const pglite = await createPglite();
      const database = databaseFromPglite(pglite);
      await prepare(database, options);
      const dump = await pglite.dumpDataDir('gzip');
      fs.writeFileSync(`${file}.part`, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(`${file}.part`, file);
      await database.close();
    });
  }
  return new Blob([fs.readFileSync(file)]);
}

function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function postgresTemplate(admin: pg.Client, options: TemplateOptions, url: string): Promise<string> {
  const name = `ww_tpl_${options.name}_${templateKey(options)}`;
  // Several test processes start at once; one builds the template, the others wait.
  await admin.query('select pg_advisory_lock(4711)');
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      const building = `${name}_building`;
      await admin.query(`drop database if exists ${building}`);
      await admin.query(`create database ${building}`);
      const database = await openPostgres({ connectionString: databaseUrl(url, building), max: 2 });
      await prepare(database, options);
      await database.close();
      await admin.query(`alter database ${building} rename to ${name}`);
    }
  } finally {
    await admin.query('select pg_advisory_unlock(4711)');
  }
  return name;
}

export interface TestDatabase extends Database {
  /** Drops the database (PostgreSQL) or closes it (PGlite). */
  readonly cleanup: () => Promise<void>;
}

/** `url` defaults to TEST_DATABASE_URL; benchmarks pass their own (or null for PGlite). */
export async function createTestDatabase(options: TemplateOptions = BASE, url: string | null = testDatabaseUrl ?? null): Promise<TestDatabase> {
  if (!url) {
    const database = databaseFromPglite(await createPglite({ loadDataDir: await pgliteTemplate(options) }));
    return { ...database, cleanup: () => database.close() };
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const template = await postgresTemplate(admin, options, url);
    const name = `ww_test_${randomBytes(6).toString('hex')}`;
    await admin.query(`create database ${name} template ${template}`);
    const database = await openPostgres({ connectionString: databaseUrl(url, name), max: 5 });
    return {
      ...database,
      cleanup: async () => {
        await database.close();
        const again = new pg.Client({ connectionString: url });
        await again.connect();
        await again.query(`drop database if exists ${name} with (force)`);
        await again.end();
      },
    };
  } finally {
    await admin.end();
  }
}

export { sql };

/** Template with the demo region (organisations, locations, offerings) on top of the base. */
export async function demoTemplate(): Promise<TemplateOptions> {
  const { demoFiles, seedDemoData } = await import('../src/demo/seed.ts');
  return { name: 'demo', inputs: demoFiles(), seed: async (database) => void (await seedDemoData(database.db)) };
}
