import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { h, type JSX } from 'preact';
import type { DB } from '../../db/schema.ts';
import type { Lang } from '../../i18n/index.ts';
import { asOf, presentServiceSummary, type AsOf, type ServiceSummaryView } from '../catalogue/catalogue.presenter.ts';
import { loadServiceSummaries } from '../catalogue/catalogue.repository.ts';
import { taxonomyOf, type Taxonomy } from '../catalogue/taxonomy.ts';
import { presentCrisisLine } from '../crisis/crisis.presenter.ts';
import { listCrisisLines } from '../crisis/crisis.repository.ts';
import { municipalityList } from '../places/places.ts';
import { openCacheScope, RevisionCache, type CacheScope } from './search.cache.ts';
import { DemandBuffer } from './search.demand.ts';
import { FILTER_NAMES, PAGE_SIZE, parseSearchParams, searchQueryString, type SearchParams } from './search.query.ts';
import type { SearchHit, SearchResult } from './search.facets.ts';
import { listNationalServiceIds, type SearchDemand } from './search.repository.ts';
import { runSearch } from './search.service.ts';
import { SearchBody, SearchPage, type Loosening, type SearchPageState } from './views/search-page.tsx';

async function summaries(db: Kysely<DB>, hits: readonly SearchHit[], lang: Lang, taxonomy: Taxonomy, when: AsOf): Promise<ServiceSummaryView[]> {
  const rows = await loadServiceSummaries(db, hits.map((h) => h.id));
  return rows.map((row) => presentServiceSummary(row, lang, taxonomy, when, hits.find((h) => h.id === row.id)?.distanceKm ?? null));
}

/**
 * For an empty result: how many results each single loosening would give. Filters are applied to
 * the same candidates, so their counts come with the result; only dropping the text searches again.
 */
async function loosenings(db: Kysely<DB>, params: SearchParams, result: SearchResult, scope: CacheScope): Promise<Loosening[]> {
  const out: Loosening[] = FILTER_NAMES.filter((name) => params.filters[name].length > 0 && result.totalWithout[name] > 0).map(
    (name) => ({ filter: name, count: result.totalWithout[name] }),
  );
  if (params.q) {
    const outcome = await runSearch(db, { ...params, q: '', page: 1 }, 1, scope);
    if (outcome.kind === 'results' && outcome.result.total > 0) out.push({ filter: 'q', count: outcome.result.total });
  }
  return out;
}

/** De Kindertelefoon: what a child or young person searching should see before any result. */
const CHILD_LINE = 'kindertelefoon';

function searchRaw(request: FastifyRequest): Record<string, unknown> {
  return (request.query ?? {}) as Record<string, unknown>;
}

/** A rendered /zoeken body and the demand signal its first page records. */
interface CachedBody {
  /** UTF-8, sent as it is. */
  readonly html: Buffer;
  readonly demand: SearchDemand | null;
}

// Rendered bodies are tens of KB of HTML each: at most about 20 MB of them.
const MAX_BODY_BYTES = 20_000_000;

/** Today as the server sees it: result cards say whether an offering is stale, which changes by the day. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`;
}

/** Everything the /zoeken body shows, worked out from the search outcome. */
async function searchBody(
  db: Kysely<DB>,
  lang: Lang,
  params: SearchParams,
  scope: CacheScope,
  config: { readonly mapTileUrl: string; readonly staleAfterMonths: number },
): Promise<{ view: JSX.Element; demand: SearchDemand | null }> {
  const when = asOf(config);
  const [outcome, taxonomy, municipalities] = [await runSearch(db, params, PAGE_SIZE, scope), await taxonomyOf(db), await municipalityList(db)];
  let state: SearchPageState;
  let demand: SearchDemand | null = null;
  switch (outcome.kind) {
    case 'unknown-postcode':
    case 'unknown-municipality':
      state = outcome;
      break;
    case 'results': {
      const { result } = outcome;
      const empty = result.total === 0;
      const forYoung = params.filters.doelgroep.some((d) => d === 'children' || d === 'youth');
      const lines = empty || forYoung ? (await listCrisisLines(db)).map((l) => presentCrisisLine(l, lang)) : [];
      state = {
        kind: 'results',
        total: result.total,
        services: await summaries(db, result.hits, lang, taxonomy, when),
        facets: result.facets,
        placeName: outcome.place?.name ?? null,
        widened: outcome.widened,
        loosen: empty ? await loosenings(db, params, result, scope) : [],
        national: empty ? await summaries(db, (await listNationalServiceIds(db, 5)).map((id) => ({ id, distanceKm: null })), lang, taxonomy, when) : [],
        crisisLines: empty ? lines : [],
        childLines: forYoung ? lines.filter((l) => l.id === CHILD_LINE) : [],
      };
      if (params.page === 1) {
        demand = {
          municipality: outcome.place?.code ?? null,
          query: params.q,
          filters: FILTER_NAMES.flatMap((n) => params.filters[n].map((v) => `${n}:${v}`)),
          resultCount: result.total,
        };
      }
      break;
    }
  }
  return { view: h(SearchBody, { params, municipalities, taxonomy, pageSize: PAGE_SIZE, state, mapTileUrl: config.mapTileUrl }), demand };
}

