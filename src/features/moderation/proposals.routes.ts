import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { CatalogueEntity, ProposalStatus } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { truncateIp } from '../../platform/audit.ts';
import { KINDS, SEGMENT } from '../editing/editing.fields.ts';
import { bodyOf, field, idParam, optionLists, organizationFor, PAGE_SIZE, pageOf, queryText, statusesOf } from '../editing/editing.http.ts';
import { parseRecordForm, toFormValues, type FieldErrors, type FormValues } from '../editing/editing.input.ts';
import { listRecords, loadRecord, type RecordState } from '../editing/editing.repository.ts';
import { prepareSnapshot } from '../editing/editing.service.ts';
import { TITLES } from '../editing/editing.titles.ts';
import { organizationOptions } from '../editing/options.repository.ts';
import { RecordFormPage } from '../editing/views/record-form.tsx';
import { RecordListPage } from '../editing/views/record-list.tsx';
import { isUuid } from '../services/services.input.ts';
import { listProposals } from './moderation.repository.ts';
import { proposeChange } from './moderation.service.ts';
import { ProposalListPage } from './views/queue.tsx';

/**
 * Provider editors (catalogue.propose): their own organisations' records only — every list and
 * every load is scoped in SQL to `principal.organizationIds` — and the same forms, which send a
 * proposal to the moderation queue instead of changing the live record.
 */
const PROPOSE = { config: { permission: 'catalogue.propose' as const } };
const PROPOSAL_STATUSES: readonly ProposalStatus[] = ['pending', 'approved', 'rejected'];

export function registerProposalRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;
  for (const kind of KINDS) registerKind(app, kind);

  app.get<{ Querystring: { voorgesteld?: string } }>('/beheer/mijn/voorstellen', PROPOSE, async (request, reply) => {
    const wanted = queryText(request.query, 'status');
    const status = PROPOSAL_STATUSES.find((s) => s === wanted) ?? 'pending';
    const page = pageOf(request.query);
    const scope = request.principal?.organizationIds ?? [];
    const { rows, total } = await listProposals(db, { status, scope, page, pageSize: PAGE_SIZE });
    return reply.page(h(ProposalListPage, { title: request.t('moderation.own.title'), base: '/beheer/mijn/voorstellen', detailBase: null, rows, total, status, page, pages: Math.ceil(total / PAGE_SIZE), tabs: false, notice: request.query.voorgesteld === '1' }));
  });
}

function registerKind(app: FastifyInstance, kind: CatalogueEntity): void {
  const { db } = app.deps.database;
  const base = `/beheer/mijn/${SEGMENT[kind]}`;
  const scopeOf = (request: FastifyRequest) => request.principal?.organizationIds ?? [];

  async function renderForm(request: FastifyRequest, reply: FastifyReply, record: RecordState | null, state: { values?: FormValues; errors?: FieldErrors; status?: number; proposed?: boolean }) {
    const options = await optionLists(db, request.lang, scopeOf(request), organizationFor(bodyOf(request), record?.organizationId ?? null));
    return reply.page(
      h(RecordFormPage, {
        kind,
        mode: 'provider',
        title: record ? request.t(TITLES[kind].propose, { name: record.label }) : request.t(TITLES[kind].create),
        action: record ? `${base}/${record.id}` : `${base}/nieuw`,
        values: state.values ?? (record ? toFormValues(kind, record.snapshot, options) : {}),
        errors: state.errors ?? {},
        options,
        version: null,
        notice: state.proposed ? 'proposed' : null,
      }),
      state.status ?? 200,
    );
  }

  async function load(request: FastifyRequest, id: string): Promise<RecordState> {
    const record = await loadRecord(db, kind, idParam(id), scopeOf(request));
    // Another organisation's record looks exactly like one that does not exist.
    if (!record) throw new AppError('not_found', 'No record with this id.');
    return record;
  }

  async function submit(request: FastifyRequest, reply: FastifyReply, record: RecordState | null) {
    const body = bodyOf(request);
    const scope = scopeOf(request);
    const principal = request.principal;
    if (!principal) throw new AppError('unauthorized', 'Sign in first.');
    const typed = field(body, 'organization_id');
    if (kind !== 'organization' && typed !== '' && !scope.includes(typed)) {
      await request.audit({ action: 'proposal.create', objectType: kind, objectId: record?.id, result: 'denied', detail: { organization: typed.slice(0, 40) } });
      throw new AppError('forbidden', 'You may only propose changes for your own organisation.');
    }
    const options = await optionLists(db, request.lang, scope, organizationFor(body, record?.organizationId ?? null));
    const parsed = parseRecordForm(kind, body, options);
    if (parsed.kind === 'invalid') return renderForm(request, reply, record, { values: parsed.values, errors: parsed.errors, status: 400 });
    const prepared = await prepareSnapshot(db, kind, parsed.snapshot);
    if (prepared.kind === 'invalid') return renderForm(request, reply, record, { values: parsed.values, errors: prepared.errors, status: 400 });
    const outcome = await proposeChange(db, { kind, id: record?.id ?? null, snapshot: prepared.snapshot, principal, ip: truncateIp(request.ip) });
    if (outcome.kind === 'not_found') throw new AppError('not_found', 'No record with this id.');
    if (outcome.kind === 'forbidden') throw new AppError('forbidden', 'You may only propose changes for your own organisation.');
    return reply.redirect(record ? `${base}/${record.id}?voorgesteld=1` : '/beheer/mijn/voorstellen?voorgesteld=1', 303);
  }

  app.get(base, PROPOSE, async (request, reply) => {
    const page = pageOf(request.query);
    const scope = scopeOf(request);
    const organizationId = queryText(request.query, 'organisatie');
    const statuses = statusesOf(kind);
    const filter = { text: queryText(request.query, 'q'), status: queryText(request.query, 'status'), organizationId: isUuid(organizationId) ? organizationId : '' };
    const result = await listRecords(db, kind, { ...filter, status: statuses.includes(filter.status) ? filter.status : '', organizationId: filter.organizationId || null, scope, page, pageSize: PAGE_SIZE });
    const organizations = await organizationOptions(db, scope);
    return reply.page(h(RecordListPage, { kind, title: request.t(TITLES[kind].own), basePath: base, rows: result.rows, total: result.total, page, pages: Math.ceil(result.total / PAGE_SIZE), filter, organizations, statuses, canCreate: kind !== 'organization' }));
  });

  if (kind !== 'organization') {
    app.get(`${base}/nieuw`, PROPOSE, async (request, reply) => renderForm(request, reply, null, { values: kind === 'service' ? { status: 'active' } : {} }));
    app.post(`${base}/nieuw`, PROPOSE, async (request, reply) => submit(request, reply, null));
  }

  app.get<{ Params: { id: string }; Querystring: { voorgesteld?: string } }>(`${base}/:id`, PROPOSE, async (request, reply) =>
    renderForm(request, reply, await load(request, request.params.id), { proposed: request.query.voorgesteld === '1' }),
  );

  app.post<{ Params: { id: string } }>(`${base}/:id`, PROPOSE, async (request, reply) => submit(request, reply, await load(request, request.params.id)));
}
