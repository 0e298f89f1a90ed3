import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { DB, EmailAttachment } from '../db/schema.ts';
import { recordAudit } from './audit.ts';
import { retryDelayMs } from './jobs.ts';

export interface OutgoingEmail {
  /** What the mail is for, e.g. 'invite', 'password_reset', 'moderation_result'; shown to admins. */
  readonly purpose: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly attachments?: readonly EmailAttachment[];
  /**
   * The mail carries a private link (a token that opens someone's page, booking or account, in the
   * text or an attachment). Its body and attachments are then purged from the outbox in the
   * statement that marks it sent; the row (purpose, recipient, times) stays until retention.
   * Required, so that every new mail is a decision.
   */
  readonly privateLink: boolean;
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
      private_link: email.privateLink,
      // The app's clock, not the database's now(): the worker compares with the app's clock, and
      // now() is finer than a JS Date, so a mail queued in the same millisecond looked not yet due.
      next_attempt_at: new Date(),
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

/** The file transport's file for an outbox mail: its name is the outbox id, so it can follow the row. */
function emailFile(directory: string, id: string): string {
  return path.join(directory, `${id}.eml`);
}

/** The embedded default: each mail becomes an RFC 5322 `.eml` file, written atomically. */
export function fileTransport(directory: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return async (message) => {
    const info = await transporter.sendMail(nodemailerMessage(message));
    await mkdir(directory, { recursive: true });
    const file = emailFile(directory, message.id);
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
    } catch (error) {
      const final = mail.attempts + 1 >= MAX_MAIL_ATTEMPTS;
      await db
        .updateTable('outbox_email')
        .set({ status: final ? 'failed' : 'pending', last_error: (error instanceof Error ? error.message : String(error)).slice(0, 2000) })
        .where('id', '=', mail.id)
        .execute();
      if (final) summary.failed++;
      else summary.retried++;
      continue;
    }
    const sentAt = now();
    await db.transaction().execute(async (trx) => {
      // One statement marks it sent and, for a private link, empties it: no moment where a sent
      // mail still holds the link. A row deleted while it was being sent ("delete my question")
      // updates nothing here; the daily purge removes the file it may have left.
      await trx
        .updateTable('outbox_email')
        .set({ status: 'sent', sent_at: sentAt, last_error: null, ...(mail.private_link ? { text_body: '', attachments: '[]', body_purged_at: sentAt } : {}) })
        .where('id', '=', mail.id)
        .execute();
      // The outbox row goes with retention or "delete my question"; this says for longer that a mail went out (no address).
      await recordAudit(trx, { actor: null, action: 'outbox.sent', objectType: 'outbox_email', objectId: mail.id, result: 'ok', detail: { purpose: mail.purpose } });
    });
    summary.sent++;
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

/**
 * Removes the file transport's files of these outbox mails. Call it with the ids of every outbox
 * row you delete, after the delete commits: the file is the mail itself and must not outlive its
 * row. A missing file (SMTP, or removed before) is not an error.
 */
export async function removeEmailFiles(directory: string, ids: readonly string[]): Promise<void> {
  await Promise.all(ids.flatMap((id) => [emailFile(directory, id), `${emailFile(directory, id)}.tmp`]).map((file) => rm(file, { force: true })));
}

const EMAIL_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.eml(?:\.tmp)?$/;

/**
 * Removes `.eml` files whose outbox row is gone: left by a crash between a delete and its file
 * removal, by a row deleted while it was being sent, or written before files followed their rows.
 */
async function removeOrphanEmailFiles(db: Kysely<DB>, directory: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const ids = [...new Set(names.map((n) => EMAIL_FILE.exec(n)?.[1]).filter((id): id is string => id !== undefined))];
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500);
    const present = new Set((await db.selectFrom('outbox_email').select('id').where('id', 'in', batch).execute()).map((r) => r.id));
    await removeEmailFiles(directory, batch.filter((id) => !present.has(id)));
  }
}

/** The daily outbox retention: deletes old rows with their `.eml` files (in `outboxDir`); returns the deleted ids. */
export async function purgeOldEmails(db: Kysely<DB>, now: Date, outboxDir: string): Promise<string[]> {
  const day = 86400_000;
  const rows = await db
    .deleteFrom('outbox_email')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'sent'), eb('sent_at', '<', new Date(now.getTime() - SENT_MAIL_DAYS * day))]),
        eb.and([eb('status', '=', 'failed'), eb('created_at', '<', new Date(now.getTime() - FAILED_MAIL_DAYS * day))]),
      ]),
    )
    .returning('id')
    .execute();
  const ids = rows.map((r) => r.id);
  await removeEmailFiles(outboxDir, ids);
  await removeOrphanEmailFiles(db, outboxDir);
  return ids;
}
