import type { SpreekuurMode } from '../../db/schema.ts';
import { addDays, amsterdamToUtc, daysBetween, isoWeekday, parseClock } from './zoned.ts';

/** Recurring hours as the slot generator needs them (times in Amsterdam wall-clock). */
export interface HoursDefinition {
  readonly id: string;
  readonly weekdays: readonly number[];
  readonly start_time: string;
  readonly end_time: string;
  readonly slot_minutes: number;
  readonly capacity: number;
  readonly mode: SpreekuurMode;
  readonly location_id: string | null;
  readonly location_text: string;
  readonly valid_from: string;
  readonly valid_until: string | null;
}

export interface NewSlot {
  readonly hours_id: string;
  readonly starts_at: Date;
  readonly ends_at: Date;
  readonly mode: SpreekuurMode;
  readonly location_id: string | null;
  readonly location_text: string;
  readonly capacity: number;
}

export interface DayRange {
  readonly first_day: string;
  readonly last_day: string;
}

export function isClosedDay(day: string, closures: readonly DayRange[]): boolean {
  return closures.some((c) => c.first_day <= day && day <= c.last_day);
}

/** Every slot of `hours` on the days from..to (inclusive), skipping closed days; whole slots only. */
export function generateSlots(hours: HoursDefinition, from: string, to: string, closures: readonly DayRange[]): NewSlot[] {
  const start = parseClock(hours.start_time.slice(0, 5));
  const end = parseClock(hours.end_time.slice(0, 5));
  if (start === null || end === null) return [];
  const slots: NewSlot[] = [];
  for (let i = 0; i <= daysBetween(from, to); i++) {
    const day = addDays(from, i);
    if (day < hours.valid_from || (hours.valid_until !== null && day > hours.valid_until)) continue;
    if (!hours.weekdays.includes(isoWeekday(day)) || isClosedDay(day, closures)) continue;
    for (let m = start; m + hours.slot_minutes <= end; m += hours.slot_minutes) {
      slots.push({
        hours_id: hours.id,
        starts_at: amsterdamToUtc(day, m),
        ends_at: amsterdamToUtc(day, m + hours.slot_minutes),
        mode: hours.mode,
        location_id: hours.location_id,
        location_text: hours.location_text,
        capacity: hours.capacity,
      });
    }
  }
  return slots;
}
