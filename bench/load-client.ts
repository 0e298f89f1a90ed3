import autocannon from 'autocannon';
import { percentile, type LoadRequest, type LoadResult } from './lib.ts';

/**
 * The load generator, run as its own process by `load()` in lib.ts: the server under test (PGlite
 * blocks the event loop while it runs a query) must not also be the one sending the requests and
 * timing them. Reads a LoadRequest as JSON on stdin, writes a LoadResult as JSON on stdout.
 */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function run(request: LoadRequest): Promise<LoadResult> {
  const { connections, seconds, paths } = request;
  const all: number[] = [];
  const ok: number[] = [];
  const statuses = new Map<number, number>();
  let client = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: request.url,
        connections,
        duration: seconds,
        ...(paths.length > 0
          ? {
              // Each connection cycles through its own share of the paths: handing every
              // connection the whole list costs autocannon seconds of set-up inside the run.
              setupClient: (c: autocannon.Client) => {
                const share = Math.max(1, Math.ceil(paths.length / connections));
                const start = (client++ * share) % paths.length;
                c.setRequests(paths.slice(start, start + share).map((path) => ({ method: 'GET' as const, path })));
              },
            }
          : {}),
      },
      (error: unknown, result: autocannon.Result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        all.sort((a, b) => a - b);
        ok.sort((a, b) => a - b);
        const responses = all.length;
        const count = (test: (status: number) => boolean) => [...statuses].reduce((n, [status, c]) => (test(status) ? n + c : n), 0);
        resolve({
          requestsPerSecond: result.requests.average,
          okPerSecond: responses > 0 ? (result.requests.average * ok.length) / responses : 0,
          responses,
          p50: percentile(all, 50),
          p95: percentile(all, 95),
          p99: percentile(all, 99),
          okP50: percentile(ok, 50),
          okP99: percentile(ok, 99),
          non2xx: count((s) => s < 200 || s >= 300),
          shed: count((s) => s === 503),
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    instance.on('response', (_client: autocannon.Client, statusCode: number, _bytes: number, responseTime: number) => {
      all.push(responseTime);
      if (statusCode >= 200 && statusCode < 300) ok.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
  });
}

const request = JSON.parse(await readStdin()) as LoadRequest;
process.stdout.write(JSON.stringify(await run(request)));
