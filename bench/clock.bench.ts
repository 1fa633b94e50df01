/**
 * Clock benchmark: `npm run bench:clock`.
 *
 * 1. Elapsed and add (business seconds) operations per second on a split-shift calendar with
 *    holidays in Europe/Berlin (DST), over spans of 1 day, 1 month and 1 year, for the engine
 *    (src/core/calendar/clock.ts) and the day-by-day reference (reference.ts) in the same run.
 *    Every query is first answered by both and must agree, or the bench fails.
 * 2. Recomputing the response and resolution timers of BENCH_TICKETS (default 1,000,000)
 *    generated tickets with 8 status changes each, streamed (generated, derived, dropped):
 *    tickets per second and peak memory. The first 2,000 tickets' timers must match timers
 *    derived on the reference clock.
 *
 * Goals: ≥ 1,000,000 ops/s and ≥ 50× the reference on one-year spans.
 * Env: BENCH_TICKETS, BENCH_SECONDS (time per measurement, default 1.5).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CompiledCalendar, compileCalendar } from '../src/core/calendar/clock.js';
import { ReferenceClock } from '../src/core/calendar/reference.js';
import type { EpochMs } from '../src/core/calendar/units.js';
import { type Timer, type TimerTarget, deriveTimer } from '../src/core/sla/timer.js';
import { progressBar } from '../src/cli/progress.js';
import { type Query, SPANS, benchCalendar, queries, ticket } from './lib/clock-data.js';
import { referenceCalendar } from './lib/clock-reference.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GOAL_OPS = 1_000_000;
const GOAL_RATIO = 50;
const envNumber = (name: string, fallback: number) => {
  const raw = process.env[name];
  const v = raw ? Number(raw) : fallback;
  if (!Number.isFinite(v) || v <= 0)
    throw new Error(`${name} must be a positive number, got ${raw}`);
  return v;
};
const TICKETS = Math.floor(envNumber('BENCH_TICKETS', 1_000_000));
const BUDGET_MS = envNumber('BENCH_SECONDS', 1.5) * 1000;
const QUERIES = { '1 day': 20_000, '1 month': 5_000, '1 year': 2_000 } as const;
const NOW = Date.UTC(2026, 2, 1) as EpochMs;

const num = (v: number) => Math.round(v).toLocaleString('en-US');

interface Throughput {
  ops: number;
  seconds: number;
  opsPerSecond: number;
  /** Ops per second of this process's CPU time: what an unshared core would do. */
  opsPerCpuSecond: number;
}

/** Runs `op` over the queries round-robin for the time budget; checks the clock every 256 ops. */
function throughput(qs: Query[], op: (q: Query) => number): Throughput {
  let sink = 0;
  for (let i = 0; i < Math.min(qs.length, 2000); i++) sink += op(qs[i]!); // warm-up
  let ops = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  let elapsed = 0;
  do {
    for (let k = 0; k < 256; k++) sink += op(qs[(ops + k) % qs.length]!);
    ops += 256;
    elapsed = performance.now() - started;
  } while (elapsed < BUDGET_MS);
  const used = process.cpuUsage(cpu);
  if (Number.isNaN(sink)) throw new Error('unreachable');
  return {
    ops,
    seconds: elapsed / 1000,
    opsPerSecond: ops / (elapsed / 1000),
    opsPerCpuSecond: ops / ((used.user + used.system) / 1e6),
  };
}

interface SpanResult {
  span: string;
  queries: number;
  mismatches: string[];
  elapsed: { engine: Throughput; reference: Throughput; ratio: number };
  add: { engine: Throughput; reference: Throughput; ratio: number };
}

