import type { Insertable } from 'kysely';
import { stableUuid } from '../../catalogue/ids.ts';
import {
  ACCESS, AUDIENCES, COSTS, FORMS, LEVELS, PHASES, THEMES,
  type HsdsAttributeTable, type LocationTable, type OrganizationTable, type ServiceStatus, type ServiceTable,
} from '../../db/schema.ts';
import { isRec, str, type FoundAttribute, type Problem, type Rec } from './hsds-import.collect.ts';
import { TAXONOMIES } from './hsds.taxonomy.ts';

/** What the database already knows that the mapping needs. */
export interface MapContext {
  readonly ourTerms: ReadonlyMap<string, { taxonomy: string; code: string }>;
  readonly municipalities: ReadonlySet<string>;
  readonly postcodes: ReadonlyMap<string, { municipality_code: string; lat: number; lon: number }>;
  readonly interventions: ReadonlySet<string>;
  readonly existing: { readonly organization: ReadonlySet<string>; readonly service: ReadonlySet<string>; readonly location: ReadonlySet<string> };
  readonly today: string;
}

export interface ImportPlan {
  readonly organizations: Insertable<OrganizationTable>[];
  readonly locations: Insertable<LocationTable>[];
  readonly services: Insertable<ServiceTable>[];
  readonly areas: { service_id: string; municipality_code: string }[];
  readonly sals: { id: string; service_id: string; location_id: string }[];
  readonly attributes: Insertable<HsdsAttributeTable>[];
  readonly problems: Problem[];
  readonly warnings: Problem[];
  /** Records whose file lists are the whole truth: stored areas, links and attributes not in the file go. */
  readonly owners: { readonly areas: Set<string>; readonly sals: Set<string>; readonly attributes: Set<string> };
}

/** Our attributes of one record, grouped by taxonomy; the others are kept as foreign attributes. */
export interface Attrs { readonly ours: Map<string, { code: string; value: string | undefined }[]> }

const lower = (v: unknown) => str(v)?.toLowerCase();

function termOf(a: Rec, docTerms: ReadonlyMap<string, Rec>): Rec {
  const inline = a['taxonomy_term'];
  if (isRec(inline)) return inline;
  return docTerms.get(lower(a['taxonomy_term_id']) ?? '') ?? {};
}

export function splitAttributes(found: readonly FoundAttribute[], ctx: MapContext, docTerms: ReadonlyMap<string, Rec>, plan: ImportPlan): Map<string, Attrs> {
  const byLink = new Map<string, Attrs>();
  for (const f of found) {
    const term = termOf(f.record, docTerms);
    const id = lower(f.record['taxonomy_term_id']) ?? lower(term['id']);
    const taxonomy = str(term['taxonomy']) ?? '';
    const code = str(term['code']) ?? '';
    const mine = (id ? ctx.ourTerms.get(id) : undefined) ?? (taxonomy in TAXONOMIES && code ? { taxonomy, code } : undefined);
    const key = `${f.entity}:${f.linkId}`;
    const attrs = byLink.get(key) ?? { ours: new Map() };
    byLink.set(key, attrs);
    if (mine) {
      const values = attrs.ours.get(mine.taxonomy) ?? [];
      values.push({ code: mine.code, value: str(f.record['value']) });
      attrs.ours.set(mine.taxonomy, values);
      continue;
    }
    plan.attributes.push({
      id: lower(f.record['id']) ?? stableUuid('hsds-attribute', `${f.linkId}:${plan.attributes.length}`),
      link_entity: f.entity, link_id: f.linkId, taxonomy, term_id: id ?? null, term_code: code, term_name: str(term['name']) ?? '',
      value: str(f.record['value']) ?? '',
    });
  }
  return byLink;
}

const codes = (a: Attrs | undefined, taxonomy: string) => (a?.ours.get(taxonomy) ?? []).map((x) => x.code);
const valueOf = (a: Attrs | undefined, taxonomy: string, code: string) => a?.ours.get(taxonomy)?.find((x) => x.code === code)?.value;
const known = <T extends string>(all: readonly T[], list: readonly string[]) => [...new Set(list.filter((c): c is T => (all as readonly string[]).includes(c)))];

