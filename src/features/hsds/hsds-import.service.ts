import fs from 'node:fs';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { collect, str, type Collected, type Found, type Kind, type Problem } from './hsds-import.collect.ts';
import { mapLocation, mapOrganization, mapService, splitAttributes, type ImportPlan, type MapContext } from './hsds-import.map.ts';
import { applyPlan, existingIds, loadReferenceForImport } from './hsds-import.repository.ts';
import { validateCollected } from './hsds-import.schemas.ts';
import { listInterventions, listTermRows } from './hsds-read.repository.ts';
import { FLAG_TERMS, TEXT_TERMS, termId } from './hsds.taxonomy.ts';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface ImportReport {
  readonly ok: boolean;
  readonly dryRun: boolean;
  readonly problems: readonly Problem[];
  readonly warnings: readonly Problem[];
  readonly counts: Readonly<Record<string, number>>;
  readonly changed: number;
  readonly deleted: number;
}

const failed = (problems: readonly Problem[], dryRun: boolean, warnings: readonly Problem[] = []): ImportReport =>
  ({ ok: false, dryRun, problems, warnings, counts: {}, changed: 0, deleted: 0 });

/** Reads a file for import, refusing one above the limit before reading any of it. */
export function readImportFile(file: string, maxBytes = DEFAULT_MAX_BYTES): { kind: 'ok'; value: unknown } | { kind: 'problems'; problems: Problem[] } {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return { kind: 'problems', problems: [{ path: '', message: `cannot read ${file}` }] };
  }
  if (size > maxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return { kind: 'problems', problems: [{ path: '', message: `file is ${mb(size)} MB; the limit is ${mb(maxBytes)} MB (split the file or raise --max-mb)` }] };
  }
  return parseImportJson(fs.readFileSync(file, 'utf8'));
}

