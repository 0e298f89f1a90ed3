import { sql, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { DB, LocationTable, OrganizationTable, ServiceTable } from '../../db/schema.ts';
import type { TermKey } from './hsds.taxonomy.ts';

export type ServiceRow = Omit<Selectable<ServiceTable>, 'search_document' | 'search_words' | 'version'>;
export type OrganizationRow = Selectable<OrganizationTable>;
export type LocationRow = Selectable<LocationTable> & { province_name: string };
export interface AreaRow { service_id: string; municipality_code: string; display_name: string }
export interface SalRow { id: string; service_id: string; location_id: string }
export interface ExtraAttributeRow {
  id: string; link_entity: string; link_id: string; taxonomy: string; term_id: string | null; term_code: string; term_name: string; value: string;
}

const SERVICE_COLUMNS = [
  'id', 'organization_id', 'name_nl', 'name_en', 'summary_nl', 'summary_en', 'description_nl', 'description_en', 'status',
  'level', 'audiences', 'age_min', 'age_max', 'phases', 'forms', 'access', 'cost', 'cost_note_nl', 'cost_note_en', 'languages',
  'themes', 'intervention_id', 'duration_nl', 'duration_en', 'how_to_apply_nl', 'how_to_apply_en', 'waiting_weeks',
  'last_verified', 'national', 'email', 'website', 'phone', 'is_demo', 'created_at', 'updated_at',
] as const;

/** What the open API may filter services on; every value was checked at the edge. */
export interface ServiceFilter {
  readonly search?: string;
  readonly term?: TermKey;
  /** A term id that is none of ours: matched against imported attributes. */
  readonly foreignTermId?: string;
  readonly taxonomy?: string;
  readonly organizationId?: string;
  readonly modifiedAfter?: Date;
}

const RECOGNISED = sql`exists (select 1 from intervention i join recognition_level r on r.name = i.recognition_level where i.id = service.intervention_id`;

export function termCondition({ taxonomy, code }: TermKey): RawBuilder<boolean> {
  switch (taxonomy) {
    case 'level': return sql<boolean>`service.level = ${code}`;
    case 'access': return sql<boolean>`service.access = ${code}`;
    case 'cost': return sql<boolean>`service.cost = ${code}`;
    case 'audience': return sql<boolean>`${code} = any(service.audiences)`;
    case 'phase': return sql<boolean>`${code} = any(service.phases)`;
    case 'form': return sql<boolean>`${code} = any(service.forms)`;
    case 'theme': return sql<boolean>`${code} = any(service.themes)`;
    case 'recognition':
      return code === 'none' ? sql<boolean>`not ${RECOGNISED})` : sql<boolean>`${RECOGNISED} and r.code = ${code})`;
    case 'intervention': return sql<boolean>`service.intervention_id = ${code}`;
    case 'flag': return code === 'demo' ? sql<boolean>`service.is_demo` : sql<boolean>`service.waiting_weeks is not null`;
    case 'text': return sql<boolean>`true`;
    default: return sql<boolean>`false`;
  }
}

export function taxonomyCondition(taxonomy: string): RawBuilder<boolean> {
  switch (taxonomy) {
    case 'level': case 'audience': case 'access': case 'cost': case 'text': return sql<boolean>`true`;
    case 'phase': return sql<boolean>`cardinality(service.phases) > 0`;
    case 'form': return sql<boolean>`cardinality(service.forms) > 0`;
    case 'theme': return sql<boolean>`cardinality(service.themes) > 0`;
    case 'recognition': case 'intervention': return sql<boolean>`service.intervention_id is not null`;
    case 'flag': return sql<boolean>`(service.is_demo or service.waiting_weeks is not null)`;
    default: return sql<boolean>`false`;
  }
}

function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function serviceWhere(filter: ServiceFilter) {
  return (eb: ExpressionBuilder<DB, 'service'>): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [];
    if (filter.search) {
      parts.push(sql<boolean>`(service.search_document @@ plainto_tsquery('nl', ${filter.search}) or service.search_words like ${likePattern(filter.search)})`);
    }
    if (filter.term) parts.push(termCondition(filter.term));
    if (filter.foreignTermId) {
      parts.push(sql<boolean>`exists (select 1 from hsds_attribute a where a.link_entity = 'service' and a.link_id = service.id and a.term_id = ${filter.foreignTermId})`);
    }
    if (filter.taxonomy) parts.push(taxonomyCondition(filter.taxonomy));
    if (filter.organizationId) parts.push(eb('service.organization_id', '=', filter.organizationId));
    if (filter.modifiedAfter) parts.push(eb('service.updated_at', '>=', filter.modifiedAfter));
    return eb.and(parts);
  };
}