function benchSpan(
  engine: CompiledCalendar,
  reference: ReferenceClock,
  span: (typeof SPANS)[number],
  seed: number,
): SpanResult {
  const count = QUERIES[span.name];
  const qs = queries(engine, span.ms, count, seed);
  const bar = progressBar(`verify ${span.name} against the reference`, count);
  const mismatches: string[] = [];
  qs.forEach((q, i) => {
    const r = reference.elapsed(q.from, q.to);
    if (r !== q.seconds)
      mismatches.push(`elapsed(${q.from}, ${q.to}): engine ${q.seconds}, reference ${r}`);
    const e = engine.addBusinessSeconds(q.from, q.seconds);
    const ra = reference.addBusinessSeconds(q.from, q.seconds);
    if (e !== ra) mismatches.push(`add(${q.from}, ${q.seconds}): engine ${e}, reference ${ra}`);
    if (i % 500 === 0) bar.update(i);
  });
  bar.done(mismatches.length ? `${mismatches.length} MISMATCHES` : 'all agree');
  const measure = (label: string, op: (q: Query) => number) => {
    const t = throughput(qs, op);
    console.error(
      `  ${span.name} ${label}: ${Math.round(t.opsPerSecond).toLocaleString('en-US')} ops/s`,
    );
    return t;
  };
  const ee = measure('elapsed, engine', (q) => engine.elapsed(q.from, q.to));
  const er = measure('elapsed, reference', (q) => reference.elapsed(q.from, q.to));
  const ae = measure('add, engine', (q) => engine.addBusinessSeconds(q.from, q.seconds));
  const ar = measure('add, reference', (q) => reference.addBusinessSeconds(q.from, q.seconds));
  const ratio = (a: Throughput, b: Throughput) =>
    Number((a.opsPerSecond / b.opsPerSecond).toFixed(1));
  return {
    span: span.name,
    queries: count,
    mismatches: mismatches.slice(0, 10),
    elapsed: { engine: ee, reference: er, ratio: ratio(ee, er) },
    add: { engine: ae, reference: ar, ratio: ratio(ae, ar) },
  };
}

/** Response in 4 business hours; resolution in 16 business hours or 5 working days (alternating). */
function targetsOn(calendar: CompiledCalendar) {
  const response: TimerTarget = {
    metric: 'response',
    duration: { businessSeconds: 4 * 3600 },
    calendar,
  };
  const hours: TimerTarget = {
    metric: 'resolution',
    duration: { businessSeconds: 16 * 3600 },
    calendar,
  };
  const days: TimerTarget = {
    metric: 'resolution',
    duration: { workingDays: 5, endOfWorkingDay: true },
    calendar,
  };
  const even = [response, hours];
  const odd = [response, days];
  return (i: number) => (i % 2 === 0 ? even : odd);
}
const essentials = (t: Timer) =>
  JSON.stringify([
    t.state,
    t.start,
    t.stop,
    t.deadline,
    t.businessElapsed,
    t.paused,
    t.breachAt,
    t.percentUsed,
  ]);

