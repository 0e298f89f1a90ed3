import { sql, type Kysely } from 'kysely';
import type { DB, Level, ServiceStatus } from '../../db/schema.ts';

export interface TaxonomyTermRow {
  readonly id: string;
  readonly taxonomy: string;
  readonly code: string;
  readonly label_nl: string;
  readonly label_en: string;
  readonly position: number;
}

export async function listTaxonomyTerms(db: Kysely<DB>): Promise<TaxonomyTermRow[]> {
  return db.selectFrom('taxonomy_term').selectAll().orderBy('taxonomy').orderBy('position').execute();
}

export interface ServiceSummaryRow {
  readonly id: string;
  readonly name_nl: string;
  readonly name_en: string;
  readonly summary_nl: string;
  readonly summary_en: string;
  readonly status: ServiceStatus;
  readonly level: Level;
  readonly audiences: string[];
  readonly age_min: number | null;
  readonly age_max: number | null;
  readonly forms: string[];
  readonly access: string;
  readonly cost: string;
  readonly themes: string[];
  readonly national: boolean;
  readonly last_verified: string;
  readonly is_demo: boolean;
  readonly organization_id: string;
  readonly organization_name: string;
  readonly intervention_name: string | null;
  readonly recognition_level: string | null;
  readonly recognition_code: string | null;
  readonly recognition_date: string | null;
  readonly places: string[];
  /** One location of the offering (for the map), or null for national/online-only offerings. */
  readonly point: { lat: number; lon: number } | null;
}

/** The fields a result card needs, for the given ids, in the order of `ids`. */
export async function loadServiceSummaries(db: Kysely<DB>, ids: readonly string[]): Promise<ServiceSummaryRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('service as s')
    .innerJoin('organization as o', 'o.id', 's.organization_id')
    .leftJoin('intervention as i', 'i.id', 's.intervention_id')
    .leftJoin('recognition_level as r', 'r.name', 'i.recognition_level')
    .select([
      's.id', 's.name_nl', 's.name_en', 's.summary_nl', 's.summary_en', 's.status', 's.level', 's.audiences',
      's.age_min', 's.age_max', 's.forms', 's.access', 's.cost', 's.themes', 's.national', 's.last_verified', 's.is_demo',
      's.organization_id', 'o.name as organization_name', 'i.name as intervention_name',
      'i.recognition_level', 'r.code as recognition_code', 'i.recognition_date',
    ])
    .select((eb) =>
      eb
        .fn<string[]>('array', [
          eb
            .selectFrom('service_at_location as sal')
            .innerJoin('location as l', 'l.id', 'sal.location_id')
            .select(sql<string>`distinct l.city`.as('city'))
            .whereRef('sal.service_id', '=', 's.id'),
        ])
        .as('places'),
    )
    .select(
      sql<{ lat: number; lon: number } | null>`(select json_build_object('lat', l.lat, 'lon', l.lon)
         from service_at_location sal join location l on l.id = sal.location_id
        where sal.service_id = s.id order by l.name limit 1)`.as('point'),
    )
    .where('s.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}
