import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { findMunicipality, findPostcode, type Place } from '../places/places.repository.ts';
import { PAGE_SIZE, type SearchParams } from './search.query.ts';
import { RevisionCache, revisionCachePerDatabase, UNCACHED, type CacheScope } from './search.cache.ts';
import { earthDistanceKm } from './search.distance.ts';
import { facetAndPage, orderCandidates, type SearchResult } from './search.facets.ts';
import { correctWord, findCandidates, locationPoints, type Candidate, type SearchQuery } from './search.repository.ts';
import { buildTsQuery, normaliseWord, words } from './search.text.ts';

export type SearchOutcome =
  | { readonly kind: 'results'; readonly place: Place | null; readonly result: SearchResult; readonly widened: boolean }
  | { readonly kind: 'unknown-postcode'; readonly postcode: string }
  | { readonly kind: 'unknown-municipality'; readonly input: string };

type PlaceOutcome = { kind: 'place'; place: Place | null; fromPostcode: boolean } | Exclude<SearchOutcome, { kind: 'results' }>;

/** What a text and a place match, in result order, before filters: the part worth caching. */
interface CandidateSet {
  readonly ordered: readonly Candidate[];
  /** The tsquery that found them (all words, any word, or typo-corrected words). */
  readonly tsQuery: string | null;
  readonly widened: boolean;
  /** Kilometres to the nearest location, filled per page shown; null for offerings without one. */
  readonly distances: Map<string, number | null>;
}

// Bounds (docs/decisions/0004-search-cache.md): a candidate row is a few hundred bytes, so the
// candidate sets stay within some tens of MB; places and typo corrections are tiny.
const MAX_CANDIDATE_ROWS = 100_000;
const candidateSets = revisionCachePerDatabase(() => new RevisionCache<CandidateSet>(MAX_CANDIDATE_ROWS, (s) => s.ordered.length + 1));
const places = revisionCachePerDatabase(() => new RevisionCache<{ place: Place | null }>(5_000));
const corrections = revisionCachePerDatabase(() => new RevisionCache<string[]>(5_000));

async function resolvePlace(db: Kysely<DB>, params: SearchParams, scope: CacheScope): Promise<PlaceOutcome> {
  if (params.postcode !== null) {
    const postcode = params.postcode;
    const { place } = await places(db).getOrLoad(scope, `pc:${postcode}`, async () => ({ place: await findPostcode(db, postcode) }));
    // The CBS list dates from 2020: a newer postcode asks for the municipality instead.
    return place ? { kind: 'place', place, fromPostcode: true } : { kind: 'unknown-postcode', postcode };
  }
  if (params.gemeente !== null) {
    const input = params.gemeente;
    const { place } = await places(db).getOrLoad(scope, `gm:${input.trim().toLowerCase()}`, async () => ({ place: await findMunicipality(db, input) }));
    return place ? { kind: 'place', place, fromPostcode: false } : { kind: 'unknown-municipality', input };
  }
  return { kind: 'place', place: null, fromPostcode: false };
}

/**
 * Searches the catalogue. With a `scope` (openCacheScope), the place, the candidate set of this
 * text and place, typo corrections and page distances are reused while the catalogue revision
 * stays the same; filters, facets and paging always run on the candidates (they are cheap).
 */
export async function runSearch(db: Kysely<DB>, params: SearchParams, pageSize = PAGE_SIZE, scope: CacheScope = UNCACHED): Promise<SearchOutcome> {
  const resolved = await resolvePlace(db, params, scope);
  if (resolved.kind !== 'place') return resolved;
  const { place } = resolved;
  const text = words(normaliseWord(params.q)).join(' ');
  const query: SearchQuery = {
    tsQuery: buildTsQuery(text, 'and'),
    text,
    municipality: place?.code ?? null,
    origin: place ? { lat: place.lat, lon: place.lon } : null,
    radiusKm: params.afstandKm,
    age: params.leeftijd,
    filters: params.filters,
    sort: params.sort === 'afstand' && place ? 'distance' : 'relevance',
    limit: pageSize,
    offset: (params.page - 1) * pageSize,
  };
  const key = JSON.stringify([text, query.municipality, query.origin?.lat, query.origin?.lon, query.radiusKm, query.sort]);
  const set = await candidateSets(db).getOrLoad(scope, key, () => searchWidening(db, query, scope));
  const result = facetAndPage(set.ordered, { ...query, tsQuery: set.tsQuery });
  return { kind: 'results', place, result: await withDistances(db, query, set, result), widened: set.widened };
}

/**
 * Full text with all words; then with any of them (and say so); then with each word replaced by
 * the catalogue words most like it (typos). Each step runs only when the one before found nothing.
 */
async function searchWidening(db: Kysely<DB>, query: SearchQuery, scope: CacheScope): Promise<CandidateSet> {
  const found = (q: SearchQuery, widened: boolean, candidates: readonly Candidate[]): CandidateSet => ({
    ordered: orderCandidates(candidates, q.sort),
    tsQuery: q.tsQuery,
    widened,
    distances: new Map(),
  });
  const candidates = await findCandidates(db, query);
  if (candidates.length > 0 || query.text === '') return found(query, false, candidates);
  const typed = words(query.text);
  if (typed.length > 1) {
    const anyWord = { ...query, tsQuery: buildTsQuery(query.text, 'or') };
    const wider = await findCandidates(db, anyWord);
    if (wider.length > 0) return found(anyWord, true, wider);
  }
  const corrected = (await Promise.all(typed.map((w) => corrections(db).getOrLoad(scope, w, () => correctWord(db, w))))).flat();
  if (corrected.length === 0) return found(query, false, []);
  const typo = { ...query, tsQuery: buildTsQuery(corrected.join(' '), 'or') };
  return found(typo, false, await findCandidates(db, typo));
}

/** Distances for the page shown, when the order did not already need them for every candidate. */
async function withDistances(db: Kysely<DB>, query: SearchQuery, set: CandidateSet, result: SearchResult): Promise<SearchResult> {
  if (query.origin === null || query.sort === 'distance' || result.hits.length === 0) return result;
  const missing = result.hits.filter((h) => !set.distances.has(h.id)).map((h) => h.id);
  if (missing.length > 0) {
    // The same formula as the database's, without a round of SQL functions per location.
    const origin = query.origin;
    const points = await locationPoints(db, missing);
    for (const id of missing) {
      const km = (points.get(id) ?? []).map((p) => earthDistanceKm(origin, p));
      set.distances.set(id, km.length === 0 ? null : Math.round(Math.min(...km) * 10) / 10);
    }
  }
  return { ...result, hits: result.hits.map((h) => ({ ...h, distanceKm: set.distances.get(h.id) ?? null })) };
}
