import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { JobRegistry } from '../../platform/worker.ts';
import { anonymiseBookings, claimReminder, findBooking } from './booking.repository.ts';
import { manageToken, REMINDER_JOB } from './booking.service.ts';
import { queueBookingMail, type MailSettings } from './spreekuur.mail.ts';
import { materialiseSlots } from './spreekuur.service.ts';

/** Background work of the consultation hours; every handler may run twice without harm. */
export const RETENTION_JOB = 'spreekuur.retention';
export const MATERIALISE_JOB = 'spreekuur.materialise';

export interface JobSettings extends MailSettings {
  readonly secret: string;
  readonly retentionMonths: number;
}

/** The reminder for one start time of one booking: at most once, and not when cancelled or moved. */
export async function sendReminder(db: Kysely<DB>, settings: JobSettings, payload: Readonly<Record<string, unknown>>, now: Date): Promise<boolean> {
  const bookingId = payload['bookingId'];
  const startsAt = typeof payload['startsAt'] === 'string' ? new Date(payload['startsAt']) : null;
  if (typeof bookingId !== 'string' || !startsAt || Number.isNaN(startsAt.getTime())) return false;
  return db.transaction().execute(async (trx) => {
    if (!(await claimReminder(trx, bookingId, startsAt))) return false;
    const booking = await findBooking(trx, bookingId);
    if (!booking) return false;
    await queueBookingMail(trx, settings, booking, 'reminder', manageToken(settings.secret, booking.id), now);
    return true;
  });
}

export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

export function registerSpreekuurJobs(jobs: JobRegistry, settings: JobSettings): void {
  jobs.register(REMINDER_JOB, async (payload, { db, now }) => {
    await sendReminder(db, settings, payload, now);
  });
  jobs.daily(RETENTION_JOB, async (_payload, { db, now }) => {
    await anonymiseBookings(db, retentionCutoff(now, settings.retentionMonths), now);
  }, 2);
  jobs.daily(MATERIALISE_JOB, async (_payload, { db, now }) => {
    await materialiseSlots(db, now);
  }, 3);
}
