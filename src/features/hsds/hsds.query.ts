import { AppError } from '../../errors.ts';

/** Query parameters of the open API, checked at the edge: anything out of range is a 400. */
export type Query = Readonly<Record<string, unknown>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_PER_PAGE = 1000;

function bad(field: string, reason: string): never {
  throw new AppError('bad_request', `Query parameter "${field}" ${reason}.`, { [field]: reason });
}

function text(query: Query, field: string): string | undefined {
  const value = query[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') bad(field, 'must be given once');
  return value;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function int(query: Query, field: string, min: number, max: number, fallback: number): number {
  const value = text(query, field);
  if (value === undefined || value === '') return fallback;
  if (!/^[0-9]{1,9}$/.test(value)) bad(field, `must be a whole number from ${min} to ${max}`);
  const n = Number.parseInt(value, 10);
  if (n < min || n > max) bad(field, `must be a whole number from ${min} to ${max}`);
  return n;
}

export function bool(query: Query, field: string): boolean {
  const value = text(query, field);
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  return bad(field, 'must be true or false');
}

export function uuid(query: Query, field: string): string | undefined {
  const value = text(query, field);
  if (value === undefined || value === '') return undefined;
  if (!isUuid(value)) bad(field, 'must be a UUID');
  return value.toLowerCase();
}

export function search(query: Query): string | undefined {
  const value = text(query, 'search')?.trim();
  if (!value) return undefined;
  if (value.length > 200) bad('search', 'must be at most 200 characters');
  return value;
}

export function dateTime(query: Query, field: string): Date | undefined {
  const value = text(query, field);
  if (value === undefined || value === '') return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value);
  const date = new Date(value);
  if (!ok || Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1900 || date.getUTCFullYear() > 9999) bad(field, 'must be an ISO 8601 date or date-time');
  return date;
}

export function format(query: Query): 'json' | 'ndjson' {
  const value = text(query, 'format');
  if (value === undefined || value === '' || value === 'json') return 'json';
  if (value === 'ndjson') return 'ndjson';
  return bad('format', 'must be json or ndjson');
}

export function paging(query: Query): { page: number; perPage: number } {
  return { page: int(query, 'page', 1, 1_000_000, 1), perPage: int(query, 'per_page', 1, MAX_PER_PAGE, 50) };
}

/** A Dutch postcode (`2512 KT`, `2512KT` or just the digits) to its PC4. */
export function postcode(query: Query): string | undefined {
  const value = text(query, 'postcode')?.trim();
  if (!value) return undefined;
  const match = /^([1-9][0-9]{3})\s?([A-Za-z]{2})?$/.exec(value);
  if (!match?.[1]) bad('postcode', 'must be a Dutch postcode such as 2512 KT');
  return match[1];
}

export function proximity(query: Query, hasPostcode: boolean): number | undefined {
  if (text(query, 'proximity') === undefined) return undefined;
  const metres = int(query, 'proximity', 1, 500_000, 0);
  if (!hasPostcode) bad('proximity', 'needs a postcode');
  return metres;
}
