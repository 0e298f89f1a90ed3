import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { findMunicipality, findPostcode, type Place } from '../places/places.repository.ts';
import { PAGE_SIZE, type SearchParams } from './search.query.ts';
import { facetAndPage, type SearchResult } from './search.facets.ts';
import { correctWord, distancesFrom, findCandidates, type SearchQuery } from './search.repository.ts';
import { buildTsQuery, normaliseWord, words } from './search.text.ts';

export type SearchOutcome =
  | { readonly kind: 'results'; readonly place: Place | null; readonly result: SearchResult; readonly widened: boolean }
  | { readonly kind: 'unknown-postcode'; readonly postcode: string }
  | { readonly kind: 'unknown-municipality'; readonly input: string };

type PlaceOutcome = { kind: 'place'; place: Place | null; fromPostcode: boolean } | Exclude<SearchOutcome, { kind: 'results' }>;

async function resolvePlace(db: Kysely<DB>, params: SearchParams): Promise<PlaceOutcome> {
  if (params.postcode !== null) {
    const place = await findPostcode(db, params.postcode);
    // The CBS list dates from 2020: a newer postcode asks for the municipality instead.
    return place ? { kind: 'place', place, fromPostcode: true } : { kind: 'unknown-postcode', postcode: params.postcode };
  }
  if (params.gemeente !== null) {
    const place = await findMunicipality(db, params.gemeente);
    return place ? { kind: 'place', place, fromPostcode: false } : { kind: 'unknown-municipality', input: params.gemeente };
  }
  return { kind: 'place', place: null, fromPostcode: false };
}

export async function runSearch(db: Kysely<DB>, params: SearchParams, pageSize = PAGE_SIZE): Promise<SearchOutcome> {
  const resolved = await resolvePlace(db, params);
  if (resolved.kind !== 'place') return resolved;
  const { place } = resolved;
  const query: SearchQuery = {
    tsQuery: buildTsQuery(params.q, 'and'),
    text: words(normaliseWord(params.q)).join(' '),
    municipality: place?.code ?? null,
    origin: place ? { lat: place.lat, lon: place.lon } : null,
    radiusKm: params.afstandKm,
    age: params.leeftijd,
    filters: params.filters,
    sort: params.sort === 'afstand' && place ? 'distance' : 'relevance',
    limit: pageSize,
    offset: (params.page - 1) * pageSize,
  };
  const found = await searchWidening(db, query, params.q);
  return { kind: 'results', place, result: await withDistances(db, query, found.result), widened: found.widened };
}

/**
 * Full text with all words; then with any of them (and say so); then with each word replaced by
 * the catalogue words most like it (typos). Each step runs only when the one before found nothing.
 */
async function searchWidening(db: Kysely<DB>, query: SearchQuery, text: string): Promise<{ result: SearchResult; widened: boolean }> {
  const candidates = await findCandidates(db, query);
  if (candidates.length > 0 || query.text === '') return { result: facetAndPage(candidates, query), widened: false };
  if (words(text).length > 1) {
    const anyWord = { ...query, tsQuery: buildTsQuery(text, 'or') };
    const wider = await findCandidates(db, anyWord);
    if (wider.length > 0) return { result: facetAndPage(wider, anyWord), widened: true };
  }
  const corrected = (await Promise.all(words(text).map((w) => correctWord(db, w)))).flat();
  if (corrected.length === 0) return { result: facetAndPage([], query), widened: false };
  const typo = { ...query, tsQuery: buildTsQuery(corrected.join(' '), 'or') };
  return { result: facetAndPage(await findCandidates(db, typo), typo), widened: false };
}

/** Distances for the page shown, when the order did not already need them for every candidate. */
async function withDistances(db: Kysely<DB>, query: SearchQuery, result: SearchResult): Promise<SearchResult> {
  if (query.origin === null || query.sort === 'distance' || result.hits.length === 0) return result;
  const km = await distancesFrom(db, query.origin, result.hits.map((h) => h.id));
  return {
    ...result,
    hits: result.hits.map((h) => {
      const d = km.get(h.id);
      return { ...h, distanceKm: d === undefined ? null : Math.round(d * 10) / 10 };
    }),
  };
}
