import readline from 'node:readline';
import { defaultLockMechanism, lockDataDir, type LockMechanism, type LockResult } from '../src/db/lock.ts';

/**
 * A starter for src/db/lock.test.ts: a real process, so the lock is contended the way two servers
 * contend it. It stays up for many rounds, because starting a process costs far more than the
 * race it takes part in. Protocol over stdio, one line each:
 *   → "ready"             loaded, waiting (so every contender of a round is up before any locks)
 *   ← "go <dir>"          take the lock on <dir> now
 *   → {"kind":...}        the outcome: acquired, held (with the pid it names) or error
 *   ← "release"           let go of what it holds
 *   → "released"
 * Closing stdin ends it. A holder killed with SIGKILL never releases: some tests rely on that.
 * An optional argument picks the lock mechanism (default: the platform's).
 */

const mechanism = (process.argv[2] ?? defaultLockMechanism) as LockMechanism;

let lock: LockResult | null = null;
const write = (line: string) => process.stdout.write(`${line}\n`);

const lines = readline.createInterface({ input: process.stdin });
write('ready');
for await (const line of lines) {
  const [command, ...rest] = line.trim().split(' ');
  if (command === 'go') {
    try {
      lock = await lockDataDir(rest.join(' '), mechanism);
      write(JSON.stringify(lock.kind === 'held' ? { kind: 'held', pid: lock.pid } : { kind: 'acquired' }));
    } catch (error) {
      write(JSON.stringify({ kind: 'error', message: String(error) }));
    }
  } else if (command === 'release') {
    if (lock?.kind === 'acquired') await lock.release();
    lock = null;
    write('released');
  }
}
