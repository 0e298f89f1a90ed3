import type { SpreekuurMode } from '../../db/schema.ts';
import type { Lang, MessageKey, Translate } from '../../i18n/index.ts';
import { TIME_ZONE } from './zoned.ts';

/** Turns slot and booking rows into the words and times people read, in Amsterdam time. */
const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(locale: string): Intl.DateTimeFormat {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    dayFormats.set(locale, format);
  }
  return format;
}

function timeFormat(locale: string): Intl.DateTimeFormat {
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormats.set(locale, format);
  }
  return format;
}

export function localeOf(lang: Lang): string {
  return LOCALES[lang];
}

/** "maandag 2 maart 2026" */
export function formatDay(instant: Date, locale: string): string {
  return dayFormat(locale).format(instant);
}

/** "12:00" */
export function formatTime(instant: Date, locale: string): string {
  return timeFormat(locale).format(instant);
}

/** "maandag 2 maart 2026, 12:00–12:20" */
export function formatWhen(start: Date, end: Date, locale: string): string {
  return `${formatDay(start, locale)}, ${formatTime(start, locale)}–${formatTime(end, locale)}`;
}

/** A noon-UTC instant on a calendar day, for formatting a 'YYYY-MM-DD' as a day name. */
export function dayInstant(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

export const MODE_LABELS: Record<SpreekuurMode, MessageKey> = {
  phone: 'spreekuur.mode.phone',
  video: 'spreekuur.mode.video',
  location: 'spreekuur.mode.location',
};

export interface PlaceFields {
  readonly mode: SpreekuurMode;
  readonly location_text: string;
  readonly location_name: string | null;
  readonly location_address: string | null;
}

/** "Op locatie: Wijkcentrum, Kerkstraat 1" / "Telefonisch" */
export function placeText(slot: PlaceFields, t: Translate): string {
  const where = [slot.location_name, slot.location_address, slot.location_text].filter((x): x is string => Boolean(x)).join(', ');
  return where && slot.mode === 'location' ? `${t(MODE_LABELS[slot.mode])}: ${where}` : t(MODE_LABELS[slot.mode]);
}

/** The location alone, for the calendar entry; none for phone and video. */
export function locationOnly(slot: PlaceFields): string | undefined {
  if (slot.mode !== 'location') return undefined;
  return [slot.location_name, slot.location_address, slot.location_text].filter(Boolean).join(', ') || undefined;
}