function one<T extends string>(all: readonly T[], list: readonly string[], fallback: T, path: string, name: string, warnings: Problem[]): T {
  const found = known(all, list)[0];
  if (found) return found;
  warnings.push({ path, message: `no ${name} term; set to "${fallback}"` });
  return fallback;
}

function firstText(value: unknown, field: string): string | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((v) => (isRec(v) ? str(v[field]) : undefined)).find((v) => v !== undefined && v !== '');
}

const STATUS: Record<string, ServiceStatus> = { active: 'active', inactive: 'inactive', defunct: 'defunct', 'temporarily closed': 'temporarily_closed', temporarily_closed: 'temporarily_closed' };
const isDate = (v: string | undefined): v is string => v !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
const age = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 99 ? v : null);

export function mapOrganization(r: Rec, a: Attrs | undefined): Insertable<OrganizationTable> {
  const description = str(r['description']) ?? '';
  return {
    id: (lower(r['id']) ?? ''),
    name: (str(r['name']) ?? '').slice(0, 200),
    description_nl: description,
    description_en: valueOf(a, 'text', 'description_en') ?? description,
    email: str(r['email']) ?? null,
    website: str(r['website']) ?? null,
    phone: firstText(r['phones'], 'number') ?? null,
    is_demo: codes(a, 'flag').includes('demo'),
  };
}

/** A location fits our model only with a Dutch postcode we know: the municipality comes from it. */
export function mapLocation(r: Rec, a: Attrs | undefined, ctx: MapContext, path: string, warnings: Problem[]): Insertable<LocationTable> | undefined {
  const address = Array.isArray(r['addresses']) ? r['addresses'].find(isRec) : undefined;
  const postcode = str(address?.['postal_code'])?.toUpperCase().trim() ?? '';
  const pc = /^([1-9][0-9]{3}) ?([A-Z]{2})$/.exec(postcode);
  const area = pc?.[1] ? ctx.postcodes.get(pc[1]) : undefined;
  const municipality = r['external_identifier_type'] === 'cbs_gemeentecode' && ctx.municipalities.has(str(r['external_identifier']) ?? '') ? str(r['external_identifier']) : area?.municipality_code;
  const lat = typeof r['latitude'] === 'number' && r['latitude'] >= 50 && r['latitude'] <= 54 ? r['latitude'] : area?.lat;
  const lon = typeof r['longitude'] === 'number' && r['longitude'] >= 3 && r['longitude'] <= 8 ? r['longitude'] : area?.lon;
  const organizationId = lower(r['organization_id']);
  if (!pc || !municipality || lat === undefined || lon === undefined || !organizationId) {
    warnings.push({ path, message: 'location skipped: it needs an organization and a Dutch postcode (with a known municipality)' });
    return undefined;
  }
  const hours = firstText(r['schedules'], 'description') ?? '';
  const access = firstText(r['accessibility'], 'description') ?? '';
  return {
    id: lower(r['id']) ?? '', organization_id: organizationId, name: str(r['name']) ?? str(address?.['address_1']) ?? '',
    address: str(address?.['address_1']) ?? '', postcode, city: str(address?.['city']) ?? '', municipality_code: municipality, lat, lon,
    opening_hours_nl: hours, opening_hours_en: valueOf(a, 'text', 'opening_hours_en') ?? hours,
    accessibility_nl: access, accessibility_en: valueOf(a, 'text', 'accessibility_en') ?? access,
    is_demo: codes(a, 'flag').includes('demo'),
  };
}

