import { sql, type Kysely } from 'kysely';
import type { CatalogueEntity, DB } from '../../db/schema.ts';
import { allFields, type Snapshot, type Value } from './editing.fields.ts';

/** SQL for reading and writing catalogue records as snapshots; the only place editing touches those tables. */
export interface RecordState {
  readonly id: string;
  readonly organizationId: string;
  readonly version: number;
  readonly status: string;
  readonly label: string;
  readonly snapshot: Snapshot;
}

/** null: every organisation; a list: only these (a provider editor's scope, applied in SQL). */
export type Scope = readonly string[] | null;

const LINKED = new Set(['municipalities', 'location_ids']);
const TABLE = { organization: 'organization', service: 'service', location: 'location' } as const;

function columns(kind: CatalogueEntity): string[] {
  return allFields(kind).map((f) => f.name).filter((n) => !LINKED.has(n));
}

function pick(kind: CatalogueEntity, row: Record<string, unknown>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const name of columns(kind)) {
    const v = row[name];
    out[name] = v instanceof Date ? v.toISOString().slice(0, 10) : (v as Value);
  }
  return out;
}

function labelOf(kind: CatalogueEntity, row: Record<string, unknown>): string {
  return String(kind === 'service' ? row['name_nl'] : row['name']);
}

export async function loadRecord(db: Kysely<DB>, kind: CatalogueEntity, id: string, scope: Scope, lock = false): Promise<RecordState | undefined> {
  if (scope && scope.length === 0) return undefined;
  let query = db.selectFrom(TABLE[kind]).selectAll().where('id', '=', id);
  if (scope) query = kind === 'organization' ? query.where('id', 'in', [...scope]) : query.where('organization_id' as 'id', 'in', [...scope]);
  const row = (await (lock ? query.forUpdate() : query).executeTakeFirst()) as Record<string, unknown> | undefined;
  if (!row) return undefined;
  const snapshot = pick(kind, row);
  if (kind === 'service') {
    const [area, places] = await Promise.all([
      db.selectFrom('service_area').select('municipality_code').where('service_id', '=', id).orderBy('municipality_code').execute(),
      db.selectFrom('service_at_location').select('location_id').where('service_id', '=', id).orderBy('location_id').execute(),
    ]);
    snapshot['municipalities'] = area.map((a) => a.municipality_code);
    snapshot['location_ids'] = places.map((p) => p.location_id);
  }
  return {
    id,
    organizationId: String(kind === 'organization' ? row['id'] : row['organization_id']),
    version: Number(row['version']),
    status: String(row['status']),
    label: labelOf(kind, row),
    snapshot,
  };
}

function columnValues(kind: CatalogueEntity, snapshot: Snapshot): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of columns(kind)) if (name in snapshot) out[name] = Array.isArray(snapshot[name]) ? [...(snapshot[name] as string[])] : snapshot[name];
  return out;
}

async function syncServiceLinks(db: Kysely<DB>, id: string, snapshot: Snapshot): Promise<void> {
  const codes = (snapshot['municipalities'] as readonly string[] | undefined) ?? [];
  const places = (snapshot['location_ids'] as readonly string[] | undefined) ?? [];
  let area = db.deleteFrom('service_area').where('service_id', '=', id);
  if (codes.length > 0) area = area.where('municipality_code', 'not in', [...codes]);
  await area.execute();
  if (codes.length > 0) {
    await db.insertInto('service_area').values(codes.map((c) => ({ service_id: id, municipality_code: c }))).onConflict((oc) => oc.doNothing()).execute();
  }
  let at = db.deleteFrom('service_at_location').where('service_id', '=', id);
  if (places.length > 0) at = at.where('location_id', 'not in', [...places]);
  await at.execute();
  if (places.length > 0) {
    await db.insertInto('service_at_location').values(places.map((l) => ({ service_id: id, location_id: l }))).onConflict((oc) => oc.doNothing()).execute();
  }
}

