import fs from 'node:fs';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { insertCatalogue, readDemoData, type DemoFile } from '../src/demo/seed.ts';
import { servicesNdjson } from '../src/features/hsds/hsds.service.ts';
import { createTestDatabase, type TestDatabase } from '../test/db.ts';
import { percentile, table } from './lib.ts';

/** N synthetic services: the demo organisations and locations, with the demo offerings repeated under new ids. */
function generate(n: number): DemoFile {
  const demo = readDemoData();
  const services = Array.from({ length: n }, (_, i) => {
    const base = demo.services[i % demo.services.length];
    if (!base) throw new Error('no demo services');
    return { ...base, id: `bench-svc-${i}`, name: { nl: `${base.name.nl} ${i}`, en: `${base.name.en} ${i}` } };
  });
  return { organizations: demo.organizations, locations: demo.locations, services };
}

/** Streams the whole catalogue as ndjson into /dev/null, sampling RSS every 20 ms. */
async function measureExport(database: TestDatabase): Promise<{ seconds: number; baseMb: number; peakMb: number; bytes: number }> {
  global.gc?.();
  const baseMb = process.memoryUsage().rss / 1024 / 1024;
  let peak = baseMb;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss / 1024 / 1024);
  }, 20);
  const started = performance.now();
  const sink = fs.createWriteStream('/dev/null');
  let bytes = 0;
  for await (const line of servicesNdjson(database.db)) {
    bytes += line.length;
    if (!sink.write(line)) await new Promise<void>((resolve) => sink.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => sink.end(() => resolve()));
  clearInterval(timer);
  return { seconds: (performance.now() - started) / 1000, baseMb, peakMb: peak, bytes };
}

async function pageLatencies(database: TestDatabase, n: number, requests: number): Promise<number[]> {
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'off' }), database, cookieSecret: 'bench-secret-that-is-long-enough-xx' });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const times: number[] = [];
  try {
    const pages = Math.ceil(n / 50);
    for (let i = 0; i < requests; i++) {
      const started = performance.now();
      // One after another, spread over the pages; 100 requests stay under the per-client limit of 120 a minute.
      const res = await fetch(`${base}/api/hsds/services?per_page=50&page=${1 + ((i * 7919) % pages)}`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      times.push(performance.now() - started);
    }
  } finally {
    await app.close();
  }
  return times.sort((a, b) => a - b);
}

export async function benchHsds(): Promise<void> {
  const sizes = (process.env['HSDS_BENCH_SIZES'] ?? '10000,50000').split(',').map(Number);
  const rows: (string | number)[][] = [];
  for (const n of sizes) {
    const database = await createTestDatabase();
    try {
      const loadStart = performance.now();
      await insertCatalogue(database.db, generate(n));
      const loadSeconds = (performance.now() - loadStart) / 1000;
      // Steady state: autovacuum would have set the visibility map by now, which index-only scans need.
      await sql`vacuum analyze`.execute(database.db);
      const exported = await measureExport(database);
      const times = await pageLatencies(database, n, 100);
      rows.push([n, database.engine, loadSeconds, exported.seconds, n / exported.seconds, exported.bytes / 1024 / 1024, exported.baseMb, exported.peakMb, percentile(times, 50), percentile(times, 95)]);
    } finally {
      await database.cleanup();
    }
  }
  table('HSDS: ndjson export (whole catalogue) and /api/hsds/services?per_page=50 (100 sequential requests)',
    ['services', 'engine', 'load s', 'export s', 'services/s', 'ndjson MB', 'RSS before MB', 'RSS peak MB', 'page p50 ms', 'page p95 ms'], rows);
}
