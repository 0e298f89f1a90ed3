import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createTestDatabase } from '../test/db.ts';
import { load, table } from './lib.ts';

/** Baseline: pages against /health in one run, so the ratio is comparable across machines. */
export async function benchHttp(): Promise<void> {
  const database = await createTestDatabase();
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'off' }), database, cookieSecret: 'bench-secret-that-is-long-enough-xx' });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const health = await load(`${base}/health`);
    const rows: (string | number)[][] = [['/health', health.requestsPerSecond, health.p50, health.p97_5, 1]];
    for (const path of ['/', '/direct-hulp', '/privacy']) {
      const r = await load(`${base}${path}`);
      rows.push([path, r.requestsPerSecond, r.p50, r.p97_5, r.requestsPerSecond / health.requestsPerSecond]);
    }
    table(`HTTP throughput (${database.engine}, 50 connections, 10 s each)`, ['path', 'req/s', 'p50 ms', 'p97.5 ms', 'ratio to /health'], rows);
  } finally {
    await app.close();
    await database.cleanup();
  }
}
