import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import {
  getOrganization, getService, getServiceAtLocation, getTaxonomy, getTerm, listOrganizationPage, listServiceAtLocationPage, listServices,
  listTaxonomyPage, listTermPage, resolveServiceFilter,
} from './hsds-api.service.ts';
import * as q from './hsds.query.ts';
import { catalogueModified } from './hsds.repository.ts';
import { servicesNdjson } from './hsds.service.ts';
import { projectRoot } from '../../paths.ts';
import { OPENAPI_URL, PROFILE_PATH } from './hsds.taxonomy.ts';
import { budget } from '../../platform/rate-limit.ts';

const RATE_LIMIT = budget('open-data', { max: 120, timeWindow: '1 minute' });

function notModified(request: FastifyRequest, etag: string | undefined, modified: Date): boolean {
  const match = request.headers['if-none-match'];
  if (match !== undefined) return etag !== undefined && match.split(',').some((t) => t.trim() === etag || t.trim() === '*');
  const since = request.headers['if-modified-since'];
  if (!since) return false;
  const sinceTime = Date.parse(since);
  return !Number.isNaN(sinceTime) && Math.floor(modified.getTime() / 1000) * 1000 <= sinceTime;
}

/** JSON with a strong ETag (hash of the body) and Last-Modified (newest catalogue change); 304 when unchanged. */
async function sendCached(request: FastifyRequest, reply: FastifyReply, body: unknown): Promise<FastifyReply> {
  const modified = await catalogueModified(request.server.deps.database.db);
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha1').update(text).digest('base64url')}"`;
  reply.header('etag', etag).header('last-modified', modified.toUTCString()).header('cache-control', 'public, max-age=60');
  if (notModified(request, etag, modified)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(text);
}

function id(request: FastifyRequest): string {
  const value = (request.params as { id?: string }).id ?? '';
  if (!q.isUuid(value)) throw new AppError('not_found', 'No resource with this id.');
  return value.toLowerCase();
}

function serviceFilterInput(query: q.Query) {
  const termId = q.uuid(query, 'taxonomy_term_id');
  const taxonomyId = q.uuid(query, 'taxonomy_id');
  const organizationId = q.uuid(query, 'organization_id');
  const search = q.search(query);
  const modifiedAfter = q.dateTime(query, 'modified_after');
  return {
    ...(termId ? { termId } : {}), ...(taxonomyId ? { taxonomyId } : {}), ...(organizationId ? { organizationId } : {}),
    ...(search ? { search } : {}), ...(modifiedAfter ? { modifiedAfter } : {}),
  };
}

/** The open HSDS 3.0 read API: no key, CORS open, rate-limited per client, cacheable. */
export function registerHsdsRoutes(app: FastifyInstance): void {
  void app.register(async (api) => {
    const { db } = app.deps.database;
    api.addHook('onSend', async (_request, reply) => {
      reply.header('access-control-allow-origin', '*');
      reply.header('access-control-expose-headers', 'etag, last-modified');
    });
    const get = (path: string, handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) =>
      api.get(path, { config: RATE_LIMIT }, handler);

    const profileUrl = `${app.deps.config.publicUrl}${PROFILE_PATH}`;
    const profileText = fs.readFileSync(path.join(projectRoot, 'docs', 'hsds-profile.md'), 'utf8');
    get('/', (request, reply) => sendCached(request, reply, { version: '3.0', profile: profileUrl, openapi_url: OPENAPI_URL }));
    get('/profile', async (_request, reply) => reply.type('text/markdown; charset=utf-8').send(profileText));

    get('/services', async (request, reply) => {
      const query = request.query as q.Query;
      const input = serviceFilterInput(query);
      const paging = q.paging(query);
      const [minimal, full, format] = [q.bool(query, 'minimal'), q.bool(query, 'full'), q.format(query)];
      const filter = await resolveServiceFilter(db, input);
      if (format === 'ndjson') {
        const modified = await catalogueModified(db);
        reply.header('last-modified', modified.toUTCString());
        if (notModified(request, undefined, modified)) return reply.code(304).send();
        return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(servicesNdjson(db, filter)));
      }
      return sendCached(request, reply, await listServices(db, filter, paging, minimal ? 'minimal' : full ? 'full' : 'basic'));
    });
    get('/services/:id', async (request, reply) => sendCached(request, reply, await getService(db, id(request))));

    get('/taxonomies', async (request, reply) => {
      const query = request.query as q.Query;
      return sendCached(request, reply, listTaxonomyPage(q.search(query), q.paging(query)));
    });
    get('/taxonomies/:id', async (request, reply) => sendCached(request, reply, getTaxonomy(id(request))));

    get('/taxonomy_terms', async (request, reply) => {
      const query = request.query as q.Query;
      const search = q.search(query);
      const taxonomyId = q.uuid(query, 'taxonomy_id');
      const parentId = q.uuid(query, 'parent_id');
      q.bool(query, 'top_only'); // every term of ours is a top term
      const options = { ...(search ? { search } : {}), ...(taxonomyId ? { taxonomyId } : {}), ...(parentId ? { parentId } : {}) };
      return sendCached(request, reply, await listTermPage(db, options, q.paging(query)));
    });
    get('/taxonomy_terms/:id', async (request, reply) => sendCached(request, reply, await getTerm(db, id(request))));

    get('/organizations', async (request, reply) => {
      const query = request.query as q.Query;
      const paging = q.paging(query);
      return sendCached(request, reply, await listOrganizationPage(db, q.search(query), paging, q.bool(query, 'full')));
    });
    get('/organizations/:id', async (request, reply) => {
      const fullService = q.bool(request.query as q.Query, 'full_service');
      return sendCached(request, reply, await getOrganization(db, id(request), fullService));
    });

    get('/service_at_locations', async (request, reply) => {
      const query = request.query as q.Query;
      const input = serviceFilterInput(query);
      const paging = q.paging(query);
      const pc4 = q.postcode(query);
      const metres = q.proximity(query, pc4 !== undefined);
      const filter = await resolveServiceFilter(db, input);
      return sendCached(request, reply, await listServiceAtLocationPage(db, filter, pc4 ? { pc4, metres } : undefined, paging));
    });
    get('/service_at_locations/:id', async (request, reply) => sendCached(request, reply, await getServiceAtLocation(db, id(request))));
  }, { prefix: '/api/hsds' });
}
