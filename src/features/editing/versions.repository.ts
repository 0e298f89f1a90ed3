import type { Kysely } from 'kysely';
import type { CatalogueEntity, DB, VersionSource } from '../../db/schema.ts';
import type { Snapshot } from './editing.fields.ts';

/** The version history of catalogue records (catalogue_version). */
export interface VersionRow {
  readonly version: number;
  readonly snapshot: Snapshot;
  readonly source: VersionSource;
  readonly proposalId: string | null;
  readonly restoredFrom: number | null;
  readonly authorEmail: string | null;
  readonly createdAt: Date;
}

export interface NewVersion {
  readonly kind: CatalogueEntity;
  readonly id: string;
  readonly version: number;
  readonly snapshot: Snapshot;
  readonly source: VersionSource;
  readonly proposalId?: string | null;
  readonly restoredFrom?: number | null;
  readonly author: { readonly id: string; readonly email: string } | null;
}

export async function insertVersion(db: Kysely<DB>, v: NewVersion): Promise<void> {
  await db
    .insertInto('catalogue_version')
    .values({
      entity_type: v.kind,
      entity_id: v.id,
      version: v.version,
      snapshot: JSON.stringify(v.snapshot),
      source: v.source,
      proposal_id: v.proposalId ?? null,
      restored_from: v.restoredFrom ?? null,
      author_id: v.author?.id ?? null,
      author_email: v.author?.email ?? null,
    })
    .onConflict((oc) => oc.columns(['entity_type', 'entity_id', 'version']).doNothing())
    .execute();
}

export async function hasVersion(db: Kysely<DB>, kind: CatalogueEntity, id: string, version: number): Promise<boolean> {
  const row = await db.selectFrom('catalogue_version').select('version').where('entity_type', '=', kind).where('entity_id', '=', id).where('version', '=', version).executeTakeFirst();
  return row !== undefined;
}

function toRow(r: { version: number; snapshot: Record<string, unknown>; source: VersionSource; proposal_id: string | null; restored_from: number | null; author_email: string | null; created_at: Date }): VersionRow {
  return {
    version: r.version,
    snapshot: r.snapshot as Snapshot,
    source: r.source,
    proposalId: r.proposal_id,
    restoredFrom: r.restored_from,
    authorEmail: r.author_email,
    createdAt: r.created_at,
  };
}

const COLUMNS = ['version', 'snapshot', 'source', 'proposal_id', 'restored_from', 'author_email', 'created_at'] as const;

/** Newest first, one page, plus the version just before the page (to diff the page's last entry). */
export async function listVersions(db: Kysely<DB>, kind: CatalogueEntity, id: string, page: number, pageSize: number): Promise<{ rows: VersionRow[]; total: number }> {
  const base = db.selectFrom('catalogue_version').where('entity_type', '=', kind).where('entity_id', '=', id);
  const [rows, total] = await Promise.all([
    base.select([...COLUMNS]).orderBy('version', 'desc').limit(pageSize + 1).offset((page - 1) * pageSize).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toRow), total: Number(total.n) };
}

export async function findVersion(db: Kysely<DB>, kind: CatalogueEntity, id: string, version: number): Promise<VersionRow | undefined> {
  const row = await db
    .selectFrom('catalogue_version')
    .select([...COLUMNS])
    .where('entity_type', '=', kind)
    .where('entity_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return row && toRow(row);
}