function benchTimers(engine: CompiledCalendar) {
  const refCal = referenceCalendar(benchCalendar, engine);
  const onEngine = targetsOn(engine);
  const onReference = targetsOn(refCal);
  const mismatches: string[] = [];
  const SAMPLE = Math.min(2_000, TICKETS);
  for (let i = 0; i < SAMPLE; i++) {
    const f = ticket(i);
    const a = onEngine(i);
    const b = onReference(i);
    for (let k = 0; k < a.length; k++) {
      const x = essentials(deriveTimer(f, a[k]!, NOW));
      const y = essentials(deriveTimer(f, b[k]!, NOW));
      if (x !== y) mismatches.push(`ticket ${i} ${a[k]!.metric}: engine ${x}, reference ${y}`);
    }
  }
  console.error(
    `timers of ${SAMPLE} tickets on engine vs reference: ${mismatches.length ? `${mismatches.length} MISMATCHES` : 'all agree'}`,
  );

  const states: Record<string, number> = {};
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  sample();
  const bar = progressBar('timers', TICKETS);
  const started = performance.now();
  let intervals = 0;
  for (let i = 0; i < TICKETS; i++) {
    const f = ticket(i);
    for (const target of onEngine(i)) {
      const t = deriveTimer(f, target, NOW);
      states[`${t.metric} ${t.state}`] = (states[`${t.metric} ${t.state}`] ?? 0) + 1;
      intervals += t.explanation.intervals.length;
    }
    if (i % 10_000 === 0) {
      sample();
      bar.update(i);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  sample();
  bar.done();
  return {
    tickets: TICKETS,
    statusChangesPerTicket: 8,
    timersPerTicket: 2,
    seconds: Number(seconds.toFixed(2)),
    ticketsPerSecond: Math.round(TICKETS / seconds),
    timersPerSecond: Math.round((2 * TICKETS) / seconds),
    explanationIntervals: intervals,
    peakRssMiB: Number((peakRss / 2 ** 20).toFixed(1)),
    peakHeapUsedMiB: Number((peakHeap / 2 ** 20).toFixed(1)),
    states,
    mismatches: mismatches.slice(0, 10),
    mismatchCount: mismatches.length,
  };
}

export function run(): boolean {
  console.error(
    `== bench:clock — ${benchCalendar.timeZone} split shifts with ${benchCalendar.holidays.length} holidays`,
  );
  const compileStarted = performance.now();
  const engine = compileCalendar(benchCalendar);
  engine.elapsed(Date.UTC(2024, 0, 1) as EpochMs, Date.UTC(2027, 6, 1) as EpochMs); // builds 2023–2027
  const compileMs = performance.now() - compileStarted;
  const reference = new ReferenceClock(benchCalendar);
  const spans = SPANS.map((s, i) => benchSpan(engine, reference, s, 1000 + i));
  const timers = benchTimers(engine);

  const rows = [['span', 'op', 'engine ops/s', 'engine ops/CPU-s', 'reference ops/s', 'ratio']];
  for (const s of spans)
    for (const op of ['elapsed', 'add'] as const)
      rows.push([
        s.span,
        op,
        num(s[op].engine.opsPerSecond),
        num(s[op].engine.opsPerCpuSecond),
        num(s[op].reference.opsPerSecond),
        `${s[op].ratio}×`,
      ]);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  console.log(
    `\nclock engine vs day-by-day reference (${benchCalendar.timeZone}, split shifts, holidays; compile + 5 years of tables ${compileMs.toFixed(1)} ms):`,
  );
  rows.forEach((row, i) => {
    console.log(
      row.map((s, c) => (c < 2 ? s.padEnd(widths[c]!) : s.padStart(widths[c]!))).join('  '),
    );
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
  const year = spans.find((s) => s.span === '1 year')!;
  const goalOps =
    Math.min(year.elapsed.engine.opsPerSecond, year.add.engine.opsPerSecond) >= GOAL_OPS;
  const goalRatio = Math.min(year.elapsed.ratio, year.add.ratio) >= GOAL_RATIO;
  const goalCpu =
    Math.min(year.elapsed.engine.opsPerCpuSecond, year.add.engine.opsPerCpuSecond) >= GOAL_OPS;
  const load = loadavg()[0]!;
  console.log(
    `goal on one-year spans: ≥ ${num(GOAL_OPS)} ops/s ${goalOps ? 'met' : 'NOT met'} (per CPU second: ${goalCpu ? 'met' : 'NOT met'}; load average ${load.toFixed(1)} on ${availableParallelism()} cores), ≥ ${GOAL_RATIO}× the reference ${goalRatio ? 'met' : 'NOT met'}`,
  );
  console.log(
    `\ntimers: ${num(timers.tickets)} tickets × 2 timers (8 status changes each) in ${timers.seconds} s = ${num(timers.ticketsPerSecond)} tickets/s (${num(timers.timersPerSecond)} timers/s); peak RSS ${timers.peakRssMiB} MiB, peak heap used ${timers.peakHeapUsedMiB} MiB`,
  );
  console.log(
    `  states: ${Object.entries(timers.states)
      .sort()
      .map(([k, v]) => `${k} ${num(v)}`)
      .join(', ')}`,
  );

  const failures = [...spans.flatMap((s) => s.mismatches), ...timers.mismatches];
  for (const f of failures) console.log(`FAIL: ${f}`);
  const summary = {
    benchmark: 'clock',
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    calendar: benchCalendar,
    goals: {
      opsPerSecondAtLeast: GOAL_OPS,
      ratioToReferenceAtLeast: GOAL_RATIO,
      span: '1 year',
      opsMet: goalOps,
      opsPerCpuSecondMet: goalCpu,
      ratioMet: goalRatio,
    },
    loadAverage: Number(load.toFixed(1)),
    cores: availableParallelism(),
    compileMs: Number(compileMs.toFixed(1)),
    spans: spans.map((s) => ({
      span: s.span,
      queries: s.queries,
      agreeWithReference: s.mismatches.length === 0,
      elapsed: {
        engineOpsPerSecond: Math.round(s.elapsed.engine.opsPerSecond),
        engineOpsPerCpuSecond: Math.round(s.elapsed.engine.opsPerCpuSecond),
        referenceOpsPerSecond: Math.round(s.elapsed.reference.opsPerSecond),
        ratio: s.elapsed.ratio,
      },
      add: {
        engineOpsPerSecond: Math.round(s.add.engine.opsPerSecond),
        engineOpsPerCpuSecond: Math.round(s.add.engine.opsPerCpuSecond),
        referenceOpsPerSecond: Math.round(s.add.reference.opsPerSecond),
        ratio: s.add.ratio,
      },
    })),
    timers: { ...timers, agreeWithReference: timers.mismatchCount === 0 },
  };
  const out = join(root, 'bench', 'results', 'clock.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`\nresults written to ${relative(process.cwd(), out) || out}`);
  return failures.length === 0;
}
