import fs from 'node:fs';
import path from 'node:path';

export type LockResult =
  | { readonly kind: 'acquired'; release(): void }
  | { readonly kind: 'held'; readonly pid: number; readonly lockFile: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Two PGlite processes on one data directory silently lose data, so the directory gets an
 * exclusive lock file holding the owner's pid. A lock left by a dead process is taken over.
 */
export function lockDataDir(dir: string): LockResult {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, 'wegwijzer.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockFile, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      return {
        kind: 'acquired',
        release() {
          if (released) return;
          released = true;
          try {
            if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockFile);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(fs.readFileSync(lockFile, 'utf8').trim(), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        return { kind: 'held', pid, lockFile };
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockFile}`);
}
