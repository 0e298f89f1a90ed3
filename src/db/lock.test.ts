import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { describe, it } from 'node:test';
import { projectRoot } from '../paths.ts';
import { lockDataDir } from './lock.ts';

type Outcome = { kind: 'acquired' } | { kind: 'held'; pid: number | null } | { kind: 'error'; message: string };

interface Contender {
  readonly child: ChildProcess;
  readonly pid: number;
  nextLine(): Promise<string>;
  send(line: string): void;
  exited: Promise<void>;
}

const contenderScript = path.join(projectRoot, 'test', 'lock-contender.ts');

/** A separate process that takes the lock on `dir` when told "go" (see test/lock-contender.ts). */
async function startContender(dir: string): Promise<Contender> {
  const child = spawn(process.execPath, ['--import', 'tsx', contenderScript, dir], { cwd: projectRoot, stdio: ['pipe', 'pipe', 'inherit'] });
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else queue.push(line);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      const queued = queue.shift();
      if (queued !== undefined) return resolve(queued);
      waiting.push(resolve);
      void exited.then(() => reject(new Error(`contender ${child.pid} exited without answering`)));
    });
  const send = (line: string) => {
    if (child.stdin?.writable) child.stdin.write(`${line}\n`);
  };
  assert.equal(await nextLine(), 'ready');
  assert.ok(child.pid);
  return { child, pid: child.pid, nextLine, send, exited };
}

async function take(contender: Contender): Promise<Outcome> {
  contender.send('go');
  return JSON.parse(await contender.nextLine()) as Outcome;
}

async function stop(contenders: readonly Contender[]): Promise<void> {
  for (const c of contenders) c.send('release');
  await Promise.all(contenders.map((c) => c.exited));
}

/** The pid of a process that has exited: what a lock left by a crash holds. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  assert.ok(child.pid);
  return child.pid;
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ww-lock-'));
const pidFile = (dir: string) => path.join(dir, 'wegwijzer.lock');

describe('data-directory lock', () => {
  it('lets exactly one of several simultaneous starters in, on a directory with a stale lock', async () => {
    const rounds = 30;
    const starters = 4;
    const stale = await deadPid();
    const failed: { round: number; outcomes: string[] }[] = [];
    for (let round = 0; round < rounds; round++) {
      const dir = tempDir();
      fs.writeFileSync(pidFile(dir), String(stale));
      const contenders = await Promise.all(Array.from({ length: starters }, () => startContender(dir)));
      try {
        // Every contender is loaded and waiting: the "go" lines reach them within a fraction of a ms.
        const outcomes = await Promise.all(contenders.map(take));
        const winners = contenders.filter((_, i) => outcomes[i]?.kind === 'acquired');
        const winnerPid = winners.length === 1 ? winners[0]?.pid : undefined;
        const sound = outcomes.every((o) => o.kind !== 'error' && (o.kind === 'acquired' || o.pid === null || o.pid === winnerPid));
        if (winners.length !== 1 || !sound) {
          failed.push({ round, outcomes: outcomes.map((o) => (o.kind === 'held' ? `held:${o.pid}` : o.kind === 'error' ? `error:${o.message}` : o.kind)) });
        }
      } finally {
        await stop(contenders);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    assert.deepEqual(failed, [], `${failed.length} of ${rounds} rounds did not have exactly one holder`);
  });

  it('keeps others out while the holder is between creating and filling its pid file', async () => {
    // The old lock was the pid file itself: a starter that read it empty (pid NaN) removed it.
    const dir = tempDir();
    const holder = await startContender(dir);
    try {
      assert.deepEqual(await take(holder), { kind: 'acquired' });
      fs.writeFileSync(pidFile(dir), '');
      const second = await lockDataDir(dir);
      if (second.kind === 'acquired') await second.release();
      assert.equal(second.kind, 'held');
    } finally {
      await stop([holder]);
    }
  });

  it('names a live holder, also when reached through a symlink or a relative path', async () => {
    const dir = tempDir();
    const link = path.join(tempDir(), 'data');
    fs.symlinkSync(dir, link);
    const holder = await startContender(dir);
    try {
      assert.deepEqual(await take(holder), { kind: 'acquired' });
      for (const other of [dir, link, path.relative(process.cwd(), dir)]) {
        const second = await lockDataDir(other);
        if (second.kind === 'acquired') await second.release();
        assert.deepEqual(second.kind === 'held' ? second.pid : second.kind, holder.pid, `locking via ${other}`);
      }
    } finally {
      await stop([holder]);
    }
  });

  it('lets the next starter in at once after the holder is killed with SIGKILL', async () => {
    const dir = tempDir();
    const holder = await startContender(dir);
    assert.deepEqual(await take(holder), { kind: 'acquired' });
    holder.child.kill('SIGKILL');
    await holder.exited;
    const next = await startContender(dir);
    try {
      assert.deepEqual(await take(next), { kind: 'acquired' });
      assert.equal(fs.readFileSync(pidFile(dir), 'utf8'), String(next.pid));
    } finally {
      await stop([next]);
    }
  });

  it('lets the next one in after release, and removes its pid file', async () => {
    const dir = tempDir();
    const first = await lockDataDir(dir);
    assert.equal(first.kind, 'acquired');
    assert.equal(fs.readFileSync(pidFile(dir), 'utf8'), String(process.pid));
    if (first.kind === 'acquired') await first.release();
    assert.equal(fs.existsSync(pidFile(dir)), false);
    const next = await startContender(dir);
    try {
      assert.deepEqual(await take(next), { kind: 'acquired' });
    } finally {
      await stop([next]);
    }
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = tempDir();
    fs.writeFileSync(pidFile(dir), String(await deadPid()));
    const lock = await lockDataDir(dir);
    assert.equal(lock.kind, 'acquired');
    assert.equal(fs.readFileSync(pidFile(dir), 'utf8'), String(process.pid));
    if (lock.kind === 'acquired') await lock.release();
    assert.equal(fs.existsSync(pidFile(dir)), false);
  });
});
