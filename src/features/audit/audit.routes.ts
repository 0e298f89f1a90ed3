import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { AppError } from '../../errors.ts';
import { pageCount, pageNumber } from '../beheer/beheer.query.ts';
import { auditCsv } from './audit.csv.ts';
import { auditQueryString, readAuditFilter, usedFilters } from './audit.input.ts';
import { auditVocabulary, listAuditEvents, streamAuditEvents } from './audit.repository.ts';
import { AuditPage } from './views/audit-page.tsx';

/** /beheer/audit: read, filter and export the audit log. There is no route that changes it. */
export function registerAuditRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;
  const read = { config: { permission: 'audit.read' as const } };

  app.get('/beheer/audit', read, async (request, reply) => {
    const { form, filter, errors } = readAuditFilter(request.query);
    const page = pageNumber(request.query);
    const [{ rows, total }, vocabulary] = await Promise.all([listAuditEvents(db, filter, page), auditVocabulary(db)]);
    const status = Object.keys(errors).length > 0 ? 400 : 200;
    return reply.page(h(AuditPage, { rows, total, page, pages: pageCount(total), form, errors, vocabulary, exportHref: `/beheer/audit.csv${auditQueryString(form)}` }), status);
  });

  app.get('/beheer/audit.csv', read, async (request, reply) => {
    const { form, filter, errors } = readAuditFilter(request.query);
    if (Object.keys(errors).length > 0) throw new AppError('bad_request', `Invalid filter: ${Object.keys(errors).join(', ')}`);
    // The export is itself a read of the log worth knowing about: which filters, never their values.
    await request.audit({ action: 'audit.export', objectType: 'audit_event', result: 'ok', detail: { filters: usedFilters(form) } });
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8; header=present')
      .header('content-disposition', `attachment; filename="audit-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(auditCsv(streamAuditEvents(db, filter))));
  });
}
