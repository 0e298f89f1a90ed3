import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { asOf, presentServiceSummary } from '../catalogue/catalogue.presenter.ts';
import { loadServiceSummaries } from '../catalogue/catalogue.repository.ts';
import {
  addToList,
  BEWAARLIJST_COOKIE,
  BEWAARLIJST_MAX_AGE_S,
  isUuid,
  parseIdList,
  refererPath,
  safeReturnPath,
} from './services.input.ts';
import { existingServiceIds } from './services.repository.ts';
import { taxonomyOf } from '../catalogue/taxonomy.ts';
import { savedIds } from './service.routes.ts';
import { BewaarlijstPage } from './views/bewaarlijst-page.tsx';

type FormBody = Record<string, unknown> | undefined;

/** Bewaarlijst without an account: the ids live in a cookie on the visitor's own device. */
export function registerBewaarlijstRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;
  const { config } = app.deps;
  const taxonomy = () => taxonomyOf(db);

  function store(reply: FastifyReply, ids: readonly string[]): void {
    if (ids.length === 0) {
      reply.clearCookie(BEWAARLIJST_COOKIE, { path: '/' });
      return;
    }
    reply.setCookie(BEWAARLIJST_COOKIE, ids.join(','), {
      path: '/',
      maxAge: BEWAARLIJST_MAX_AGE_S,
      httpOnly: true,
      sameSite: 'lax',
      secure: config.behindProxy,
    });
  }

  function back(request: FastifyRequest<{ Body: FormBody }>, reply: FastifyReply) {
    const body = request.body ?? {};
    const target = safeReturnPath(body['terug'] ?? refererPath(request.headers.referer, request.host));
    return reply.redirect(target, 303);
  }

  app.get<{ Querystring: { ids?: string } }>('/bewaarlijst', async (request, reply) => {
    const shared = request.query.ids !== undefined;
    const ids = shared ? parseIdList(request.query.ids) : savedIds(request);
    const labels = await taxonomy();
    const when = asOf(app.deps.config);
    const services = (await loadServiceSummaries(db, ids)).map((s) => presentServiceSummary(s, request.lang, labels, when));
    const shareUrl = new URL(`/bewaarlijst?ids=${services.map((s) => s.id).join(',')}`, config.publicUrl).toString();
    return reply.page(h(BewaarlijstPage, { services, shared, shareUrl }));
  });

  app.post<{ Body: FormBody }>('/bewaarlijst', { preHandler: app.csrfProtection }, async (request, reply) => {
    const body = request.body ?? {};
    if (body['ids'] !== undefined) {
      // "Bewaar deze lijst": a shared list replaces the visitor's own.
      const wanted = parseIdList(body['ids']);
      const known = await existingServiceIds(db, wanted);
      store(reply, wanted.filter((id) => known.has(id)));
      return reply.redirect('/bewaarlijst', 303);
    }
    const id = body['id'];
    if (isUuid(id)) {
      const lower = id.toLowerCase();
      if ((await existingServiceIds(db, [lower])).has(lower)) store(reply, addToList(savedIds(request), lower));
    }
    return back(request, reply);
  });

  app.post<{ Body: FormBody }>('/bewaarlijst/verwijder', { preHandler: app.csrfProtection }, async (request, reply) => {
    const id = request.body?.['id'];
    if (isUuid(id)) store(reply, savedIds(request).filter((x) => x !== id.toLowerCase()));
    return back(request, reply);
  });
}
