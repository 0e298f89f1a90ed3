import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The secrets of a question. The follow-up token is the asker's only key (no account): we keep its
 * SHA-256 only. The idempotency key is not stored either, only a hash under a different label, so
 * whoever reads the database can neither find the token nor derive the key that seals it.
 */
export function newFollowUpToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(`question.token\0${token}`).digest('hex');
}

export function hashIdempotencyKey(key: string): string {
  return createHash('sha256').update(`question.idempotency\0${key}`).digest('hex');
}

/**
 * What makes two submits "the same": the parsed fields in a fixed order, under HMAC keyed by the
 * idempotency key. The key is not stored, so the hash can't be matched to guessed content.
 */
export function hashRequest(idempotencyKey: string, fields: readonly (string | null)[]): string {
  return createHmac('sha256', idempotencyKey).update(`question.request\0${JSON.stringify(fields)}`).digest('hex');
}

export function sameHash(stored: string | null, hash: string): boolean {
  return stored !== null && stored.length === hash.length && timingSafeEqual(Buffer.from(stored), Buffer.from(hash));
}

function sealKey(idempotencyKey: string): Buffer {
  return createHash('sha256').update(`question.seal\0${idempotencyKey}`).digest();
}

/** AES-256-GCM under a key only the submitter holds: a repeated submit can show the same link again. */
export function sealToken(token: string, idempotencyKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(idempotencyKey), iv);
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function unsealToken(sealed: string, idempotencyKey: string): string | null {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealKey(idempotencyKey), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** No 0/O, 1/I/L: easy to read aloud and to type from a phone call. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newShortCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** ABCD-EFGH, for reading aloud. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a caller reads out, with or without the dash, any case; null when it can't be a code. */
export function normaliseCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-HJKMNP-Z2-9]{8}$/.test(code) ? code : null;
}

/** The hidden idempotency key of a rendered form. */
export function newIdempotencyKey(): string {
  return randomBytes(18).toString('base64url');
}

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,128}$/;
export const FOLLOW_UP_TOKEN = /^[A-Za-z0-9_-]{43}$/;
