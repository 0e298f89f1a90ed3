import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { DB, TaxonomyTermTable } from '../../db/schema.ts';
import type { OrganizationRow, ServiceFilter } from './hsds.repository.ts';
import { serviceWhere } from './hsds.repository.ts';

export type TermRow = Selectable<TaxonomyTermTable>;
export interface InterventionRow { id: string; name: string; recognition_level: string | null; recognition_date: string | null; recognition_code: string | null }
export interface ForeignTermRow { term_id: string; taxonomy: string; term_code: string; term_name: string }

export async function listTermRows(db: Kysely<DB>): Promise<TermRow[]> {
  return db.selectFrom('taxonomy_term').selectAll().orderBy('taxonomy').orderBy('position').execute();
}

export async function listInterventions(db: Kysely<DB>): Promise<InterventionRow[]> {
  return db
    .selectFrom('intervention as i')
    .leftJoin('recognition_level as r', 'r.name', 'i.recognition_level')
    .select(['i.id', 'i.name', 'i.recognition_level', 'i.recognition_date', 'r.code as recognition_code'])
    .orderBy('i.id')
    .execute();
}

/** Terms that came in with an import and are not ours, one row per term. */
export async function listForeignTerms(db: Kysely<DB>): Promise<ForeignTermRow[]> {
  return db
    .selectFrom('hsds_attribute')
    .select(['term_id', 'taxonomy', 'term_code', 'term_name'])
    .distinctOn('term_id')
    .where('term_id', 'is not', null)
    .orderBy('term_id')
    .execute() as Promise<ForeignTermRow[]>;
}

function organizationWhere(search: string | undefined) {
  return (eb: ExpressionBuilder<DB, 'organization'>): Expression<SqlBool> =>
    search ? eb(sql`lower(organization.name)`, 'like', `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : eb.and([]);
}

export async function countOrganizations(db: Kysely<DB>, search?: string): Promise<number> {
  const row = await db.selectFrom('organization').select((eb) => eb.fn.countAll<number>().as('n')).where(organizationWhere(search)).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function pageOrganizations(db: Kysely<DB>, search: string | undefined, offset: number, limit: number): Promise<OrganizationRow[]> {
  return db.selectFrom('organization').selectAll().where(organizationWhere(search)).orderBy('id').offset(offset).limit(limit).execute();
}

export async function organizationsAfter(db: Kysely<DB>, afterId: string | null, limit: number): Promise<OrganizationRow[]> {
  let query = db.selectFrom('organization').selectAll().orderBy('id').limit(limit);
  if (afterId) query = query.where('id', '>', afterId);
  return query.execute();
}

export async function serviceIdsOfOrganization(db: Kysely<DB>, organizationId: string): Promise<string[]> {
  const rows = await db.selectFrom('service').select('id').where('organization_id', '=', organizationId).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Where a postcode puts a visitor: its PC4 centre and municipality. */
export async function findPostcodeArea(db: Kysely<DB>, pc4: string): Promise<{ lat: number; lon: number; municipality_code: string } | undefined> {
  return db.selectFrom('postcode_area').select(['lat', 'lon', 'municipality_code']).where('pc4', '=', pc4).executeTakeFirst();
}

export interface SalFilter extends ServiceFilter {
  readonly near?: { lat: number; lon: number; municipality: string; metres: number | undefined };
}

function salQuery(db: Kysely<DB>, filter: SalFilter) {
  let query = db
    .selectFrom('service_at_location as sal')
    .innerJoin('service', 'service.id', 'sal.service_id')
    .innerJoin('location as l', 'l.id', 'sal.location_id')
    .where((eb) => serviceWhere(filter)(eb as unknown as ExpressionBuilder<DB, 'service'>));
  const near = filter.near;
  if (near && near.metres !== undefined) {
    query = query.where(sql<boolean>`earth_distance(ll_to_earth(${near.lat}, ${near.lon}), ll_to_earth(l.lat, l.lon)) <= ${near.metres}`);
  } else if (near) {
    query = query.where(sql<boolean>`(service.national or exists (select 1 from service_area a where a.service_id = service.id and a.municipality_code = ${near.municipality}))`);
  }
  return query;
}

export async function countServiceAtLocations(db: Kysely<DB>, filter: SalFilter): Promise<number> {
  const row = await salQuery(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function pageServiceAtLocations(db: Kysely<DB>, filter: SalFilter, offset: number, limit: number) {
  return salQuery(db, filter).select(['sal.id', 'sal.service_id', 'sal.location_id']).orderBy('sal.id').offset(offset).limit(limit).execute();
}

export async function findServiceAtLocation(db: Kysely<DB>, id: string) {
  return db.selectFrom('service_at_location').select(['id', 'service_id', 'location_id']).where('id', '=', id).executeTakeFirst();
}
