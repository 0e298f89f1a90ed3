import { sql, type Kysely } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Level, Audience, DB } from '../src/db/schema.ts';
import { insertCatalogue } from '../src/demo/seed.ts';
import { createTestDatabase, type TestDatabase } from '../test/db.ts';
import { parseSearchParams } from '../src/features/search/search.query.ts';
import { runSearch } from '../src/features/search/search.service.ts';
import { generateCatalogue } from './generate.ts';
import { load, percentile, table } from './lib.ts';

export interface SearchParams {
  readonly q: string;
  readonly municipality: string;
  readonly levels: readonly Level[];
  readonly audiences: readonly Audience[];
}

/** What the benchmark calls; the real `searchServices` of src/features/search fits this shape. */
export type SearchFn = (db: Kysely<DB>, params: SearchParams) => Promise<unknown>;

/** The real search, as /zoeken runs it: place lookup, text + municipality + filters + facets. */
const search: SearchFn = (db, p) =>
  runSearch(db, parseSearchParams({ q: p.q, gemeente: p.municipality, hulpniveau: [...p.levels], doelgroep: [...p.audiences] }));

const QUERIES = ['scheiding', 'ouderschapsplan', 'mediation', 'omgang', 'loyaliteitsconflict', 'praatgroep', 'vechtscheiding', 'jongeren', 'scheidnig', 'kies'];
const FILTERS: readonly { levels: Level[]; audiences: Audience[] }[] = [
  { levels: ['advice', 'prevention'], audiences: ['parents'] },
  { levels: ['guidance', 'specialised'], audiences: ['children', 'youth'] },
  { levels: ['information', 'advice', 'prevention'], audiences: ['parents', 'network'] },
];

function sizes(): number[] {
  const env = process.env['BENCH_SIZES']?.trim();
  const list = env ? env.split(',').map((s) => Number.parseInt(s, 10)) : [1000, 10_000, 50_000, 100_000];
  if (list.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_SIZES must be positive integers: ${env}`);
  return list;
}

async function measure(database: TestDatabase, municipalities: readonly string[], iterations: number): Promise<{ p50: number; p95: number }> {
  const params = (i: number): SearchParams => ({
    q: QUERIES[i % QUERIES.length] ?? 'scheiding',
    municipality: municipalities[(i * 7) % municipalities.length] ?? 'GM0518',
    ...(FILTERS[i % FILTERS.length] ?? { levels: ['advice'], audiences: ['parents'] }),
  });
  for (let i = 0; i < 20; i++) await search(database.db, params(i));
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await search(database.db, params(i));
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** /zoeken against /health on the same app and data, so the ratio is comparable across machines. */
async function httpRatio(database: TestDatabase): Promise<(string | number)[]> {
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'off', LOG_LEVEL: 'silent' }), database, cookieSecret: 'bench-secret-that-is-long-enough-xx' });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
    const path = '/zoeken?q=scheiding&gemeente=GM0518';
    const probe = await app.inject({ url: path });
    const health = await load(`${base}/health`, { seconds });
    if (probe.statusCode !== 200) return [database.engine, health.requestsPerSecond, `${probe.statusCode} (route not there yet)`, '-'];
    const zoeken = await load(`${base}${path}`, { seconds });
    return [database.engine, health.requestsPerSecond, zoeken.requestsPerSecond, zoeken.requestsPerSecond / health.requestsPerSecond];
  } finally {
    await app.close();
  }
}

export async function benchSearch(): Promise<void> {
  const engines: { name: string; url: string | null }[] = [{ name: 'pglite', url: null }];
  const postgres = process.env['BENCH_DATABASE_URL']?.trim();
  if (postgres) engines.push({ name: 'postgres', url: postgres });
  const httpSize = Number(process.env['BENCH_HTTP_SIZE'] ?? 10_000);
  const rows: (string | number)[][] = [];
  const httpRows: (string | number)[][] = [];
  for (const engine of engines) {
    const p95s = new Map<number, number>();
    for (const n of sizes()) {
      const data = generateCatalogue(n);
      const database = await createTestDatabase(undefined, engine.url);
      try {
        const loadStart = performance.now();
        await insertCatalogue(database.db, data);
        await sql`analyze`.execute(database.db);
        const loadSeconds = (performance.now() - loadStart) / 1000;
        const municipalities = [...new Set(data.services.flatMap((s) => (s.serviceArea === 'national' ? [] : s.serviceArea)))].sort();
        const { p50, p95 } = await measure(database, municipalities, n >= 50_000 ? 100 : 300);
        p95s.set(n, p95);
        rows.push([engine.name, n, loadSeconds, p50, p95]);
        console.log(`# ${engine.name} ${n}: loaded in ${loadSeconds.toFixed(1)} s, p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
        if (n === httpSize) httpRows.push(await httpRatio(database));
      } finally {
        await database.cleanup();
      }
    }
    const small = p95s.get(1000);
    const large = p95s.get(100_000);
    if (small !== undefined && large !== undefined) rows.push([engine.name, 'p95(100k)/p95(1k)', '', '', large / small]);
  }
  table('Search (text + municipality + level + audience + facets), server-side ms', ['engine', 'services', 'load s', 'p50 ms', 'p95 ms'], rows);
  if (httpRows.length > 0) {
    table(`GET /zoeken?q=scheiding&gemeente=GM0518 vs /health, 50 connections, ${httpSize} services`, ['engine', '/health req/s', '/zoeken req/s', 'ratio'], httpRows);
  }
}
