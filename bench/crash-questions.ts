// kill -9 during N concurrent question submissions, on PGlite and (with --pg URL or TEST_DATABASE_URL) PostgreSQL.
// Usage: npm run crash:questions -- [--n 500] [--pg postgres://postgres@127.0.0.1:55432/dbname]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crashQuestions, printReport } from '../test/questions-crash.ts';
import { createTestDatabase } from '../test/db.ts';
import { sql } from 'kysely';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const n = Number(arg('--n') ?? 500);
const pg = arg('--pg') ?? process.env['TEST_DATABASE_URL'];

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-crash-'));
try {
  printReport(await crashQuestions({ engine: 'pglite', location: dataDir }, n));
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
if (pg) {
  const database = await createTestDatabase(undefined, pg);
  const url = new URL(pg);
  url.pathname = `/${(await sql<{ name: string }>`select current_database() as name`.execute(database.db)).rows[0]?.name ?? ''}`;
  try {
    printReport(await crashQuestions({ engine: 'postgres', location: url.toString() }, n));
  } finally {
    await database.cleanup();
  }
} else {
  process.stdout.write('# PostgreSQL leg skipped: pass --pg URL or set TEST_DATABASE_URL\n');
}
