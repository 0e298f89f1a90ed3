import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import {
  countOrganizations, countServiceAtLocations, findPostcodeArea, findServiceAtLocation, pageOrganizations, pageServiceAtLocations,
  serviceIdsOfOrganization, type SalFilter,
} from './hsds-read.repository.ts';
import {
  countServices, findService, locationsByIds, organizationsByIds, pageServices, type ServiceFilter, type ServiceRow,
} from './hsds.repository.ts';
import { presentLocation, presentOrganizationBasic, presentServiceBasic } from './hsds.presenter.ts';
import { listAllTerms, loadTermCatalogue, page, presentOrganizations, presentServices } from './hsds.service.ts';
import { TAXONOMIES, listTaxonomies } from './hsds.taxonomy.ts';
import type { HsdsPage, HsdsTaxonomy, HsdsTaxonomyTerm } from './hsds.types.ts';

export interface Paging { readonly page: number; readonly perPage: number }

/** The term or taxonomy a filter names, resolved to ours or to an imported one. */
export async function resolveServiceFilter(db: Kysely<DB>, raw: ServiceFilter & { termId?: string; taxonomyId?: string }): Promise<ServiceFilter> {
  const { termId, taxonomyId, ...filter } = raw;
  let result: ServiceFilter = filter;
  if (termId) {
    const term = (await listAllTerms(db)).find((t) => t.id === termId);
    const ours = term?.taxonomy && term.code && term.taxonomy in TAXONOMIES;
    result = ours ? { ...result, term: { taxonomy: term.taxonomy ?? '', code: term.code ?? '' } } : { ...result, foreignTermId: termId };
  }
  if (taxonomyId) {
    const taxonomy = listTaxonomies().find((t) => t.id === taxonomyId);
    result = { ...result, taxonomy: taxonomy?.name ?? 'unknown' };
  }
  return result;
}

async function basicWithOrganization(db: Kysely<DB>, rows: readonly ServiceRow[]) {
  const orgs = new Map((await organizationsByIds(db, [...new Set(rows.map((r) => r.organization_id))])).map((o) => [o.id, o]));
  return rows.map((r) => {
    const org = orgs.get(r.organization_id);
    return { ...presentServiceBasic(r), ...(org ? { organization: presentOrganizationBasic(org) } : {}) };
  });
}

export async function listServices(db: Kysely<DB>, filter: ServiceFilter, paging: Paging, mode: 'minimal' | 'basic' | 'full'): Promise<HsdsPage<unknown>> {
  const offset = (paging.page - 1) * paging.perPage;
  const [total, rows] = await Promise.all([countServices(db, filter), pageServices(db, filter, offset, paging.perPage)]);
  let contents: unknown[];
  if (mode === 'minimal') contents = rows.map((r) => ({ id: r.id, name: r.name_nl, status: presentServiceBasic(r).status, last_modified: r.updated_at.toISOString() }));
  else if (mode === 'full') contents = await presentServices(db, await loadTermCatalogue(db), rows);
  else contents = await basicWithOrganization(db, rows);
  return page(contents, total, paging.page, paging.perPage);
}

export async function getService(db: Kysely<DB>, id: string) {
  const row = await findService(db, id);
  if (!row) throw new AppError('not_found', 'No service with this id.');
  const [service] = await presentServices(db, await loadTermCatalogue(db), [row]);
  return service;
}

function slice<T>(all: readonly T[], paging: Paging): HsdsPage<T> {
  const offset = (paging.page - 1) * paging.perPage;
  return page(all.slice(offset, offset + paging.perPage), all.length, paging.page, paging.perPage);
}

function matches(search: string | undefined, ...texts: (string | undefined)[]): boolean {
  return !search || texts.some((t) => t?.toLowerCase().includes(search.toLowerCase()));
}

export function listTaxonomyPage(search: string | undefined, paging: Paging): HsdsPage<HsdsTaxonomy> {
  return slice(listTaxonomies().filter((t) => matches(search, t.name, t.description)), paging);
}

export function getTaxonomy(id: string): HsdsTaxonomy {
  const found = listTaxonomies().find((t) => t.id === id);
  if (!found) throw new AppError('not_found', 'No taxonomy with this id.');
  return found;
}

