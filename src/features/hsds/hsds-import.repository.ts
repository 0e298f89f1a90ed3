import { chunks } from '../../db/chunks.ts';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ImportPlan } from './hsds-import.map.ts';

export interface Changes { inserted_or_updated: number; deleted: number }

const ORGANIZATION_COLUMNS = ['name', 'description_nl', 'description_en', 'email', 'website', 'phone', 'is_demo'] as const;
const LOCATION_COLUMNS = [
  'organization_id', 'name', 'address', 'postcode', 'city', 'municipality_code', 'lat', 'lon', 'opening_hours_nl', 'opening_hours_en',
  'accessibility_nl', 'accessibility_en', 'is_demo',
] as const;
const SERVICE_COLUMNS = [
  'organization_id', 'name_nl', 'name_en', 'summary_nl', 'summary_en', 'description_nl', 'description_en', 'status', 'level', 'audiences',
  'age_min', 'age_max', 'phases', 'forms', 'access', 'cost', 'cost_note_nl', 'cost_note_en', 'languages', 'themes', 'intervention_id',
  'duration_nl', 'duration_en', 'how_to_apply_nl', 'how_to_apply_en', 'waiting_weeks', 'last_verified', 'national', 'email', 'website',
  'phone', 'is_demo',
] as const;
const ATTRIBUTE_COLUMNS = ['link_entity', 'link_id', 'taxonomy', 'term_id', 'term_code', 'term_name', 'value'] as const;

function excluded<C extends string>(columns: readonly C[]): Record<C, RawBuilder<never>> {
  return Object.fromEntries(columns.map((c) => [c, sql<never>`excluded.${sql.ref(c)}`])) as Record<C, RawBuilder<never>>;
}

/** True when the incoming row differs from the stored one, so an unchanged re-import writes nothing. */
function differs(table: string, columns: readonly string[]): RawBuilder<boolean> {
  const stored = sql.join(columns.map((c) => sql.ref(`${table}.${c}`)));
  const incoming = sql.join(columns.map((c) => sql`excluded.${sql.ref(c)}`));
  return sql<boolean>`(${stored}) is distinct from (${incoming})`;
}

async function upsertRecords(trx: Kysely<DB>, plan: ImportPlan): Promise<number> {
  let changed = 0;
  for (const part of chunks(plan.organizations)) {
    changed += (await trx.insertInto('organization').values(part).onConflict((oc) => oc.column('id')
      .doUpdateSet({ ...excluded(ORGANIZATION_COLUMNS), updated_at: sql<never>`now()` }).where(differs('organization', ORGANIZATION_COLUMNS)))
      .returning('id').execute()).length;
  }
  for (const part of chunks(plan.locations)) {
    changed += (await trx.insertInto('location').values(part).onConflict((oc) => oc.column('id')
      .doUpdateSet({ ...excluded(LOCATION_COLUMNS), updated_at: sql<never>`now()` }).where(differs('location', LOCATION_COLUMNS)))
      .returning('id').execute()).length;
  }
  for (const part of chunks(plan.services)) {
    changed += (await trx.insertInto('service').values(part).onConflict((oc) => oc.column('id')
      .doUpdateSet({ ...excluded(SERVICE_COLUMNS), updated_at: sql<never>`excluded.updated_at` }).where(differs('service', SERVICE_COLUMNS)))
      .returning('id').execute()).length;
  }
  return changed;
}

async function syncLinks(trx: Kysely<DB>, plan: ImportPlan): Promise<Changes> {
  let deleted = 0;
  let added = 0;
  for (const part of chunks([...plan.owners.areas])) {
    const keep = plan.areas.filter((a) => plan.owners.areas.has(a.service_id)).map((a) => `${a.service_id}:${a.municipality_code}`);
    const removed = await trx.deleteFrom('service_area').where('service_id', 'in', part)
      .where(sql<boolean>`not (service_id::text || ':' || municipality_code = any(${keep}::text[]))`).executeTakeFirst();
    deleted += Number(removed.numDeletedRows);
  }
  for (const part of chunks([...plan.owners.sals])) {
    const keep = plan.sals.map((x) => `${x.service_id}:${x.location_id}`);
    const removed = await trx.deleteFrom('service_at_location').where('service_id', 'in', part)
      .where(sql<boolean>`not (service_id::text || ':' || location_id::text = any(${keep}::text[]))`).executeTakeFirst();
    deleted += Number(removed.numDeletedRows);
  }
  for (const part of chunks(plan.areas)) {
    added += (await trx.insertInto('service_area').values(part).onConflict((oc) => oc.doNothing()).returning('service_id').execute()).length;
  }
  for (const part of chunks(plan.sals)) {
    added += (await trx.insertInto('service_at_location').values(part).onConflict((oc) => oc.doNothing()).returning('id').execute()).length;
  }
  return { inserted_or_updated: added, deleted };
}

async function syncAttributes(trx: Kysely<DB>, plan: ImportPlan): Promise<Changes> {
  const links = [...plan.owners.attributes];
  let deleted = 0;
  const keep = plan.attributes.map((a) => a.id);
  for (const part of chunks(links)) {
    const query = trx.deleteFrom('hsds_attribute').where('link_id', 'in', part).where(sql<boolean>`not (id = any(${keep}::uuid[]))`);
    deleted += Number((await query.executeTakeFirst()).numDeletedRows);
  }
  let changed = 0;
  for (const part of chunks(plan.attributes)) {
    changed += (await trx.insertInto('hsds_attribute').values(part).onConflict((oc) => oc.column('id')
      .doUpdateSet(excluded(ATTRIBUTE_COLUMNS)).where(differs('hsds_attribute', ATTRIBUTE_COLUMNS))).returning('id').execute()).length;
  }
  return { inserted_or_updated: changed, deleted };
}

/** Writes a validated plan; the caller holds the transaction, so it is all or nothing. */
export async function applyPlan(trx: Kysely<DB>, plan: ImportPlan): Promise<Changes> {
  const records = await upsertRecords(trx, plan);
  const links = await syncLinks(trx, plan);
  const attributes = await syncAttributes(trx, plan);
  return { inserted_or_updated: records + links.inserted_or_updated + attributes.inserted_or_updated, deleted: links.deleted + attributes.deleted };
}

export async function loadReferenceForImport(db: Kysely<DB>) {
  const [municipalities, postcodes, interventions] = await Promise.all([
    db.selectFrom('municipality').select('code').execute(),
    db.selectFrom('postcode_area').select(['pc4', 'municipality_code', 'lat', 'lon']).execute(),
    db.selectFrom('intervention').select('id').execute(),
  ]);
  return {
    municipalities: new Set(municipalities.map((m) => m.code)),
    postcodes: new Map(postcodes.map((p) => [p.pc4, p])),
    interventions: new Set(interventions.map((i) => i.id)),
  };
}

export async function existingIds(db: Kysely<DB>, table: 'organization' | 'service' | 'location', ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(ids)) {
    if (part.length === 0) continue;
    for (const row of await db.selectFrom(table).select('id').where('id', 'in', part).execute()) found.add(row.id);
  }
  return found;
}
