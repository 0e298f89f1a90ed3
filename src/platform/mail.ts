import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { DB, EmailAttachment } from '../db/schema.ts';
import { retryDelayMs } from './jobs.ts';

export interface OutgoingEmail {
  /** What the mail is for, e.g. 'invite', 'password_reset', 'moderation_result'; shown to admins. */
  readonly purpose: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly attachments?: readonly EmailAttachment[];
}

/** Writes the mail to the outbox; pass the transaction of the change that causes it. */
export async function queueEmail(db: Kysely<DB>, email: OutgoingEmail): Promise<string> {
  const row = await db
    .insertInto('outbox_email')
    .values({
      purpose: email.purpose,
      to_address: email.to,
      subject: email.subject,
      text_body: email.text,
      attachments: JSON.stringify(email.attachments ?? []),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface MailMessage {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly attachments: readonly EmailAttachment[];
}

export type MailTransport = (message: MailMessage) => Promise<void>;

function nodemailerMessage(message: MailMessage) {
  return {
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    messageId: `<${message.id}@wegwijzer>`,
    attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content, 'base64') })),
  };
}

/** SMTP through nodemailer (STARTTLS or TLS as the URL says). */
export function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return async (message) => {
    await transporter.sendMail(nodemailerMessage(message));
  };
}

/** The embedded default: each mail becomes an RFC 5322 `.eml` file, written atomically. */
export function fileTransport(directory: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return async (message) => {
    const info = await transporter.sendMail(nodemailerMessage(message));
    await mkdir(directory, { recursive: true });
    const file = path.join(directory, `${message.id}.eml`);
    await writeFile(`${file}.tmp`, info.message as Buffer);
    await rename(`${file}.tmp`, file);
  };
}

export const MAX_MAIL_ATTEMPTS = 8;

export interface DeliverySummary {
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
}

/**
 * Sends due mails one by one. Each is claimed by pushing its next attempt forward first, so a
 * crash between sending and marking it sent sends it again rather than never (at least once).
 */
export async function deliverDueEmails(
  db: Kysely<DB>,
  transport: MailTransport,
  options: { from: string; now?: () => Date; limit?: number },
): Promise<DeliverySummary> {
  const now = options.now ?? (() => new Date());
  const summary = { sent: 0, retried: 0, failed: 0 };
  for (let i = 0; i < (options.limit ?? 50); i++) {
    const at = now();
    const mail = await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('outbox_email')
        .selectAll()
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', at)
        .orderBy('next_attempt_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return undefined;
      await trx
        .updateTable('outbox_email')
        .set({ attempts: sql`attempts + 1`, next_attempt_at: new Date(at.getTime() + retryDelayMs(row.attempts + 1)) })
        .where('id', '=', row.id)
        .execute();
      return row;
    });
    if (!mail) break;
    try {
      await transport({ id: mail.id, from: options.from, to: mail.to_address, subject: mail.subject, text: mail.text_body, attachments: mail.attachments });
      await db.updateTable('outbox_email').set({ status: 'sent', sent_at: now(), last_error: null }).where('id', '=', mail.id).execute();
      summary.sent++;
    } catch (error) {
      const final = mail.attempts + 1 >= MAX_MAIL_ATTEMPTS;
      await db
        .updateTable('outbox_email')
        .set({ status: final ? 'failed' : 'pending', last_error: (error instanceof Error ? error.message : String(error)).slice(0, 2000) })
        .where('id', '=', mail.id)
        .execute();
      if (final) summary.failed++;
      else summary.retried++;
    }
  }
  return summary;
}

/** Puts a failed mail back in the queue (admin action). */
export async function retryEmail(db: Kysely<DB>, id: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox_email')
    .set({ status: 'pending', attempts: 0, next_attempt_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Sent mail is kept this long (for "did it go out?"), then removed: it can hold personal data and private links. */
export const SENT_MAIL_DAYS = 30;
export const FAILED_MAIL_DAYS = 90;

export async function purgeOldEmails(db: Kysely<DB>, now: Date): Promise<number> {
  const day = 86400_000;
  const result = await db
    .deleteFrom('outbox_email')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'sent'), eb('sent_at', '<', new Date(now.getTime() - SENT_MAIL_DAYS * day))]),
        eb.and([eb('status', '=', 'failed'), eb('created_at', '<', new Date(now.getTime() - FAILED_MAIL_DAYS * day))]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
