import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * The edge kit's first line: characters no person means to send and PostgreSQL cannot store (a
 * NUL byte in text fails the whole statement). Forbidden: C0 controls other than whitespace
 * (tab, line breaks, vertical tab and form feed, which pasted text does carry), DEL, C1
 * controls, unpaired surrogates, and the noncharacters U+FFFE/U+FFFF.
 *
 * Where they arrive decides what happens, before any handler runs, so no route can turn them
 * into a 500:
 * - in a path, a query string or a JSON body (typed by a program, or crafted): a 400 that names
 *   every field;
 * - in a form a person filled in: removed. They are invisible, usually come from pasted text,
 *   and the form's own validation then judges what is left (an empty required field shows the
 *   form again with its message), so nobody loses what they typed to an error page.
 */
// Code unit by code unit (no `u` flag), so a lone surrogate is visible to the lookarounds.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasUnsafeCharacters(value: string): boolean {
  return UNSAFE.test(value);
}

const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

/** The value without the forbidden characters. */
export function withoutUnsafeCharacters(value: string): string {
  return value.replace(UNSAFE_ALL, '');
}

/** A parsed form body with every string (and key) cleaned; files and other values untouched. */
export function cleanFormBody(body: unknown, depth = 0): unknown {
  if (typeof body === 'string') return withoutUnsafeCharacters(body);
  if (depth > 20 || body === null || typeof body !== 'object' || ArrayBuffer.isView(body)) return body;
  if (Array.isArray(body)) return body.map((item) => cleanFormBody(item, depth + 1));
  // A stream or file handle is not form text (the query-string parser's objects have their own prototype).
  if (typeof (body as { pipe?: unknown }).pipe === 'function') return body;
  return Object.fromEntries(Object.entries(body as Record<string, unknown>).map(([key, value]) => [withoutUnsafeCharacters(key), cleanFormBody(value, depth + 1)]));
}


/** Where in a parsed query, path or body a string (value or key) holds forbidden characters. */
export function unsafeFields(source: unknown, prefix = '', found: string[] = [], depth = 0): string[] {
  if (found.length >= 20 || depth > 20) return found;
  if (typeof source === 'string') {
    if (hasUnsafeCharacters(source)) found.push(prefix || 'body');
  } else if (Array.isArray(source)) {
    for (const item of source) unsafeFields(item, prefix, found, depth + 1);
  } else if (source && typeof source === 'object' && !Buffer.isBuffer(source)) {
    for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
      const name = prefix ? `${prefix}.${key}` : key;
      if (hasUnsafeCharacters(key)) found.push(prefix || 'body');
      else unsafeFields(value, name, found, depth + 1);
    }
  }
  return found;
}

/** The path as it arrived, percent-decoded; a malformed escape counts as unsafe. */
function pathProblem(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  try {
    return hasUnsafeCharacters(decodeURIComponent(path));
  } catch {
    return true;
  }
}

/**
 * Registers the guard: one `preValidation` hook, after the body is parsed and before any
 * handler. A 400 names every field (problem JSON for /api, a localised page otherwise); a form
 * body is cleaned instead.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    // Every body outside /api is a form a person filled in (whatever content type it came as).
    const form = !request.url.startsWith('/api/');
    if (form) request.body = cleanFormBody(request.body);
    const fields = [
      ...(pathProblem(request.url) ? ['path'] : []),
      ...unsafeFields(request.params),
      ...unsafeFields(request.query),
      ...(form ? [] : unsafeFields(request.body)),
    ];
    if (fields.length === 0) return;
    const unique = [...new Set(fields)];
    throw new AppError(
      'bad_request',
      `Invalid character(s) in: ${unique.join(', ')}. Control characters and unpaired surrogates are not accepted.`,
      Object.fromEntries(unique.map((f) => [f, 'contains a control character or an unpaired surrogate'])),
      'error.badCharacters.text',
    );
  });
}

/** The calendar days the app accepts anywhere: far enough for any appointment, filter or history. */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2999-12-31';

/**
 * A day typed as YYYY-MM-DD that exists and lies between FIRST_DAY and LAST_DAY. The bound keeps
 * day arithmetic (a week on, the day after) inside four-digit years, which PostgreSQL and
 * `toISOString` both read back; year 9999 plus one day is not a date either of them takes.
 */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || value < FIRST_DAY || value > LAST_DAY) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
