import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, SpreekuurExceptionTable, SpreekuurHoursTable, SpreekuurMode } from '../../db/schema.ts';
import type { DayRange, NewSlot } from './slots.ts';

/** Hours, exceptions and slots: the only SQL for the schedule. Bookings are in booking.repository.ts. */
export type HoursRow = Selectable<SpreekuurHoursTable> & { readonly location_name: string | null };
export type ExceptionRow = Selectable<SpreekuurExceptionTable>;

export interface SlotRow {
  readonly id: string;
  readonly starts_at: Date;
  readonly ends_at: Date;
  readonly mode: SpreekuurMode;
  readonly location_text: string;
  readonly location_name: string | null;
  readonly location_address: string | null;
  readonly capacity: number;
  readonly booked: number;
  readonly closed: boolean;
}

export async function listHours(db: Kysely<DB>, options: { activeOn?: string; limit: number; offset: number }): Promise<{ rows: HoursRow[]; total: number }> {
  let query = db.selectFrom('spreekuur_hours as h').leftJoin('location as l', 'l.id', 'h.location_id');
  if (options.activeOn) query = query.where((eb) => eb.or([eb('h.valid_until', 'is', null), eb('h.valid_until', '>=', options.activeOn ?? '')]));
  const [rows, count] = await Promise.all([
    query.selectAll('h').select('l.name as location_name').orderBy('h.valid_from').orderBy('h.start_time').orderBy('h.id').limit(options.limit).offset(options.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findHours(db: Kysely<DB>, id: string): Promise<HoursRow | undefined> {
  return db.selectFrom('spreekuur_hours as h').leftJoin('location as l', 'l.id', 'h.location_id').selectAll('h').select('l.name as location_name').where('h.id', '=', id).executeTakeFirst();
}

export interface NewHours {
  readonly weekdays: number[];
  readonly startTime: string;
  readonly endTime: string;
  readonly slotMinutes: number;
  readonly capacity: number;
  readonly mode: SpreekuurMode;
  readonly locationId: string | null;
  readonly locationText: string;
  readonly validFrom: string;
  readonly validUntil: string | null;
}

export async function insertHours(db: Kysely<DB>, hours: NewHours): Promise<string> {
  const row = await db
    .insertInto('spreekuur_hours')
    .values({
      weekdays: hours.weekdays,
      start_time: hours.startTime,
      end_time: hours.endTime,
      slot_minutes: hours.slotMinutes,
      capacity: hours.capacity,
      mode: hours.mode,
      location_id: hours.locationId,
      location_text: hours.locationText,
      valid_from: hours.validFrom,
      valid_until: hours.validUntil,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Ends recurring hours after `lastDay`; returns false when they were not found. */
export async function endHours(db: Kysely<DB>, id: string, lastDay: string): Promise<boolean> {
  const result = await db
    .updateTable('spreekuur_hours')
    .set({ valid_until: sql<string>`greatest(valid_from, least(coalesce(valid_until, ${lastDay}::date), ${lastDay}::date))` })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listExceptions(db: Kysely<DB>, options: { fromDay: string; limit: number; offset: number }): Promise<{ rows: ExceptionRow[]; total: number }> {
  const query = db.selectFrom('spreekuur_exception').where('last_day', '>=', options.fromDay);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('first_day').orderBy('id').limit(options.limit).offset(options.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function exceptionsOverlapping(db: Kysely<DB>, from: string, to: string): Promise<DayRange[]> {
  return db.selectFrom('spreekuur_exception').select(['first_day', 'last_day']).where('first_day', '<=', to).where('last_day', '>=', from).execute();
}

export async function insertException(db: Kysely<DB>, values: { firstDay: string; lastDay: string; reason: string }): Promise<string> {
  const row = await db.insertInto('spreekuur_exception').values({ first_day: values.firstDay, last_day: values.lastDay, reason: values.reason }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteException(db: Kysely<DB>, id: string): Promise<ExceptionRow | undefined> {
  return db.deleteFrom('spreekuur_exception').where('id', '=', id).returningAll().executeTakeFirst();
}

/** Hours that may have slots between the two days. */
export async function hoursActiveBetween(db: Kysely<DB>, from: string, to: string): Promise<HoursRow[]> {
  return db
    .selectFrom('spreekuur_hours as h')
    .leftJoin('location as l', 'l.id', 'h.location_id')
    .selectAll('h')
    .select('l.name as location_name')
    .where('h.valid_from', '<=', to)
    .where((eb) => eb.or([eb('h.valid_until', 'is', null), eb('h.valid_until', '>=', from)]))
    .execute();
}

/** Inserts slots that don't exist yet (one per hours and start), so materialising twice is harmless. */
export async function insertSlots(db: Kysely<DB>, slots: readonly NewSlot[]): Promise<number> {
  if (slots.length === 0) return 0;
  let inserted = 0;
  for (let i = 0; i < slots.length; i += 500) {
    const result = await db
      .insertInto('spreekuur_slot')
      .values(slots.slice(i, i + 500).map((s) => ({ ...s })))
      .onConflict((oc) => oc.columns(['hours_id', 'starts_at']).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return inserted;
}

const neverBooked = sql<boolean>`not exists (select 1 from spreekuur_booking b where b.slot_id = spreekuur_slot.id)`;

/**
 * Closes the slots in [from, to): never-booked ones go, the rest stay closed so their bookings are
 * still there for staff to contact. `hoursId` limits it to one set of hours (when hours end).
 */
export async function closeSlots(db: Kysely<DB>, from: Date, to: Date, hoursId?: string): Promise<void> {
  let remove = db.deleteFrom('spreekuur_slot').where('starts_at', '>=', from).where('starts_at', '<', to).where(neverBooked);
  let close = db.updateTable('spreekuur_slot').set({ closed: true }).where('starts_at', '>=', from).where('starts_at', '<', to);
  if (hoursId) {
    remove = remove.where('hours_id', '=', hoursId);
    close = close.where('hours_id', '=', hoursId);
  }
  await remove.execute();
  await close.execute();
}

export async function reopenSlots(db: Kysely<DB>, from: Date, to: Date): Promise<void> {
  await db
    .updateTable('spreekuur_slot')
    .set({ closed: false })
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .where('hours_id', 'in', db.selectFrom('spreekuur_hours').select('id'))
    .execute();
}

const slotColumns = [
  's.id',
  's.starts_at',
  's.ends_at',
  's.mode',
  's.location_text',
  's.capacity',
  's.booked',
  's.closed',
  'l.name as location_name',
  'l.address as location_address',
] as const;

/** Bookable slots (open, not full, not started) starting in [from, to), in time order. */
export async function listFreeSlots(db: Kysely<DB>, from: Date, to: Date, limit = 2000): Promise<SlotRow[]> {
  return db
    .selectFrom('spreekuur_slot as s')
    .leftJoin('location as l', 'l.id', 's.location_id')
    .select(slotColumns)
    .where('s.starts_at', '>=', from)
    .where('s.starts_at', '<', to)
    .where('s.closed', '=', false)
    .whereRef('s.booked', '<', 's.capacity')
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .limit(limit)
    .execute();
}

export async function findSlot(db: Kysely<DB>, id: string): Promise<SlotRow | undefined> {
  return db.selectFrom('spreekuur_slot as s').leftJoin('location as l', 'l.id', 's.location_id').select(slotColumns).where('s.id', '=', id).executeTakeFirst();
}

export async function listLocations(db: Kysely<DB>, limit = 500): Promise<{ id: string; name: string; city: string }[]> {
  return db.selectFrom('location').select(['id', 'name', 'city']).orderBy('name').orderBy('id').limit(limit).execute();
}

export async function locationExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return (await db.selectFrom('location').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
