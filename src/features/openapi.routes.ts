import type { FastifyInstance } from 'fastify';
import { hulpwijzerOpenApi } from './hulpwijzer/openapi.ts';
import { searchOpenApi } from './search/search.openapi.ts';
import { questionsOpenApi } from './questions/questions.openapi.ts';
import { spreekuurOpenApi } from './spreekuur/spreekuur.openapi.ts';

interface Fragment {
  readonly paths: Record<string, unknown>;
  readonly components?: { readonly schemas?: Record<string, unknown>; readonly responses?: Record<string, unknown> };
}

/** Each JSON feature contributes paths and components; this is the one document they form. */
export const OPENAPI_FRAGMENTS: Fragment[] = [searchOpenApi, hulpwijzerOpenApi, questionsOpenApi, spreekuurOpenApi];

export function openApiDocument(publicUrl: string): Record<string, unknown> {
  const merge = (key: 'schemas' | 'responses') => Object.assign({}, ...OPENAPI_FRAGMENTS.map((f) => f.components?.[key] ?? {}));
  return {
    openapi: '3.1.0',
    info: { title: 'Wegwijzer Kind en Scheiding API', version: '1', license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' } },
    servers: [{ url: publicUrl }],
    paths: Object.assign({}, ...OPENAPI_FRAGMENTS.map((f) => f.paths)),
    components: { schemas: merge('schemas'), responses: merge('responses') },
  };
}

export function registerOpenApiRoutes(app: FastifyInstance): void {
  const document = openApiDocument(app.deps.config.publicUrl);
  app.get('/api/v1/openapi.json', async (_request, reply) => reply.header('access-control-allow-origin', '*').send(document));
}
