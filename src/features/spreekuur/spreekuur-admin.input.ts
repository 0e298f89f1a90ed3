import { SPREEKUUR_MODES, type SpreekuurMode } from '../../db/schema.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { NewHours } from './spreekuur.repository.ts';
import { isUuid } from './spreekuur.input.ts';
import { daysBetween, isDay, parseClock } from './zoned.ts';

/** Edge validation of the staff forms: recurring hours and exceptions. */
export type HoursField = 'weekdays' | 'startTime' | 'endTime' | 'slotMinutes' | 'capacity' | 'mode' | 'locationId' | 'locationText' | 'validFrom' | 'validUntil';

export interface HoursValues {
  readonly weekdays: readonly string[];
  readonly startTime: string;
  readonly endTime: string;
  readonly slotMinutes: string;
  readonly capacity: string;
  readonly mode: string;
  readonly locationId: string;
  readonly locationText: string;
  readonly validFrom: string;
  readonly validUntil: string;
}

export type HoursErrors = Partial<Record<HoursField, MessageKey>>;
export type HoursParse = { readonly kind: 'valid'; readonly hours: NewHours } | { readonly kind: 'invalid'; readonly values: HoursValues; readonly errors: HoursErrors };

function str(fields: Record<string, unknown>, name: string): string {
  const value = fields[name];
  return typeof value === 'string' ? value.trim() : '';
}

function list(fields: Record<string, unknown>, name: string): string[] {
  const value = fields[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

function whole(value: string, min: number, max: number): number | null {
  if (!/^\d{1,4}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

function timeErrors(values: HoursValues, errors: HoursErrors): { start: number | null; end: number | null } {
  const start = parseClock(values.startTime);
  const end = parseClock(values.endTime);
  if (start === null) errors.startTime = 'spreekuur.admin.error.time';
  if (end === null) errors.endTime = 'spreekuur.admin.error.time';
  else if (start !== null && end <= start) errors.endTime = 'spreekuur.admin.error.endBeforeStart';
  return { start, end };
}

export function parseHours(body: unknown): HoursParse {
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const values: HoursValues = {
    weekdays: list(fields, 'weekdays'),
    startTime: str(fields, 'startTime'),
    endTime: str(fields, 'endTime'),
    slotMinutes: str(fields, 'slotMinutes'),
    capacity: str(fields, 'capacity'),
    mode: str(fields, 'mode'),
    locationId: str(fields, 'locationId'),
    locationText: str(fields, 'locationText'),
    validFrom: str(fields, 'validFrom'),
    validUntil: str(fields, 'validUntil'),
  };
  const errors: HoursErrors = {};
  const weekdays = [...new Set(values.weekdays)].map(Number);
  if (weekdays.length === 0 || weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) errors.weekdays = 'spreekuur.admin.error.weekdays';
  const { start, end } = timeErrors(values, errors);
  const slotMinutes = whole(values.slotMinutes, 5, 240);
  if (slotMinutes === null) errors.slotMinutes = 'spreekuur.admin.error.slotMinutes';
  else if (start !== null && end !== null && end > start && end - start < slotMinutes) errors.slotMinutes = 'spreekuur.admin.error.slotTooLong';
  const capacity = whole(values.capacity, 1, 50);
  if (capacity === null) errors.capacity = 'spreekuur.admin.error.capacity';
  const mode = SPREEKUUR_MODES.find((m) => m === values.mode);
  if (!mode) errors.mode = 'spreekuur.admin.error.mode';
  if (values.locationId !== '' && !isUuid(values.locationId)) errors.locationId = 'spreekuur.admin.error.location';
  if (values.locationText.length > 200) errors.locationText = 'spreekuur.admin.error.locationText';
  if (mode === 'location' && values.locationId === '' && values.locationText === '') errors.locationText = 'spreekuur.admin.error.locationMissing';
  if (!isDay(values.validFrom)) errors.validFrom = 'spreekuur.admin.error.day';
  if (values.validUntil !== '' && !isDay(values.validUntil)) errors.validUntil = 'spreekuur.admin.error.day';
  else if (values.validUntil !== '' && isDay(values.validFrom) && values.validUntil < values.validFrom) errors.validUntil = 'spreekuur.admin.error.untilBeforeFrom';
  if (Object.keys(errors).length > 0 || start === null || end === null || slotMinutes === null || capacity === null || !mode) return { kind: 'invalid', values, errors };
  return { kind: 'valid', hours: hoursOf(values, { weekdays, start, end, slotMinutes, capacity, mode }) };
}

function hoursOf(values: HoursValues, p: { weekdays: number[]; start: number; end: number; slotMinutes: number; capacity: number; mode: SpreekuurMode }): NewHours {
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return {
    weekdays: p.weekdays.sort((a, b) => a - b),
    startTime: clock(p.start),
    endTime: clock(p.end),
    slotMinutes: p.slotMinutes,
    capacity: p.capacity,
    mode: p.mode,
    locationId: p.mode === 'location' && values.locationId !== '' ? values.locationId.toLowerCase() : null,
    locationText: p.mode === 'location' ? values.locationText : '',
    validFrom: values.validFrom,
    validUntil: values.validUntil === '' ? null : values.validUntil,
  };
}

export type ExceptionField = 'firstDay' | 'lastDay' | 'reason';
export interface ExceptionValues {
  readonly firstDay: string;
  readonly lastDay: string;
  readonly reason: string;
}
export type ExceptionErrors = Partial<Record<ExceptionField, MessageKey>>;
export type ExceptionParse =
  | { readonly kind: 'valid'; readonly exception: ExceptionValues }
  | { readonly kind: 'invalid'; readonly values: ExceptionValues; readonly errors: ExceptionErrors };

export function parseException(body: unknown): ExceptionParse {
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const firstDay = str(fields, 'firstDay');
  const lastDay = str(fields, 'lastDay') || firstDay;
  const values = { firstDay, lastDay: str(fields, 'lastDay'), reason: str(fields, 'reason') };
  const errors: ExceptionErrors = {};
  if (!isDay(firstDay)) errors.firstDay = 'spreekuur.admin.error.day';
  if (!isDay(lastDay)) errors.lastDay = 'spreekuur.admin.error.day';
  else if (isDay(firstDay) && (lastDay < firstDay || daysBetween(firstDay, lastDay) > 366)) errors.lastDay = 'spreekuur.admin.error.range';
  if (values.reason === '') errors.reason = 'spreekuur.admin.error.reasonMissing';
  else if (values.reason.length > 200) errors.reason = 'spreekuur.admin.error.reasonLong';
  if (Object.keys(errors).length > 0) return { kind: 'invalid', values, errors };
  return { kind: 'valid', exception: { firstDay, lastDay, reason: values.reason } };
}
