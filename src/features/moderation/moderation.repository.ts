import { sql, type Kysely } from 'kysely';
import type { CatalogueEntity, DB, ProposalStatus } from '../../db/schema.ts';
import type { Snapshot } from '../editing/editing.fields.ts';
import type { Scope } from '../editing/editing.repository.ts';

/** SQL of the moderation queue: provider proposals and "meld een fout" reports. */
export interface ProposalRow {
  readonly id: string;
  readonly kind: CatalogueEntity;
  readonly entityId: string | null;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly baseVersion: number | null;
  readonly snapshot: Snapshot;
  readonly status: ProposalStatus;
  readonly proposerEmail: string;
  readonly reason: string | null;
  readonly createdAt: Date;
}

export interface NewProposal {
  readonly kind: CatalogueEntity;
  readonly entityId: string | null;
  readonly organizationId: string;
  readonly baseVersion: number | null;
  readonly snapshot: Snapshot;
  readonly proposer: { readonly id: string; readonly email: string };
}

export async function insertProposal(db: Kysely<DB>, p: NewProposal): Promise<string> {
  const row = await db
    .insertInto('catalogue_proposal')
    .values({
      entity_type: p.kind,
      entity_id: p.entityId,
      organization_id: p.organizationId,
      base_version: p.baseVersion,
      snapshot: JSON.stringify(p.snapshot),
      proposer_id: p.proposer.id,
      proposer_email: p.proposer.email,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const proposals = (db: Kysely<DB>) =>
  db
    .selectFrom('catalogue_proposal as p')
    .innerJoin('organization as o', 'o.id', 'p.organization_id')
    .select(['p.id', 'p.entity_type', 'p.entity_id', 'p.organization_id', 'o.name as organization_name', 'p.base_version', 'p.snapshot', 'p.status', 'p.proposer_email', 'p.decision_reason', 'p.created_at']);

type Row = Awaited<ReturnType<ReturnType<typeof proposals>['execute']>>[number];

function toProposal(r: Row): ProposalRow {
  return {
    id: r.id,
    kind: r.entity_type,
    entityId: r.entity_id,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    baseVersion: r.base_version,
    snapshot: r.snapshot as Snapshot,
    status: r.status,
    proposerEmail: r.proposer_email,
    reason: r.decision_reason,
    createdAt: r.created_at,
  };
}

export async function findProposal(db: Kysely<DB>, id: string, lock = false): Promise<ProposalRow | undefined> {
  const query = proposals(db).where('p.id', '=', id);
  const row = await (lock ? query.forUpdate('p') : query).executeTakeFirst();
  return row && toProposal(row);
}

/** One page of proposals with a status, oldest first for review; scoped to organisations for providers. */
export async function listProposals(db: Kysely<DB>, filter: { status: ProposalStatus; scope: Scope; page: number; pageSize: number }): Promise<{ rows: ProposalRow[]; total: number }> {
  if (filter.scope && filter.scope.length === 0) return { rows: [], total: 0 };
  let query = proposals(db).where('p.status', '=', filter.status);
  if (filter.scope) query = query.where('p.organization_id', 'in', [...filter.scope]);
  const [rows, total] = await Promise.all([
    query.orderBy('p.created_at', filter.status === 'pending' ? 'asc' : 'desc').orderBy('p.id').limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toProposal), total: Number(total.n) };
}

export async function decideProposal(
  db: Kysely<DB>,
  id: string,
  decision: { status: 'approved' | 'rejected'; reason: string | null; decidedBy: string; entityId: string | null; appliedVersion: number | null },
): Promise<void> {
  await db
    .updateTable('catalogue_proposal')
    .set({ status: decision.status, decision_reason: decision.reason, decided_by: decision.decidedBy, decided_at: sql<Date>`now()`, entity_id: decision.entityId, applied_version: decision.appliedVersion })
    .where('id', '=', id)
    .execute();
}

export interface ReportRow {
  readonly id: string;
  readonly serviceId: string;
  readonly serviceName: string;
  readonly message: string;
  readonly email: string | null;
  readonly status: 'new' | 'handled' | 'rejected';
  readonly note: string | null;
  readonly createdAt: Date;
}

const reports = (db: Kysely<DB>) =>
  db
    .selectFrom('service_report as r')
    .innerJoin('service as s', 's.id', 'r.service_id')
    .select(['r.id', 'r.service_id', 's.name_nl', 'r.message', 'r.email', 'r.status', 'r.note', 'r.created_at']);

function toReport(r: Awaited<ReturnType<ReturnType<typeof reports>['execute']>>[number]): ReportRow {
  return { id: r.id, serviceId: r.service_id, serviceName: r.name_nl, message: r.message, email: r.email, status: r.status, note: r.note, createdAt: r.created_at };
}

export async function listReports(db: Kysely<DB>, filter: { status: ReportRow['status']; page: number; pageSize: number }): Promise<{ rows: ReportRow[]; total: number }> {
  const query = reports(db).where('r.status', '=', filter.status);
  const [rows, total] = await Promise.all([
    query.orderBy('r.created_at', filter.status === 'new' ? 'asc' : 'desc').orderBy('r.id').limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toReport), total: Number(total.n) };
}

export async function findReport(db: Kysely<DB>, id: string): Promise<ReportRow | undefined> {
  const row = await reports(db).where('r.id', '=', id).executeTakeFirst();
  return row && toReport(row);
}

/** Marks a new report handled or rejected; false when it was already decided. */
export async function markReport(db: Kysely<DB>, id: string, status: 'handled' | 'rejected', note: string | null, by: string): Promise<boolean> {
  const result = await db
    .updateTable('service_report')
    .set({ status, note, handled_by: by, handled_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', '=', 'new')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Decided reports older than `before` are deleted: they hold a message and maybe an e-mail address. */
export async function deleteDecidedReports(db: Kysely<DB>, before: Date): Promise<number> {
  const result = await db.deleteFrom('service_report').where('status', 'in', ['handled', 'rejected']).where('handled_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
