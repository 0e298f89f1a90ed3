import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * Passwords: scrypt (memory-hard; in Node itself, so no native module) with OWASP's parameters
 * N=2^15, r=8, p=3 (32 MiB). The parameters travel in the stored string, so they can be raised
 * later and old hashes still verify.
 */
const COST = { N: 2 ** 15, r: 8, p: 3 } as const;
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** A hash of nothing, so an unknown account costs as much time as a known one. */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const target = stored ?? (await (dummyHash ??= hashPassword(randomBytes(16).toString('hex'))));
  const [scheme, n, r, p, salt, hash] = target.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return stored !== null && key.length === expected.length && timingSafeEqual(key, expected);
}

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const strength = new ZxcvbnFactory({ graphs: adjacencyGraphs, dictionary: { ...dictionary } });

export type PasswordProblem = 'missing' | 'short' | 'long' | 'weak';

/**
 * NIST SP 800-63B: a minimum length, a generous maximum, no composition rules, and a check
 * against commonly used and breached passwords and obvious patterns (zxcvbn's lists of common
 * passwords, keyboard walks, repeats, sequences, dates), including the person's own e-mail
 * address and the name of this site.
 */
export function passwordProblem(password: string, context: readonly string[]): PasswordProblem | null {
  const length = [...password].length;
  if (length === 0) return 'missing';
  if (length < PASSWORD_MIN) return 'short';
  if (length > PASSWORD_MAX) return 'long';
  const inputs = ['wegwijzer', 'kind', 'scheiding', ...context.flatMap((c) => c.toLowerCase().split(/[@.\s_-]+/))].filter(
    (w) => w.length >= 3,
  );
  // Made of nothing but these words plus digits and symbols ("janssen.marieke2026")?
  let letters = password.toLowerCase().replace(/[^\p{L}]/gu, '');
  for (const word of [...inputs].sort((a, b) => b.length - a.length)) letters = letters.split(word).join('');
  if ([...letters].length < 4) return 'weak';
  return strength.check(password, inputs).score < 3 ? 'weak' : null;
}
