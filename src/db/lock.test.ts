import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { describe, it } from 'node:test';
import { projectRoot } from '../paths.ts';
import { lockDataDir, type LockMechanism } from './lock.ts';

type Outcome = { kind: 'acquired' } | { kind: 'held'; pid: number | null } | { kind: 'error'; message: string };

interface Contender {
  readonly child: ChildProcess;
  readonly pid: number;
  nextLine(): Promise<string>;
  send(line: string): void;
  exited: Promise<void>;
}

const contenderScript = path.join(projectRoot, 'test', 'lock-contender.ts');

/** A separate process that takes the lock when told (see test/lock-contender.ts). */
async function startContender(mechanism?: LockMechanism): Promise<Contender> {
  const child = spawn(process.execPath, ['--import', 'tsx', contenderScript, ...(mechanism ? [mechanism] : [])], { cwd: projectRoot, stdio: ['pipe', 'pipe', 'inherit'] });
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

async function take(contender: Contender, dir: string): Promise<Outcome> {
  contender.send(`go ${dir}`);
  return JSON.parse(await contender.nextLine()) as Outcome;
}

async function release(contender: Contender): Promise<void> {
  contender.send('release');
  assert.equal(await contender.nextLine(), 'released');
}

async function stop(contenders: readonly Contender[]): Promise<void> {
  for (const c of contenders) if (c.child.exitCode === null && c.child.signalCode === null) c.child.stdin?.end();
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
    const rounds = 100;
    const stale = await deadPid();
    const contenders = await Promise.all(Array.from({ length: 4 }, () => startContender()));
    const failed: { round: number; outcomes: string[] }[] = [];
    try {
      for (let round = 0; round < rounds; round++) {
        const dir = tempDir();
        fs.writeFileSync(pidFile(dir), String(stale));
        // All four are up and waiting: the "go" lines reach them within a fraction of a millisecond.
        const outcomes = await Promise.all(contenders.map((c) => take(c, dir)));
        const winners = contenders.filter((_, i) => outcomes[i]?.kind === 'acquired');
        const winnerPid = winners.length === 1 ? winners[0]?.pid : undefined;
        // A loser names the winner, or nobody when it looked before the winner wrote its pid file.
        const sound = outcomes.every((o) => o.kind === 'acquired' || (o.kind === 'held' && (o.pid === null || o.pid === winnerPid)));
        if (winners.length !== 1 || !sound) {
          failed.push({ round, outcomes: outcomes.map((o) => (o.kind === 'held' ? `held:${o.pid}` : o.kind === 'error' ? `error:${o.message}` : o.kind)) });
        }
        await Promise.all(contenders.map(release));
        fs.rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      await stop(contenders);
    }
    assert.deepEqual(failed, [], `${failed.length} of ${rounds} rounds did not have exactly one holder`);
  });

  it("keeps others out while the holder's pid file reads empty", async () => {
    // The old lock was the pid file itself: a starter that read it between the holder's create and
    // write (pid NaN) removed it and took the lock too.
    const dir = tempDir();
    const holder = await startContender();
    try {
      assert.deepEqual(await take(holder, dir), { kind: 'acquired' });
      fs.writeFileSync(pidFile(dir), '');
      const second = await lockDataDir(dir);
      if (second.kind === 'acquired') await second.release();
      assert.deepEqual(second.kind === 'held' ? second.pid : second.kind, null);
    } finally {
      await stop([holder]);
    }
  });

  it('names a live holder, also when reached through a symlink or a relative path', async () => {
    const dir = tempDir();
    const link = path.join(tempDir(), 'data');
    fs.symlinkSync(dir, link);
    const holder = await startContender();
    try {
      assert.deepEqual(await take(holder, link), { kind: 'acquired' });
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
    const [holder, next] = await Promise.all([startContender(), startContender()]);
    assert.ok(holder && next);
    try {
      assert.deepEqual(await take(holder, dir), { kind: 'acquired' });
      assert.deepEqual(await take(next, dir), { kind: 'held', pid: holder.pid });
      await release(next);
      holder.child.kill('SIGKILL');
      await holder.exited;
      assert.deepEqual(await take(next, dir), { kind: 'acquired' });
      assert.equal(fs.readFileSync(pidFile(dir), 'utf8'), String(next.pid));
    } finally {
      await stop([holder, next]);
    }
  });

  it('lets the next one in after release, and removes its pid file', async () => {
    const dir = tempDir();
    const first = await lockDataDir(dir);
    assert.equal(first.kind, 'acquired');
    assert.equal(fs.readFileSync(pidFile(dir), 'utf8'), String(process.pid));
    if (first.kind === 'acquired') await first.release();
    assert.equal(fs.existsSync(pidFile(dir)), false);
    const next = await startContender();
    try {
      assert.deepEqual(await take(next, dir), { kind: 'acquired' });
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

  describe('fallback lock file (platforms without abstract sockets)', () => {
    it('is held while its owner lives, taken over after a SIGKILL, and removed on release', async () => {
      const dir = tempDir();
      const holder = await startContender('lock_file');
      try {
        assert.deepEqual(await take(holder, dir), { kind: 'acquired' });
        assert.equal(fs.readFileSync(pidFile(dir), 'utf8'), String(holder.pid));
        const second = await lockDataDir(dir, 'lock_file');
        assert.deepEqual(second.kind === 'held' ? second.pid : second.kind, holder.pid);
        holder.child.kill('SIGKILL');
        await holder.exited;
        const next = await lockDataDir(dir, 'lock_file');
        assert.equal(next.kind, 'acquired');
        assert.equal(fs.readFileSync(pidFile(dir), 'utf8'), String(process.pid));
        if (next.kind === 'acquired') await next.release();
        assert.deepEqual(fs.readdirSync(dir), []);
      } finally {
        await stop([holder]);
      }
    });

    it('takes over an empty lock file, as a crash of the old lock could leave', async () => {
      const dir = tempDir();
      fs.writeFileSync(pidFile(dir), '');
      const lock = await lockDataDir(dir, 'lock_file');
      assert.equal(lock.kind, 'acquired');
      assert.equal(fs.readFileSync(pidFile(dir), 'utf8'), String(process.pid));
      if (lock.kind === 'acquired') await lock.release();
    });

    it('does not remove, on release, a lock file that is not its own', async () => {
      const dir = tempDir();
      const lock = await lockDataDir(dir, 'lock_file');
      assert.equal(lock.kind, 'acquired');
      // Removed and created anew meanwhile (same content, another file; the file system may hand
      // out a freed inode number again at once).
      fs.rmSync(pidFile(dir));
      fs.writeFileSync(pidFile(dir), String(process.pid));
      if (lock.kind === 'acquired') await lock.release();
      assert.equal(fs.existsSync(pidFile(dir)), true);
    });
  });
});
