import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { createTestDatabase, type TemplateOptions, type TestDatabase } from './db.ts';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly database: TestDatabase;
  readonly config: Config;
  close(): Promise<void>;
}

export async function createTestApp(
  options: { env?: Record<string, string>; template?: TemplateOptions; prepare?: (app: FastifyInstance) => void } = {},
): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'off', ...options.env });
  const database = await createTestDatabase(options.template);
  const app = await buildApp({ config, database, cookieSecret: 'test-secret-that-is-long-enough-for-signing' });
  try {
    options.prepare?.(app);
    await app.ready();
  } catch (error) {
    // A database left open keeps the test process alive until its time-out.
    await app.close().catch(() => undefined);
    await database.cleanup();
    throw error;
  }
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.cleanup();
    },
  };
}

/** Cookie header value from the set-cookie headers of a response, for the next request. */
export function cookiesFrom(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return list.map((c) => c.split(';')[0]).join('; ');
}
