import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { findMunicipality, findPostcode, type Place } from '../places/places.repository.ts';
import { PAGE_SIZE, type SearchParams } from './search.query.ts';
import { facetAndPage, type SearchResult } from './search.facets.ts';
import { findCandidates, type SearchQuery } from './search.repository.ts';
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
  const result = facetAndPage(await findCandidates(db, query), query);
  // Several words that find nothing together: look for any of them instead, and say so.
  if (result.total === 0 && words(params.q).length > 1) {
    const widerQuery = { ...query, tsQuery: buildTsQuery(params.q, 'or') };
    const wider = facetAndPage(await findCandidates(db, widerQuery), widerQuery);
    if (wider.total > 0) return { kind: 'results', place, result: wider, widened: true };
  }
  return { kind: 'results', place, result, widened: false };
}
