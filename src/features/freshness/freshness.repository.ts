import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Stale offerings, reminder bookkeeping and who to remind. */
export interface StaleRow {
  readonly id: string;
  readonly name: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly lastVerified: string;
  readonly remindedAt: Date | null;
}

/** Active offerings last checked before `cutoff` (a date), by organisation then oldest first. */
export async function listStale(db: Kysely<DB>, cutoff: string, filter: { organizationId: string | null; page: number; pageSize: number }): Promise<{ rows: StaleRow[]; total: number }> {
  let query = db
    .selectFrom('service as s')
    .innerJoin('organization as o', 'o.id', 's.organization_id')
    .leftJoin('freshness_reminder as f', 'f.service_id', 's.id')
    .where('s.status', '=', 'active')
    .where('s.last_verified', '<', cutoff);
  if (filter.organizationId) query = query.where('s.organization_id', '=', filter.organizationId);
  const [rows, total] = await Promise.all([
    query
      .select(['s.id', 's.name_nl', 's.organization_id', 'o.name as organization_name', 's.last_verified', 'f.sent_at'])
      .orderBy('o.name')
      .orderBy('s.last_verified')
      .orderBy('s.id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({ id: r.id, name: r.name_nl, organizationId: r.organization_id, organizationName: r.organization_name, lastVerified: String(r.last_verified), remindedAt: r.sent_at })),
  };
}

/** Stale offerings with no reminder since `remindedBefore`, grouped by the caller per organisation. */
export async function dueForReminder(db: Kysely<DB>, cutoff: string, remindedBefore: Date, limit: number): Promise<{ id: string; name: string; organizationId: string; organizationEmail: string | null }[]> {
  const rows = await db
    .selectFrom('service as s')
    .innerJoin('organization as o', 'o.id', 's.organization_id')
    .leftJoin('freshness_reminder as f', 'f.service_id', 's.id')
    .select(['s.id', 's.name_nl', 's.organization_id', 'o.email'])
    .where('s.status', '=', 'active')
    .where('s.last_verified', '<', cutoff)
    .where((eb) => eb.or([eb('f.sent_at', 'is', null), eb('f.sent_at', '<', remindedBefore)]))
    .orderBy('s.organization_id')
    .orderBy('s.last_verified')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name_nl, organizationId: r.organization_id, organizationEmail: r.email }));
}

/** The active provider-editor accounts of an organisation. */
export async function providerEditorEmails(db: Kysely<DB>, organizationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('app_user as u')
    .innerJoin('user_organization as uo', 'uo.user_id', 'u.id')
    .select('u.email')
    .where('uo.organization_id', '=', organizationId)
    .where('u.disabled_at', 'is', null)
    .where(sql<boolean>`'provider_editor' = any(u.roles)`)
    .orderBy('u.email')
    .execute();
  return rows.map((r) => r.email);
}

export async function markReminded(db: Kysely<DB>, serviceIds: readonly string[], at: Date): Promise<void> {
  if (serviceIds.length === 0) return;
  await db
    .insertInto('freshness_reminder')
    .values(serviceIds.map((id) => ({ service_id: id, sent_at: at })))
    .onConflict((oc) => oc.column('service_id').doUpdateSet({ sent_at: at }))
    .execute();
}

export async function serviceSummary(db: Kysely<DB>, id: string): Promise<{ id: string; name: string; lastVerified: string; status: string } | undefined> {
  const row = await db.selectFrom('service').select(['id', 'name_nl', 'last_verified', 'status']).where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, name: row.name_nl, lastVerified: String(row.last_verified), status: row.status };
}
