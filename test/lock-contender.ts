import readline from 'node:readline';
import { lockDataDir } from '../src/db/lock.ts';

/**
 * One starter in src/db/lock.test.ts: a real process, so the lock is contended the way two
 * servers contend it. Protocol over stdio, one line each:
 *   → "ready"            loaded, waiting (so every contender of a round is started before any locks)
 *   ← "go"               take the lock now
 *   → {"kind":...}       the outcome (acquired, held with its pid, or error)
 *   ← "release"          let go and exit (or stdin closes)
 * A holder killed with SIGKILL never gets to release: that is the point of some tests.
 */

const dir = process.argv[2];
if (!dir) throw new Error('usage: lock-contender.ts <data dir>');

const lines = readline.createInterface({ input: process.stdin });
const next = (): Promise<string | null> =>
  new Promise((resolve) => {
    const onLine = (line: string) => {
      lines.off('close', onClose);
      resolve(line.trim());
    };
    const onClose = () => {
      lines.off('line', onLine);
      resolve(null);
    };
    lines.once('line', onLine);
    lines.once('close', onClose);
  });

process.stdout.write('ready\n');
if ((await next()) === 'go') {
  try {
    const lock = await lockDataDir(dir);
    process.stdout.write(`${JSON.stringify(lock.kind === 'held' ? { kind: 'held', pid: lock.pid } : { kind: 'acquired' })}\n`);
    await next();
    if (lock.kind === 'acquired') await lock.release();
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ kind: 'error', message: String(error) })}\n`);
  }
}
lines.close();
