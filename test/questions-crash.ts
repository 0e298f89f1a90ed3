import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databaseFromPglite, openPostgres, type Database } from '../src/db/database.ts';
import { createPglite } from '../src/db/pglite.ts';
import { hashIdempotencyKey } from '../src/features/questions/questions.crypto.ts';
import { projectRoot } from '../src/paths.ts';

/**
 * kill -9 the real server while N question submissions are in flight, restart it, and check that
 * every submission that got a 201 is stored exactly once — and that retrying every submission with
 * its key never makes a second question. Used by test/questions-crash.test.ts and
 * bench/crash-questions.ts.
 */

export interface CrashTarget {
  readonly engine: 'pglite' | 'postgres';
  /** For postgres: the database URL; for pglite: the DATA_DIR (created when absent). */
  readonly location: string;
}

export interface CrashReport {
  readonly engine: string;
  readonly sent: number;
  readonly acknowledged: number;
  readonly failedInFlight: number;
  readonly killedAfterMs: number;
  readonly storedAfterRestart: number;
  readonly acknowledgedFound: number;
  readonly duplicates: number;
  readonly retriedSame: number;
  readonly retriedNew: number;
  readonly storedAfterRetry: number;
}

function start(target: CrashTarget): ChildProcess {
  const env: Record<string, string> =
    target.engine === 'postgres' ? { DATABASE_URL: target.location, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'ww-crash-pg-')) } : { DATA_DIR: target.location };
  return spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src', 'server.ts')], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', DEMO_DATA: 'off', PUBLIC_WRITE_RATE_LIMIT: '10000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function untilReady(child: ChildProcess): Promise<string> {
  let text = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${text}`)), 90_000);
    const onData = (d: Buffer) => {
      text += d.toString();
      const match = /running at http:\/\/localhost:(\d+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${text}`));
    });
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.on('exit', () => resolve())));

interface Outcome {
  readonly key: string;
  readonly status: number | null;
  readonly id: string | null;
}

async function submit(base: string, key: string, i: number): Promise<Outcome> {
  try {
    const res = await fetch(`${base}/api/v1/questions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ topic: 'school', text: `Crashtest vraag nummer ${i}`, role: 'parents', idempotencyKey: key }),
    });
    const body = (await res.json()) as { id?: string };
    return { key, status: res.status, id: body.id ?? null };
  } catch {
    return { key, status: null, id: null };
  }
}

async function openDirect(target: CrashTarget): Promise<Database> {
  return target.engine === 'postgres' ? openPostgres({ connectionString: target.location, max: 2 }) : databaseFromPglite(await createPglite({ dataDir: path.join(target.location, 'pglite') }));
}

export async function crashQuestions(target: CrashTarget, n = 500, killAfterAcks = Math.floor(n / 5)): Promise<CrashReport> {
  const first = start(target);
  const base = await untilReady(first);
  const keys = Array.from({ length: n }, () => randomUUID());
  let acks = 0;
  const started = Date.now();
  let killedAfterMs = -1;
  const outcomes = await Promise.all(
    keys.map((key, i) =>
      submit(base, key, i).then((o) => {
        if (o.status === 201 && ++acks === killAfterAcks) {
          killedAfterMs = Date.now() - started;
          first.kill('SIGKILL');
        }
        return o;
      }),
    ),
  );
  if (killedAfterMs < 0) first.kill('SIGKILL');
  await exited(first);
  const acknowledged = outcomes.filter((o) => o.status === 201);

  // Restart on the same data: the server must come up (stale lock taken over, recovery done).
  const second = start(target);
  const again = await untilReady(second);
  const retries = await Promise.all(outcomes.map((o, i) => submit(again, o.key, i)));
  second.kill('SIGTERM');
  await exited(second);

  const database = await openDirect(target);
  try {
    const rows = await database.db.selectFrom('question').select(['id', 'idempotency_hash']).where('body', 'like', 'Crashtest vraag nummer %').execute();
    const byHash = new Map<string, string[]>();
    for (const r of rows) byHash.set(r.idempotency_hash, [...(byHash.get(r.idempotency_hash) ?? []), r.id]);
    const ids = new Set(rows.map((r) => r.id));
    const retriedSame = retries.filter((r, i) => r.status === 200 && (outcomes[i]?.status !== 201 || r.id === outcomes[i]?.id)).length;
    return {
      engine: target.engine,
      sent: n,
      acknowledged: acknowledged.length,
      failedInFlight: outcomes.filter((o) => o.status === null).length,
      killedAfterMs,
      storedAfterRestart: rows.length - retries.filter((r) => r.status === 201).length,
      acknowledgedFound: acknowledged.filter((o) => o.id !== null && ids.has(o.id) && byHash.get(hashIdempotencyKey(o.key))?.length === 1).length,
      duplicates: [...byHash.values()].filter((list) => list.length > 1).length,
      retriedSame,
      retriedNew: retries.filter((r) => r.status === 201).length,
      storedAfterRetry: rows.length,
    };
  } finally {
    await database.close();
  }
}

export function printReport(r: CrashReport): void {
  process.stdout.write(
    `# crash (${r.engine}): ${r.sent} concurrent submissions, kill -9 after ${r.killedAfterMs} ms; ` +
      `${r.acknowledged} got 201, ${r.failedInFlight} got no answer; after restart ${r.storedAfterRestart} stored, ` +
      `${r.acknowledgedFound}/${r.acknowledged} acknowledged found exactly once, ${r.duplicates} duplicates; ` +
      `retry of all ${r.sent} with their keys: ${r.retriedSame} × 200 (already there), ${r.retriedNew} × 201 (new); ${r.storedAfterRetry} stored in the end\n`,
  );
}
