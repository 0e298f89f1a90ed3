import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit, type AuditActor } from '../../platform/audit.ts';
import { generateSlots } from './slots.ts';
import {
  closeSlots,
  deleteException,
  endHours,
  exceptionsOverlapping,
  hoursActiveBetween,
  insertException,
  insertHours,
  insertSlots,
  listFreeSlots,
  reopenSlots,
  type NewHours,
  type SlotRow,
} from './spreekuur.repository.ts';
import { addDays, amsterdamDay, amsterdamToUtc } from './zoned.ts';

/** Staff use cases for the schedule: hours, exceptions, and turning them into slot rows. */
export const WEEKS_AHEAD = 8;

export interface StaffContext {
  readonly db: Kysely<DB>;
  readonly now: Date;
  readonly actor: AuditActor;
  readonly ip: string | null;
}

/** Creates the slot rows for the coming weeks (idempotent: existing slots are left alone). */
export async function materialiseSlots(db: Kysely<DB>, now: Date, weeks = WEEKS_AHEAD): Promise<number> {
  const from = amsterdamDay(now);
  const to = addDays(from, weeks * 7);
  const [hours, closures] = await Promise.all([hoursActiveBetween(db, from, to), exceptionsOverlapping(db, from, to)]);
  const slots = hours.flatMap((h) => generateSlots(h, from, to, closures)).filter((s) => s.starts_at > now);
  return insertSlots(db, slots);
}

const dayStart = (day: string) => amsterdamToUtc(day, 0);

export async function createHours(ctx: StaffContext, hours: NewHours): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertHours(trx, hours);
    const created = await materialiseSlots(trx, ctx.now);
    await recordAudit(trx, { actor: ctx.actor, action: 'spreekuur.hours.create', objectType: 'spreekuur_hours', objectId: id, result: 'ok', ip: ctx.ip, detail: { slots: created } });
    return id;
  });
}

/** Ends hours after `lastDay`: later free slots go; booked ones stay, closed, for staff to contact. */
export async function stopHours(ctx: StaffContext, id: string, lastDay: string): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await endHours(trx, id, lastDay))) return false;
    await closeSlots(trx, dayStart(addDays(lastDay, 1)), new Date('9999-12-31T00:00:00Z'), id);
    await recordAudit(trx, { actor: ctx.actor, action: 'spreekuur.hours.end', objectType: 'spreekuur_hours', objectId: id, result: 'ok', ip: ctx.ip, detail: { lastDay } });
    return true;
  });
}

export async function addException(ctx: StaffContext, values: { firstDay: string; lastDay: string; reason: string }): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertException(trx, values);
    await closeSlots(trx, dayStart(values.firstDay), dayStart(addDays(values.lastDay, 1)));
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'spreekuur.exception.create',
      objectType: 'spreekuur_exception',
      objectId: id,
      result: 'ok',
      ip: ctx.ip,
      detail: { firstDay: values.firstDay, lastDay: values.lastDay },
    });
    return id;
  });
}

/** Removes an exception: its days open again, except where another exception still covers them. */
export async function removeException(ctx: StaffContext, id: string): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const removed = await deleteException(trx, id);
    if (!removed) return false;
    await reopenSlots(trx, dayStart(removed.first_day), dayStart(addDays(removed.last_day, 1)));
    for (const other of await exceptionsOverlapping(trx, removed.first_day, removed.last_day)) {
      await closeSlots(trx, dayStart(other.first_day), dayStart(addDays(other.last_day, 1)));
    }
    await materialiseSlots(trx, ctx.now);
    await recordAudit(trx, { actor: ctx.actor, action: 'spreekuur.exception.delete', objectType: 'spreekuur_exception', objectId: id, result: 'ok', ip: ctx.ip });
    return true;
  });
}

export interface FreeDay {
  readonly day: string;
  readonly free: number;
}

/** Days from now to the horizon with at least one free place, with the number of free places. */
export async function listFreeDays(db: Kysely<DB>, now: Date): Promise<FreeDay[]> {
  const slots = await listFreeSlots(db, now, new Date(now.getTime() + WEEKS_AHEAD * 7 * 86_400_000));
  const days = new Map<string, number>();
  for (const s of slots) days.set(amsterdamDay(s.starts_at), (days.get(amsterdamDay(s.starts_at)) ?? 0) + s.capacity - s.booked);
  return [...days].map(([day, free]) => ({ day, free }));
}

/** Free slots of one Amsterdam day that have not started yet. */
export async function listFreeSlotsOn(db: Kysely<DB>, day: string, now: Date): Promise<SlotRow[]> {
  const start = dayStart(day);
  return listFreeSlots(db, start > now ? start : now, dayStart(addDays(day, 1)));
}
