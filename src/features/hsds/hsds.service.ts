import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { listForeignTerms, listInterventions, listTermRows, organizationsAfter } from './hsds-read.repository.ts';
import {
  areasOf, extraAttributesOf, locationsByIds, locationsOfOrganizations, organizationsByIds, serviceAtLocationsOf, servicesAfter,
  type LocationRow, type OrganizationRow, type ServiceFilter, type ServiceRow,
} from './hsds.repository.ts';
import { buildTermCatalogue, presentLocation, presentOrganization, presentService, type TermCatalogue } from './hsds.presenter.ts';
import { FLAG_TERMS, PROFILE_URL, TEXT_TERMS, listTaxonomies, presentTerm, taxonomyId } from './hsds.taxonomy.ts';
import type { HsdsDocument, HsdsLocation, HsdsOrganization, HsdsPage, HsdsService, HsdsTaxonomyTerm } from './hsds.types.ts';

export const EXPORT_BATCH = 500;

export async function loadTermCatalogue(db: Kysely<DB>): Promise<TermCatalogue> {
  const [terms, interventions] = await Promise.all([listTermRows(db), listInterventions(db)]);
  return buildTermCatalogue(terms, interventions);
}

/** Every published term: ours from the database, the fixed text and flag terms, interventions, and imported ones. */
export async function listAllTerms(db: Kysely<DB>): Promise<HsdsTaxonomyTerm[]> {
  const [terms, interventions, foreign] = await Promise.all([listTermRows(db), listInterventions(db), listForeignTerms(db)]);
  return [
    ...terms.map((t) => presentTerm(t.taxonomy, t.code, t.label_nl, t.label_en)),
    ...interventions.map((i) => presentTerm('intervention', i.id, i.name, i.recognition_level ?? 'Niet beoordeeld')),
    ...TEXT_TERMS.map((t) => presentTerm('text', t.code, t.nl, t.en)),
    ...FLAG_TERMS.map((t) => presentTerm('flag', t.code, t.nl, t.en)),
    ...foreign.map((f) => ({
      id: f.term_id, code: f.term_code, name: f.term_name, description: '',
      ...(f.taxonomy ? { taxonomy: f.taxonomy, taxonomy_id: taxonomyId(f.taxonomy) } : {}),
    })),
  ];
}

async function presentLocations(db: Kysely<DB>, ctx: TermCatalogue, rows: readonly LocationRow[]): Promise<Map<string, HsdsLocation>> {
  const extras = await extraAttributesOf(db, rows.map((l) => l.id));
  return new Map(rows.map((l) => [l.id, presentLocation(ctx, l, extras.filter((e) => e.link_id === l.id && e.link_entity === 'location'))]));
}

/** Fully nested services for a batch of rows, with a fixed number of queries per batch. */
export async function presentServices(db: Kysely<DB>, ctx: TermCatalogue, rows: readonly ServiceRow[]): Promise<HsdsService[]> {
  const ids = rows.map((s) => s.id);
  const [areas, sals, orgs, extras] = await Promise.all([
    areasOf(db, ids), serviceAtLocationsOf(db, ids), organizationsByIds(db, [...new Set(rows.map((s) => s.organization_id))]), extraAttributesOf(db, ids),
  ]);
  const locations = await presentLocations(db, ctx, await locationsByIds(db, [...new Set(sals.map((x) => x.location_id))]));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  return rows.map((s) => {
    const organization = orgById.get(s.organization_id);
    return presentService(ctx, s, {
      ...(organization ? { organization } : {}),
      areas: areas.filter((a) => a.service_id === s.id),
      sals: sals.filter((x) => x.service_id === s.id),
      locations,
      extras: extras.filter((e) => e.link_id === s.id && e.link_entity === 'service'),
    });
  });
}

export async function presentOrganizations(db: Kysely<DB>, ctx: TermCatalogue, rows: readonly OrganizationRow[]): Promise<HsdsOrganization[]> {
  const ids = rows.map((o) => o.id);
  const [locationRows, extras] = await Promise.all([locationsOfOrganizations(db, ids), extraAttributesOf(db, ids)]);
  const locations = await presentLocations(db, ctx, locationRows);
  return rows.map((o) =>
    presentOrganization(ctx, o, {
      locations: locationRows.filter((l) => l.organization_id === o.id).flatMap((l) => locations.get(l.id) ?? []),
      extras: extras.filter((e) => e.link_id === o.id && e.link_entity === 'organization'),
    }),
  );
}

/** Every service, fully nested, in id order, one batch in memory at a time. */
export async function* allServices(db: Kysely<DB>, ctx: TermCatalogue, filter: ServiceFilter = {}): AsyncGenerator<HsdsService> {
  let after: string | null = null;
  for (;;) {
    const rows = await servicesAfter(db, after, EXPORT_BATCH, filter);
    if (rows.length === 0) return;
    yield* await presentServices(db, ctx, rows);
    after = rows[rows.length - 1]?.id ?? null;
  }
}

export async function* allOrganizations(db: Kysely<DB>, ctx: TermCatalogue): AsyncGenerator<HsdsOrganization> {
  let after: string | null = null;
  for (;;) {
    const rows = await organizationsAfter(db, after, EXPORT_BATCH);
    if (rows.length === 0) return;
    yield* await presentOrganizations(db, ctx, rows);
    after = rows[rows.length - 1]?.id ?? null;
  }
}

/**
 * The whole catalogue as one HSDS document, written piece by piece so memory stays flat:
 * the caller writes each chunk to a file or a response.
 */
export async function* exportDocumentChunks(db: Kysely<DB>): AsyncGenerator<string> {
  const ctx = await loadTermCatalogue(db);
  yield `{"version":"3.0","profile":${JSON.stringify(PROFILE_URL)},"taxonomies":${JSON.stringify(listTaxonomies())},`;
  yield `"taxonomy_terms":${JSON.stringify(await listAllTerms(db))},"organizations":[`;
  let first = true;
  for await (const o of allOrganizations(db, ctx)) {
    yield `${first ? '' : ','}\n${JSON.stringify(o)}`;
    first = false;
  }
  yield '],"services":[';
  first = true;
  for await (const s of allServices(db, ctx)) {
    yield `${first ? '' : ','}\n${JSON.stringify(s)}`;
    first = false;
  }
  yield ']}\n';
}

export async function exportDocument(db: Kysely<DB>): Promise<HsdsDocument> {
  let text = '';
  for await (const chunk of exportDocumentChunks(db)) text += chunk;
  return JSON.parse(text) as HsdsDocument;
}

export async function* servicesNdjson(db: Kysely<DB>, filter: ServiceFilter = {}): AsyncGenerator<string> {
  const ctx = await loadTermCatalogue(db);
  for await (const s of allServices(db, ctx, filter)) yield `${JSON.stringify(s)}\n`;
}

export function page<T>(contents: readonly T[], total: number, pageNumber: number, perPage: number): HsdsPage<T> {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
