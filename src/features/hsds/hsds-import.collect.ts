// Turns any HSDS 3.0 JSON shape (our whole-catalogue document, a page, a list, one nested object,
// or the tabular form with "services.csv" keys) into flat records, each with the path it came from.

export type Rec = Readonly<Record<string, unknown>>;
export type Kind = 'organization' | 'service' | 'location' | 'service_at_location' | 'taxonomy_term' | 'taxonomy';
export interface Problem { readonly path: string; readonly message: string }
export interface Found { readonly record: Rec; readonly path: string; readonly primary: boolean }
export interface FoundAttribute { readonly record: Rec; readonly path: string; readonly entity: 'service' | 'organization' | 'location'; readonly linkId: string }

export interface Collected {
  readonly records: Record<Kind, Map<string, Found>>;
  readonly attributes: FoundAttribute[];
  readonly problems: Problem[];
}

export const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const BUNDLE_KEYS: Readonly<Record<string, Kind>> = {
  organizations: 'organization', services: 'service', locations: 'location', service_at_locations: 'service_at_location',
  taxonomy_terms: 'taxonomy_term', taxonomies: 'taxonomy',
};

export function detectKind(r: Rec): Kind | undefined {
  const has = (...keys: string[]) => keys.some((k) => k in r);
  if (has('location_type')) return 'location';
  if (has('status', 'service_at_locations', 'service_areas')) return 'service';
  if (has('location', 'service') || (has('service_id') && has('location_id'))) return 'service_at_location';
  if (has('taxonomy', 'taxonomy_detail', 'taxonomy_id', 'code', 'term_uri', 'parent_id')) return 'taxonomy_term';
  if (has('website', 'tax_status', 'services', 'locations', 'legal_status', 'year_incorporated', 'logo', 'organization_identifiers', 'programs', 'funding')) return 'organization';
  if (has('version', 'uri')) return 'taxonomy';
  if (has('description') && has('name')) return 'organization';
  return undefined;
}

/** A nested parent stands for its id: `organization` gives `organization_id`, and so on. */
function impliedReferences(kind: Kind, value: Rec): Rec {
  const idOf = (key: string) => (isRec(value[key]) ? str((value[key] as Rec)['id']) : undefined);
  const implied: Record<string, string> = {};
  const set = (field: string, id: string | undefined) => { if (id) implied[field] = id; };
  if (kind === 'service') set('organization_id', idOf('organization'));
  if (kind === 'service_at_location') {
    set('service_id', idOf('service'));
    set('location_id', idOf('location'));
  }
  return implied;
}

class Collector implements Collected {
  readonly records: Record<Kind, Map<string, Found>> = {
    organization: new Map(), service: new Map(), location: new Map(), service_at_location: new Map(), taxonomy_term: new Map(), taxonomy: new Map(),
  };
  readonly attributes: FoundAttribute[] = [];
  readonly problems: Problem[] = [];

  private add(kind: Kind, record: Rec, path: string, primary: boolean): string | undefined {
    const id = str(record['id']);
    if (!id) {
      this.problems.push({ path: `${path}/id`, message: `a ${kind} needs a string id` });
      return undefined;
    }
    const key = id.toLowerCase();
    const seen = this.records[kind].get(key);
    if (seen && seen.primary && primary) {
      this.problems.push({ path, message: `duplicate ${kind} id ${id} (also at ${seen.path})` });
    } else if (!seen || (primary && !seen.primary)) {
      this.records[kind].set(key, { record, path, primary });
    }
    return key;
  }

  private attributesOf(r: Rec, path: string, entity: FoundAttribute['entity'], linkId: string): void {
    list(r['attributes']).forEach((a, i) => {
      if (isRec(a)) this.attributes.push({ record: a, path: `${path}/attributes/${i}`, entity, linkId });
      else this.problems.push({ path: `${path}/attributes/${i}`, message: 'an attribute must be an object' });
    });
  }

  walk(kind: Kind, value: unknown, path: string, primary: boolean, parent: Rec = {}): string | undefined {
    if (!isRec(value)) {
      this.problems.push({ path, message: `a ${kind} must be an object` });
      return undefined;
    }
    const record: Rec = { ...parent, ...impliedReferences(kind, value), ...value };
    const id = this.add(kind, record, path, primary);
    if (!id) return undefined;
    if (kind === 'service') this.walkService(record, id, path);
    if (kind === 'organization') this.walkOrganization(record, id, path);
    if (kind === 'location') this.attributesOf(record, path, 'location', id);
    if (kind === 'service_at_location') {
      const service = record['service'];
      if (isRec(service)) this.walk('service', service, `${path}/service`, false);
      const location = record['location'];
      if (isRec(location)) this.walk('location', location, `${path}/location`, false);
    }
    return id;
  }

