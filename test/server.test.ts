import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { databaseFromPglite } from '../src/db/database.ts';
import { createPglite } from '../src/db/pglite.ts';
import { projectRoot } from '../src/paths.ts';
import { createTestDatabase, testDatabaseUrl } from './db.ts';

interface Running {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: () => string;
}

function start(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src', 'server.ts')], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function collect(child: ChildProcess): () => string {
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  return () => text;
}

async function untilReady(env: Record<string, string>): Promise<Running> {
  const child = start(env);
  const output = collect(child);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output()}`)), 60_000);
    child.stdout?.on('data', () => {
      const match = /running at (http:\/\/localhost:\d+)/.exec(output());
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${output()}`));
    });
  });
  return { child, url, output };
}

async function exitOf(child: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  if (child.exitCode !== null) return { code: child.exitCode, ms: 0 };
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, ms: Date.now() - started })));
}

async function runToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = start(env);
  const output = collect(child);
  const { code } = await exitOf(child);
  return { code, output: output().trim() };
}

describe('the server process', () => {
  it('stops with one clear line naming a bad variable', async () => {
    const port = await runToExit({ PORT: 'abc' });
    assert.notEqual(port.code, 0);
    assert.equal(port.output.split('\n').length, 1);
    assert.match(port.output, /^Configuration error: PORT: /);
    const db = await runToExit({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    assert.notEqual(db.code, 0);
    assert.equal(db.output.split('\n').length, 1);
    assert.match(db.output, /^Configuration error: DATABASE_URL: cannot connect/);
  });

  it('locks its data directory, shuts down within 5 s, and finds its data after a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-server-'));
    const env = { DATA_DIR: dataDir, DEMO_DATA: 'off' };
    const first = await untilReady(env);
    try {
      assert.equal((await fetch(`${first.url}/health`)).status, 200);
      const second = await runToExit(env);
      assert.notEqual(second.code, 0);
      assert.match(second.output, new RegExp(`in use by process ${first.child.pid}`));
      // The first keeps running.
      assert.equal((await fetch(`${first.url}/direct-hulp`)).status, 200);
    } finally {
      first.child.kill('SIGTERM');
    }
    const stopped = await exitOf(first.child);
    assert.equal(stopped.code, 0);
    assert.ok(stopped.ms < 5000, `shutdown took ${stopped.ms} ms`);
    assert.equal(fs.existsSync(path.join(dataDir, 'wegwijzer.lock')), false);

    // Write a marker directly, then restart the server on the same directory.
    const direct = databaseFromPglite(await createPglite({ dataDir: path.join(dataDir, 'pglite') }));
    await direct.db.insertInto('app_setting').values({ key: 'test_marker', value: 'kept' }).execute();
    await direct.close();

    const again = await untilReady(env);
    assert.match(again.output(), /reference data: up to date/);
    assert.equal((await fetch(`${again.url}/health`)).status, 200);
    again.child.kill('SIGINT');
    assert.equal((await exitOf(again.child)).code, 0);

    const check = databaseFromPglite(await createPglite({ dataDir: path.join(dataDir, 'pglite') }));
    try {
      const marker = await check.db.selectFrom('app_setting').select('value').where('key', '=', 'test_marker').executeTakeFirst();
      assert.equal(marker?.value, 'kept');
      const secret = await check.db.selectFrom('app_setting').select('value').where('key', '=', 'cookie_secret').executeTakeFirst();
      assert.ok(secret && secret.value.length >= 32);
    } finally {
      await check.close();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the same app on a PostgreSQL server given DATABASE_URL', { skip: testDatabaseUrl ? false : 'TEST_DATABASE_URL is not set' }, async () => {
    const database = await createTestDatabase();
    const url = new URL(testDatabaseUrl ?? '');
    const name = (await database.db.selectNoFrom((eb) => eb.fn<string>('current_database', []).as('name')).executeTakeFirstOrThrow()).name;
    url.pathname = `/${name}`;
    const server = await untilReady({ DATABASE_URL: url.toString(), DEMO_DATA: 'off' });
    try {
      assert.match(server.output(), /database: PostgreSQL at 127\.0\.0\.1/);
      const health = await fetch(`${server.url}/health`);
      assert.deepEqual(await health.json(), { status: 'ok', database: { engine: 'postgres', status: 'ok' } });
    } finally {
      server.child.kill('SIGTERM');
      assert.equal((await exitOf(server.child)).code, 0);
      await database.cleanup();
    }
  });
});
