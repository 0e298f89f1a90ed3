import { isIPv4, isIPv6 } from 'node:net';
import type { Kysely } from 'kysely';
import type { AuditResult, DB } from '../db/schema.ts';

export interface AuditActor {
  readonly id: string;
  readonly email: string;
}

export interface AuditEntry {
  readonly actor: AuditActor | null;
  /** Dotted verb, e.g. 'auth.sign_in', 'service.update', 'question.read'. */
  readonly action: string;
  readonly objectType?: string;
  readonly objectId?: string;
  readonly result: AuditResult;
  readonly ip?: string | null;
  /** Never personal data beyond what identifies the object; ids and field names, not contents. */
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** IPv4 to its /24, IPv6 to its /48: enough to see a pattern, not enough to point at a person. */
export function truncateIp(ip: string | undefined | null): string | null {
  if (!ip) return null;
  const mapped = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (isIPv4(mapped)) return `${mapped.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIPv6(mapped)) {
    const [head = ''] = mapped.split('::');
    const groups = head.split(':').filter(Boolean).slice(0, 3);
    while (groups.length < 3) groups.push('0');
    return `${groups.join(':')}::/48`;
  }
  return null;
}

/** Appends one row; pass the transaction of the write it describes, so both land or neither. */
export async function recordAudit(db: Kysely<DB>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      actor_id: entry.actor?.id ?? null,
      actor_email: entry.actor?.email ?? null,
      action: entry.action,
      object_type: entry.objectType ?? null,
      object_id: entry.objectId ?? null,
      result: entry.result,
      ip: entry.ip ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}
