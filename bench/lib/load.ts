import { createRequire } from 'node:module';

/** Load generation (autocannon in a worker thread) and sequential micro-timings. */
// autocannon ships no types; this is the part of its result the benchmark reads.
interface Histogram {
  average: number;
  p50: number;
  p99: number;
  max: number;
}
export interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
  latency: Histogram & { totalCount: number };
  requests: Histogram & { total: number };
}
export type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export const CONNECTIONS = 32;

export interface TargetResult {
  path: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

export async function load(
  url: string,
  headers: Record<string, string>,
  seconds: number,
): Promise<AutocannonResult> {
  // One worker thread generates the load, so it does not share the server's event loop.
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, headers, workers: 1 });
}

export function summarise(path: string, r: AutocannonResult): TargetResult {
  return {
    path,
    rps: r.latency.totalCount / r.duration,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.latency.totalCount,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count]),
    ),
  };
}

/**
 * Microseconds per call of `fn`, run sequentially after a short warm-up: the best of 5 rounds
 * of n/5 calls, so that other work on the machine inflates the figure as little as possible.
 */
export async function timeIt(n: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(200, n); i++) await fn();
  const perRound = Math.max(1, Math.floor(n / 5));
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    for (let i = 0; i < perRound; i++) await fn();
    best = Math.min(best, ((performance.now() - started) * 1000) / perRound);
  }
  return best;
}