export async function listTermPage(
  db: Kysely<DB>, options: { search?: string; taxonomyId?: string; parentId?: string }, paging: Paging,
): Promise<HsdsPage<HsdsTaxonomyTerm>> {
  // Our terms are flat: none has a parent, so every term is a top term and a parent filter finds nothing.
  const terms = (await listAllTerms(db)).filter(
    (t) => matches(options.search, t.name, t.code, t.description) && (!options.taxonomyId || t.taxonomy_id === options.taxonomyId) && (!options.parentId || t.parent_id === options.parentId),
  );
  return slice(terms, paging);
}

export async function getTerm(db: Kysely<DB>, id: string): Promise<HsdsTaxonomyTerm> {
  const found = (await listAllTerms(db)).find((t) => t.id === id);
  if (!found) throw new AppError('not_found', 'No taxonomy term with this id.');
  return found;
}

export async function listOrganizationPage(db: Kysely<DB>, search: string | undefined, paging: Paging, full: boolean): Promise<HsdsPage<unknown>> {
  const offset = (paging.page - 1) * paging.perPage;
  const [total, rows] = await Promise.all([countOrganizations(db, search), pageOrganizations(db, search, offset, paging.perPage)]);
  const contents = full ? await presentOrganizations(db, await loadTermCatalogue(db), rows) : rows.map(presentOrganizationBasic);
  return page(contents, total, paging.page, paging.perPage);
}

export async function getOrganization(db: Kysely<DB>, id: string, fullServices: boolean) {
  const [row] = await organizationsByIds(db, [id]);
  if (!row) throw new AppError('not_found', 'No organization with this id.');
  const ctx = await loadTermCatalogue(db);
  const [organization] = await presentOrganizations(db, ctx, [row]);
  const serviceRows = (await Promise.all((await serviceIdsOfOrganization(db, id)).map((sid) => findService(db, sid)))).flatMap((r) => (r ? [r] : []));
  const services = fullServices ? await presentServices(db, ctx, serviceRows) : serviceRows.map(presentServiceBasic);
  return { ...organization, services };
}

export async function listServiceAtLocationPage(
  db: Kysely<DB>, filter: ServiceFilter, near: { pc4: string; metres: number | undefined } | undefined, paging: Paging,
): Promise<HsdsPage<unknown>> {
  let salFilter: SalFilter = filter;
  if (near) {
    const area = await findPostcodeArea(db, near.pc4);
    if (!area) throw new AppError('bad_request', 'Unknown postcode.', { postcode: 'is not a known Dutch postcode' });
    salFilter = { ...filter, near: { lat: area.lat, lon: area.lon, municipality: area.municipality_code, metres: near.metres } };
  }
  const offset = (paging.page - 1) * paging.perPage;
  const [total, rows] = await Promise.all([countServiceAtLocations(db, salFilter), pageServiceAtLocations(db, salFilter, offset, paging.perPage)]);
  return page(await presentSals(db, rows), total, paging.page, paging.perPage);
}

async function presentSals(db: Kysely<DB>, rows: readonly { id: string; service_id: string; location_id: string }[]) {
  const ctx = await loadTermCatalogue(db);
  const locations = new Map((await locationsByIds(db, [...new Set(rows.map((r) => r.location_id))])).map((l) => [l.id, l]));
  const services = new Map((await Promise.all([...new Set(rows.map((r) => r.service_id))].map((id) => findService(db, id)))).flatMap((s) => (s ? [[s.id, s] as const] : [])));
  return rows.map((r) => {
    const location = locations.get(r.location_id);
    const service = services.get(r.service_id);
    return {
      ...r,
      ...(location ? { location: presentLocation(ctx, location) } : {}),
      ...(service ? { service: presentServiceBasic(service) } : {}),
    };
  });
}

export async function getServiceAtLocation(db: Kysely<DB>, id: string) {
  const row = await findServiceAtLocation(db, id);
  if (!row) throw new AppError('not_found', 'No service at location with this id.');
  const [sal] = await presentSals(db, [row]);
  return sal;
}