function serviceTexts(r: Rec, a: Attrs | undefined) {
  const t = (code: string) => valueOf(a, 'text', code);
  const name = str(r['name']) ?? '';
  const description = str(r['description']) ?? '';
  const summary = t('summary_nl') ?? '';
  const duration = t('duration_nl') ?? '';
  const howToApply = str(r['application_process']) ?? '';
  const costNote = str(r['fees_description']) ?? null;
  return {
    name_nl: name.slice(0, 200), name_en: t('name_en') ?? name, summary_nl: summary, summary_en: t('summary_en') ?? summary,
    description_nl: description, description_en: t('description_en') ?? description, duration_nl: duration, duration_en: t('duration_en') ?? duration,
    how_to_apply_nl: howToApply, how_to_apply_en: t('how_to_apply_en') ?? howToApply, cost_note_nl: costNote, cost_note_en: t('cost_note_en') ?? costNote,
  };
}

function serviceAreas(r: Rec, id: string, ctx: MapContext, path: string, plan: ImportPlan): boolean {
  let national = false;
  (Array.isArray(r['service_areas']) ? r['service_areas'] : []).forEach((area, i) => {
    if (!isRec(area)) return;
    const extent = str(area['extent']) ?? '';
    if (area['extent_type'] === 'country' && extent === 'NL') national = true;
    else if (ctx.municipalities.has(extent)) plan.areas.push({ service_id: id, municipality_code: extent });
    else plan.warnings.push({ path: `${path}/service_areas/${i}`, message: 'service area skipped: not a CBS municipality code or NL' });
  });
  return national;
}

export function mapService(r: Rec, a: Attrs | undefined, ctx: MapContext, path: string, plan: ImportPlan): Insertable<ServiceTable> {
  const id = lower(r['id']) ?? '';
  const w = plan.warnings;
  const waiting = valueOf(a, 'flag', 'waiting_weeks') ?? str(r['wait_time']);
  const weeks = waiting && /^\d{1,3}/.test(waiting) ? Number.parseInt(waiting, 10) : null;
  const intervention = codes(a, 'intervention').find((c) => ctx.interventions.has(c)) ?? null;
  const modified = str(r['last_modified']);
  const modifiedDate = modified && !Number.isNaN(Date.parse(modified)) ? new Date(modified) : undefined;
  const assured = str(r['assured_date']);
  let [ageMin, ageMax] = [age(r['minimum_age']), age(r['maximum_age'])];
  if (ageMin !== null && ageMax !== null && ageMin > ageMax) [ageMin, ageMax] = [null, null];
  const audiences = known(AUDIENCES, codes(a, 'audience'));
  if (audiences.length === 0) w.push({ path, message: 'no audience term; set to "parents"' });
  return {
    id, organization_id: lower(r['organization_id']) ?? '', ...serviceTexts(r, a),
    status: STATUS[str(r['status']) ?? ''] ?? 'active',
    level: one(LEVELS, codes(a, 'level'), 'information', path, 'level', w),
    audiences: audiences.length > 0 ? audiences : ['parents'],
    age_min: ageMin, age_max: ageMax,
    phases: known(PHASES, codes(a, 'phase')), forms: known(FORMS, codes(a, 'form')), themes: known(THEMES, codes(a, 'theme')),
    access: one(ACCESS, codes(a, 'access'), 'free', path, 'access', w),
    cost: one(COSTS, codes(a, 'cost'), 'free', path, 'cost', w),
    languages: [...new Set((Array.isArray(r['languages']) ? r['languages'] : []).flatMap((l) => (isRec(l) && str(l['code']) ? [str(l['code']) ?? ''] : [])))],
    intervention_id: intervention,
    waiting_weeks: weeks,
    last_verified: isDate(assured) ? assured : (modified?.slice(0, 10) && isDate(modified.slice(0, 10)) ? modified.slice(0, 10) : ctx.today),
    national: serviceAreas(r, id, ctx, path, plan),
    email: str(r['email']) ?? null, website: str(r['url']) ?? null, phone: firstText(r['phones'], 'number') ?? null,
    is_demo: codes(a, 'flag').includes('demo'),
    ...(modifiedDate ? { updated_at: modifiedDate } : {}),
  };
}
