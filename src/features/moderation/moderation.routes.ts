import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { ProposalStatus } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { can } from '../auth/auth.policy.ts';
import { SEGMENT } from '../editing/editing.fields.ts';
import { actorOf, bodyOf, field, idParam, optionLists, PAGE_SIZE, pageOf, queryText } from '../editing/editing.http.ts';
import { loadRecord } from '../editing/editing.repository.ts';
import { deleteDecidedReports, findProposal, findReport, listProposals, listReports, type ProposalRow } from './moderation.repository.ts';
import { recordAudit } from '../../platform/audit.ts';
import { approveProposal, handleReport, rejectProposal } from './moderation.service.ts';
import { ProposalListPage, ReportListPage } from './views/queue.tsx';
import { ProposalPage, ReportPage } from './views/review.tsx';

/** The moderation queue (moderation.review): proposals with a diff, approve or reject; "meld een fout" reports. */
const REVIEW = { config: { permission: 'moderation.review' as const } };
const PROPOSAL_STATUSES: readonly ProposalStatus[] = ['pending', 'approved', 'rejected'];
const REPORT_STATUSES = ['new', 'handled', 'rejected'] as const;

export const REPORT_RETENTION_JOB = 'reports.retention';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

export function registerModerationRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;
  const { publicUrl, retentionMonths } = app.deps.config;

  // The privacy statement promises: a report and its e-mail address go RETENTION_MONTHS after handling.
  app.jobs.daily(
    REPORT_RETENTION_JOB,
    async (_payload, { db: jobDb, now }) => {
      const before = new Date(now);
      before.setUTCMonth(before.getUTCMonth() - retentionMonths);
      const count = await deleteDecidedReports(jobDb, before);
      if (count > 0) await recordAudit(jobDb, { actor: null, action: 'report.retention', objectType: 'service_report', result: 'ok', detail: { count } });
    },
    3,
  );

  const editHref = (request: FastifyRequest, kind: ProposalRow['kind'], id: string | null) =>
    id && can(request.principal, 'catalogue.edit') ? `/beheer/${SEGMENT[kind]}/${id}` : null;

  async function showProposal(request: FastifyRequest, reply: FastifyReply, proposal: ProposalRow, extra: { status?: number; reasonError?: MessageKey; reason?: string; conflict?: boolean } = {}) {
    const current = proposal.entityId ? await loadRecord(db, proposal.kind, proposal.entityId, null) : undefined;
    const options = await optionLists(db, request.lang, null, proposal.kind === 'organization' ? null : String(proposal.snapshot['organization_id'] ?? ''));
    return reply.page(
      h(ProposalPage, { proposal, current: current ? { snapshot: current.snapshot, version: current.version } : null, options, reasonError: extra.reasonError, reason: extra.reason ?? '', conflict: extra.conflict ?? false, editHref: editHref(request, proposal.kind, proposal.entityId) }),
      extra.status ?? 200,
    );
  }

  async function proposalOf(id: string): Promise<ProposalRow> {
    const proposal = await findProposal(db, idParam(id));
    if (!proposal) throw new AppError('not_found', 'No such proposal.');
    return proposal;
  }

  app.get('/beheer/moderatie', REVIEW, async (request, reply) => {
    const wanted = queryText(request.query, 'status');
    const status = PROPOSAL_STATUSES.find((s) => s === wanted) ?? 'pending';
    const page = pageOf(request.query);
    const { rows, total } = await listProposals(db, { status, scope: null, page, pageSize: PAGE_SIZE });
    return reply.page(h(ProposalListPage, { title: request.t('moderation.proposals.title'), base: '/beheer/moderatie', detailBase: '/beheer/moderatie/voorstellen', rows, total, status, page, pages: Math.ceil(total / PAGE_SIZE), tabs: true }));
  });

  app.get('/beheer/moderatie/voorstellen/:id', REVIEW, async (request: IdRequest, reply) => showProposal(request, reply, await proposalOf(request.params.id)));

  app.post('/beheer/moderatie/voorstellen/:id/goedkeuren', REVIEW, async (request: IdRequest, reply) => {
    const proposal = await proposalOf(request.params.id);
    const basis = field(bodyOf(request), 'basis');
    const outcome = await approveProposal(db, proposal.id, actorOf(request), publicUrl, /^\d{1,9}$/.test(basis) ? Number(basis) : undefined);
    if (outcome.kind === 'conflict') return showProposal(request, reply, outcome.proposal, { status: 409, conflict: true });
    if (outcome.kind === 'not_found') throw new AppError('not_found', 'The record of this proposal no longer exists.');
    if (outcome.kind === 'decided') throw new AppError('conflict', 'This proposal was already decided.');
    return reply.redirect('/beheer/moderatie?status=approved', 303);
  });

  app.post('/beheer/moderatie/voorstellen/:id/afwijzen', REVIEW, async (request: IdRequest, reply) => {
    const proposal = await proposalOf(request.params.id);
    const reason = field(bodyOf(request), 'reden');
    if (reason === '' || reason.length > 2000) {
      return showProposal(request, reply, proposal, { status: 400, reason: reason.slice(0, 2000), reasonError: reason === '' ? 'moderation.error.reasonMissing' : 'editing.error.tooLong' });
    }
    const outcome = await rejectProposal(db, proposal.id, reason, actorOf(request));
    if (outcome.kind === 'decided') throw new AppError('conflict', 'This proposal was already decided.');
    return reply.redirect('/beheer/moderatie?status=rejected', 303);
  });

  app.get('/beheer/moderatie/meldingen', REVIEW, async (request, reply) => {
    const wanted = queryText(request.query, 'status');
    const status = REPORT_STATUSES.find((s) => s === wanted) ?? 'new';
    const page = pageOf(request.query);
    const { rows, total } = await listReports(db, { status, page, pageSize: PAGE_SIZE });
    return reply.page(h(ReportListPage, { rows, total, status, page, pages: Math.ceil(total / PAGE_SIZE) }));
  });

  async function reportOf(id: string) {
    const report = await findReport(db, idParam(id));
    if (!report) throw new AppError('not_found', 'No such report.');
    return report;
  }

  app.get('/beheer/moderatie/meldingen/:id', REVIEW, async (request: IdRequest, reply) => {
    const report = await reportOf(request.params.id);
    // The report may hold a reader's e-mail address: reading it is logged.
    await request.audit({ action: 'report.read', objectType: 'service_report', objectId: report.id, result: 'ok' });
    return reply.page(h(ReportPage, { report, editHref: editHref(request, 'service', report.serviceId), values: { status: '', note: '' }, errors: {} }));
  });

  app.post('/beheer/moderatie/meldingen/:id', REVIEW, async (request: IdRequest, reply) => {
    const report = await reportOf(request.params.id);
    const body = bodyOf(request);
    const status = field(body, 'status');
    const note = field(body, 'notitie');
    const errors: Partial<Record<'status' | 'note', MessageKey>> = {};
    if (status !== 'handled' && status !== 'rejected') errors.status = 'moderation.error.outcome';
    if (note.length > 2000) errors.note = 'editing.error.tooLong';
    if (errors.status || errors.note || (status !== 'handled' && status !== 'rejected')) {
      return reply.page(h(ReportPage, { report, editHref: editHref(request, 'service', report.serviceId), values: { status, note: note.slice(0, 2000) }, errors }), 400);
    }
    const changed = await handleReport(db, report.id, status, note || null, actorOf(request));
    if (!changed) throw new AppError('conflict', 'This report was already handled.');
    return reply.redirect('/beheer/moderatie/meldingen', 303);
  });
}
