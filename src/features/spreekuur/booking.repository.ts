import { sql, type Kysely } from 'kysely';
import type { BookingStatus, DB, SpreekuurMode } from '../../db/schema.ts';

/** Bookings: the only SQL that touches personal data of the consultation hours. */
export interface BookingRow {
  readonly id: string;
  readonly slot_id: string;
  readonly status: BookingStatus;
  readonly name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly topic: string;
  readonly topic_note: string | null;
  readonly staff_note: string | null;
  readonly lang: 'nl' | 'en';
  readonly sequence: number;
  readonly created_at: Date;
  readonly starts_at: Date;
  readonly ends_at: Date;
  readonly mode: SpreekuurMode;
  readonly location_text: string;
  readonly location_name: string | null;
  readonly location_address: string | null;
  readonly closed: boolean;
}

const bookingColumns = [
  'b.id',
  'b.slot_id',
  'b.status',
  'b.name',
  'b.email',
  'b.phone',
  'b.topic',
  'b.topic_note',
  'b.staff_note',
  'b.lang',
  'b.sequence',
  'b.created_at',
  's.starts_at',
  's.ends_at',
  's.mode',
  's.location_text',
  's.closed',
  'l.name as location_name',
  'l.address as location_address',
] as const;

function bookings(db: Kysely<DB>) {
  return db.selectFrom('spreekuur_booking as b').innerJoin('spreekuur_slot as s', 's.id', 'b.slot_id').leftJoin('location as l', 'l.id', 's.location_id').select(bookingColumns);
}

export async function findBooking(db: Kysely<DB>, id: string): Promise<BookingRow | undefined> {
  return bookings(db).where('b.id', '=', id).executeTakeFirst();
}

/**
 * The booking as it is now, its row locked until the transaction ends: what a cancel or rebook
 * decides on, so a change that committed meanwhile is seen and a concurrent one waits.
 */
export async function lockBooking(db: Kysely<DB>, id: string): Promise<BookingRow | undefined> {
  return bookings(db).where('b.id', '=', id).forUpdate('b').executeTakeFirst();
}

/** The booking an idempotency key made, with the hash of the request that made it. */
export async function findBookingByKey(db: Kysely<DB>, idempotencyKey: string): Promise<(BookingRow & { readonly request_hash: string | null }) | undefined> {
  return bookings(db).select('b.request_hash').where('b.idempotency_key', '=', idempotencyKey).executeTakeFirst();
}

export async function findBookingByTokenHash(db: Kysely<DB>, tokenHash: string): Promise<BookingRow | undefined> {
  return bookings(db).where('b.manage_token_hash', '=', tokenHash).where('b.anonymised_at', 'is', null).executeTakeFirst();
}

/** Bookings (any status) whose slot starts in [from, to), for the agenda. */
export async function listBookingsBetween(db: Kysely<DB>, from: Date, to: Date, limit = 1000): Promise<BookingRow[]> {
  return bookings(db).where('s.starts_at', '>=', from).where('s.starts_at', '<', to).orderBy('s.starts_at').orderBy('b.created_at').limit(limit).execute();
}

/** Live bookings on closed slots from `from` on: people staff must contact. */
export async function listBookingsOnClosedSlots(db: Kysely<DB>, from: Date, limit: number): Promise<BookingRow[]> {
  return bookings(db).where('s.closed', '=', true).where('s.starts_at', '>=', from).where('b.status', '=', 'booked').orderBy('s.starts_at').limit(limit).execute();
}

export type SlotClaim = { readonly kind: 'claimed' } | { readonly kind: 'unavailable' };

/**
 * Takes one place in a slot. The CHECK (booked <= capacity) on the row is what refuses the place
 * when it is full: it raises in the caller's transaction, which is then rolled back. A closed or
 * started slot updates no row.
 */
export async function claimSlot(db: Kysely<DB>, slotId: string, now: Date): Promise<SlotClaim> {
  const result = await db
    .updateTable('spreekuur_slot')
    .set({ booked: sql`booked + 1` })
    .where('id', '=', slotId)
    .where('closed', '=', false)
    .where('starts_at', '>', now)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n ? { kind: 'claimed' } : { kind: 'unavailable' };
}

