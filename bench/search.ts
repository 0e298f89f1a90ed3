import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { LEVELS, type Audience, type Level } from '../src/db/schema.ts';
import { insertCatalogue } from '../src/demo/seed.ts';
import { createTestDatabase, type TestDatabase } from '../test/db.ts';
import { openCacheScope, UNCACHED, type CacheScope } from '../src/features/search/search.cache.ts';
import { PAGE_SIZE, parseSearchParams, searchQueryString, type SearchParams } from '../src/features/search/search.query.ts';
import { runSearch } from '../src/features/search/search.service.ts';
import { generateCatalogue, prng } from './generate.ts';
import { load, percentile, table } from './lib.ts';

/**
 * What people type: single words, compounds, phrases, synonyms, typos, English. Each search of
 * the workload pairs one of these with a municipality and two filters (a level and an audience
 * choice), as the goal in issue 3 describes the query.
 */
const TEXTS = [
  'scheiding', 'scheiden', 'echtscheiding', 'vechtscheiding', 'complexe scheiding', 'uit elkaar', 'ouderschapsplan',
  'ouderschap', 'omgang', 'omgangsregeling', 'contact', 'mediation', 'mediator', 'bemiddeling', 'alimentatie',
  'kinderalimentatie', 'loyaliteitsconflict', 'praatgroep', 'lotgenoten', 'jongeren', 'kinderen', 'kind', 'puber',
  'ruzie', 'conflict', 'communicatie', 'school', 'wonen', 'geld', 'juridisch', 'advocaat', 'rechter', 'nieuw gezin',
  'stiefouder', 'opa oma', 'weerbaarheid', 'emoties', 'rouw', 'huiselijk geweld', 'veiligheid', 'spreekuur',
  'informatieavond', 'oudercursus', 'online cursus', 'chat', 'telefoon', 'gratis', 'kies', 'dappere dino', 'hulp bij scheiding',
  'ruzie over de kinderen', 'samen ouder blijven', 'contactverlies', 'scheidnig', 'mediaton', 'ouderschapsplna',
  'omgangsbegeleiding', 'gezinstherapie', 'parenting plan', 'separation', 'children', 'talk group',
];
const AUDIENCE_CHOICES: readonly Audience[][] = [['parents'], ['children'], ['youth'], ['children', 'youth'], ['parents', 'network'], ['professionals']];

/** `count` searches: every text, spread over all municipalities and filter choices, few repeats. */
export function searchWorkload(municipalities: readonly string[], count: number, seed = 7): Record<string, string | string[]>[] {
  const next = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const first = pick(LEVELS);
    const levels: Level[] = next() < 0.5 ? [first] : [first, pick(LEVELS.filter((l) => l !== first))];
    return {
      q: TEXTS[i % TEXTS.length] ?? 'scheiding',
      gemeente: pick(municipalities),
      hulpniveau: levels,
      doelgroep: pick(AUDIENCE_CHOICES),
    };
  });
}

