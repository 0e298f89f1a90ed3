import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { DEFAULT_SHED_WAIT_MS, loadConfig } from '../src/config.ts';
import { insertCatalogue } from '../src/demo/seed.ts';
import { parseSearchParams, searchQueryString } from '../src/features/search/search.query.ts';
import { DEFAULT_DB_WAITING } from '../src/web/load-shedding.ts';
import { createTestDatabase } from '../test/db.ts';
import { generateCatalogue } from './generate.ts';
import { load, table, type LoadResult } from './lib.ts';
import { searchWorkload } from './search.ts';

/**
 * Pages against /health in one run, so the ratio is comparable across machines, and 20,000
 * distinct searches (almost all uncached: 400 per connection, so even a connection that gets
 * many quick 503s rarely repeats one) at BENCH_HTTP_SIZE offerings: the load under which the
 * server sheds (503 with Retry-After) rather than queue without bound. Load shedding runs with
 * the production defaults unless SHED_WAIT_MS / SHED_DB_WAITING say otherwise. The load
 * generator runs in its own process (lib.ts).
 */
function waitingFor(engine: 'pglite' | 'postgres'): string {
  return process.env['SHED_DB_WAITING']?.trim() || String(DEFAULT_DB_WAITING[engine]);
}

export async function benchHttp(): Promise<void> {
  const size = Number(process.env['BENCH_HTTP_SIZE'] ?? 10_000);
  if (!Number.isInteger(size) || size < 1) throw new Error(`BENCH_HTTP_SIZE must be a positive integer: ${size}`);
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
  const postgres = process.env['BENCH_DATABASE_URL']?.trim();
  const only = process.env['BENCH_ENGINES']?.split(',').map((e) => e.trim());
  const engines = [
    { name: 'pglite' as const, url: null },
    ...(postgres ? [{ name: 'postgres' as const, url: postgres }] : []),
  ].filter((e) => only === undefined || only.includes(e.name));
  const busy = process.env['SHED_WAIT_MS']?.trim() || String(DEFAULT_SHED_WAIT_MS);
  const rows: (string | number)[][] = [];
  for (const engine of engines) {
    const database = await createTestDatabase(undefined, engine.url);
    try {
      const data = generateCatalogue(size);
      await insertCatalogue(database.db, data);
      await sql`analyze`.execute(database.db);
      const municipalities = [...new Set(data.services.flatMap((s) => (s.serviceArea === 'national' ? [] : s.serviceArea)))].sort();
      const mix = searchWorkload(municipalities, 20_000, 11).map((raw) => `/zoeken${searchQueryString(parseSearchParams(raw))}`);
      const app = await buildApp({
        config: loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'off', LOG_LEVEL: 'silent', SHED_WAIT_MS: busy, SHED_DB_WAITING: waitingFor(engine.name) }),
        database,
        cookieSecret: 'bench-secret-that-is-long-enough-xx',
      });
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const health = await load(`${base}/health`, { seconds });
        const row = (label: string, r: LoadResult) => [
          engine.name, label, r.requestsPerSecond, r.okPerSecond, r.p50, r.p95, r.p99, r.okP99, r.non2xx,
          r.responses > 0 ? `${((100 * r.shed) / r.responses).toFixed(1)} %` : '-', `${r.errors} (${r.timeouts})`, r.requestsPerSecond / health.requestsPerSecond,
        ];
        rows.push(row('/health', health));
        for (const path of ['/', '/direct-hulp', '/privacy']) rows.push(row(path, await load(`${base}${path}`, { seconds })));
        rows.push(row('20000 distinct /zoeken', await load(base, { seconds, paths: mix })));
      } finally {
        await app.close();
      }
    } finally {
      await database.cleanup();
    }
  }
  table(
    `HTTP throughput, ${size} offerings, 50 connections, ${seconds} s each, load generator in its own process; SHED_WAIT_MS=${busy}, SHED_DB_WAITING=${engines.map((e) => `${waitingFor(e.name)} (${e.name})`).join(', ')}`,
    ['engine', 'path', 'req/s', '2xx/s', 'p50 ms', 'p95 ms', 'p99 ms', '2xx p99 ms', 'non-2xx', '503 share', 'errors (timeouts)', 'req/s ratio to /health'],
    rows,
  );
}