export async function countServices(db: Kysely<DB>, filter: ServiceFilter): Promise<number> {
  const row = await db.selectFrom('service').select((eb) => eb.fn.countAll<number>().as('n')).where(serviceWhere(filter)).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Ids first (an index-only scan skips the offset cheaply), then the wide rows of just that page. */
export async function pageServices(db: Kysely<DB>, filter: ServiceFilter, offset: number, limit: number): Promise<ServiceRow[]> {
  const ids = await db.selectFrom('service').select('service.id').where(serviceWhere(filter)).orderBy('service.id').offset(offset).limit(limit).execute();
  if (ids.length === 0) return [];
  return db.selectFrom('service').select(SERVICE_COLUMNS).where('id', 'in', ids.map((r) => r.id)).orderBy('id').execute();
}

/** Keyset batches in id order, so a whole-catalogue export never holds more than one batch. */
export async function servicesAfter(db: Kysely<DB>, afterId: string | null, limit: number, filter: ServiceFilter = {}): Promise<ServiceRow[]> {
  let query = db.selectFrom('service').select(SERVICE_COLUMNS).where(serviceWhere(filter)).orderBy('service.id').limit(limit);
  if (afterId) query = query.where('service.id', '>', afterId);
  return query.execute();
}

export async function findService(db: Kysely<DB>, id: string): Promise<ServiceRow | undefined> {
  return db.selectFrom('service').select(SERVICE_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function areasOf(db: Kysely<DB>, serviceIds: readonly string[]): Promise<AreaRow[]> {
  if (serviceIds.length === 0) return [];
  return db
    .selectFrom('service_area as a')
    .innerJoin('municipality as m', 'm.code', 'a.municipality_code')
    .select(['a.service_id', 'a.municipality_code', 'm.display_name'])
    .where('a.service_id', 'in', serviceIds)
    .orderBy('a.service_id').orderBy('a.municipality_code')
    .execute();
}

export async function serviceAtLocationsOf(db: Kysely<DB>, serviceIds: readonly string[]): Promise<SalRow[]> {
  if (serviceIds.length === 0) return [];
  return db.selectFrom('service_at_location').select(['id', 'service_id', 'location_id']).where('service_id', 'in', serviceIds).orderBy('service_id').orderBy('id').execute();
}

export async function locationsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<LocationRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('location as l').innerJoin('municipality as m', 'm.code', 'l.municipality_code')
    .selectAll('l').select('m.province_name').where('l.id', 'in', ids).orderBy('l.id').execute();
}

export async function locationsOfOrganizations(db: Kysely<DB>, orgIds: readonly string[]): Promise<LocationRow[]> {
  if (orgIds.length === 0) return [];
  return db.selectFrom('location as l').innerJoin('municipality as m', 'm.code', 'l.municipality_code')
    .selectAll('l').select('m.province_name').where('l.organization_id', 'in', orgIds).orderBy('l.id').execute();
}

export async function organizationsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<OrganizationRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('organization').selectAll().where('id', 'in', ids).orderBy('id').execute();
}

export async function extraAttributesOf(db: Kysely<DB>, linkIds: readonly string[]): Promise<ExtraAttributeRow[]> {
  if (linkIds.length === 0) return [];
  return db.selectFrom('hsds_attribute').selectAll().where('link_id', 'in', linkIds).orderBy('id').execute();
}

/** The newest change anywhere in the public catalogue: drives Last-Modified. */
export async function catalogueModified(db: Kysely<DB>): Promise<Date> {
  const row = await sql<{ modified: Date | null }>`
    select greatest((select max(updated_at) from service), (select max(updated_at) from organization),
                    (select max(updated_at) from location)) as modified`.execute(db);
  return row.rows[0]?.modified ?? new Date(0);
}
