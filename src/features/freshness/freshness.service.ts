import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { bilingual, translator } from '../../i18n/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import { queueEmail } from '../../platform/mail.ts';
import { loadRecord } from '../editing/editing.repository.ts';
import { applyChange, today } from '../editing/editing.service.ts';
import { dueForReminder, markReminded, providerEditorEmails } from './freshness.repository.ts';
import { LINK_VALID_DAYS, signFreshnessToken } from './freshness.token.ts';

/** Freshness: who is stale, the daily reminder mails with signed links, and confirming from a link. */
export interface FreshnessSettings {
  readonly staleAfterMonths: number;
  readonly publicUrl: string;
  readonly key: Buffer;
}

/** The date before which a last check counts as stale. */
export function staleCutoff(now: Date, months: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * Mails each organisation with stale offerings (its own address and its provider editors) once
 * per link period: a reminder is recorded with the mails in one transaction, so running the job
 * twice sends nothing twice.
 */
export async function sendFreshnessReminders(db: Kysely<DB>, now: Date, settings: FreshnessSettings): Promise<{ organizations: number; mails: number }> {
  const due = await dueForReminder(db, staleCutoff(now, settings.staleAfterMonths), new Date(now.getTime() - LINK_VALID_DAYS * DAY_MS), 2000);
  const byOrganization = new Map<string, typeof due>();
  for (const row of due) byOrganization.set(row.organizationId, [...(byOrganization.get(row.organizationId) ?? []), row]);
  const expires = new Date(now.getTime() + LINK_VALID_DAYS * DAY_MS);
  let mails = 0;
  let organizations = 0;
  for (const [organizationId, services] of byOrganization) {
    const recipients = [...new Set([services[0]?.organizationEmail, ...(await providerEditorEmails(db, organizationId))].filter((e): e is string => !!e))];
    // No one to ask: the offerings stay on the staleness page for the editors.
    if (recipients.length === 0) continue;
    const items = services.map((s) => ({ name: s.name, confirm: `${settings.publicUrl}/nog-actueel?code=${signFreshnessToken(settings.key, s.id, expires)}`, edit: `${settings.publicUrl}/beheer/mijn/aanbod/${s.id}` }));
    const text = bilingual((t) => [t('freshness.mail.intro', { months: settings.staleAfterMonths }), ...items.map((i) => t('freshness.mail.item', i)), t('freshness.mail.outro', { days: LINK_VALID_DAYS })].join('\n\n'));
    const subject = `${translator('nl')('freshness.mail.subject')} / ${translator('en')('freshness.mail.subject')}`;
    await db.transaction().execute(async (trx) => {
      for (const to of recipients) await queueEmail(trx, { purpose: 'freshness_reminder', to, subject, text, privateLink: true });
      await markReminded(trx, services.map((s) => s.id), now);
      await recordAudit(trx, { actor: null, action: 'freshness.remind', objectType: 'organization', objectId: organizationId, result: 'ok', detail: { services: services.map((s) => s.id), recipients: recipients.length } });
    });
    mails += recipients.length;
    organizations += 1;
  }
  return { organizations, mails };
}

export type ConfirmOutcome = { readonly kind: 'confirmed' } | { readonly kind: 'already' } | { readonly kind: 'not_found' };

/** "Still correct": today becomes the last-checked date, as a new version; a second click changes nothing. */
export async function confirmFresh(db: Kysely<DB>, serviceId: string, now: Date, ip: string | null): Promise<ConfirmOutcome> {
  return db.transaction().execute(async (trx): Promise<ConfirmOutcome> => {
    const record = await loadRecord(trx, 'service', serviceId, null, true);
    if (!record) return { kind: 'not_found' };
    const date = today(now);
    if (record.snapshot['last_verified'] === date) return { kind: 'already' };
    const outcome = await applyChange(trx, { kind: 'service', id: serviceId, changes: { last_verified: date }, baseVersion: record.version, source: 'freshness', action: 'service.confirm', actor: null, ip });
    return outcome.kind === 'saved' ? { kind: 'confirmed' } : { kind: 'not_found' };
  });
}
