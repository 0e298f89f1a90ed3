import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { enqueueJob } from '../../platform/jobs.ts';
import {
  claimSlot,
  findBooking,
  findBookingByKey,
  findBookingByTokenHash,
  insertBooking,
  lockBooking,
  markCancelled,
  moveBooking,
  releaseSlot,
  setAttendance,
  type BookingRow,
} from './booking.repository.ts';
import type { BookingInput } from './spreekuur.input.ts';
import { queueBookingMail, type MailSettings } from './spreekuur.mail.ts';
import type { StaffContext } from './spreekuur.service.ts';
import { amsterdamDay, amsterdamToUtc, addDays } from './zoned.ts';

/** Booking, cancelling and rebooking: the use cases behind the public pages and the API. */
export interface BookingContext {
  readonly db: Kysely<DB>;
  readonly now: Date;
  /** Keys the private links (HMAC), so a repeated submit can give the same link again. */
  readonly secret: string;
  readonly mail: MailSettings;
  readonly ip: string | null;
}

export type BookOutcome =
  | { readonly kind: 'created'; readonly booking: BookingRow; readonly token: string }
  | { readonly kind: 'replayed'; readonly booking: BookingRow; readonly token: string }
  /** The key was used for another request (or before request hashes were kept): nothing of that booking is told. */
  | { readonly kind: 'key_reused' }
  | { readonly kind: 'full' }
  | { readonly kind: 'unavailable' };

export type ChangeOutcome = { readonly kind: 'done'; readonly booking: BookingRow } | { readonly kind: 'full' } | { readonly kind: 'unavailable' } | { readonly kind: 'not_live' };

export const REMINDER_JOB = 'spreekuur.reminder';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const REMINDER_LOCAL_MINUTES = 9 * 60;

