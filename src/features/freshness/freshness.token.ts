import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signed "still correct" link: offering id and expiry, signed with HMAC-SHA256 under a key
 * derived from the cookie secret (a key of its own, so a cookie signature can never pass as a
 * link). Nothing is stored; confirming is idempotent, so a second click changes nothing more.
 */
export const LINK_VALID_DAYS = 30;

export function freshnessKey(cookieSecret: string): Buffer {
  return createHmac('sha256', cookieSecret).update('wegwijzer:freshness-link:v1').digest();
}

function mac(key: Buffer, serviceId: string, expires: number): string {
  return createHmac('sha256', key).update(`${serviceId}.${expires}`).digest('base64url');
}

export function signFreshnessToken(key: Buffer, serviceId: string, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${serviceId}.${expires}.${mac(key, serviceId, expires)}`;
}

export type TokenCheck = { readonly kind: 'valid'; readonly serviceId: string } | { readonly kind: 'expired' } | { readonly kind: 'invalid' };

export function verifyFreshnessToken(key: Buffer, token: unknown, now: Date): TokenCheck {
  if (typeof token !== 'string' || token.length > 200) return { kind: 'invalid' };
  const match = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { kind: 'invalid' };
  const [, serviceId = '', expiresText = '', given = ''] = match;
  const expected = Buffer.from(mac(key, serviceId, Number(expiresText)));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { kind: 'invalid' };
  // Checked after the signature, so a forged link never learns whether its date would have passed.
  if (Number(expiresText) * 1000 < now.getTime()) return { kind: 'expired' };
  return { kind: 'valid', serviceId };
}
