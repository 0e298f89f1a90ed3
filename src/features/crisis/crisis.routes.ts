import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { presentCrisisLine } from './crisis.presenter.ts';
import { listCrisisLines } from './crisis.repository.ts';
import { CrisisPage } from './views/crisis-page.tsx';

export function registerCrisisRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;
  app.get('/direct-hulp', async (request, reply) => {
    const lines = (await listCrisisLines(db)).map((row) => presentCrisisLine(row, request.lang));
    return reply.page(h(CrisisPage, { lines }));
  });
}
