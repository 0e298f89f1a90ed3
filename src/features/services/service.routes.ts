import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { AppError } from '../../errors.ts';
import type { Lang, MessageKey } from '../../i18n/index.ts';
import { asOf } from '../catalogue/catalogue.presenter.ts';
import { taxonomyOf } from '../catalogue/taxonomy.ts';
import { BEWAARLIJST_COOKIE, isUuid, parseIdList, parseReport, type ReportField, type ReportValues } from './services.input.ts';
import { presentServiceDetail, type ServiceDetailView } from './services.presenter.ts';
import { findServiceDetail, insertServiceReport, listServiceAreaNames, listServiceLocations } from './services.repository.ts';
import { ServicePage } from './views/service-page.tsx';
import { budget } from '../../platform/rate-limit.ts';

export function savedIds(request: FastifyRequest): string[] {
  return parseIdList(request.cookies[BEWAARLIJST_COOKIE]);
}

const notFound = () => new AppError('not_found', 'No offering with this id.');

export function registerServiceRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;
  const taxonomy = () => taxonomyOf(db);

  async function loadDetail(id: unknown, lang: Lang): Promise<ServiceDetailView> {
    if (!isUuid(id)) throw notFound();
    const row = await findServiceDetail(db, id.toLowerCase());
    if (!row) throw notFound();
    const [locations, area] = await Promise.all([listServiceLocations(db, row.id), listServiceAreaNames(db, row.id)]);
    return presentServiceDetail(row, { locations, area }, lang, await taxonomy(), asOf(app.deps.config));
  }

  const EMPTY: { values: ReportValues; errors: Partial<Record<ReportField, MessageKey>> } = {
    values: { message: '', email: '' },
    errors: {},
  };

  app.get<{ Params: { id: string }; Querystring: { gemeld?: string } }>('/aanbod/:id', async (request, reply) => {
    const service = await loadDetail(request.params.id, request.lang);
    return reply.page(
      h(ServicePage, {
        service,
        saved: savedIds(request).includes(service.id),
        reported: request.query.gemeld === '1',
        report: EMPTY,
      }),
    );
  });

  app.post<{ Params: { id: string } }>(
    '/aanbod/:id/meld-een-fout',
    { preHandler: app.csrfProtection, config: budget('reports') },
    async (request, reply) => {
      const service = await loadDetail(request.params.id, request.lang);
      const input = parseReport(request.body);
      switch (input.kind) {
        case 'spam':
          // Pretend it worked, so a bot learns nothing; nothing is stored.
          return reply.redirect(`${service.href}?gemeld=1`, 303);
        case 'invalid':
          return reply.page(
            h(ServicePage, {
              service,
              saved: savedIds(request).includes(service.id),
              reported: false,
              report: { values: input.values, errors: input.errors },
            }),
            400,
          );
        case 'valid':
          await insertServiceReport(db, { serviceId: service.id, message: input.message, email: input.email, lang: request.lang });
          return reply.redirect(`${service.href}?gemeld=1`, 303);
      }
    },
  );

  app.get<{ Params: { id: string }; Querystring: { lang?: string } }>('/api/v1/services/:id', async (request, reply) => {
    // The API speaks Dutch unless asked otherwise; it ignores the site's language cookie.
    const lang: Lang = request.query.lang === 'en' ? 'en' : 'nl';
    const service = await loadDetail(request.params.id, lang);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-language', lang)
      .send({ lang, ...service });
  });
}
