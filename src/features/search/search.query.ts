import { ACCESS, AUDIENCES, COSTS, FORMS, LEVELS, RECOGNITIONS, THEMES } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';

/** Filter dimensions: query parameter (Dutch, the same for pages and API) → allowed codes. */
export const FILTERS = {
  doelgroep: { taxonomy: 'audience', codes: AUDIENCES },
  hulpniveau: { taxonomy: 'level', codes: LEVELS },
  vorm: { taxonomy: 'form', codes: FORMS },
  toegang: { taxonomy: 'access', codes: ACCESS },
  kosten: { taxonomy: 'cost', codes: COSTS },
  erkenning: { taxonomy: 'recognition', codes: RECOGNITIONS },
  thema: { taxonomy: 'theme', codes: THEMES },
  // Any ISO 639 code; the options shown are the languages offerings actually use.
  taal: { taxonomy: 'language', codes: null },
} as const;

export type FilterName = keyof typeof FILTERS;
export const FILTER_NAMES = Object.keys(FILTERS) as FilterName[];
export type Filters = { readonly [K in FilterName]: readonly string[] };

export const SORTS = ['relevantie', 'afstand'] as const;
export type Sort = (typeof SORTS)[number];
export const PAGE_SIZE = 20;
export const MAX_PAGE = 500;
export const MAX_QUERY_LENGTH = 200;

/** What a visitor asked for, checked; places are still unresolved names or codes. */
export interface SearchParams {
  readonly q: string;
  readonly gemeente: string | null;
  readonly postcode: string | null;
  readonly afstandKm: number | null;
  readonly leeftijd: number | null;
  readonly filters: Filters;
  readonly sort: Sort;
  readonly page: number;
}

type Raw = Record<string, unknown>;

function values(raw: Raw, name: string): string[] {
  const value = raw[name];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === 'string').flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

function single(raw: Raw, name: string, errors: Record<string, string>): string | null {
  const list = values(raw, name);
  if (list.length > 1) errors[name] = 'give one value';
  return list[0] ?? null;
}

function wholeNumber(raw: Raw, name: string, min: number, max: number, errors: Record<string, string>): number | null {
  const value = single(raw, name, errors);
  if (value === null) return null;
  if (!/^\d{1,6}$/.test(value) || Number(value) < min || Number(value) > max) {
    errors[name] = `must be a whole number from ${min} to ${max}`;
    return null;
  }
  return Number(value);
}

export const POSTCODE_PATTERN = /^([1-9][0-9]{3}) ?([A-Za-z]{2})?$/;

/** Normalises a free-text query; refuses control characters (binary input) and overlong text. */
export function cleanQuery(value: string | null, errors: Record<string, string>): string {
  if (value === null) return '';
  // eslint-disable-next-line no-control-regex -- finding control characters is the point here
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/.test(value)) {
    errors['q'] = 'contains characters that are not text';
    return '';
  }
  const text = value.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (text.length > MAX_QUERY_LENGTH) {
    errors['q'] = `is longer than ${MAX_QUERY_LENGTH} characters`;
    return '';
  }
  return text;
}

/** Validates the query string of /zoeken and /api/v1/services; throws AppError naming each bad field. */
export function parseSearchParams(raw: Raw): SearchParams {
  const errors: Record<string, string> = {};
  const q = cleanQuery(single(raw, 'q', errors), errors);
  const gemeente = single(raw, 'gemeente', errors);
  if (gemeente !== null && gemeente.length > 80) errors['gemeente'] = 'is too long';
  const postcodeRaw = single(raw, 'postcode', errors);
  let postcode: string | null = null;
  if (postcodeRaw !== null) {
    const match = POSTCODE_PATTERN.exec(postcodeRaw.replace(/\s+/g, ' ').trim());
    if (match?.[1]) postcode = match[1];
    else errors['postcode'] = 'must be 4 digits, or 4 digits and 2 letters (e.g. 2511 AB)';
  }
  const afstandKm = wholeNumber(raw, 'afstand', 1, 100, errors);
  const leeftijd = wholeNumber(raw, 'leeftijd', 0, 99, errors);
  const page = wholeNumber(raw, 'pagina', 1, MAX_PAGE, errors) ?? 1;
  const sortValue = single(raw, 'sortering', errors) ?? 'relevantie';
  const sort = SORTS.find((s) => s === sortValue);
  if (!sort) errors['sortering'] = `must be one of ${SORTS.join(', ')}`;
  const filters = {} as Record<FilterName, string[]>;
  for (const name of FILTER_NAMES) {
    const allowed: readonly string[] | null = FILTERS[name].codes;
    const isAllowed = (c: string) => (allowed === null ? /^[a-z]{2,3}$/.test(c) : allowed.includes(c));
    const chosen = [...new Set(values(raw, name))];
    const unknown = chosen.filter((c) => !isAllowed(c));
    if (unknown.length > 0) errors[name] = `unknown value ${unknown.map((u) => JSON.stringify(u.slice(0, 40))).join(', ')}`;
    filters[name] = chosen.filter(isAllowed);
  }
  if (Object.keys(errors).length > 0) {
    const detail = Object.entries(errors)
      .map(([field, reason]) => `${field} ${reason}`)
      .join('; ');
    throw new AppError('bad_request', detail, errors);
  }
  return { q, gemeente, postcode, afstandKm, leeftijd, filters, sort: sort ?? 'relevantie', page };
}

/** The query string for a search, minus defaults; used for links (pagination, facets, map). */
export function searchQueryString(params: SearchParams, change: Partial<SearchParams> = {}): string {
  const p = { ...params, ...change };
  const out = new URLSearchParams();
  if (p.q) out.set('q', p.q);
  if (p.gemeente) out.set('gemeente', p.gemeente);
  if (p.postcode) out.set('postcode', p.postcode);
  if (p.afstandKm !== null) out.set('afstand', String(p.afstandKm));
  if (p.leeftijd !== null) out.set('leeftijd', String(p.leeftijd));
  for (const name of FILTER_NAMES) for (const v of p.filters[name]) out.append(name, v);
  if (p.sort !== 'relevantie') out.set('sortering', p.sort);
  if (p.page > 1) out.set('pagina', String(p.page));
  const text = out.toString();
  return text ? `?${text}` : '';
}
