import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface LoadRequest {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  readonly paths: readonly string[];
}

export interface LoadResult {
  /** Responses per second, whatever their status (autocannon's average over the seconds). */
  readonly requestsPerSecond: number;
  /** 2xx responses per second. */
  readonly okPerSecond: number;
  readonly responses: number;
  /** Latency in ms over every response, and over the 2xx ones (`ok…`). */
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly okP50: number;
  readonly okP99: number;
  readonly non2xx: number;
  /** 503 responses (load shed), also counted in `non2xx`. */
  readonly shed: number;
  readonly errors: number;
  /** Requests with no answer within autocannon's 10 s (also counted in `errors`). */
  readonly timeouts: number;
}

const CLIENT = fileURLToPath(new URL('./load-client.ts', import.meta.url));

/**
 * Drives one URL with autocannon for `seconds` and returns throughput and latency. With `paths`,
 * each connection cycles through its own share of the list, so no two ask for the same path. The load generator runs in a child process (load-client.ts): in
 * the server's process it would share the event loop that PGlite blocks, and time itself.
 */
export async function load(url: string, options: { connections?: number; seconds?: number; paths?: readonly string[] } = {}): Promise<LoadResult> {
  const request: LoadRequest = { url, connections: options.connections ?? 50, seconds: options.seconds ?? 10, paths: options.paths ?? [] };
  const child = spawn(process.execPath, ['--import', 'tsx', CLIENT], { stdio: ['pipe', 'pipe', 'inherit'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const exit = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  child.stdin.end(JSON.stringify(request));
  const code = await exit;
  if (code !== 0) throw new Error(`load generator exited with ${code}`);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as LoadResult;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Prints rows as an aligned plain-text table. */
export function table(title: string, header: readonly string[], rows: readonly (readonly (string | number)[])[]): void {
  const cells = [header, ...rows].map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n${title}`);
  console.log(line(cells[0] ?? []));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of cells.slice(1)) console.log(line(r));
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}
