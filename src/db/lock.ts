import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export type LockResult =
  | { readonly kind: 'acquired'; release(): Promise<void> }
  /** `pid` is null when the holder cannot be named (its pid file is not written yet, or unreadable). */
  | { readonly kind: 'held'; readonly pid: number | null; readonly lockFile: string };

/**
 * `abstract_socket` (Linux, the production platform) cannot be beaten; `lock_file` is the fallback
 * elsewhere and narrows the takeover race without closing it (see lockWithFile).
 */
export type LockMechanism = 'abstract_socket' | 'lock_file';

export const defaultLockMechanism: LockMechanism = process.platform === 'linux' ? 'abstract_socket' : 'lock_file';

const PID_FILE = 'wegwijzer.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException).code === code;
}

interface PidFile {
  /** Kept open while the inode is compared: an open file's inode number cannot be reused. */
  readonly fd: number;
  readonly dev: bigint;
  readonly ino: bigint;
  /** Another live process named in the file, or null. */
  readonly holder: number | null;
}

/** Reads identity and content through one descriptor, so both belong to the same file. */
function openPidFile(file: string): PidFile | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return null;
    throw error;
  }
  try {
    const { dev, ino } = fs.fstatSync(fd, { bigint: true });
    const text = fs.readFileSync(fd, 'utf8').trim();
    const pid = /^\d+$/.test(text) ? Number(text) : 0;
    // Our own pid can only be a leftover of an earlier process that had it (pid 1 in a container).
    const holder = pid > 0 && pid !== process.pid && isAlive(pid) ? pid : null;
    return { fd, dev, ino, holder };
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

function holderNamedIn(file: string): number | null {
  const opened = openPidFile(file);
  if (!opened) return null;
  fs.closeSync(opened.fd);
  return opened.holder;
}

const siblingName = (file: string, suffix: string) => `${file}.${process.pid}.${randomBytes(4).toString('hex')}.${suffix}`;

/** Readers see the old content or the whole new one, never an empty file. */
function writeAtomically(file: string, text: string): void {
  const temp = siblingName(file, 'tmp');
  try {
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function removePidFileIfOurs(file: string): void {
  try {
    if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
  }
}

/**
 * The name comes from the directory's identity, not its path, so a symlink or a relative path to
 * the same directory meets the same lock.
 */
function socketName(dir: string): string {
  const { dev, ino } = fs.statSync(dir, { bigint: true });
  return `\0wegwijzer-pglite-${createHash('sha256').update(`${dev}:${ino}`).digest('hex').slice(0, 40)}`;
}

function listen(server: net.Server, name: string): Promise<'listening' | 'in_use'> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      if (isCode(error, 'EADDRINUSE')) resolve('in_use');
      else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve('listening');
    };
    server.once('error', onError);
    server.once('listening', onListening);
    // exclusive: a cluster worker must bind the name itself, not share the primary's handle.
    server.listen({ path: name, exclusive: true });
  });
}

/**
 * Binding an abstract Unix socket is one atomic step: the kernel lets exactly one live process
 * hold the name and frees it the moment that process dies, even by kill -9, so there is no stale
 * state to take over. The pid file only names the holder for the message. Abstract names live in
 * the network namespace: processes in different containers sharing one directory do not meet.
 */
async function lockWithSocket(dir: string, pidFile: string): Promise<LockResult> {
  // Nobody has a reason to connect; whoever does is turned away.
  const server = net.createServer((socket) => socket.destroy());
  if ((await listen(server, socketName(dir))) === 'in_use') {
    return { kind: 'held', pid: holderNamedIn(pidFile), lockFile: pidFile };
  }
  server.unref();
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  try {
    writeAtomically(pidFile, String(process.pid));
  } catch (error) {
    await close();
    throw error;
  }
  let released = false;
  return {
    kind: 'acquired',
    async release() {
      if (released) return;
      released = true;
      // The pid file goes first: once the name is free the next holder writes its own.
      try {
        removePidFileIfOurs(pidFile);
      } finally {
        await close();
      }
    },
  };
}

/**
 * Fallback where abstract sockets do not exist (not Linux). The lock file is created by link(2)
 * from a complete temp file, so it appears atomically and is never empty. A stale one (dead pid)
 * is renamed away and deleted only if it is still the file judged stale; a lock another starter
 * took in between is linked back. That narrows the race but cannot close it: a third starter may
 * take the place while the lock is moved aside, and then two processes believe they hold it.
 */
function lockWithFile(pidFile: string): LockResult {
  const temp = siblingName(pidFile, 'tmp');
  fs.writeFileSync(temp, String(process.pid));
  // Held open for as long as the lock is, so release compares against an inode nobody else can get.
  const own = fs.openSync(temp, 'r');
  let acquired = false;
  try {
    const { dev, ino } = fs.fstatSync(own, { bigint: true });
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        fs.linkSync(temp, pidFile);
        acquired = true;
        let released = false;
        return {
          kind: 'acquired',
          async release() {
            if (released) return;
            released = true;
            try {
              const current = openPidFile(pidFile);
              if (current) {
                fs.closeSync(current.fd);
                if (current.dev === dev && current.ino === ino) fs.rmSync(pidFile, { force: true });
              }
            } finally {
              fs.closeSync(own);
            }
          },
        };
      } catch (error) {
        if (!isCode(error, 'EEXIST')) throw error;
      }
      const seen = openPidFile(pidFile);
      if (!seen) continue;
      try {
        if (seen.holder !== null) return { kind: 'held', pid: seen.holder, lockFile: pidFile };
        const aside = siblingName(pidFile, 'stale');
        try {
          fs.renameSync(pidFile, aside);
        } catch (error) {
          if (isCode(error, 'ENOENT')) continue;
          throw error;
        }
        const moved = fs.statSync(aside, { bigint: true });
        if (moved.dev !== seen.dev || moved.ino !== seen.ino) {
          try {
            fs.linkSync(aside, pidFile);
          } catch (error) {
            if (!isCode(error, 'EEXIST')) throw error;
          }
        }
        fs.rmSync(aside, { force: true });
      } finally {
        fs.closeSync(seen.fd);
      }
    }
  } finally {
    fs.rmSync(temp, { force: true });
    if (!acquired) fs.closeSync(own);
  }
  throw new Error(`Could not take the lock ${pidFile}`);
}

/**
 * Two PGlite processes on one data directory silently lose data, so exactly one process may hold
 * the directory; a lock left by a killed process never blocks a restart.
 */
export async function lockDataDir(dir: string, mechanism: LockMechanism = defaultLockMechanism): Promise<LockResult> {
  fs.mkdirSync(dir, { recursive: true });
  const pidFile = path.join(dir, PID_FILE);
  return mechanism === 'abstract_socket' ? lockWithSocket(dir, pidFile) : lockWithFile(pidFile);
}
