import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { FILTER_NAMES, type FilterName, type Filters } from './search.query.ts';

/** A checked search, with places resolved to a municipality and an origin point. */
export interface SearchQuery {
  readonly tsQuery: string | null;
  /** Normalised words for typo matching (trigrams), or '' for no text. */
  readonly text: string;
  readonly municipality: string | null;
  readonly origin: { readonly lat: number; readonly lon: number } | null;
  readonly radiusKm: number | null;
  readonly age: number | null;
  readonly filters: Filters;
  readonly sort: 'relevance' | 'distance';
  readonly limit: number;
  readonly offset: number;
}

export type FacetCounts = { readonly [K in FilterName]: Readonly<Record<string, number>> };

export interface SearchHit {
  readonly id: string;
  readonly distanceKm: number | null;
}

export interface SearchResult {
  readonly total: number;
  readonly hits: readonly SearchHit[];
  readonly facets: FacetCounts;
}

/** Column of the base set each filter dimension tests, and whether it is an array. */
const DIMENSIONS: Record<FilterName, { column: string; array: boolean }> = {
  doelgroep: { column: 'audiences', array: true },
  hulpniveau: { column: 'level', array: false },
  vorm: { column: 'forms', array: true },
  toegang: { column: 'access', array: false },
  kosten: { column: 'cost', array: false },
  erkenning: { column: 'recognition', array: false },
  thema: { column: 'themes', array: true },
  taal: { column: 'languages', array: true },
};

function filterCondition(name: FilterName, chosen: readonly string[]): RawBuilder<boolean> {
  const { column, array } = DIMENSIONS[name];
  return array
    ? sql<boolean>`${sql.ref(column)} && ${[...chosen]}::text[]`
    : sql<boolean>`${sql.ref(column)} = any(${[...chosen]}::text[])`;
}

/** All active filters except `skip` (for disjunctive facet counts), ANDed; true when none. */
function conditions(query: SearchQuery, skip: FilterName | null): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [];
  for (const name of FILTER_NAMES) {
    if (name !== skip && query.filters[name].length > 0) parts.push(filterCondition(name, query.filters[name]));
  }
  if (query.age !== null) {
    parts.push(sql<boolean>`(age_min is null or age_min <= ${query.age}) and (age_max is null or age_max >= ${query.age})`);
  }
  return parts.length === 0 ? sql<boolean>`true` : sql<boolean>`${sql.join(parts, sql` and `)}`;
}

function textCondition(query: SearchQuery): RawBuilder<boolean> {
  if (query.text === '') return sql<boolean>`true`;
  const trigram = sql<boolean>`${query.text} <% s.search_words`;
  if (query.tsQuery === null) return trigram;
  return sql<boolean>`(s.search_document @@ to_tsquery('nl', ${query.tsQuery}) or ${trigram})`;
}

function rankExpression(query: SearchQuery): RawBuilder<number> {
  if (query.text === '') return sql<number>`0`;
  const similarity = sql<number>`word_similarity(${query.text}, s.search_words)`;
  if (query.tsQuery === null) return similarity;
  return sql<number>`ts_rank_cd('{0.1, 0.4, 0.7, 1.0}', s.search_document, to_tsquery('nl', ${query.tsQuery})) + ${similarity} * 0.3`;
}

function originPoint(query: SearchQuery): RawBuilder<unknown> | null {
  return query.origin ? sql`ll_to_earth(${query.origin.lat}, ${query.origin.lon})` : null;
}

/**
 * The offerings a place can use: its service area, national ones, and (with a radius) those with a
 * location within reach. This small set drives the query, so text matching and facets stay cheap.
 */
function candidates(query: SearchQuery): RawBuilder<unknown> {
  if (query.municipality === null) return sql`service`;
  const parts = [
    sql`select service_id as id from service_area where municipality_code = ${query.municipality}`,
    sql`select id from service where national`,
  ];
  const origin = originPoint(query);
  if (origin !== null && query.radiusKm !== null) {
    const metres = query.radiusKm * 1000;
    parts.push(sql`select sal.service_id from location l join service_at_location sal on sal.location_id = l.id
       where earth_box(${origin}, ${metres}) @> ll_to_earth(l.lat, l.lon)
         and earth_distance(${origin}, ll_to_earth(l.lat, l.lon)) <= ${metres}`);
  }
  return sql`(select s.* from (${sql.join(parts, sql` union `)}) c join service s on s.id = c.id)`;
}

