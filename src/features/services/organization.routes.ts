import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { AppError } from '../../errors.ts';
import { loadServiceSummaries } from '../catalogue/catalogue.repository.ts';
import { asOf, presentServiceSummary } from '../catalogue/catalogue.presenter.ts';
import { isUuid, pageNumber } from './services.input.ts';
import { presentLocation, presentOrganization } from './services.presenter.ts';
import { findOrganization, listOrganizationLocations, pageOrganizationServiceIds } from './services.repository.ts';
import { taxonomyOf } from '../catalogue/taxonomy.ts';
import { OrganizationPage } from './views/organization-page.tsx';

export const ORGANIZATION_PAGE_SIZE = 20;

export function registerOrganizationRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;
  const taxonomy = () => taxonomyOf(db);
  app.get<{ Params: { id: string }; Querystring: { pagina?: string } }>('/organisaties/:id', async (request, reply) => {
    const { id } = request.params;
    const row = isUuid(id) ? await findOrganization(db, id.toLowerCase()) : undefined;
    if (!row) throw new AppError('not_found', 'No organisation with this id.');
    const page = pageNumber(request.query.pagina);
    const [locations, { ids, total }] = await Promise.all([
      listOrganizationLocations(db, row.id),
      pageOrganizationServiceIds(db, row.id, request.lang, { limit: ORGANIZATION_PAGE_SIZE, offset: (page - 1) * ORGANIZATION_PAGE_SIZE }),
    ]);
    const pages = Math.max(1, Math.ceil(total / ORGANIZATION_PAGE_SIZE));
    if (page > pages) throw new AppError('not_found', 'This page does not exist.');
    const labels = await taxonomy();
    const when = asOf(app.deps.config);
    const services = (await loadServiceSummaries(db, ids)).map((s) => presentServiceSummary(s, request.lang, labels, when));
    return reply.page(
      h(OrganizationPage, {
        organization: presentOrganization(row, request.lang),
        locations: locations.map((l) => presentLocation(l, request.lang)),
        services,
        total,
        page,
        pages,
      }),
    );
  });
}
