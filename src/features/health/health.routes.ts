import type { FastifyInstance } from 'fastify';

export function registerHealthRoutes(app: FastifyInstance): void {
  const { database } = app.deps;
  app.get('/health', async (_request, reply) => {
    const ok = await database.ping(2000);
    return reply
      .code(ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: ok ? 'ok' : 'unavailable', database: { engine: database.engine, status: ok ? 'ok' : 'unreachable' } });
  });
}