function distanceExpression(query: SearchQuery): RawBuilder<number | null> {
  const origin = originPoint(query);
  if (origin === null) return sql<null>`null::float8`;
  return sql<number | null>`(select min(earth_distance(${origin}, ll_to_earth(l.lat, l.lon))) / 1000
      from service_at_location sal join location l on l.id = sal.location_id where sal.service_id = s.id)`;
}

function facetSelect(query: SearchQuery, name: FilterName): RawBuilder<unknown> {
  const { column, array } = DIMENSIONS[name];
  const value = array ? sql`unnest(${sql.ref(column)})` : sql.ref(column);
  return sql`(select coalesce(json_object_agg(code, n), '{}'::json) from (
      select ${value} as code, count(*) as n from base where ${conditions(query, name)} group by 1) f) as ${sql.ref(`facet_${name}`)}`;
}

interface Row {
  total: number;
  hits: { id: string; distance_km: number | null }[] | null;
  [facet: `facet_${string}`]: Record<string, number> | null;
}

/** One round trip: the page of hits, the total, and facet counts per filter dimension. */
export async function searchServices(db: Kysely<DB>, query: SearchQuery): Promise<SearchResult> {
  const order =
    query.sort === 'distance'
      ? sql`distance_km asc nulls last, rank desc, name_nl`
      : sql`rank desc, recognition_rank desc, distance_km asc nulls last, name_nl`;
  const all = conditions(query, null);
  const result = await sql<Row>`
    with base as materialized (
      select s.id, s.name_nl, s.level, s.audiences, s.forms, s.access, s.cost, s.themes, s.languages,
             s.age_min, s.age_max,
             coalesce(r.code, 'none') as recognition, coalesce(r.rank, 0) as recognition_rank,
             ${rankExpression(query)} as rank,
             ${distanceExpression(query)} as distance_km
        from ${candidates(query)} s
        left join intervention i on i.id = s.intervention_id
        left join recognition_level r on r.name = i.recognition_level
       where s.status in ('active', 'temporarily_closed')
         and ${textCondition(query)}
    )
    select
      (select count(*) from base where ${all})::int as total,
      (select json_agg(json_build_object('id', id, 'distance_km', distance_km)) from (
         select id, distance_km from base where ${all} order by ${order} limit ${query.limit} offset ${query.offset}) p) as hits,
      ${sql.join(FILTER_NAMES.map((name) => facetSelect(query, name)))}
  `.execute(db);
  const row = result.rows[0];
  const facets = {} as Record<FilterName, Record<string, number>>;
  for (const name of FILTER_NAMES) facets[name] = row?.[`facet_${name}`] ?? {};
  return {
    total: row?.total ?? 0,
    hits: (row?.hits ?? []).map((h) => ({ id: h.id, distanceKm: h.distance_km === null ? null : Math.round(h.distance_km * 10) / 10 })),
    facets,
  };
}

/** Anonymous demand signal: what was looked for where, and whether anything was found. */
export async function recordSearchDemand(
  db: Kysely<DB>,
  entry: { municipality: string | null; query: string; filters: string[]; resultCount: number },
): Promise<void> {
  await db
    .insertInto('search_demand')
    .values({
      municipality_code: entry.municipality,
      query: entry.query === '' ? null : entry.query.slice(0, 100),
      filters: entry.filters,
      result_count: entry.resultCount,
    })
    .execute();
}

/** National and online offerings, recognised programmes first: the fallback when nothing local fits. */
export async function listNationalServiceIds(db: Kysely<DB>, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('service as s')
    .leftJoin('intervention as i', 'i.id', 's.intervention_id')
    .leftJoin('recognition_level as r', 'r.name', 'i.recognition_level')
    .select('s.id')
    .where('s.national', '=', true)
    .where('s.status', '=', 'active')
    .orderBy(sql`coalesce(r.rank, 0)`, 'desc')
    .orderBy('s.name_nl')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
