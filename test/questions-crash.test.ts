import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, testDatabaseUrl } from './db.ts';
import { crashQuestions, printReport, type CrashReport } from './questions-crash.ts';

const N = 500;

function check(r: CrashReport): void {
  printReport(r);
  assert.ok(r.acknowledged > 0, 'some submissions were acknowledged before the kill');
  assert.ok(r.failedInFlight > 0, 'the kill happened while submissions were in flight');
  assert.equal(r.acknowledgedFound, r.acknowledged, 'every 201 is stored exactly once');
  assert.equal(r.duplicates, 0);
  assert.ok(r.storedAfterRestart >= r.acknowledged);
  assert.equal(r.retriedSame + r.retriedNew, N, 'every retry is a 200 or a 201');
  assert.equal(r.storedAfterRetry, N, 'after retrying every key: exactly one question per submission');
}

describe('kill -9 during 500 concurrent question submissions', () => {
  it('PGlite: every 201 is there exactly once after a restart', { timeout: 120_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-crash-'));
    try {
      check(await crashQuestions({ engine: 'pglite', location: dataDir }, N));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('PostgreSQL: every 201 is there exactly once after a restart', { timeout: 120_000, skip: testDatabaseUrl ? false : 'TEST_DATABASE_URL is not set' }, async () => {
    const database = await createTestDatabase();
    const url = new URL(testDatabaseUrl ?? '');
    url.pathname = `/${(await sql<{ name: string }>`select current_database() as name`.execute(database.db)).rows[0]?.name ?? ''}`;
    try {
      check(await crashQuestions({ engine: 'postgres', location: url.toString() }, N));
    } finally {
      await database.cleanup();
    }
  });
});