/** The text of an import (a file, an upload) as JSON, or the one problem that it is not. */
export function parseImportJson(text: string): { kind: 'ok'; value: unknown } | { kind: 'problems'; problems: Problem[] } {
  try {
    return { kind: 'ok', value: JSON.parse(text) as unknown };
  } catch (error) {
    return { kind: 'problems', problems: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
}

async function mapContext(db: Kysely<DB>, collected: Collected): Promise<MapContext> {
  const [reference, terms, interventions] = await Promise.all([loadReferenceForImport(db), listTermRows(db), listInterventions(db)]);
  const ourTerms = new Map<string, { taxonomy: string; code: string }>();
  const add = (taxonomy: string, code: string) => ourTerms.set(termId(taxonomy, code), { taxonomy, code });
  terms.forEach((t) => add(t.taxonomy, t.code));
  interventions.forEach((i) => add('intervention', i.id));
  TEXT_TERMS.forEach((t) => add('text', t.code));
  FLAG_TERMS.forEach((t) => add('flag', t.code));
  const referenced = (kind: Kind, field: string) =>
    [...collected.records[kind].values()].flatMap((f) => str(f.record[field])?.toLowerCase() ?? []).filter((id) => /^[0-9a-f-]{36}$/.test(id));
  const [organization, service, location] = await Promise.all([
    existingIds(db, 'organization', [...referenced('service', 'organization_id'), ...referenced('location', 'organization_id'), ...collected.records.organization.keys()]),
    existingIds(db, 'service', [...referenced('service_at_location', 'service_id'), ...collected.records.service.keys()]),
    existingIds(db, 'location', [...referenced('service_at_location', 'location_id'), ...collected.records.location.keys()]),
  ]);
  return { ...reference, ourTerms, existing: { organization, service, location }, today: new Date().toISOString().slice(0, 10) };
}

type Lookup = (kind: 'organization' | 'service', id: string | undefined) => boolean;

function planRecords(collected: Collected, ctx: MapContext, plan: ImportPlan, known: Lookup): Set<string> {
  const { records } = collected;
  const attrs = splitAttributes(collected.attributes, ctx, new Map([...records.taxonomy_term].map(([k, f]) => [k, f.record])), plan);
  // A list-shaped record (no attributes) would reset what travels in attributes: keep the stored one.
  const listShaped = (kind: 'organization' | 'location' | 'service', id: string, f: Found) => {
    if ('attributes' in f.record || !ctx.existing[kind].has(id)) return false;
    plan.warnings.push({ path: f.path, message: `${kind} without attributes left as stored; import the full record to change it` });
    return true;
  };
  for (const [id, f] of records.organization) {
    if (!listShaped('organization', id, f)) plan.organizations.push(mapOrganization(f.record, attrs.get(`organization:${id}`)));
  }
  const placed = new Set<string>();
  for (const [id, f] of records.location) {
    if (listShaped('location', id, f)) continue;
    const row = mapLocation(f.record, attrs.get(`location:${id}`), ctx, f.path, plan.warnings);
    if (row && !known('organization', row.organization_id)) plan.problems.push({ path: `${f.path}/organization_id`, message: 'unknown organization reference' });
    else if (row) {
      plan.locations.push(row);
      placed.add(id);
    }
  }
  for (const [id, f] of records.service) {
    if (listShaped('service', id, f)) continue;
    const row = mapService(f.record, attrs.get(`service:${id}`), ctx, f.path, plan);
    if (!known('organization', row.organization_id)) plan.problems.push({ path: `${f.path}/organization_id`, message: 'unknown organization reference (give organization_id or a nested organization)' });
    plan.services.push(row);
    if ('service_areas' in f.record) plan.owners.areas.add(id);
    if ('service_at_locations' in f.record) plan.owners.sals.add(id);
  }
  return placed;
}

function planLinks(collected: Collected, ctx: MapContext, plan: ImportPlan, known: Lookup, placed: ReadonlySet<string>): void {
  const { records } = collected;
  for (const [id, f] of records.service_at_location) {
    const serviceId = str(f.record['service_id'])?.toLowerCase() ?? '';
    const locationId = str(f.record['location_id'])?.toLowerCase() ?? '';
    if (!known('service', serviceId)) plan.problems.push({ path: `${f.path}/service_id`, message: 'unknown service reference' });
    else if (placed.has(locationId) || ctx.existing.location.has(locationId)) plan.sals.push({ id, service_id: serviceId, location_id: locationId });
    else if (!records.location.has(locationId)) plan.problems.push({ path: `${f.path}/location_id`, message: 'unknown location reference' });
    else plan.warnings.push({ path: f.path, message: 'link skipped: its location was skipped' });
  }
  // Attributes belong to records that are written; a record that lists attributes owns all of its own.
  const written = new Set([...plan.organizations, ...plan.locations, ...plan.services].map((r) => r.id ?? ''));
  plan.attributes.splice(0, plan.attributes.length, ...plan.attributes.filter((a) => written.has(a.link_id)));
  for (const kind of ['organization', 'location', 'service'] as const) {
    for (const [id, f] of records[kind]) if ('attributes' in f.record && written.has(id)) plan.owners.attributes.add(id);
  }
}

/** Maps collected records to rows; unknown references are problems, things our model cannot hold are warnings. */
export function buildPlan(collected: Collected, ctx: MapContext): ImportPlan {
  const plan: ImportPlan = {
    organizations: [], locations: [], services: [], areas: [], sals: [], attributes: [], problems: [], warnings: [],
    owners: { areas: new Set(), sals: new Set(), attributes: new Set() },
  };
  const known: Lookup = (kind, id) => id !== undefined && (collected.records[kind].has(id) || ctx.existing[kind].has(id));
  const placed = planRecords(collected, ctx, plan, known);
  planLinks(collected, ctx, plan, known, placed);
  return plan;
}

class Rollback extends Error {}

/** Validates everything first, then applies all of it in one transaction, or nothing. */
export async function importHsds(
  db: Kysely<DB>,
  doc: unknown,
  options: {
    dryRun?: boolean;
    /** Runs inside the import's transaction after the rows are written (e.g. the audit row), so both commit or neither. */
    beforeCommit?: (trx: Kysely<DB>, summary: { counts: Readonly<Record<string, number>>; changed: number; deleted: number }) => Promise<void>;
  } = {},
): Promise<ImportReport> {
  const dryRun = options.dryRun ?? false;
  const collected = collect(doc);
  const problems = [...collected.problems, ...validateCollected(collected)];
  if (problems.length > 0) return failed(problems, dryRun);
  const plan = buildPlan(collected, await mapContext(db, collected));
  if (plan.problems.length > 0) return failed(plan.problems, dryRun, plan.warnings);
  const counts = { organizations: plan.organizations.length, locations: plan.locations.length, services: plan.services.length, service_at_locations: plan.sals.length, attributes: plan.attributes.length };
  let changes = { inserted_or_updated: 0, deleted: 0 };
  try {
    await db.transaction().execute(async (trx) => {
      changes = await applyPlan(trx, plan);
      if (dryRun) throw new Rollback('dry run');
      await options.beforeCommit?.(trx, { counts, changed: changes.inserted_or_updated, deleted: changes.deleted });
    });
  } catch (error) {
    if (!(error instanceof Rollback)) return failed([{ path: '', message: `the database refused the import: ${(error as Error).message}` }], dryRun, plan.warnings);
  }
  return { ok: true, dryRun, problems: [], warnings: plan.warnings, counts, changed: changes.inserted_or_updated, deleted: changes.deleted };
}
