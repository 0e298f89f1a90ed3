import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Test helpers: a slot row straight in the database, counts of what a booking leaves behind. */
export async function insertTestSlot(db: Kysely<DB>, options: { capacity?: number; startsAt?: Date; minutes?: number } = {}): Promise<string> {
  const startsAt = options.startsAt ?? new Date(Date.now() + 3 * 86_400_000);
  const row = await db
    .insertInto('spreekuur_slot')
    .values({ starts_at: startsAt, ends_at: new Date(startsAt.getTime() + (options.minutes ?? 20) * 60_000), mode: 'phone', capacity: options.capacity ?? 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function countRows(db: Kysely<DB>, table: 'spreekuur_booking' | 'outbox_email' | 'job' | 'audit_event'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function bookedCount(db: Kysely<DB>, slotId: string): Promise<number> {
  const row = await db.selectFrom('spreekuur_slot').select('booked').where('id', '=', slotId).executeTakeFirstOrThrow();
  return row.booked;
}

export function bookingBody(slotId: string, key: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { slotId, name: 'J.D.', email: 'ouder@example.org', topic: 'parenting_plan', idempotencyKey: key, ...extra };
}

/** A slot whose `booked` counter disagrees with the bookings that hold a seat on it. */
export interface SlotMismatch {
  readonly slotId: string;
  readonly booked: number;
  readonly seated: number;
  readonly capacity: number;
}

/**
 * The invariant over the whole spreekuur_slot table (or the given slots): `booked` equals the
 * number of bookings holding a seat, and that number fits the capacity. Every status but
 * 'cancelled' holds a seat: attended and no-show are set by staff without touching the counter.
 */
export async function slotMismatches(db: Kysely<DB>, slotIds?: readonly string[]): Promise<SlotMismatch[]> {
  let query = db
    .selectFrom('spreekuur_slot as s')
    .leftJoin('spreekuur_booking as b', (join) => join.onRef('b.slot_id', '=', 's.id').on('b.status', '<>', 'cancelled'))
    .select((eb) => ['s.id', 's.booked', 's.capacity', eb.fn.count<number>('b.id').as('seated')])
    .groupBy(['s.id', 's.booked', 's.capacity']);
  if (slotIds) query = query.where('s.id', 'in', [...slotIds]);
  const rows = await query.execute();
  return rows
    .map((r) => ({ slotId: r.id, booked: r.booked, seated: Number(r.seated), capacity: r.capacity }))
    .filter((r) => r.booked !== r.seated || r.seated > r.capacity);
}
