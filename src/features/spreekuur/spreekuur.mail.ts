import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { bilingual, translator, type MessageKey } from '../../i18n/index.ts';
import { queueEmail } from '../../platform/mail.ts';
import type { BookingRow } from './booking.repository.ts';
import { buildCalendar } from './ics.ts';
import { formatWhen, locationOnly, placeText } from './spreekuur.presenter.ts';

/** The e-mails of a booking (confirmation, change, cancellation, reminder), with a calendar file. */
export interface MailSettings {
  readonly publicUrl: string;
  readonly siteName: string;
}

export type BookingMailKind = 'confirm' | 'rebook' | 'cancel' | 'reminder';

const KEYS: Record<BookingMailKind, { subject: MessageKey; body: MessageKey }> = {
  confirm: { subject: 'spreekuur.mail.confirm.subject', body: 'spreekuur.mail.confirm.body' },
  rebook: { subject: 'spreekuur.mail.rebook.subject', body: 'spreekuur.mail.rebook.body' },
  cancel: { subject: 'spreekuur.mail.cancel.subject', body: 'spreekuur.mail.cancel.body' },
  reminder: { subject: 'spreekuur.mail.reminder.subject', body: 'spreekuur.mail.reminder.body' },
};

export function calendarFor(settings: MailSettings, booking: BookingRow, link: string, now: Date): string {
  const t = translator(booking.lang);
  const host = new URL(settings.publicUrl).hostname;
  return buildCalendar(
    {
      uid: `spreekuur-${booking.id}@${host}`,
      sequence: booking.sequence,
      stamp: now,
      start: booking.starts_at,
      end: booking.ends_at,
      summary: t('spreekuur.ics.summary', { site: settings.siteName }),
      description: t('spreekuur.ics.description', { how: placeText(booking, t), link }),
      ...(locationOnly(booking) ? { location: locationOnly(booking) } : {}),
      url: link,
      status: booking.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    },
    `-//${settings.siteName}//Spreekuur//${booking.lang.toUpperCase()}`,
  );
}

/** Queues one mail in the caller's transaction; nothing when the person gave no e-mail address. */
export async function queueBookingMail(db: Kysely<DB>, settings: MailSettings, booking: BookingRow, kind: BookingMailKind, token: string, now: Date): Promise<void> {
  if (!booking.email) return;
  const link = `${settings.publicUrl}/spreekuur/afspraak?sleutel=${token}`;
  const keys = KEYS[kind];
  const params = (t: (key: MessageKey) => string) => ({
    when: formatWhen(booking.starts_at, booking.ends_at, t('spreekuur.mail.locale')),
    how: placeText(booking, t),
    link,
    site: settings.siteName,
  });
  const ics = calendarFor(settings, booking, link, now);
  await queueEmail(db, {
    purpose: `spreekuur_${kind}`,
    to: booking.email,
    subject: `${translator('nl')(keys.subject)} / ${translator('en')(keys.subject)}`,
    text: bilingual((t) => t(keys.body, params(t))),
    attachments: [{ filename: 'afspraak.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: Buffer.from(ics, 'utf8').toString('base64') }],
    // The manage link is in the text and in the .ics (description and URL).
    privateLink: true,
  });
}
