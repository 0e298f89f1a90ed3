import { isCalendarDay } from '../../web/input.ts';

/**
 * Europe/Amsterdam wall-clock ↔ instants, with Intl's time-zone data (no dependency). Hours are
 * defined in local time ("12:00–13:00 on weekdays"); slots are stored as timestamptz, so a slot
 * at 12:00 stays at 12:00 local time on both sides of a DST change.
 */
export const TIME_ZONE = 'Europe/Amsterdam';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function wallClock(instant: Date): WallClock {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
    second: Number(parts['second']),
  };
}

/** Offset of Amsterdam from UTC at this instant, in minutes (60 in winter, 120 in summer). */
export function offsetMinutes(instant: Date): number {
  const w = wallClock(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which Amsterdam's clock shows `day` + `minutes` after midnight. Amsterdam is
 * UTC+1 or UTC+2, so there are two candidates: a repeated autumn time takes its first occurrence;
 * a time skipped in spring (02:00–03:00) is read with the winter offset, i.e. an hour later on the
 * clock. Consultation hours don't fall there, but the function must still be total.
 */
export function amsterdamToUtc(day: string, minutes: number): Date {
  const match = DAY.exec(day);
  if (!match) throw new RangeError(`not a day: ${day}`);
  const naive = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 0, minutes);
  const wanted = new Date(naive).toISOString().slice(0, 16);
  const matches = [naive - 120 * 60_000, naive - 60 * 60_000].filter((candidate) => {
    const w = wallClock(new Date(candidate));
    const shown = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute)).toISOString().slice(0, 16);
    return shown === wanted;
  });
  return new Date(matches[0] ?? naive - 60 * 60_000);
}

/** 'YYYY-MM-DD' of an instant in Amsterdam. */
export function amsterdamDay(instant: Date): string {
  const w = wallClock(instant);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** Minutes after local midnight of an instant in Amsterdam. */
export function amsterdamMinutes(instant: Date): number {
  const w = wallClock(instant);
  return w.hour * 60 + w.minute;
}

export function isDay(value: unknown): value is string {
  return isCalendarDay(value);
}

/** Calendar arithmetic on 'YYYY-MM-DD' (no time zone involved). */
export function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** Monday of the week `day` is in. */
export function weekStart(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((new Date(`${to}T00:00:00Z`).getTime() - new Date(`${from}T00:00:00Z`).getTime()) / 86_400_000);
}

/** 'HH:MM' or 'HH:MM:SS' → minutes after midnight, or null. */
export function parseClock(value: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)(?::00)?$/.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