export async function insertRecord(db: Kysely<DB>, kind: CatalogueEntity, snapshot: Snapshot): Promise<{ id: string; version: number }> {
  const values = columnValues(kind, snapshot);
  const row = await db
    .insertInto(TABLE[kind])
    .values(values as never)
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  if (kind === 'service') await syncServiceLinks(db, row.id, snapshot);
  return row;
}

/** Compare-and-set: writes only when the row is still at `expectedVersion`; the new version, or undefined. */
export async function updateRecord(db: Kysely<DB>, kind: CatalogueEntity, id: string, snapshot: Snapshot, expectedVersion: number): Promise<number | undefined> {
  const values = { ...columnValues(kind, snapshot), updated_at: sql`now()` };
  const row = await db
    .updateTable(TABLE[kind])
    .set(values as never)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  if (!row) return undefined;
  if (kind === 'service') await syncServiceLinks(db, id, snapshot);
  return row.version;
}

export interface ListFilter {
  readonly text: string;
  readonly status: string;
  readonly organizationId: string | null;
  readonly scope: Scope;
  readonly page: number;
  readonly pageSize: number;
}

export interface ListRow {
  readonly id: string;
  readonly label: string;
  readonly organizationName: string;
  readonly status: string;
  readonly version: number;
  readonly updatedAt: Date;
}

/** One page of records, filtered and scoped in SQL, with the total for the pagination. */
export async function listRecords(db: Kysely<DB>, kind: CatalogueEntity, filter: ListFilter): Promise<{ rows: ListRow[]; total: number }> {
  if (filter.scope && filter.scope.length === 0) return { rows: [], total: 0 };
  const org = kind === 'organization' ? sql.ref('r.id') : sql.ref('r.organization_id');
  const label = kind === 'service' ? sql<string>`r.name_nl` : sql<string>`r.name`;
  const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const textMatch = kind === 'service' ? sql`(r.name_nl ilike ${like} or r.name_en ilike ${like})` : kind === 'location' ? sql`(r.name ilike ${like} or r.city ilike ${like} or r.address ilike ${like})` : sql`r.name ilike ${like}`;
  const where = sql.join(
    [
      sql`true`,
      filter.text ? textMatch : sql`true`,
      filter.status ? sql`r.status = ${filter.status}` : sql`true`,
      filter.organizationId ? sql`${org} = ${filter.organizationId}::uuid` : sql`true`,
      filter.scope ? sql`${org} = any(${[...filter.scope]}::uuid[])` : sql`true`,
    ],
    sql` and `,
  );
  const from = sql`${sql.table(TABLE[kind])} r join organization o on o.id = ${org}`;
  const total = await sql<{ n: string }>`select count(*) as n from ${from} where ${where}`.execute(db);
  const rows = await sql<{ id: string; label: string; organization_name: string; status: string; version: number; updated_at: Date }>`
    select r.id, ${label} as label, o.name as organization_name, r.status, r.version, r.updated_at
      from ${from} where ${where}
     order by ${label}, r.id
     limit ${filter.pageSize} offset ${(filter.page - 1) * filter.pageSize}`.execute(db);
  return {
    total: Number(total.rows[0]?.n ?? 0),
    rows: rows.rows.map((r) => ({ id: r.id, label: r.label, organizationName: r.organization_name, status: r.status, version: r.version, updatedAt: r.updated_at })),
  };
}

/** Active offerings that would lose their organisation or place if this record were deactivated. */
export async function countActiveDependants(db: Kysely<DB>, kind: CatalogueEntity, id: string): Promise<number> {
  if (kind === 'service') return 0;
  const query =
    kind === 'organization'
      ? db.selectFrom('service').where('organization_id', '=', id)
      : db.selectFrom('service').innerJoin('service_at_location as sal', 'sal.service_id', 'service.id').where('sal.location_id', '=', id);
  const row = await query.where('service.status', '=', 'active').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