  private walkService(record: Rec, id: string, path: string): void {
    const organization = record['organization'];
    const orgId = isRec(organization) ? this.walk('organization', organization, `${path}/organization`, false) : undefined;
    const ownerOrg = str(record['organization_id']) ?? orgId;
    list(record['service_at_locations']).forEach((sal, i) => {
      const location = isRec(sal) ? sal['location'] : undefined;
      if (isRec(sal) && isRec(location) && ownerOrg && !location['organization_id']) {
        this.walk('service_at_location', { ...sal, location: { ...location, organization_id: ownerOrg } }, `${path}/service_at_locations/${i}`, true, { service_id: id });
      } else {
        this.walk('service_at_location', sal, `${path}/service_at_locations/${i}`, true, { service_id: id });
      }
    });
    this.attributesOf(record, path, 'service', id);
  }

  private walkOrganization(record: Rec, id: string, path: string): void {
    list(record['services']).forEach((s, i) => this.walk('service', s, `${path}/services/${i}`, false, { organization_id: id }));
    list(record['locations']).forEach((l, i) => this.walk('location', l, `${path}/locations/${i}`, true, { organization_id: id }));
    this.attributesOf(record, path, 'organization', id);
  }
}

/** Tabular form: child tables are attached to their parents, then walked like nested JSON. */
function fromTabular(doc: Rec): Rec {
  const rows = (name: string): Rec[] => list(doc[name]).filter(isRec);
  const childrenOf = (name: string, key: string, parentId: unknown) => rows(name).filter((c) => c[key] === parentId);
  const withAttributes = (r: Rec) => {
    const attributes = rows('attributes.csv').filter((a) => a['link_id'] === r['id']);
    return attributes.length > 0 ? { ...r, attributes } : r;
  };
  return {
    organizations: rows('organizations.csv').map((o) => ({ ...withAttributes(o), phones: childrenOf('phones.csv', 'organization_id', o['id']) })),
    locations: rows('locations.csv').map((l) => ({
      ...withAttributes(l), addresses: childrenOf('addresses.csv', 'location_id', l['id']),
      schedules: childrenOf('schedules.csv', 'location_id', l['id']), accessibility: childrenOf('accessibility.csv', 'location_id', l['id']),
    })),
    services: rows('services.csv').map((s) => ({
      ...withAttributes(s), phones: childrenOf('phones.csv', 'service_id', s['id']), languages: childrenOf('languages.csv', 'service_id', s['id']),
      service_areas: childrenOf('service_areas.csv', 'service_id', s['id']),
    })),
    service_at_locations: [...rows('service_at_location.csv'), ...rows('service_at_locations.csv')],
    taxonomy_terms: rows('taxonomy_terms.csv'),
    taxonomies: rows('taxonomies.csv'),
  };
}

export function collect(doc: unknown): Collected {
  const c = new Collector();
  const items = (value: unknown, path: string) =>
    list(value).forEach((item, i) => {
      const kind = isRec(item) ? detectKind(item) : undefined;
      if (kind) c.walk(kind, item, `${path}/${i}`, true);
      else c.problems.push({ path: `${path}/${i}`, message: 'not an HSDS object this import understands' });
    });
  if (Array.isArray(doc)) items(doc, '');
  else if (!isRec(doc)) c.problems.push({ path: '', message: 'the document must be a JSON object or array' });
  else if (Array.isArray(doc['contents'])) items(doc['contents'], '/contents');
  else if (Object.keys(doc).some((k) => k.endsWith('.csv'))) walkBundle(c, fromTabular(doc), TABULAR_NAMES);
  else if (Object.keys(doc).some((k) => k in BUNDLE_KEYS) && !('id' in doc)) walkBundle(c, doc);
  else {
    const kind = detectKind(doc);
    if (kind) c.walk(kind, doc, '', true);
    else c.problems.push({ path: '', message: 'not an HSDS object this import understands' });
  }
  return c;
}

/** Paths in a tabular file name its tables. */
const TABULAR_NAMES: Readonly<Record<string, string>> = {
  organizations: 'organizations.csv', services: 'services.csv', locations: 'locations.csv', service_at_locations: 'service_at_location.csv',
  taxonomy_terms: 'taxonomy_terms.csv', taxonomies: 'taxonomies.csv',
};

function walkBundle(c: Collector, doc: Rec, names: Readonly<Record<string, string>> = {}): void {
  for (const [key, kind] of Object.entries(BUNDLE_KEYS)) {
    const value = doc[key];
    const name = names[key] ?? key;
    if (value === undefined) continue;
    if (!Array.isArray(value)) c.problems.push({ path: `/${name}`, message: 'must be an array' });
    else value.forEach((item, i) => c.walk(kind, item, `/${name}/${i}`, true));
  }
}
