import { isIP } from 'node:net';
import path from 'node:path';
import { projectRoot } from './paths.ts';

/**
 * Which reverse proxies may tell us the client's address: none, the number of proxy hops in
 * front of the app, or the proxies' own addresses (IPs, CIDR ranges, or proxy-addr's names
 * `loopback`, `linklocal`, `uniquelocal`). Never "every hop": a client could pick its address.
 */
export type TrustProxy = false | number | readonly string[];

/** Everything the process reads from its environment, parsed and checked once at start. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly nodeEnv: 'development' | 'production' | 'test';
  /** PostgreSQL server; when absent the embedded PGlite database in `dataDir` is used. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly demoData: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Which X-Forwarded-* hops to believe (needed for HSTS and client addresses). */
  readonly trustProxy: TrustProxy;
  /** Behind a TLS-terminating reverse proxy: cookies are sent with `Secure`. */
  readonly behindProxy: boolean;
  /** Public base URL used in absolute links; defaults to http://localhost:PORT. */
  readonly publicUrl: string;
  /** Secret for signed cookies; generated and kept in the database when absent. */
  readonly cookieSecret: string | undefined;
  readonly contactEmail: string;
  readonly siteName: string;
  /** Background tiles for the optional map view (a {z}/{x}/{y} template). */
  readonly mapTileUrl: string;
  /** Requests per minute per client on public write endpoints. */
  readonly publicWriteRateLimit: number;
  /** smtp(s)://user:pass@host:port; when absent e-mail is written as .eml files to `outboxDir`. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly outboxDir: string;
  /** Sign-in sessions end after this much inactivity, and at the latest after `sessionMaxHours`. */
  readonly sessionIdleMinutes: number;
  readonly sessionMaxHours: number;
  /** An offering not confirmed for this many months counts as stale. */
  readonly staleAfterMonths: number;
  /** Personal data in questions and bookings is removed this many months after closing. */
  readonly retentionMonths: number;
  /** Run the background worker (e-mail, jobs) in this process. Off in tests, which drive it by hand. */
  readonly worker: boolean;
  /**
   * Load shedding (web/load-shedding.ts): a request is answered 503 at once while more database
   * calls than `shedDbWaiting` wait for a connection (undefined: the engine's default), or when it
   * has waited, or would wait, longer than `shedWaitMs` for its turn on the event loop.
   * Off by default in tests, which must not fail because the shared machine is slow.
   */
  readonly shedDbWaiting: number | 'off' | undefined;
  readonly shedWaitMs: number | 'off';
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw.trim());
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw)) return true;
  if (['off', 'false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be "on" or "off", got "${env[name]}"`);
}

/** A whole number, or "off"; undefined when not set. */
function limitOrOff(env: Env, name: string, min: number, max: number): number | 'off' | undefined {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'off') return 'off';
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number or "off", got "${env[name]}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max} or "off", got ${value}`);
  return value;
}

export const DEFAULT_SHED_WAIT_MS = 1000;

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const found = allowed.find((a) => a === raw);
  if (found === undefined) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  return found;
}

function url(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

function trustProxy(env: Env): TrustProxy {
  const name = 'TRUST_PROXY';
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '' || ['off', 'false', 'no', '0'].includes(raw)) return false;
  if (['on', 'true', 'yes'].includes(raw)) {
    throw new ConfigError(
      name,
      `"${env[name]}" would trust every X-Forwarded-For hop, so a client could choose its own address. Give the number of proxies in front of the app (usually 1) or their addresses, e.g. TRUST_PROXY=1 or TRUST_PROXY=10.0.0.1`,
    );
  }
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) throw new ConfigError(name, `must be a number of proxy hops between 1 and 10, got ${hops}`);
    return hops;
  }
  const entries = raw.split(',').map((e) => e.trim());
  const bad = entries.find((e) => !isProxyAddress(e));
  if (bad !== undefined) {
    throw new ConfigError(name, `must be off, a number of proxy hops, or proxy addresses (IP or CIDR, comma-separated); "${bad}" is none of these`);
  }
  return entries;
}

export const DEFAULT_TILE_URL =
  'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png';

/** Parses the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const cookieSecret = env['COOKIE_SECRET']?.trim() || undefined;
  if (cookieSecret !== undefined && cookieSecret.length < 32) {
    throw new ConfigError('COOKIE_SECRET', 'must be at least 32 characters');
  }
  const contactEmail = env['CONTACT_EMAIL']?.trim() || 'contact@wegwijzer.example.org';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contactEmail)) {
    throw new ConfigError('CONTACT_EMAIL', `is not an e-mail address: "${contactEmail}"`);
  }
  const mailFrom = env['MAIL_FROM']?.trim() || contactEmail;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(mailFrom.replace(/^.*<(.+)>$/, '$1'))) {
    throw new ConfigError('MAIL_FROM', `is not an e-mail address: "${mailFrom}"`);
  }
  const proxies = trustProxy(env);
  const dataDir = path.resolve(projectRoot, env['DATA_DIR']?.trim() || 'data');
  const tileUrl = url(env, 'MAP_TILE_URL', ['https:', 'http:']) ?? DEFAULT_TILE_URL;
  if (!tileUrl.includes('{z}') || !tileUrl.includes('{x}') || !tileUrl.includes('{y}')) {
    throw new ConfigError('MAP_TILE_URL', 'must contain {z}, {x} and {y}');
  }
  return {
    port,
    host: env['HOST']?.trim() || '0.0.0.0',
    nodeEnv,
    databaseUrl,
    dataDir,
    demoData: boolean(env, 'DEMO_DATA', true),
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      nodeEnv === 'test' ? 'silent' : 'info',
    ),
    trustProxy: proxies,
    behindProxy: proxies !== false,
    publicUrl: (url(env, 'PUBLIC_URL', ['https:', 'http:']) ?? `http://localhost:${port}`).replace(/\/$/, ''),
    cookieSecret,
    contactEmail,
    siteName: env['SITE_NAME']?.trim() || 'Wegwijzer Kind en Scheiding',
    mapTileUrl: tileUrl,
    publicWriteRateLimit: integer(env, 'PUBLIC_WRITE_RATE_LIMIT', 10, 1, 10_000),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom,
    outboxDir: path.resolve(dataDir, 'outbox'),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionMaxHours: integer(env, 'SESSION_MAX_HOURS', 12, 1, 24 * 30),
    staleAfterMonths: integer(env, 'STALE_AFTER_MONTHS', 6, 1, 60),
    retentionMonths: integer(env, 'RETENTION_MONTHS', 12, 1, 120),
    worker: boolean(env, 'WORKER', nodeEnv !== 'test'),
    shedDbWaiting: limitOrOff(env, 'SHED_DB_WAITING', 0, 100_000) ?? (nodeEnv === 'test' ? 'off' : undefined),
    shedWaitMs: limitOrOff(env, 'SHED_WAIT_MS', 10, 600_000) ?? (nodeEnv === 'test' ? 'off' : DEFAULT_SHED_WAIT_MS),
  };
}
