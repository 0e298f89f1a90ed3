import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { AppError } from '../../errors.ts';
import { truncateIp } from '../../platform/audit.ts';
import { isUuid, one, oneOf, pageCount, pageNumber } from '../beheer/beheer.query.ts';
import { noticeFrom } from '../beheer/beheer.parts.tsx';
import { findOutboxEmail } from './outbox.repository.ts';
import { listEmails, openEmail, readEmailBody, retryFailedEmail, type OutboxActor } from './outbox.service.ts';
import { OUTBOX_STATUSES, OutboxDetailPage, OutboxListPage } from './views/outbox-pages.tsx';

type WithId = { Params: { id: string } };

function who(request: FastifyRequest): OutboxActor {
  const principal = request.principal;
  if (!principal) throw new AppError('unauthorized', 'Sign in first.');
  return { actor: { id: principal.id, email: principal.email }, ip: truncateIp(request.ip) };
}

/**
 * /beheer/e-mail: the outbox, without bodies unless asked; failed mails can be retried. Every page
 * shows recipients' addresses, so every page writes its audit row before it is sent.
 */
export function registerOutboxRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;
  const read = { config: { permission: 'outbox.read' as const } };

  const found = <T>(value: T | undefined): T => {
    if (value === undefined) throw new AppError('not_found', 'No e-mail with this id.');
    return value;
  };
  const idOr404 = (id: string) => found(isUuid(id) ? id.toLowerCase() : undefined);
  /** Without an audit row: only for routes whose own step writes one. */
  const mailOr404 = async (id: string) => found(await findOutboxEmail(db, idOr404(id)));

  app.get('/beheer/e-mail', read, async (request, reply) => {
    const status = oneOf(one(request.query, 'status'), OUTBOX_STATUSES);
    const page = pageNumber(request.query);
    const { rows, total } = await listEmails(db, who(request), status, page);
    return reply.page(h(OutboxListPage, { rows, total, page, pages: pageCount(total), status: status ?? '' }));
  });

  app.get<WithId>('/beheer/e-mail/:id', read, async (request, reply) => {
    const mail = found(await openEmail(db, who(request), idOr404(request.params.id)));
    return reply.page(h(OutboxDetailPage, { mail, notice: noticeFrom(request.query, { opnieuw: 'outbox.notice.retried' }) }));
  });

  app.get<WithId>('/beheer/e-mail/:id/inhoud', read, async (request, reply) => {
    const mail = await mailOr404(request.params.id);
    const body = found(await readEmailBody(db, who(request), mail.id));
    return reply.page(h(OutboxDetailPage, { mail, body }));
  });

  app.post<WithId>('/beheer/e-mail/:id/opnieuw', read, async (request, reply) => {
    const mail = await mailOr404(request.params.id);
    const outcome = await retryFailedEmail(db, who(request), mail.id);
    switch (outcome.kind) {
      case 'not_found':
        throw new AppError('not_found', 'No e-mail with this id.');
      case 'not_failed':
        // The refusal shows the mail's page again: read like any opening of it.
        return reply.page(h(OutboxDetailPage, { mail: found(await openEmail(db, who(request), mail.id)), problem: 'outbox.refused.notFailed' }), 409);
      case 'queued':
        return reply.redirect(`/beheer/e-mail/${mail.id}?opnieuw=1`, 303);
    }
  });
}
