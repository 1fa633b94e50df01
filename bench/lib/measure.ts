/** Sequential per-call latencies, summarised as p50/p99. */
export interface Timing {
  label: string;
  n: number;
  p50Ms: number;
  p99Ms: number;
  /** What the last call returned (rows, services), for the table. */
  size: number;
}

const CAP_MS = 15_000;
const MIN_SAMPLES = 20;

export const iterations = (() => {
  const raw = process.env.BENCH_ITERATIONS;
  const value = raw ? Number(raw) : 300;
  if (!Number.isInteger(value) || value < 1 || value > 100_000)
    throw new Error(`BENCH_ITERATIONS must be an integer 1…100000, got ${raw}`);
  return value;
})();

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;

/**
 * Times `fn` sequentially: `iterations` calls or 15 s (at least 20 calls), whichever comes
 * first, after a short warm-up. `before` runs untimed ahead of every call (e.g. a write that
 * makes the next call cold); `fn` returns a size for the report.
 */
export async function measure(
  label: string,
  fn: () => Promise<number>,
  before?: () => Promise<void>,
): Promise<Timing> {
  let size = 0;
  for (let i = 0; i < Math.min(3, iterations); i++) {
    await before?.();
    size = await fn();
  }
  const ms: number[] = [];
  const started = performance.now();
  while (ms.length < iterations) {
    await before?.();
    const t = performance.now();
    size = await fn();
    ms.push(performance.now() - t);
    if (performance.now() - started > CAP_MS && ms.length >= MIN_SAMPLES) break;
  }
  const sorted = ms.sort((a, b) => a - b);
  const timing = {
    label,
    n: ms.length,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    size,
  };
  console.error(
    `  ${label}: p50 ${timing.p50Ms.toFixed(2)} ms, p99 ${timing.p99Ms.toFixed(2)} ms (n=${timing.n})`,
  );
  return timing;
}
