import type { Kysely } from 'kysely';
import type { CatalogueEntity, DB, VersionSource } from '../../db/schema.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import { changedFields, type Snapshot } from './editing.fields.ts';
import { countActiveDependants, insertRecord, loadRecord, updateRecord, type RecordState } from './editing.repository.ts';
import { locationOptions, postcodeCentre } from './options.repository.ts';
import { findVersion, hasVersion, insertVersion } from './versions.repository.ts';

/**
 * Use cases of catalogue editing. Every write takes the transaction it belongs to, checks the
 * version it was based on, records a version snapshot and an audit row in that same transaction.
 */
export interface Actor {
  readonly id: string;
  readonly email: string;
  readonly ip: string | null;
}

export type SaveOutcome =
  | { readonly kind: 'saved'; readonly id: string; readonly version: number }
  | { readonly kind: 'conflict'; readonly current: RecordState }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'blocked' };

export interface ChangeRequest {
  readonly kind: CatalogueEntity;
  readonly id: string;
  /** The fields to change; the rest of the record stays as it is. */
  readonly changes: Snapshot;
  readonly baseVersion: number;
  readonly source: VersionSource;
  readonly action: string;
  readonly actor: Actor | null;
  /** Client address for the audit row when there is no signed-in actor (a public confirmation link). */
  readonly ip?: string | null;
  readonly proposalId?: string | null;
  readonly restoredFrom?: number | null;
}

export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function author(actor: Actor | null) {
  return actor && { id: actor.id, email: actor.email };
}

/** Applies a change when the record is still at the version it was based on; otherwise a conflict. */
export async function applyChange(trx: Kysely<DB>, req: ChangeRequest): Promise<SaveOutcome> {
  const current = await loadRecord(trx, req.kind, req.id, null, true);
  if (!current) return { kind: 'not_found' };
  if (current.version !== req.baseVersion) return { kind: 'conflict', current };
  // Records from demo data or an import have no history yet: keep what they were before this change.
  if (!(await hasVersion(trx, req.kind, req.id, current.version))) {
    await insertVersion(trx, { kind: req.kind, id: req.id, version: current.version, snapshot: current.snapshot, source: 'baseline', author: null });
  }
  const next: Snapshot = { ...current.snapshot, ...req.changes };
  const version = await updateRecord(trx, req.kind, req.id, next, current.version);
  if (version === undefined) return { kind: 'conflict', current };
  await insertVersion(trx, { kind: req.kind, id: req.id, version, snapshot: next, source: req.source, proposalId: req.proposalId ?? null, restoredFrom: req.restoredFrom ?? null, author: author(req.actor) });
  await recordAudit(trx, {
    actor: author(req.actor),
    ip: req.actor?.ip ?? req.ip ?? null,
    action: req.action,
    objectType: req.kind,
    objectId: req.id,
    result: 'ok',
    detail: { version, source: req.source, fields: changedFields(req.kind, current.snapshot, next), ...(req.proposalId ? { proposal: req.proposalId } : {}) },
  });
  return { kind: 'saved', id: req.id, version };
}

/** A new record, with its first version. Organisations and locations start active; offerings as checked today. */
export async function createRecord(
  trx: Kysely<DB>,
  kind: CatalogueEntity,
  snapshot: Snapshot,
  options: { actor: Actor | null; source: VersionSource; proposalId?: string },
): Promise<{ id: string; version: number }> {
  const full: Snapshot = kind === 'service' ? { ...snapshot, last_verified: today() } : { ...snapshot, status: 'active' };
  const created = await insertRecord(trx, kind, full);
  await insertVersion(trx, { kind, id: created.id, version: created.version, snapshot: full, source: options.source, proposalId: options.proposalId ?? null, author: author(options.actor) });
  await recordAudit(trx, {
    actor: author(options.actor),
    ip: options.actor?.ip ?? null,
    action: `${kind}.create`,
    objectType: kind,
    objectId: created.id,
    result: 'ok',
    detail: { version: created.version, source: options.source, ...(options.proposalId ? { proposal: options.proposalId } : {}) },
  });
  return created;
}

/** Deactivates (never deletes); refused while active offerings still depend on the record. */
export async function setStatus(trx: Kysely<DB>, kind: CatalogueEntity, id: string, active: boolean, baseVersion: number, actor: Actor): Promise<SaveOutcome> {
  if (!active && (await countActiveDependants(trx, kind, id)) > 0) return { kind: 'blocked' };
  return applyChange(trx, {
    kind,
    id,
    changes: { status: active ? 'active' : 'inactive' },
    baseVersion,
    source: active ? 'editor' : 'deactivate',
    action: `${kind}.${active ? 'activate' : 'deactivate'}`,
    actor,
  });
}

/** Puts an earlier version back as a new version; the last-checked date stays (restoring is not checking). */
export async function restoreVersion(trx: Kysely<DB>, kind: CatalogueEntity, id: string, version: number, baseVersion: number, actor: Actor): Promise<SaveOutcome> {
  const old = await findVersion(trx, kind, id, version);
  if (!old) return { kind: 'not_found' };
  const changes = Object.fromEntries(Object.entries(old.snapshot).filter(([name]) => name !== 'last_verified'));
  return applyChange(trx, { kind, id, changes, baseVersion, source: 'restore', action: `${kind}.restore`, actor, restoredFrom: version });
}

export type Prepared = { readonly kind: 'ok'; readonly snapshot: Snapshot } | { readonly kind: 'invalid'; readonly errors: Readonly<Record<string, MessageKey>> };

/**
 * Checks that need the database: an offering's locations must belong to its organisation, and a
 * location without coordinates is placed at the centre of its postcode area.
 */
export async function prepareSnapshot(db: Kysely<DB>, kind: CatalogueEntity, snapshot: Snapshot): Promise<Prepared> {
  if (kind === 'service') {
    const chosen = (snapshot['location_ids'] as readonly string[] | undefined) ?? [];
    if (chosen.length === 0) return { kind: 'ok', snapshot };
    const own = (await locationOptions(db, String(snapshot['organization_id']))).map((o) => o.value);
    return chosen.every((id) => own.includes(id)) ? { kind: 'ok', snapshot } : { kind: 'invalid', errors: { location_ids: 'editing.error.locationOrganization' } };
  }
  if (kind === 'location' && (snapshot['lat'] === null || snapshot['lon'] === null)) {
    const centre = await postcodeCentre(db, String(snapshot['postcode']));
    if (!centre) return { kind: 'invalid', errors: { lat: 'editing.error.coordinates' } };
    return { kind: 'ok', snapshot: { ...snapshot, lat: snapshot['lat'] ?? centre.lat, lon: snapshot['lon'] ?? centre.lon } };
  }
  return { kind: 'ok', snapshot };
}
