import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Filters } from './search.query.ts';

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

/** What filtering, facets and ordering need of one candidate offering. */
export interface Candidate {
  readonly id: string;
  readonly name_nl: string;
  readonly level: string;
  readonly audiences: string[];
  readonly forms: string[];
  readonly access: string;
  readonly cost: string;
  readonly themes: string[];
  readonly languages: string[];
  readonly age_min: number | null;
  readonly age_max: number | null;
  readonly recognition: string;
  readonly recognition_rank: number;
  readonly rank: number;
  readonly distance_km: number | null;
}

function originPoint(query: SearchQuery): RawBuilder<unknown> | null {
  return query.origin ? sql`ll_to_earth(${query.origin.lat}, ${query.origin.lon})` : null;
}

/**
 * The offerings a place can use: its service area, national ones, and (with a radius) those with a
 * location within reach. This small set drives the query, so text matching stays cheap.
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

/**
 * Full text on the stemmed document: name A, programme B, themes C, texts D. Typos are handled
 * before this, by correcting the words against the catalogue's vocabulary (see correctWords).
 */
function textParts(query: SearchQuery): { where: RawBuilder<boolean>; rank: RawBuilder<number> } {
  if (query.text === '') return { where: sql<boolean>`true`, rank: sql<number>`0` };
  if (query.tsQuery === null) return { where: sql<boolean>`false`, rank: sql<number>`0` };
  return {
    where: sql<boolean>`s.search_document @@ q.tsq`,
    // ts_rank, not ts_rank_cd: the same weights and order on our tests, at less than half the cost
    // per candidate (cover density walks every position of every matching lexeme).
    rank: sql<number>`ts_rank('{0.1, 0.4, 0.7, 1.0}', s.search_document, q.tsq)`,
  };
}

/**
 * The catalogue words most like a typed word (pg_trgm word similarity on a small table), best
 * first. `<%` rather than `%`: on PGlite 0.5 the `%` operator on this GIN index did not return.
 */
export async function correctWord(db: Kysely<DB>, word: string, limit = 3): Promise<string[]> {
  const rows = await db
    .selectFrom('search_vocabulary')
    .select('word')
    .where(sql<boolean>`${word} <% word`)
    .orderBy(sql`word_similarity(${word}, word)`, 'desc')
    .orderBy('word')
    .limit(limit)
    .execute();
  return rows.map((r) => r.word);
}

/** Distance to the nearest location: per candidate only when sorting by it (else per page, below). */
function distanceExpression(query: SearchQuery): RawBuilder<number | null> {
  const origin = originPoint(query);
  if (origin === null || query.sort !== 'distance') return sql<null>`null::float8`;
  return sql<number | null>`(select min(earth_distance(${origin}, ll_to_earth(l.lat, l.lon))) / 1000
      from service_at_location sal join location l on l.id = sal.location_id where sal.service_id = s.id)`;
}

/**
 * Every offering that matches the text and the place, with what filters and facets need, as ONE
 * row of text: a line per candidate, fields separated by tabs, code lists by spaces. Returning
 * ~300 rows of 15 columns cost PGlite four times the query itself (each row and field crosses
 * its wire protocol and is parsed by pg); one string costs next to nothing and splits fast.
 * Tabs and line breaks in a name become spaces with replace(), not translate(): translate walks
 * every character of every name (a quarter of the statement at 600 candidates).
 */
export function candidateStatement(query: SearchQuery): RawBuilder<{ candidates: string | null }> {
  const text = textParts(query);
  return sql<{ candidates: string | null }>`
    with q as (select ${query.tsQuery === null ? sql`null::tsquery` : sql`to_tsquery('nl', ${query.tsQuery})`} as tsq)
    select string_agg(concat_ws(E'\t',
             s.id, replace(replace(replace(s.name_nl, E'\t', ' '), E'\n', ' '), E'\r', ' '), s.level, array_to_string(s.audiences, ' '), array_to_string(s.forms, ' '),
             s.access, s.cost, array_to_string(s.themes, ' '), array_to_string(s.languages, ' '),
             coalesce(s.age_min::text, ''), coalesce(s.age_max::text, ''), coalesce(r.code, 'none'), coalesce(r.rank, 0),
             ${text.rank}, coalesce((${distanceExpression(query)})::text, '')), E'\n') as candidates
      from q, ${candidates(query)} s
      left join intervention i on i.id = s.intervention_id
      left join recognition_level r on r.name = i.recognition_level
     where s.status in ('active', 'temporarily_closed')
       and ${text.where}`;
}

const codes = (text: string): string[] => (text === '' ? [] : text.split(' '));
const numberOrNull = (text: string): number | null => (text === '' ? null : Number(text));

/** One line of candidateStatement's text, in its field order. */
export function parseCandidate(line: string): Candidate {
  const [id = '', name = '', level = '', audiences = '', forms = '', access = '', cost = '', themes = '', languages = '', ageMin = '', ageMax = '', recognition = '', recognitionRank = '', rank = '', distance = ''] =
    line.split('\t');
  return {
    id,
    name_nl: name,
    level,
    audiences: codes(audiences),
    forms: codes(forms),
    access,
    cost,
    themes: codes(themes),
    languages: codes(languages),
    age_min: numberOrNull(ageMin),
    age_max: numberOrNull(ageMax),
    recognition,
    recognition_rank: Number(recognitionRank),
    rank: Number(rank),
    distance_km: numberOrNull(distance),
  };
}

export async function findCandidates(db: Kysely<DB>, query: SearchQuery): Promise<Candidate[]> {
  const { rows } = await candidateStatement(query).execute(db);
  const text = rows[0]?.candidates ?? null;
  return text === null ? [] : text.split('\n').map(parseCandidate);
}

/** The locations of each offering (none for online-only ones), for distances worked out in TypeScript. */
export async function locationPoints(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, { lat: number; lon: number }[]>> {
  const points = new Map<string, { lat: number; lon: number }[]>();
  if (ids.length === 0) return points;
  const rows = await db
    .selectFrom('service_at_location as sal')
    .innerJoin('location as l', 'l.id', 'sal.location_id')
    .select(['sal.service_id', 'l.lat', 'l.lon'])
    .where('sal.service_id', 'in', ids)
    .execute();
  for (const row of rows) points.set(row.service_id, [...(points.get(row.service_id) ?? []), { lat: row.lat, lon: row.lon }]);
  return points;
}

/** One anonymous demand signal: what was looked for where, and whether anything was found. */
export interface SearchDemand {
  readonly municipality: string | null;
  readonly query: string;
  readonly filters: readonly string[];
  readonly resultCount: number;
}

/** Anonymous demand signals, written in one statement (the route buffers them; see search.demand.ts). */
export async function recordSearchDemand(db: Kysely<DB>, entries: readonly SearchDemand[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('search_demand')
    .values(
      entries.map((entry) => ({
        municipality_code: entry.municipality,
        query: entry.query === '' ? null : entry.query.slice(0, 100),
        filters: [...entry.filters],
        result_count: entry.resultCount,
      })),
    )
    .execute();
}

/**
 * The catalogue revision (migration 0010): moved on by a trigger on every write to what a search
 * reads. Read before anything cached is used, so outside writers and other processes are seen.
 */
export async function readCatalogueRevision(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ revision: number }>`select revision from catalogue_revision`.execute(db);
  return Number(rows[0]?.revision ?? 0);
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
