import { sql, type Kysely } from 'kysely';
import type { AuditResult, DB } from '../../db/schema.ts';
import { likePattern, PAGE_SIZE } from '../beheer/beheer.query.ts';

export interface AuditFilter {
  /** Start of the actor's e-mail address (case-insensitive). */
  readonly actor?: string | undefined;
  /** An action, or a prefix ending in a dot ('user.' matches every user action). */
  readonly action?: string | undefined;
  readonly objectType?: string | undefined;
  readonly objectId?: string | undefined;
  readonly result?: AuditResult | undefined;
  /** Inclusive start and exclusive end. */
  readonly from?: Date | undefined;
  readonly until?: Date | undefined;
}

export interface AuditRow {
  readonly id: string;
  readonly at: Date;
  readonly actorEmail: string | null;
  readonly action: string;
  readonly objectType: string | null;
  readonly objectId: string | null;
  readonly result: AuditResult;
  readonly ip: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

function filtered(db: Kysely<DB>, f: AuditFilter) {
  let query = db.selectFrom('audit_event');
  if (f.actor) query = query.where('actor_email', 'like', `${likePattern(f.actor.toLowerCase())}%`);
  if (f.action) query = f.action.endsWith('.') ? query.where('action', 'like', `${likePattern(f.action)}%`) : query.where('action', '=', f.action);
  if (f.objectType) query = query.where('object_type', '=', f.objectType);
  if (f.objectId) query = query.where('object_id', '=', f.objectId);
  if (f.result) query = query.where('result', '=', f.result);
  if (f.from) query = query.where('at', '>=', f.from);
  if (f.until) query = query.where('at', '<', f.until);
  return query;
}

const COLUMNS = ['id', 'at', 'actor_email', 'action', 'object_type', 'object_id', 'result', 'ip', 'detail'] as const;

function toRow(r: { id: string; at: Date; actor_email: string | null; action: string; object_type: string | null; object_id: string | null; result: AuditResult; ip: string | null; detail: Record<string, unknown> }): AuditRow {
  return { id: String(r.id), at: r.at, actorEmail: r.actor_email, action: r.action, objectType: r.object_type, objectId: r.object_id, result: r.result, ip: r.ip, detail: r.detail };
}

/** One page, newest first (by id: ids only grow, and ties in time keep a stable order). */
export async function listAuditEvents(db: Kysely<DB>, filter: AuditFilter, page: number): Promise<{ rows: AuditRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, filter).select(COLUMNS).orderBy('id', 'desc').limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE).execute(),
    filtered(db, filter).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toRow), total: Number(count.n) };
}

/** Every matching row, newest first, read in keyset batches so memory stays flat whatever the log's size. */
export async function* streamAuditEvents(db: Kysely<DB>, filter: AuditFilter, batch = 1000): AsyncGenerator<AuditRow> {
  let before: string | undefined;
  for (;;) {
    let query = filtered(db, filter).select(COLUMNS).orderBy('id', 'desc').limit(batch);
    if (before !== undefined) query = query.where('id', '<', before);
    const rows = await query.execute();
    for (const r of rows) yield toRow(r);
    if (rows.length < batch) return;
    before = String(rows[rows.length - 1]?.id);
  }
}

/**
 * Distinct values of an indexed column by a loose index scan (one index probe per value), so the
 * filter's choices stay cheap however long the log grows.
 */
async function distinctValues(db: Kysely<DB>, column: 'action' | 'object_type', max: number): Promise<string[]> {
  const col = sql.ref(column);
  const result = await sql<{ v: string | null }>`
    with recursive d(v, n) as (
      (select ${col}, 1 from audit_event where ${col} is not null order by ${col} limit 1)
      union all
      select (select ${col} from audit_event where ${col} > d.v order by ${col} limit 1), n + 1 from d where d.v is not null and n < ${max}
    )
    select v from d where v is not null`.execute(db);
  return result.rows.flatMap((r) => (r.v === null ? [] : [r.v]));
}

/** Actions and object types that occur, for the filter's choices. */
export async function auditVocabulary(db: Kysely<DB>): Promise<{ actions: string[]; objectTypes: string[] }> {
  const [actions, objectTypes] = await Promise.all([distinctValues(db, 'action', 300), distinctValues(db, 'object_type', 100)]);
  return { actions, objectTypes };
}
