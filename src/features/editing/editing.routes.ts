import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { CatalogueEntity } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { SEGMENT, KINDS } from './editing.fields.ts';
import { actorOf, bodyOf, field, idParam, optionLists, organizationFor, PAGE_SIZE, pageOf, queryText, statusesOf, versionOf } from './editing.http.ts';
import { parseRecordForm, toFormValues, type FieldErrors, type FormValues } from './editing.input.ts';
import { listRecords, loadRecord, type RecordState } from './editing.repository.ts';
import { applyChange, createRecord, prepareSnapshot, restoreVersion, setStatus, today, type SaveOutcome } from './editing.service.ts';
import { TITLES } from './editing.titles.ts';
import { organizationOptions } from './options.repository.ts';
import { listVersions } from './versions.repository.ts';
import { HistoryPage } from './views/history.tsx';
import { RecordFormPage } from './views/record-form.tsx';
import { RecordListPage } from './views/record-list.tsx';
import { isUuid } from '../services/services.input.ts';

/** Editors (catalogue.edit): lists, create, edit with optimistic concurrency, (de)activate, history and restore. */
const EDIT = { config: { permission: 'catalogue.edit' as const } };

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

export function registerEditingRoutes(app: FastifyInstance): void {
  for (const kind of KINDS) registerKind(app, kind);
}

