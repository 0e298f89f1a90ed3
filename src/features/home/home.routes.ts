import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { presentCrisisLine } from '../crisis/crisis.presenter.ts';
import { listCrisisLines } from '../crisis/crisis.repository.ts';
import { HomePage } from './views/home-page.tsx';

/** The lines every visitor sees first: acute danger, safety at home, and children. */
export const HOME_CRISIS_LINES = ['112', 'veilig-thuis', 'kindertelefoon'] as const;

export function registerHomeRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;
  app.get('/', async (request, reply) => {
    const rows = await listCrisisLines(db);
    const crisisLines = HOME_CRISIS_LINES.flatMap((id) => rows.filter((r) => r.id === id)).map((r) =>
      presentCrisisLine(r, request.lang),
    );
    return reply.page(h(HomePage, { crisisLines, hulpwijzer: app.hasRoute({ method: 'GET', url: '/hulpwijzer' }) }));
  });
}