function sizes(): number[] {
  const env = process.env['BENCH_SIZES']?.trim();
  const list = env ? env.split(',').map((s) => Number.parseInt(s, 10)) : [1000, 10_000, 50_000, 100_000];
  if (list.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_SIZES must be positive integers: ${env}`);
  return list;
}

interface Timing {
  readonly p50: number;
  readonly p95: number;
}

/** Times each search as a request runs it: the revision read (when cached) and runSearch. */
async function timeSearches(database: TestDatabase, list: readonly SearchParams[], cached: boolean): Promise<Timing> {
  const times: number[] = [];
  for (const params of list) {
    const started = performance.now();
    const scope: CacheScope = cached ? await openCacheScope(database.db) : UNCACHED;
    await runSearch(database.db, params, PAGE_SIZE, scope);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/**
 * Cold: every search computed from the database (no cache). Warm: the same searches again after
 * one pass has filled the caches, so every one is a hit: the best case, reported apart. The
 * machines are shared, so each is measured in `passes` passes and the median p50 and p95 are reported.
 */
async function measure(database: TestDatabase, municipalities: readonly string[], iterations: number, passes: number): Promise<{ cold: Timing; warm: Timing }> {
  const warmUp = searchWorkload(municipalities, 30, 99).map((raw) => parseSearchParams(raw));
  for (const params of warmUp) await runSearch(database.db, params);
  const list = searchWorkload(municipalities, iterations).map((raw) => parseSearchParams(raw));
  const cold: Timing[] = [];
  for (let i = 0; i < passes; i++) cold.push(await timeSearches(database, list, false));
  await timeSearches(database, list, true);
  const warm: Timing[] = [];
  for (let i = 0; i < passes; i++) warm.push(await timeSearches(database, list, true));
  const mid = (timings: readonly Timing[]): Timing => ({ p50: median(timings.map((t) => t.p50)), p95: median(timings.map((t) => t.p95)) });
  return { cold: mid(cold), warm: mid(warm) };
}

/**
 * /zoeken against /health on the same app and data, so the ratio is comparable across machines:
 * the one URL of issue 3 (after the first request its body comes from the cache), and a mix of
 * distinct searches (almost all uncached).
 */
async function httpRatio(database: TestDatabase, municipalities: readonly string[]): Promise<(string | number)[][]> {
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'off', LOG_LEVEL: 'silent' }), database, cookieSecret: 'bench-secret-that-is-long-enough-xx' });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
    const path = '/zoeken?q=scheiding&gemeente=GM0518';
    const mix = searchWorkload(municipalities, 5000, 11).map((raw) => `/zoeken${searchQueryString(parseSearchParams(raw))}`);
    const probe = await app.inject({ url: path });
    if (probe.statusCode !== 200) throw new Error(`${path} answered ${probe.statusCode}`);
    const health = await load(`${base}/health`, { seconds });
    const one = await load(`${base}${path}`, { seconds });
    const many = await load(base, { seconds, paths: mix });
    const row = (label: string, r: Awaited<ReturnType<typeof load>>) => [
      database.engine, label, health.requestsPerSecond, r.requestsPerSecond, r.requestsPerSecond / health.requestsPerSecond, r.non2xx, `${r.errors} (${r.timeouts} timeouts)`,
    ];
    return [row(path, one), row('5000 distinct searches', many)];
  } finally {
    await app.close();
  }
}

export async function benchSearch(): Promise<void> {
  const postgres = process.env['BENCH_DATABASE_URL']?.trim();
  const only = process.env['BENCH_ENGINES']?.split(',').map((e) => e.trim());
  const engines = [
    { name: 'pglite', url: null },
    ...(postgres ? [{ name: 'postgres', url: postgres }] : []),
  ].filter((e) => only === undefined || only.includes(e.name));
  const httpSize = Number(process.env['BENCH_HTTP_SIZE'] ?? 10_000);
  const passes = Number(process.env['BENCH_PASSES'] ?? 3);
  if (!Number.isInteger(passes) || passes < 1) throw new Error(`BENCH_PASSES must be a positive integer: ${passes}`);
  const rows: (string | number)[][] = [];
  const httpRows: (string | number)[][] = [];
  for (const engine of engines) {
    const p95s = new Map<number, { cold: number; warm: number }>();
    for (const n of sizes()) {
      const data = generateCatalogue(n);
      const database = await createTestDatabase(undefined, engine.url);
      try {
        const loadStart = performance.now();
        await insertCatalogue(database.db, data);
        await sql`analyze`.execute(database.db);
        const loadSeconds = (performance.now() - loadStart) / 1000;
        const municipalities = [...new Set(data.services.flatMap((s) => (s.serviceArea === 'national' ? [] : s.serviceArea)))].sort();
        const { cold, warm } = await measure(database, municipalities, 300, passes);
        p95s.set(n, { cold: cold.p95, warm: warm.p95 });
        rows.push([engine.name, n, loadSeconds, cold.p50, cold.p95, warm.p50, warm.p95]);
        console.log(`# ${engine.name} ${n}: loaded in ${loadSeconds.toFixed(1)} s, cold p50 ${cold.p50.toFixed(2)} p95 ${cold.p95.toFixed(2)} ms, warm p50 ${warm.p50.toFixed(2)} p95 ${warm.p95.toFixed(2)} ms`);
        if (n === httpSize) httpRows.push(...(await httpRatio(database, municipalities)));
      } finally {
        await database.cleanup();
      }
    }
    const small = p95s.get(1000);
    const large = p95s.get(100_000);
    if (small !== undefined && large !== undefined) rows.push([engine.name, 'p95(100k)/p95(1k)', '', '', large.cold / small.cold, '', large.warm / small.warm]);
  }
  table(
    `Search (text + municipality + level + audience + facets), server-side ms; 300 distinct searches, median of ${passes} passes; cold = uncached, warm = the same again from the cache`,
    ['engine', 'services', 'load s', 'cold p50', 'cold p95', 'warm p50', 'warm p95'],
    rows,
  );
  if (httpRows.length > 0) {
    table(`GET /zoeken vs /health, 50 connections, ${httpSize} services`, ['engine', '/zoeken', '/health req/s', '/zoeken req/s', 'ratio', 'non-2xx', 'errors'], httpRows);
  }
}
