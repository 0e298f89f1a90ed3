import autocannon from 'autocannon';

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p97_5: number;
  readonly errors: number;
  /** Requests with no answer within autocannon's 10 s (also counted in `errors`). */
  readonly timeouts: number;
  readonly non2xx: number;
}

/**
 * Drives one URL with autocannon for `seconds` and returns throughput and latency. With `paths`,
 * each connection walks the list from its own starting point, so connections do not ask for the
 * same path at the same moment.
 */
export async function load(url: string, options: { connections?: number; seconds?: number; paths?: readonly string[] } = {}): Promise<LoadResult> {
  const connections = options.connections ?? 50;
  const paths = options.paths ?? [];
  let client = 0;
  const result = await autocannon({
    url,
    connections,
    duration: options.seconds ?? 10,
    ...(paths.length > 0
      ? {
          setupClient: (c: autocannon.Client) => {
            const start = Math.floor((client++ * paths.length) / connections);
            c.setRequests([...paths.slice(start), ...paths.slice(0, start)].map((path) => ({ method: 'GET' as const, path })));
          },
        }
      : {}),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
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
