import { stableUuid } from '../../catalogue/ids.ts';
import type { ServiceStatus } from '../../db/schema.ts';
import type { InterventionRow } from './hsds-read.repository.ts';
import type { AreaRow, ExtraAttributeRow, LocationRow, OrganizationRow, SalRow, ServiceRow } from './hsds.repository.ts';
import { FLAG_TERMS, TEXT_TERMS, presentTerm, termId } from './hsds.taxonomy.ts';
import type {
  HsdsAttribute, HsdsLocation, HsdsOrganization, HsdsOrganizationBasic, HsdsService, HsdsServiceBasic, HsdsServiceAtLocation,
} from './hsds.types.ts';

/** Labels of every published term by `taxonomy:code`, and the interventions by id. */
export interface TermCatalogue {
  readonly labels: ReadonlyMap<string, { nl: string; en: string }>;
  readonly interventions: ReadonlyMap<string, InterventionRow>;
}

export function buildTermCatalogue(terms: readonly { taxonomy: string; code: string; label_nl: string; label_en: string }[], interventions: readonly InterventionRow[]): TermCatalogue {
  const labels = new Map<string, { nl: string; en: string }>();
  for (const t of terms) labels.set(`${t.taxonomy}:${t.code}`, { nl: t.label_nl, en: t.label_en });
  for (const t of TEXT_TERMS) labels.set(`text:${t.code}`, { nl: t.nl, en: t.en });
  for (const t of FLAG_TERMS) labels.set(`flag:${t.code}`, { nl: t.nl, en: t.en });
  for (const i of interventions) labels.set(`intervention:${i.id}`, { nl: i.name, en: i.recognition_level ?? 'Niet beoordeeld' });
  return { labels, interventions: new Map(interventions.map((i) => [i.id, i])) };
}

export const STATUS_TO_HSDS: Record<ServiceStatus, HsdsServiceBasic['status']> = {
  active: 'active', inactive: 'inactive', defunct: 'defunct', temporarily_closed: 'temporarily closed',
};

type Entity = 'service' | 'organization' | 'location';

function attribute(ctx: TermCatalogue, entity: Entity, linkId: string, taxonomy: string, code: string, value?: string): HsdsAttribute {
  const label = ctx.labels.get(`${taxonomy}:${code}`) ?? { nl: code, en: code };
  const id = termId(taxonomy, code);
  return {
    id: stableUuid('hsds-attribute', `${linkId}:${id}`),
    link_id: linkId,
    link_type: entity,
    link_entity: entity,
    taxonomy_term_id: id,
    taxonomy_term: presentTerm(taxonomy, code, label.nl, label.en, false),
    ...(value !== undefined ? { value } : {}),
  };
}

function extraAttribute(row: ExtraAttributeRow): HsdsAttribute {
  const id = row.term_id ?? stableUuid('hsds-foreign-term', `${row.taxonomy}:${row.term_code}:${row.term_name}`);
  return {
    id: row.id,
    link_id: row.link_id,
    link_type: row.link_entity,
    link_entity: row.link_entity,
    taxonomy_term_id: id,
    taxonomy_term: { id, code: row.term_code, name: row.term_name, description: '', ...(row.taxonomy ? { taxonomy: row.taxonomy } : {}) },
    value: row.value,
  };
}

function textAttributes(ctx: TermCatalogue, entity: Entity, id: string, texts: Record<string, string | null>): HsdsAttribute[] {
  return Object.entries(texts).flatMap(([code, text]) => (text ? [attribute(ctx, entity, id, 'text', code, text)] : []));
}

function serviceAttributes(ctx: TermCatalogue, s: ServiceRow, extras: readonly ExtraAttributeRow[]): HsdsAttribute[] {
  const a = (taxonomy: string, code: string, value?: string) => attribute(ctx, 'service', s.id, taxonomy, code, value);
  const list = [
    a('level', s.level),
    ...s.audiences.map((c) => a('audience', c)),
    ...s.phases.map((c) => a('phase', c)),
    ...s.forms.map((c) => a('form', c)),
    a('access', s.access),
    a('cost', s.cost),
    ...s.themes.map((c) => a('theme', c)),
  ];
  const intervention = s.intervention_id ? ctx.interventions.get(s.intervention_id) : undefined;
  if (s.intervention_id) list.push(a('intervention', s.intervention_id, intervention?.name ?? s.intervention_id));
  if (intervention) list.push(a('recognition', intervention.recognition_code ?? 'none', intervention.recognition_date ?? ''));
  list.push(...textAttributes(ctx, 'service', s.id, {
    name_en: s.name_en, summary_nl: s.summary_nl, summary_en: s.summary_en, description_en: s.description_en,
    duration_nl: s.duration_nl, duration_en: s.duration_en, how_to_apply_en: s.how_to_apply_en, cost_note_en: s.cost_note_en,
  }));
  if (s.is_demo) list.push(a('flag', 'demo'));
  if (s.waiting_weeks !== null) list.push(a('flag', 'waiting_weeks', String(s.waiting_weeks)));
  return [...list, ...extras.map(extraAttribute)];
}

