import { one } from '../beheer/beheer.query.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { PasswordProblem } from './password.ts';

/** Edge parsing of the sign-in and password forms: strings only (the first of a repeated field), cut to a maximum length. */
export function field(body: unknown, name: string, max = 1000): string {
  return one(body, name, max);
}

export const EMAIL_PATTERN = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

export function emailProblem(email: string): MessageKey | undefined {
  if (email === '') return 'auth.error.emailMissing';
  if (email.length > 254 || !EMAIL_PATTERN.test(email)) return 'auth.error.email';
  return undefined;
}

export const PASSWORD_MESSAGES: Record<PasswordProblem, MessageKey> = {
  missing: 'auth.error.password.missing',
  short: 'auth.error.password.short',
  long: 'auth.error.password.long',
  weak: 'auth.error.password.weak',
};

/** Where to go after signing in: a back-office path on this site only. */
export function safeNext(candidate: unknown): string {
  if (typeof candidate !== 'string' || candidate.length > 300) return '/beheer';
  return /^\/(beheer|account)(\/[\w\-/]*)?$/.test(candidate) ? candidate : '/beheer';
}
