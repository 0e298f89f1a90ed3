import { FILTER_NAMES, type FilterName } from './search.query.ts';
import type { Candidate, SearchQuery } from './search.repository.ts';

export type FacetCounts = { readonly [K in FilterName]: Readonly<Record<string, number>> };

export interface SearchHit {
  readonly id: string;
  readonly distanceKm: number | null;
}

export interface SearchResult {
  readonly total: number;
  readonly hits: readonly SearchHit[];
  readonly facets: FacetCounts;
  /** For each dimension: the total there would be with that dimension's filter removed. */
  readonly totalWithout: { readonly [K in FilterName]: number };
}

/** The candidate's codes for one filter dimension. */
function codesOf(c: Candidate, name: FilterName): readonly string[] {
  switch (name) {
    case 'doelgroep':
      return c.audiences;
    case 'hulpniveau':
      return [c.level];
    case 'vorm':
      return c.forms;
    case 'toegang':
      return [c.access];
    case 'kosten':
      return [c.cost];
    case 'erkenning':
      return [c.recognition];
    case 'thema':
      return c.themes;
    case 'taal':
      return c.languages;
  }
}

function fitsAge(c: Candidate, age: number | null): boolean {
  return age === null || ((c.age_min === null || c.age_min <= age) && (c.age_max === null || c.age_max >= age));
}

const collator = new Intl.Collator('nl');

/**
 * The order results are shown in. It does not depend on the filters, so a cached candidate set is
 * ordered once and every filtered page of it keeps that order.
 */
export function orderCandidates(candidates: readonly Candidate[], sort: SearchQuery['sort']): Candidate[] {
  const byName = (a: Candidate, b: Candidate) => collator.compare(a.name_nl, b.name_nl);
  const byDistance = (a: Candidate, b: Candidate) => (a.distance_km ?? Infinity) - (b.distance_km ?? Infinity);
  // Last by id: the database returns candidates in no fixed order, and pages must not overlap.
  const byId = (a: Candidate, b: Candidate) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...candidates].sort(
    sort === 'distance'
      ? (a, b) => byDistance(a, b) || b.rank - a.rank || byName(a, b) || byId(a, b)
      : (a, b) => b.rank - a.rank || b.recognition_rank - a.recognition_rank || byDistance(a, b) || byName(a, b) || byId(a, b),
  );
}

/**
 * Filters and counts candidates that are already in order (orderCandidates), and cuts the page.
 * Facets are disjunctive: the count next to an option is what the result would hold with that
 * option added, all other dimensions as chosen.
 */
export function facetAndPage(ordered: readonly Candidate[], query: SearchQuery): SearchResult {
  const active = FILTER_NAMES.filter((name) => query.filters[name].length > 0).map((name) => ({ name, chosen: new Set(query.filters[name]) }));
  const counts = Object.fromEntries(FILTER_NAMES.map((n) => [n, {} as Record<string, number>])) as Record<FilterName, Record<string, number>>;
  const totalWithout = Object.fromEntries(FILTER_NAMES.map((n) => [n, 0])) as Record<FilterName, number>;
  const matching: Candidate[] = [];
  // Runs for every candidate of every search, so it allocates nothing per row but the results.
  for (const c of ordered) {
    if (!fitsAge(c, query.age)) continue;
    let failed: FilterName | null = null;
    let failures = 0;
    for (const { name, chosen } of active) {
      if (codesOf(c, name).some((code) => chosen.has(code))) continue;
      failed = name;
      if (++failures > 1) break;
    }
    if (failures > 1) continue;
    if (failures === 0) matching.push(c);
    // A row counts for a dimension (its facet and its total without it) when it passes every *other* dimension.
    for (const name of FILTER_NAMES) {
      if (failed !== null && failed !== name) continue;
      totalWithout[name]++;
      const facet = counts[name];
      const codes = codesOf(c, name);
      codes.forEach((code, i) => {
        if (codes.indexOf(code) === i) facet[code] = (facet[code] ?? 0) + 1;
      });
    }
  }
  return {
    total: matching.length,
    hits: matching.slice(query.offset, query.offset + query.limit).map((c) => ({
      id: c.id,
      distanceKm: c.distance_km === null ? null : Math.round(c.distance_km * 10) / 10,
    })),
    facets: counts,
    totalWithout,
  };
}