export function presentServiceBasic(s: ServiceRow): HsdsServiceBasic {
  return {
    id: s.id,
    organization_id: s.organization_id,
    name: s.name_nl,
    description: s.description_nl,
    ...(s.website ? { url: s.website } : {}),
    ...(s.email ? { email: s.email } : {}),
    status: STATUS_TO_HSDS[s.status],
    ...(s.how_to_apply_nl ? { application_process: s.how_to_apply_nl } : {}),
    ...(s.cost_note_nl !== null ? { fees_description: s.cost_note_nl } : {}),
    ...(s.waiting_weeks !== null ? { wait_time: `${s.waiting_weeks} weken` } : {}),
    ...(s.age_min !== null ? { minimum_age: s.age_min } : {}),
    ...(s.age_max !== null ? { maximum_age: s.age_max } : {}),
    assured_date: s.last_verified,
    last_modified: s.updated_at.toISOString(),
  };
}

export function presentOrganizationBasic(o: OrganizationRow): HsdsOrganizationBasic {
  return { id: o.id, name: o.name, description: o.description_nl, ...(o.email ? { email: o.email } : {}), ...(o.website ? { website: o.website } : {}) };
}

export function presentLocation(ctx: TermCatalogue, l: LocationRow, extras: readonly ExtraAttributeRow[] = []): HsdsLocation {
  const attributes = textAttributes(ctx, 'location', l.id, { opening_hours_en: l.opening_hours_en, accessibility_en: l.accessibility_en });
  if (l.is_demo) attributes.push(attribute(ctx, 'location', l.id, 'flag', 'demo'));
  return {
    id: l.id,
    location_type: 'physical',
    organization_id: l.organization_id,
    name: l.name,
    latitude: l.lat,
    longitude: l.lon,
    external_identifier: l.municipality_code,
    external_identifier_type: 'cbs_gemeentecode',
    addresses: [{
      id: stableUuid('hsds-address', l.id), location_id: l.id, address_1: l.address, city: l.city,
      state_province: l.province_name, postal_code: l.postcode, country: 'NL', address_type: 'physical',
    }],
    ...(l.opening_hours_nl ? { schedules: [{ id: stableUuid('hsds-schedule', l.id), location_id: l.id, description: l.opening_hours_nl }] } : {}),
    ...(l.accessibility_nl ? { accessibility: [{ id: stableUuid('hsds-accessibility', l.id), location_id: l.id, description: l.accessibility_nl }] } : {}),
    attributes: [...attributes, ...extras.map(extraAttribute)],
  };
}

export function presentOrganization(
  ctx: TermCatalogue, o: OrganizationRow, related: { locations?: readonly HsdsLocation[]; services?: readonly HsdsServiceBasic[]; extras: readonly ExtraAttributeRow[] },
): HsdsOrganization {
  const attributes = textAttributes(ctx, 'organization', o.id, { description_en: o.description_en });
  if (o.is_demo) attributes.push(attribute(ctx, 'organization', o.id, 'flag', 'demo'));
  return {
    ...presentOrganizationBasic(o),
    ...(o.phone ? { phones: [{ id: stableUuid('hsds-phone', o.id), organization_id: o.id, number: o.phone }] } : {}),
    ...(related.locations ? { locations: related.locations } : {}),
    attributes: [...attributes, ...related.extras.map(extraAttribute)],
    ...(related.services ? { services: related.services } : {}),
  };
}

export interface ServiceRelated {
  readonly organization?: OrganizationRow;
  readonly areas: readonly AreaRow[];
  readonly sals: readonly SalRow[];
  readonly locations: ReadonlyMap<string, HsdsLocation>;
  readonly extras: readonly ExtraAttributeRow[];
}

export function presentService(ctx: TermCatalogue, s: ServiceRow, related: ServiceRelated): HsdsService {
  const areas = s.national
    ? [{ id: stableUuid('hsds-area', `${s.id}:NL`), service_id: s.id, name: 'Nederland', extent: 'NL', extent_type: 'country' }]
    : related.areas.map((a) => ({
      id: stableUuid('hsds-area', `${s.id}:${a.municipality_code}`), service_id: s.id, name: a.display_name, extent: a.municipality_code, extent_type: 'cbs_gemeentecode',
    }));
  const sals: HsdsServiceAtLocation[] = related.sals.map((x) => {
    const location = related.locations.get(x.location_id);
    return { id: x.id, service_id: x.service_id, location_id: x.location_id, ...(location ? { location } : {}) };
  });
  return {
    ...presentServiceBasic(s),
    ...(related.organization ? { organization: presentOrganizationBasic(related.organization) } : {}),
    ...(s.phone ? { phones: [{ id: stableUuid('hsds-phone', s.id), service_id: s.id, number: s.phone }] } : {}),
    service_areas: areas,
    service_at_locations: sals,
    languages: s.languages.map((code) => ({ id: stableUuid('hsds-language', `${s.id}:${code}`), service_id: s.id, code })),
    attributes: serviceAttributes(ctx, s, related.extras),
  };
}
