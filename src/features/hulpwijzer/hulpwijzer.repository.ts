import { sql, type Insertable, type Kysely } from 'kysely';
import type { Audience, DB, Form, HulpwijzerDemandTable, Level, Theme } from '../../db/schema.ts';

/** A municipality as the Hulpwijzer shows it; places.repository finds it by name, code or postcode. */
export interface MunicipalityRef {
  readonly code: string;
  readonly name: string;
}

export interface MatchCriteria {
  readonly municipalityCode: string | null;
  readonly audiences: readonly Audience[];
  readonly ages: readonly number[];
  readonly levels: readonly Level[];
}

export interface CandidateRow {
  readonly id: string;
  readonly level: Level;
  readonly forms: Form[];
  readonly themes: Theme[];
  readonly national: boolean;
  readonly programme: string | null;
  readonly recognised: boolean;
  readonly name_nl: string;
}

/**
 * Active offerings at the advised levels, for this role, in this municipality (its service area
 * or national), whose age range overlaps one of the ages (or that have none). Ranked by the caller.
 */
export async function listCandidates(db: Kysely<DB>, criteria: MatchCriteria, limit = 300): Promise<CandidateRow[]> {
  if (criteria.levels.length === 0 || criteria.audiences.length === 0) return [];
  let query = db
    .selectFrom('service as s')
    .leftJoin('intervention as i', 'i.id', 's.intervention_id')
    .select(['s.id', 's.level', 's.forms', 's.themes', 's.national', 's.name_nl', 'i.name as programme'])
    .select(sql<boolean>`i.recognition_level is not null`.as('recognised'))
    .where('s.status', '=', 'active')
    .where('s.level', 'in', criteria.levels)
    .where(sql<boolean>`s.audiences && ${[...criteria.audiences]}::text[]`);
  const code = criteria.municipalityCode;
  if (code !== null) {
    query = query.where((eb) =>
      eb.or([
        eb('s.national', '=', true),
        eb.exists(
          eb.selectFrom('service_area as sa').select('sa.service_id').whereRef('sa.service_id', '=', 's.id').where('sa.municipality_code', '=', code),
        ),
      ]),
    );
  }
  if (criteria.ages.length > 0) {
    const ages = [...criteria.ages];
    query = query.where(
      sql<boolean>`((s.age_min is null and s.age_max is null) or exists (
        select 1 from unnest(${ages}::int[]) as a(age)
         where a.age between coalesce(s.age_min, 0) and coalesce(s.age_max, 99)))`,
    );
  }
  return query.orderBy('s.name_nl').orderBy('s.id').limit(limit).execute();
}

export type DemandRow = Insertable<HulpwijzerDemandTable>;

export async function insertDemand(db: Kysely<DB>, row: DemandRow): Promise<void> {
  await db.insertInto('hulpwijzer_demand').values(row).execute();
}
