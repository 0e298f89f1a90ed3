import type { MessageKey } from './i18n/index.ts';

/** The one error type services raise for expected failures; mapped to HTTP once, in app.ts. */
export type AppErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'form_expired'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  /** Well-formed, but cannot be done as sent (e.g. an idempotency key used for another request). */
  | 'unprocessable'
  | 'rate_limited'
  | 'unavailable'
  | 'busy'
  | 'internal';

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  form_expired: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
  /** Load shed (web/load-shedding.ts): the server is too far behind; sent with Retry-After. */
  busy: 503,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** Safe to show: says what was wrong with the request, never internals. */
    readonly detail: string,
    /** Per-field problems (field name → reason), for validation errors. */
    readonly fields: Readonly<Record<string, string>> = {},
    /** What a page (not the API) says instead of the code's standard text and `detail`. */
    readonly pageText?: MessageKey,
  ) {
    super(detail);
    this.name = 'AppError';
  }
}

export function codeForStatus(status: number): AppErrorCode {
  const found = (Object.entries(HTTP_STATUS) as [AppErrorCode, number][]).find(([, s]) => s === status);
  if (found) return found[0];
  return status >= 500 ? 'internal' : 'bad_request';
}