export async function releaseSlot(db: Kysely<DB>, slotId: string): Promise<void> {
  await db.updateTable('spreekuur_slot').set({ booked: sql`booked - 1` }).where('id', '=', slotId).execute();
}

export interface NewBooking {
  readonly id: string;
  readonly slotId: string;
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly topic: string;
  readonly topicNote: string | null;
  readonly lang: 'nl' | 'en';
  readonly tokenHash: string;
  readonly idempotencyKey: string;
  readonly requestHash: string;
}

export async function insertBooking(db: Kysely<DB>, b: NewBooking): Promise<void> {
  await db
    .insertInto('spreekuur_booking')
    .values({
      id: b.id,
      slot_id: b.slotId,
      name: b.name,
      email: b.email,
      phone: b.phone,
      topic: b.topic,
      topic_note: b.topicNote,
      lang: b.lang,
      manage_token_hash: b.tokenHash,
      idempotency_key: b.idempotencyKey,
      request_hash: b.requestHash,
    })
    .execute();
}

/** Marks a live booking cancelled; false when it was not live (already cancelled, or past). */
export async function markCancelled(db: Kysely<DB>, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('spreekuur_booking')
    .set({ status: 'cancelled', cancelled_at: now, updated_at: now, sequence: sql`sequence + 1` })
    .where('id', '=', id)
    .where('status', '=', 'booked')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Moves a live booking from one slot to another; false when it is no longer live there. */
export async function moveBooking(db: Kysely<DB>, id: string, fromSlotId: string, toSlotId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('spreekuur_booking')
    .set({ slot_id: toSlotId, updated_at: now, sequence: sql`sequence + 1` })
    .where('id', '=', id)
    .where('slot_id', '=', fromSlotId)
    .where('status', '=', 'booked')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Staff: attended / no-show / back to booked. Never from or to 'cancelled' (that frees a place). */
export async function setAttendance(db: Kysely<DB>, id: string, status: 'booked' | 'attended' | 'no_show', now: Date): Promise<boolean> {
  const result = await db
    .updateTable('spreekuur_booking')
    .set({ status, updated_at: now })
    .where('id', '=', id)
    .where('status', '<>', 'cancelled')
    .where('anonymised_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function setStaffNote(db: Kysely<DB>, id: string, note: string | null, now: Date): Promise<boolean> {
  const result = await db.updateTable('spreekuur_booking').set({ staff_note: note, updated_at: now }).where('id', '=', id).where('anonymised_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Claims the reminder for this start time: true once per (booking, start), only while booked and
 * reachable by e-mail. Runs in the transaction that queues the mail, so both happen or neither.
 */
export async function claimReminder(db: Kysely<DB>, id: string, startsAt: Date): Promise<boolean> {
  const result = await db
    .updateTable('spreekuur_booking')
    .set({ reminder_sent_for: startsAt })
    .where('id', '=', id)
    .where('status', '=', 'booked')
    .where('email', 'is not', null)
    .where('slot_id', 'in', db.selectFrom('spreekuur_slot').select('id').where('starts_at', '=', startsAt).where('closed', '=', false))
    .where((eb) => eb.or([eb('reminder_sent_for', 'is', null), eb('reminder_sent_for', '<>', startsAt)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Retention: empties the personal fields of bookings whose appointment ended, or that were
 * cancelled, before `cutoff`, and the request hash made from them (a repeat of the key is then
 * refused). Topic, status, dates and language stay for counts.
 */
export async function anonymiseBookings(db: Kysely<DB>, cutoff: Date, now: Date): Promise<number> {
  const result = await db
    .updateTable('spreekuur_booking')
    .set({ name: null, email: null, phone: null, topic_note: null, staff_note: null, manage_token_hash: null, request_hash: null, anonymised_at: now })
    .where('anonymised_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('cancelled_at', '<', cutoff),
        eb.and([eb('cancelled_at', 'is', null), eb('slot_id', 'in', eb.selectFrom('spreekuur_slot').select('id').where('ends_at', '<', cutoff))]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
