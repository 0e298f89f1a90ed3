import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openConfiguredDatabase, StartupError } from './db/open.ts';
import { cookieSecret } from './db/settings.ts';
import { seedDemoData } from './demo/seed.ts';
import { loadReferenceData } from './reference/load-reference.ts';
import { disableDemoAccounts, ensureDemoAccounts, type DemoAccounts } from './features/auth/demo-accounts.ts';
import { fileTransport, smtpTransport } from './platform/mail.ts';
import { startWorker } from './platform/worker.ts';

const SHUTDOWN_LIMIT_MS = 4500;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const started = performance.now();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`);
    throw error;
  }
  const opened = await openConfiguredDatabase(config);
  const { database } = opened;
  const reference = await loadReferenceData(database.db);
  const demo = config.demoData ? await seedDemoData(database.db) : { seeded: false };
  const demoAccounts = config.demoData ? await ensureDemoAccounts(database.db) : (await disableDemoAccounts(database.db), null);
  const app = await buildApp({ config, database, cookieSecret: await cookieSecret(database.db, config.cookieSecret) });
  const worker = config.worker
    ? startWorker({
        db: database.db,
        jobs: app.jobs,
        transport: config.smtpUrl ? smtpTransport(config.smtpUrl) : fileTransport(config.outboxDir),
        from: config.mailFrom,
        onError: (error) => app.log.error({ err: error }, 'background work failed'),
      })
    : null;

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      process.stderr.write('Shutdown took too long; exiting.\n');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    force.unref();
    Promise.resolve(worker?.stop())
      .then(() => app.close())
      .then(() => opened.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`Error while shutting down: ${String(error)}\n`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await opened.close();
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') fail(`Configuration error: PORT: port ${config.port} is already in use`);
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    [
      `Wegwijzer Kind en Scheiding is running at http://localhost:${port}`,
      `  database: ${opened.description}`,
      `  reference data: ${reference.loaded ? 'loaded' : 'up to date'}; demo data: ${config.demoData ? (demo.seeded ? 'loaded' : 'present') : 'off'}`,
      `  e-mail: ${config.smtpUrl ? 'SMTP' : `written to ${config.outboxDir}`}${config.worker ? '' : ' (worker off)'}`,
      ...(demoAccounts ? demoAccountLines(demoAccounts, port) : []),
      `  ready in ${seconds} s — press Ctrl+C to stop`,
      '',
    ].join('\n'),
  );
}

function demoAccountLines(demo: DemoAccounts, port: number): string[] {
  return [
    `  demo accounts (demo mode only; sign in at http://localhost:${port}/inloggen), password: ${demo.password}`,
    ...demo.accounts.map((a) => `    ${a.email.padEnd(48)} ${a.role}${a.twoStep ? ' (two-step)' : ''}`),
    `    two-step key for the (two-step) accounts, add it to an authenticator app: ${demo.totpSecret}`,
  ];
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`);
  if (error instanceof StartupError) fail(error.message);
  process.stderr.write(`Could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
