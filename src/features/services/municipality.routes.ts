import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { LEVELS } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { slugify } from '../../reference/load-reference.ts';
import { asOf, presentServiceSummary } from '../catalogue/catalogue.presenter.ts';
import { loadServiceSummaries } from '../catalogue/catalogue.repository.ts';
import { pageNumber } from './services.input.ts';
import { findMunicipalityByCode, listMunicipalityNames, listMunicipalityServices } from './services.repository.ts';
import { taxonomyOf } from '../catalogue/taxonomy.ts';
import { MunicipalityPage, type LevelGroup } from './views/municipality-page.tsx';

export const MUNICIPALITY_PAGE_SIZE = 50;
const CBS_CODE = /^gm\d{4}$/i;

export function registerMunicipalityRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;
  const taxonomy = () => taxonomyOf(db);
  const notFound = () => new AppError('not_found', 'No municipality with this code or name.');

  app.get<{ Params: { code: string }; Querystring: { pagina?: string } }>('/gemeenten/:code', async (request, reply) => {
    const param = request.params.code;
    if (!CBS_CODE.test(param)) {
      // A name such as "den-haag" or "Den Haag": send the visitor to the one address of that page.
      const wanted = slugify(param);
      const match = wanted ? (await listMunicipalityNames(db)).find((m) => slugify(m.display_name) === wanted || slugify(m.name) === wanted) : undefined;
      if (!match) throw notFound();
      return reply.redirect(`/gemeenten/${match.code}`, 301);
    }
    if (param !== param.toUpperCase()) return reply.redirect(`/gemeenten/${param.toUpperCase()}`, 301);
    const municipality = await findMunicipalityByCode(db, param);
    if (!municipality) throw notFound();

    const all = await listMunicipalityServices(db, municipality.code, request.lang);
    const pages = Math.max(1, Math.ceil(all.length / MUNICIPALITY_PAGE_SIZE));
    const page = pageNumber(request.query.pagina);
    if (page > pages) throw new AppError('not_found', 'This page does not exist.');
    const slice = all.slice((page - 1) * MUNICIPALITY_PAGE_SIZE, page * MUNICIPALITY_PAGE_SIZE);
    const labels = await taxonomy();
    const when = asOf(app.deps.config);
    const summaries = (await loadServiceSummaries(db, slice.map((s) => s.id))).map((s) =>
      presentServiceSummary(s, request.lang, labels, when),
    );
    const groups: LevelGroup[] = LEVELS.map((level) => ({
      level,
      label: labels.label('level', level, request.lang),
      count: all.filter((s) => s.level === level).length,
      services: summaries.filter((s) => s.level === level),
    }));
    return reply.page(h(MunicipalityPage, { name: municipality.display_name, code: municipality.code, total: all.length, groups, page, pages }));
  });
}