function registerKind(app: FastifyInstance, kind: CatalogueEntity): void {
  const { db } = app.deps.database;
  const base = `/beheer/${SEGMENT[kind]}`;
  const statusAction = (id: string, status: string) => `${base}/${id}/${status === 'inactive' ? 'activeren' : 'deactiveren'}`;

  async function renderForm(request: FastifyRequest, reply: FastifyReply, state: { record: RecordState | null; values: FormValues | null; errors?: FieldErrors; status?: number; notice?: 'saved' | 'blocked' | null; conflict?: { current: RecordState; yours: Record<string, unknown> } }) {
    const { record } = state;
    const options = await optionLists(db, request.lang, null, organizationFor(bodyOf(request), record?.organizationId ?? null));
    const t = request.t;
    const current = state.conflict?.current ?? record;
    return reply.page(
      h(RecordFormPage, {
        kind,
        mode: 'editor',
        title: record ? t(TITLES[kind].edit, { name: record.label }) : t(TITLES[kind].create),
        action: record ? `${base}/${record.id}` : `${base}/nieuw`,
        values: state.values ?? (record ? toFormValues(kind, record.snapshot, options) : {}),
        errors: state.errors ?? {},
        options,
        version: current?.version ?? null,
        ...(current ? { record: { id: current.id, status: current.status, historyHref: `${base}/${current.id}/geschiedenis`, statusAction: statusAction(current.id, current.status) } } : {}),
        notice: state.notice ?? null,
        conflict: state.conflict ? { current: state.conflict.current.snapshot, yours: { ...state.conflict.current.snapshot, ...state.conflict.yours } as never } : null,
      }),
      state.status ?? 200,
    );
  }

  async function load(id: string): Promise<RecordState> {
    const record = await loadRecord(db, kind, idParam(id), null);
    if (!record) throw new AppError('not_found', 'No record with this id.');
    return record;
  }

  app.get(base, EDIT, async (request, reply) => {
    const page = pageOf(request.query);
    const organizationId = queryText(request.query, 'organisatie');
    const filter = { text: queryText(request.query, 'q'), status: queryText(request.query, 'status'), organizationId: isUuid(organizationId) ? organizationId : '' };
    const statuses = statusesOf(kind);
    const result = await listRecords(db, kind, { ...filter, status: statuses.includes(filter.status) ? filter.status : '', organizationId: filter.organizationId || null, scope: null, page, pageSize: PAGE_SIZE });
    const organizations = kind === 'organization' ? [] : await organizationOptions(db, null);
    return reply.page(h(RecordListPage, { kind, title: request.t(TITLES[kind].list), basePath: base, rows: result.rows, total: result.total, page, pages: Math.ceil(result.total / PAGE_SIZE), filter, organizations, statuses, canCreate: true }));
  });

  app.get(`${base}/nieuw`, EDIT, async (request, reply) => renderForm(request, reply, { record: null, values: kind === 'service' ? { status: 'active' } : null }));

  app.post(`${base}/nieuw`, EDIT, async (request, reply) => {
    const body = bodyOf(request);
    const options = await optionLists(db, request.lang, null, organizationFor(body, null));
    const parsed = parseRecordForm(kind, body, options);
    if (parsed.kind === 'invalid') return renderForm(request, reply, { record: null, values: parsed.values, errors: parsed.errors, status: 400 });
    const prepared = await prepareSnapshot(db, kind, parsed.snapshot);
    if (prepared.kind === 'invalid') return renderForm(request, reply, { record: null, values: parsed.values, errors: prepared.errors, status: 400 });
    const actor = actorOf(request);
    const created = await db.transaction().execute((trx) => createRecord(trx, kind, prepared.snapshot, { actor, source: 'create' }));
    return reply.redirect(`${base}/${created.id}?opgeslagen=1`, 303);
  });

  app.get<{ Params: { id: string }; Querystring: { opgeslagen?: string; geblokkeerd?: string } }>(`${base}/:id`, EDIT, async (request, reply) => {
    const record = await load(request.params.id);
    const notice = request.query.opgeslagen === '1' ? 'saved' : request.query.geblokkeerd === '1' ? 'blocked' : null;
    return renderForm(request, reply, { record, values: null, notice });
  });

  app.post(`${base}/:id`, EDIT, async (request: IdRequest, reply) => {
    const record = await load(request.params.id);
    const body = bodyOf(request);
    const baseVersion = versionOf(body);
    const options = await optionLists(db, request.lang, null, organizationFor(body, record.organizationId));
    const parsed = parseRecordForm(kind, body, options);
    const values = { ...(parsed.values as Record<string, unknown>), verified: field(body, 'verified') } as FormValues;
    const stale = { ...record, version: baseVersion };
    if (parsed.kind === 'invalid') return renderForm(request, reply, { record: stale, values, errors: parsed.errors, status: 400 });
    const prepared = await prepareSnapshot(db, kind, parsed.snapshot);
    if (prepared.kind === 'invalid') return renderForm(request, reply, { record: stale, values, errors: prepared.errors, status: 400 });
    const changes = kind === 'service' && field(body, 'verified') === 'ja' ? { ...prepared.snapshot, last_verified: today() } : prepared.snapshot;
    const actor = actorOf(request);
    const outcome = await db.transaction().execute((trx) => applyChange(trx, { kind, id: record.id, changes, baseVersion, source: 'editor', action: `${kind}.update`, actor }));
    if (outcome.kind === 'conflict') return renderForm(request, reply, { record: outcome.current, values, status: 409, conflict: { current: outcome.current, yours: changes } });
    return afterSave(reply, outcome, `${base}/${record.id}?opgeslagen=1`);
  });

  for (const [path, active] of [['deactiveren', false], ['activeren', true]] as const) {
    app.post(`${base}/:id/${path}`, EDIT, async (request: IdRequest, reply) => {
      const record = await load(request.params.id);
      const baseVersion = versionOf(bodyOf(request));
      const actor = actorOf(request);
      const outcome = await db.transaction().execute((trx) => setStatus(trx, kind, record.id, active, baseVersion, actor));
      if (outcome.kind === 'blocked') return reply.redirect(`${base}/${record.id}?geblokkeerd=1`, 303);
      if (outcome.kind === 'conflict') return renderForm(request, reply, { record: outcome.current, values: null, status: 409, conflict: { current: outcome.current, yours: { status: active ? 'active' : 'inactive' } } });
      return afterSave(reply, outcome, `${base}/${record.id}?opgeslagen=1`);
    });
  }

  app.get<{ Params: { id: string }; Querystring: { hersteld?: string } }>(`${base}/:id/geschiedenis`, EDIT, async (request, reply) => {
    const record = await load(request.params.id);
    const page = pageOf(request.query);
    const { rows, total } = await listVersions(db, kind, record.id, page, PAGE_SIZE);
    const options = await optionLists(db, request.lang, null, record.organizationId);
    return reply.page(
      h(HistoryPage, {
        kind,
        title: request.t('editing.history.title', { name: record.label }),
        editHref: `${base}/${record.id}`,
        restoreAction: `${base}/${record.id}/herstellen`,
        currentVersion: record.version,
        versions: rows,
        pageSize: PAGE_SIZE,
        page,
        pages: Math.ceil(total / PAGE_SIZE),
        options,
        restored: request.query.hersteld === '1',
      }),
    );
  });

  app.post(`${base}/:id/herstellen`, EDIT, async (request: IdRequest, reply) => {
    const record = await load(request.params.id);
    const body = bodyOf(request);
    const baseVersion = versionOf(body);
    const version = versionOf(body, 'versie');
    const actor = actorOf(request);
    const outcome = await db.transaction().execute((trx) => restoreVersion(trx, kind, record.id, version, baseVersion, actor));
    if (outcome.kind === 'conflict') throw new AppError('conflict', 'The record changed since you opened its history; open it again.');
    return afterSave(reply, outcome, `${base}/${record.id}/geschiedenis?hersteld=1`);
  });
}

function afterSave(reply: FastifyReply, outcome: SaveOutcome, next: string) {
  if (outcome.kind === 'not_found') throw new AppError('not_found', 'No such record or version.');
  return reply.redirect(next, 303);
}