/** The private link's token: derived from the booking id with the app secret; only its hash is stored. */
export function manageToken(secret: string, bookingId: string): string {
  return createHmac('sha256', secret).update(`spreekuur-manage:${bookingId}`).digest('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function manageUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/spreekuur/afspraak?sleutel=${token}`;
}

export async function findBookingByToken(db: Kysely<DB>, token: unknown): Promise<BookingRow | undefined> {
  if (typeof token !== 'string' || !TOKEN.test(token)) return undefined;
  return findBookingByTokenHash(db, tokenHash(token));
}

class Unavailable extends Error {}

function violates(error: unknown, constraint: string): boolean {
  return typeof error === 'object' && error !== null && (error as { constraint?: unknown }).constraint === constraint;
}

/** 09:00 Amsterdam time the day before; none when that has already passed. */
export function reminderTime(startsAt: Date, now: Date): Date | null {
  const at = amsterdamToUtc(addDays(amsterdamDay(startsAt), -1), REMINDER_LOCAL_MINUTES);
  return at > now ? at : null;
}

async function scheduleReminder(db: Kysely<DB>, booking: BookingRow, now: Date): Promise<void> {
  const runAt = reminderTime(booking.starts_at, now);
  if (!runAt || !booking.email) return;
  const startsAt = booking.starts_at.toISOString();
  await enqueueJob(db, REMINDER_JOB, { bookingId: booking.id, startsAt }, { runAt, uniqueKey: `${REMINDER_JOB}:${booking.id}:${startsAt}` });
}

/**
 * What makes two submits "the same": the parsed fields in a fixed order (not the raw JSON), with
 * the key, under HMAC with the app secret, so the stored hash can't be matched to guessed details.
 */
export function requestHash(secret: string, input: BookingInput, lang: 'nl' | 'en'): string {
  const fields = [input.idempotencyKey, input.slotId, input.name, input.email, input.phone, input.topic, input.topicNote, lang];
  return createHmac('sha256', secret).update(`spreekuur-request:${JSON.stringify(fields)}`).digest('hex');
}

function sameHash(stored: string | null, hash: string): boolean {
  return stored !== null && stored.length === hash.length && timingSafeEqual(Buffer.from(stored), Buffer.from(hash));
}

async function replay(ctx: BookingContext, key: string, hash: string): Promise<BookOutcome | undefined> {
  const existing = await findBookingByKey(ctx.db, key);
  if (!existing) return undefined;
  if (!sameHash(existing.request_hash, hash)) return { kind: 'key_reused' };
  return { kind: 'replayed', booking: existing, token: manageToken(ctx.secret, existing.id) };
}

/**
 * Books a place. Atomic: the place, the booking, its audit row, the confirmation mail and the
 * reminder job commit together. The same idempotency key with the same request gives the first
 * booking back; with another request it gives `key_reused` and nothing of the first booking.
 */
export async function bookSlot(ctx: BookingContext, input: BookingInput, lang: 'nl' | 'en'): Promise<BookOutcome> {
  const hash = requestHash(ctx.secret, input, lang);
  const earlier = await replay(ctx, input.idempotencyKey, hash);
  if (earlier) return earlier;
  const id = randomUUID();
  const token = manageToken(ctx.secret, id);
  try {
    return await ctx.db.transaction().execute(async (trx): Promise<BookOutcome> => {
      const claim = await claimSlot(trx, input.slotId, ctx.now);
      if (claim.kind === 'unavailable') return { kind: 'unavailable' };
      await insertBooking(trx, { ...input, id, lang, tokenHash: tokenHash(token), requestHash: hash });
      const booking = await findBooking(trx, id);
      if (!booking) throw new Error('booking vanished inside its own transaction');
      await recordAudit(trx, { actor: null, action: 'booking.create', objectType: 'spreekuur_booking', objectId: id, result: 'ok', ip: ctx.ip, detail: { slotId: input.slotId } });
      await queueBookingMail(trx, ctx.mail, booking, 'confirm', token, ctx.now);
      await scheduleReminder(trx, booking, ctx.now);
      return { kind: 'created', booking, token };
    });
  } catch (error) {
    // A concurrent submit with the same key won the race: its answer, if it was the same request.
    if (violates(error, 'spreekuur_booking_idempotency_key_key') || violates(error, 'spreekuur_slot_capacity')) {
      const again = await replay(ctx, input.idempotencyKey, hash);
      if (again) return again;
    }
    if (violates(error, 'spreekuur_slot_capacity')) return { kind: 'full' };
    if (violates(error, 'spreekuur_booking_slot_id_fkey')) return { kind: 'unavailable' };
    throw error;
  }
}

/**
 * Names the booking to change. Only its id is used: status and slot are read again under the row
 * lock, because a row read before the transaction may already be stale (another tab, a retry).
 */
export interface BookingRef {
  readonly id: string;
}

function isLive(booking: BookingRow, now: Date): boolean {
  return booking.status === 'booked' && booking.starts_at > now;
}

/** Cancels a live booking and frees its place: the place of the slot it is on at that moment. */
export async function cancelBooking(ctx: BookingContext, ref: BookingRef): Promise<ChangeOutcome> {
  return ctx.db.transaction().execute(async (trx): Promise<ChangeOutcome> => {
    const booking = await lockBooking(trx, ref.id);
    if (!booking || !isLive(booking, ctx.now) || !(await markCancelled(trx, booking.id, ctx.now))) return { kind: 'not_live' };
    await releaseSlot(trx, booking.slot_id);
    const updated = await findBooking(trx, booking.id);
    if (!updated) throw new Error('booking vanished inside its own transaction');
    await recordAudit(trx, { actor: null, action: 'booking.cancel', objectType: 'spreekuur_booking', objectId: booking.id, result: 'ok', ip: ctx.ip });
    await queueBookingMail(trx, ctx.mail, updated, 'cancel', manageToken(ctx.secret, booking.id), ctx.now);
    return { kind: 'done', booking: updated };
  });
}

/**
 * Moves a live booking to another free slot in one transaction: the new place or nothing changes.
 * Locks the booking first, then the two slot rows in id order whichever way the move goes, so two
 * rebooks swapping slots (X→Y, Y→X) wait for each other instead of deadlocking.
 */
export async function rebookBooking(ctx: BookingContext, ref: BookingRef, slotId: string): Promise<ChangeOutcome> {
  try {
    return await ctx.db.transaction().execute(async (trx): Promise<ChangeOutcome> => {
      const booking = await lockBooking(trx, ref.id);
      if (!booking || !isLive(booking, ctx.now)) return { kind: 'not_live' };
      if (slotId === booking.slot_id) return { kind: 'unavailable' };
      const from = booking.slot_id;
      for (const slot of [from, slotId].sort()) {
        if (slot === from) await releaseSlot(trx, from);
        // The release may already have happened: roll it back with the rest.
        else if ((await claimSlot(trx, slotId, ctx.now)).kind === 'unavailable') throw new Unavailable();
      }
      if (!(await moveBooking(trx, booking.id, from, slotId, ctx.now))) throw new Error('a locked booking did not move');
      const moved = await findBooking(trx, booking.id);
      if (!moved) throw new Error('booking vanished inside its own transaction');
      await recordAudit(trx, { actor: null, action: 'booking.rebook', objectType: 'spreekuur_booking', objectId: booking.id, result: 'ok', ip: ctx.ip, detail: { from, to: slotId } });
      await queueBookingMail(trx, ctx.mail, moved, 'rebook', manageToken(ctx.secret, booking.id), ctx.now);
      await scheduleReminder(trx, moved, ctx.now);
      return { kind: 'done', booking: moved };
    });
  } catch (error) {
    if (error instanceof Unavailable) return { kind: 'unavailable' };
    if (violates(error, 'spreekuur_slot_capacity')) return { kind: 'full' };
    throw error;
  }
}

export type AttendanceOutcome = { readonly kind: 'done' } | { readonly kind: 'not_changeable' };

/**
 * Staff: attended / no-show / back to booked, under the booking's row lock so the audit row names
 * the status it really came from. The seat stays taken either way; only a cancellation frees it.
 */
export async function setBookingAttendance(ctx: StaffContext, id: string, status: 'booked' | 'attended' | 'no_show'): Promise<AttendanceOutcome> {
  return ctx.db.transaction().execute(async (trx): Promise<AttendanceOutcome> => {
    const booking = await lockBooking(trx, id);
    if (!booking || !(await setAttendance(trx, id, status, ctx.now))) return { kind: 'not_changeable' };
    await recordAudit(trx, { actor: ctx.actor, ip: ctx.ip, action: 'booking.status', objectType: 'spreekuur_booking', objectId: id, result: 'ok', detail: { from: booking.status, to: status } });
    return { kind: 'done' };
  });
}