const demandBuffers = new WeakMap<FastifyInstance, DemandBuffer>();

/** Writes the buffered demand signals now (tests; closing the app does it too). */
export async function flushSearchDemand(app: FastifyInstance): Promise<void> {
  await demandBuffers.get(app)?.flush();
}

export function registerSearchRoutes(app: FastifyInstance): void {
  const { db } = app.deps.database;
  const demand = new DemandBuffer(db, (error) => app.log.error({ err: error }, 'search demand not recorded'));
  demandBuffers.set(app, demand);
  app.addHook('onClose', () => demand.flush());
  // Per app, not per database: the body also depends on the app's configuration (map tiles).
  const bodies = new RevisionCache<CachedBody>(MAX_BODY_BYTES, (b) => b.html.length);

  app.get('/zoeken', async (request, reply) => {
    const params = parseSearchParams(searchRaw(request));
    const scope = await openCacheScope(db);
    const key = `${request.lang} ${today()} ${searchQueryString(params)}`;
    const cached = bodies.get(scope, key);
    if (cached) {
      if (cached.demand) demand.add(cached.demand);
      return reply.pageAround(h(SearchPage, { params }), cached.html);
    }
    const body = await searchBody(db, request.lang, params, scope, app.deps.config);
    if (body.demand) demand.add(body.demand);
    const html = Buffer.from(reply.fragment(body.view));
    bodies.set(scope, key, { html, demand: body.demand });
    return reply.pageAround(h(SearchPage, { params }), html);
  });

  app.get('/api/v1/services', async (request, reply) => {
    const params = parseSearchParams(searchRaw(request));
    const outcome = await runSearch(db, params, PAGE_SIZE, await openCacheScope(db));
    switch (outcome.kind) {
      case 'unknown-postcode':
        return reply.code(400).type('application/problem+json').send({
          type: 'about:blank', title: 'Bad Request', status: 400,
          detail: `postcode ${outcome.postcode} is not in the postcode list (2020); give gemeente instead`,
          errors: { postcode: 'unknown postcode; give gemeente instead' },
        });
      case 'unknown-municipality':
        return reply.code(400).type('application/problem+json').send({
          type: 'about:blank', title: 'Bad Request', status: 400,
          detail: `unknown municipality "${outcome.input}"`, errors: { gemeente: 'unknown municipality' },
        });
      case 'results': {
        // Like every /api/v1 answer: Dutch unless ?lang=en, whatever the site's language cookie says.
        const lang: Lang = searchRaw(request)['lang'] === 'en' ? 'en' : 'nl';
        const taxonomy = await taxonomyOf(db);
        const items = await summaries(db, outcome.result.hits, lang, taxonomy, asOf(app.deps.config));
        return reply.header('cache-control', 'public, max-age=60').header('content-language', lang).send({
          total: outcome.result.total,
          page: params.page,
          pageSize: PAGE_SIZE,
          pages: Math.max(1, Math.ceil(outcome.result.total / PAGE_SIZE)),
          municipality: outcome.place ? { code: outcome.place.code, name: outcome.place.name } : null,
          widened: outcome.widened,
          items: items.map(({ href, ...rest }) => ({ ...rest, url: href })),
          facets: outcome.result.facets,
        });
      }
    }
  });
}
