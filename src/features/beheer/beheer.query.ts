import { isCalendarDay } from '../../web/input.ts';

/**
 * Edge parsing shared by the back-office lists and forms: query strings and form bodies arrive as
 * untyped strings (or arrays of them); these turn them into bounded, typed values or nothing.
 */

export const PAGE_SIZE = 25;

export type Query = Readonly<Record<string, string | string[] | undefined>>;

/** One string value of a query or body field, cut to a maximum length; '' when absent or not a string. */
export function one(source: unknown, name: string, max = 200): string {
  const value = source && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.slice(0, max) : '';
}

/** Every string value of a repeated field (checkboxes, multiple select), de-duplicated and bounded. */
export function many(source: unknown, name: string, maxItems = 500, maxLength = 100): string[] {
  const value = source && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const strings = list.filter((v): v is string => typeof v === 'string' && v !== '' && v.length <= maxLength);
  return [...new Set(strings)].slice(0, maxItems);
}

/** `?pagina=` as a page number from 1; anything else is page 1. */
export function pageNumber(source: unknown): number {
  const raw = one(source, 'pagina', 9);
  return /^[1-9]\d{0,6}$/.test(raw) ? Number(raw) : 1;
}

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A value from a closed list, or undefined. */
export function oneOf<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Escapes LIKE wildcards so typed text matches literally. */
export function likePattern(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A calendar date typed as YYYY-MM-DD that exists (within the app's range of days), or undefined. */
export function isoDate(value: string): string | undefined {
  return isCalendarDay(value) ? value : undefined;
}

const ZONE = 'Europe/Amsterdam';

/** Minutes that Amsterdam is ahead of UTC at an instant (60 in winter, 120 in summer). */
function zoneOffsetMinutes(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** The first instant of a calendar day in Amsterdam (the back office's time zone). */
export function startOfDay(isoDay: string): Date {
  const utcMidnight = new Date(`${isoDay}T00:00:00Z`);
  const guess = new Date(utcMidnight.getTime() - zoneOffsetMinutes(utcMidnight) * 60_000);
  return new Date(utcMidnight.getTime() - zoneOffsetMinutes(guess) * 60_000);
}

/** The first instant of the day after. */
export function endOfDay(isoDay: string): Date {
  const next = new Date(`${isoDay}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return startOfDay(next.toISOString().slice(0, 10));
}

/** A moment as the back office shows it: Amsterdam time, day and minute. */
export function formatMoment(instant: Date, lang: 'nl' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(instant);
}
