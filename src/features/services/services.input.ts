import type { MessageKey } from '../../i18n/index.ts';

/** Edge validation for the services pages: ids, pages, report form, bewaarlijst cookie, return paths. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** `?pagina=` as a page number from 1; anything else is page 1. */
export function pageNumber(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{1,6}$/.test(value)) return 1;
  return Math.max(1, Number(value));
}

export const MESSAGE_MIN = 10;
export const MESSAGE_MAX = 4000;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

export type ReportField = 'message' | 'email';

export interface ReportValues {
  readonly message: string;
  readonly email: string;
}

export type ReportInput =
  | { readonly kind: 'valid'; readonly message: string; readonly email: string | null }
  | { readonly kind: 'spam' }
  | { readonly kind: 'invalid'; readonly values: ReportValues; readonly errors: Partial<Record<ReportField, MessageKey>> };

function text(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

export function parseReport(body: unknown): ReportInput {
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  if (text(fields, 'website').trim() !== '') return { kind: 'spam' };
  const message = text(fields, 'message').replace(/\r\n/g, '\n').trim();
  const email = text(fields, 'email').trim();
  const errors: Partial<Record<ReportField, MessageKey>> = {};
  if (message.length === 0) errors.message = 'services.report.error.messageMissing';
  else if (message.length < MESSAGE_MIN) errors.message = 'services.report.error.messageShort';
  else if (message.length > MESSAGE_MAX) errors.message = 'services.report.error.messageLong';
  if (email !== '' && (email.length > 254 || !EMAIL.test(email))) errors.email = 'services.report.error.email';
  if (errors.message || errors.email) return { kind: 'invalid', values: { message, email }, errors };
  return { kind: 'valid', message, email: email === '' ? null : email };
}

export const BEWAARLIJST_COOKIE = 'bewaarlijst';
export const BEWAARLIJST_MAX = 50;
export const BEWAARLIJST_MAX_AGE_S = 90 * 24 * 3600;

/** Comma-separated ids → unique, lower-case uuids, at most 50; anything else is dropped silently. */
export function parseIdList(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  const ids: string[] = [];
  for (const part of value.split(',')) {
    const id = part.trim().toLowerCase();
    if (isUuid(id) && !ids.includes(id)) ids.push(id);
    if (ids.length === BEWAARLIJST_MAX) break;
  }
  return ids;
}

/** Adds an id at the end; a full list drops its oldest entry. */
export function addToList(ids: readonly string[], id: string): string[] {
  const next = [...ids.filter((x) => x !== id), id];
  return next.slice(Math.max(0, next.length - BEWAARLIJST_MAX));
}

/**
 * Where to go back to after a bewaarlijst form: a path on this site only. Rejects absolute and
 * protocol-relative URLs (`//evil`, `/\evil`) and control characters.
 */
export function safeReturnPath(candidate: unknown, fallback = '/bewaarlijst'): string {
  if (typeof candidate !== 'string' || candidate.length > 2000) return fallback;
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(candidate)) return fallback;
  return candidate;
}

/** The path and query of a Referer header, when it points at this host. */
export function refererPath(referer: unknown, host: string): string | undefined {
  if (typeof referer !== 'string') return undefined;
  try {
    const url = new URL(referer);
    // Compare with the default port dropped on both sides ('localhost:80' is 'localhost' over http).
    const own = new URL(`${url.protocol}//${host}`).host;
    return url.host === own && (url.protocol === 'http:' || url.protocol === 'https:') ? `${url.pathname}${url.search}` : undefined;
  } catch {
    return undefined;
  }
}
