/**
 * Management commitment index benchmark: `npm run bench:commitment`.
 *
 * Seeds a fresh database with 10,000 services, 2,000 people and three years of ownership
 * history (lib/commitment-data.ts) through the repositories, then times:
 * - reading the facts (one query per table) through the governance repository;
 * - the portfolio index at a past date (`commitmentIndexAt`);
 * - the full daily trend over the three years (`commitmentIndexTrend`: one sweep per component)
 *   against the naive reference that recomputes `commitmentIndexAt` from the raw history for
 *   every day (`commitmentIndexTrendNaive`), in the same run, for the portfolio and one
 *   organisation unit; both must give identical values or the bench fails;
 * - the API use cases end to end (index now, trend of the default 365 days).
 * Env: BENCH_RUNS (default 5 timed runs of each fast measurement; the naive ones run once);
 * DATABASE_URL=postgres://… also runs PostgreSQL in a fresh schema.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ctx } from '../src/app/context.js';
import {
  readCommitmentIndex,
  readCommitmentTrend,
} from '../src/app/governance/read-commitment-index.js';
import { readGovernance } from '../src/app/governance/read-governance.js';
import { systemActor } from '../src/core/actor.js';
import {
  commitmentIndexAt,
  commitmentIndexTrend,
  commitmentIndexTrendNaive,
  type CommitmentScope,
  type TrendPoint,
} from '../src/core/commitment-index.js';
import type { Instant, PersonId } from '../src/core/ids.js';
import { migrateToLatest } from '../src/db/database.js';
import { unitOfWork } from '../src/db/store.js';
import { type Backend, runOnBackends } from './lib/backends.js';
import { PEOPLE, SERVICES, YEARS, seedCommitmentHistory } from './lib/commitment-data.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runs = (() => {
  const raw = process.env.BENCH_RUNS;
  const value = raw ? Number(raw) : 5;
  if (!Number.isInteger(value) || value < 1 || value > 1_000)
    throw new Error(`BENCH_RUNS must be an integer 1…1000, got ${raw}`);
  return value;
})();

interface Timed {
  label: string;
  runs: number;
  medianMs: number;
  minMs: number;
}

async function time(label: string, n: number, fn: () => unknown): Promise<Timed> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const timed = { label, runs: n, medianMs: ms[Math.floor(n / 2)]!, minMs: ms[0]! };
  console.error(
    `  ${label}: median ${timed.medianMs.toFixed(1)} ms (min ${timed.minMs.toFixed(1)}, n=${n})`,
  );
  return timed;
}

/** The first difference between two trends, or null. */
function difference(a: TrendPoint[], b: TrendPoint[]): string | null {
  if (a.length !== b.length) return `lengths ${a.length} and ${b.length}`;
  for (let i = 0; i < a.length; i++)
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i]))
      return `${a[i]!.date}: ${JSON.stringify(a[i])} vs ${JSON.stringify(b[i])}`;
  return null;
}

interface BackendResult {
  backend: 'sqlite' | 'postgres';
  seedSeconds: number;
  history: { nominations: number; roles: number; affirmations: number; days: number };
  timings: Record<string, Timed>;
  ratios: { portfolio: number; orgUnit: number };
  indexAtPast: number | null;
  indexRange: [number, number];
  correctness: string[];
}

async function runBackend(backend: Backend): Promise<BackendResult> {
  console.error(`\n== ${backend.name}`);
  await migrateToLatest(backend.db);
  const uow = unitOfWork(backend.db);
  const now = Date.now();
  const history = await seedCommitmentHistory(uow, now);
  const ctx: Ctx = {
    actor: systemActor('00000000-0000-4000-8000-000000000000' as PersonId, 'Bench'),
    requestId: null,
    env: { now: () => new Date(now).toISOString() as Instant, newId: () => '' },
  };
  const t: Record<string, Timed> = {};
  console.error('timing:');
  t.facts = await time('read the facts (governance repository)', runs, () =>
    uow.read.governance.facts(),
  );
  const facts = await uow.read.governance.facts();
  const from = history.start;
  const to = history.end;
  const past = from + Math.floor((to - from) * 0.6);
  const portfolio: CommitmentScope = { kind: 'portfolio' };
  const unit: CommitmentScope = { kind: 'org_unit', id: history.orgUnitIds[0]! };

  let pastValue: number | null = null;
  t.indexAt = await time('portfolio index at a past date', runs, () => {
    pastValue = commitmentIndexAt(facts.inputs, past, portfolio).value;
  });
  let fast: TrendPoint[] = [];
  t.trend = await time(`portfolio daily trend, ${YEARS} years (one sweep)`, runs, () => {
    fast = commitmentIndexTrend(facts.inputs, from, to, portfolio);
  });
  let naive: TrendPoint[] = [];
  t.naive = await time(`portfolio daily trend, naive (index recomputed per day)`, 1, () => {
    naive = commitmentIndexTrendNaive(facts.inputs, from, to, portfolio);
  });
  let fastUnit: TrendPoint[] = [];
  t.trendUnit = await time('org-unit daily trend (one sweep)', runs, () => {
    fastUnit = commitmentIndexTrend(facts.inputs, from, to, unit);
  });
  let naiveUnit: TrendPoint[] = [];
  t.naiveUnit = await time('org-unit daily trend, naive', 1, () => {
    naiveUnit = commitmentIndexTrendNaive(facts.inputs, from, to, unit);
  });
  t.apiIndex = await time('GET /governance/index use case (facts cached)', runs, () =>
    readCommitmentIndex(uow, ctx, {}),
  );
  t.apiTrend = await time('GET /governance/index/trend use case, 365 days', runs, () =>
    readCommitmentTrend(uow, ctx, {}),
  );
  // A different minute each run: the page is computed, not served from its per-minute cache.
  let minute = 0;
  t.apiPage = await time('GET /governance use case (whole page, computed)', runs, () => {
    const at = now - ++minute * 60_000;
    return readGovernance(uow, {
      ...ctx,
      env: { ...ctx.env, now: () => new Date(at).toISOString() as Instant },
    });
  });

  const correctness: string[] = [];
  const d1 = difference(fast, naive);
  if (d1) correctness.push(`portfolio trend differs from the naive one at ${d1}`);
  const d2 = difference(fastUnit, naiveUnit);
  if (d2) correctness.push(`org-unit trend differs from the naive one at ${d2}`);
  const atPast = fast.find((p) => p.at >= past);
  if (atPast && atPast.at === past && atPast.value !== pastValue)
    correctness.push('index at the past date differs from the trend');
  const values = fast.map((p) => p.value ?? 0);
  return {
    backend: backend.name,
    seedSeconds: history.seconds,
    history: {
      nominations: history.nominations,
      roles: history.roles,
      affirmations: history.affirmations,
      days: fast.length,
    },
    timings: t,
    ratios: {
      portfolio: t.naive.medianMs / t.trend.medianMs,
      orgUnit: t.naiveUnit.medianMs / t.trendUnit.medianMs,
    },
    indexAtPast: pastValue,
    indexRange: [Math.min(...values), Math.max(...values)],
    correctness,
  };
}

const num = (v: number, digits = 0) =>
  v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function report(r: BackendResult): void {
  console.log(
    `\n${r.backend}: ${num(SERVICES)} services, ${num(PEOPLE)} people, ${num(r.history.nominations)} nominations, ${num(r.history.roles)} roles, ${num(r.history.affirmations)} re-affirmations over ${YEARS} years; seeding took ${r.seedSeconds.toFixed(1)} s`,
  );
  const rows = [
    ['measurement', 'runs', 'median ms', 'min ms'],
    ...Object.values(r.timings).map((x) => [
      x.label,
      String(x.runs),
      num(x.medianMs, 1),
      num(x.minMs, 1),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const [i, row] of rows.entries()) {
    console.log(row.map((s, c) => (c ? s.padStart(widths[c]!) : s.padEnd(widths[c]!))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log(
    `naive / sweep over ${num(r.history.days)} days: portfolio ${r.ratios.portfolio.toFixed(1)}×, org unit ${r.ratios.orgUnit.toFixed(1)}×`,
  );
  console.log(
    `index at the past date ${r.indexAtPast === null ? 'n/a' : r.indexAtPast.toFixed(1)}; daily values from ${r.indexRange[0].toFixed(1)} to ${r.indexRange[1].toFixed(1)}`,
  );
  console.log(
    `correctness (sweep = naive, every day, every component): ${r.correctness.length === 0 ? 'OK' : `FAILED — ${r.correctness.join('; ')}`}`,
  );
}

export async function run(): Promise<boolean> {
  const { results, crashed } = await runOnBackends('commitment', runBackend);
  for (const r of results) report(r);
  for (const c of crashed) console.log(`FAIL: a backend did not complete: ${c}`);
  const incorrect = results.filter((r) => r.correctness.length > 0);
  const round = (v: number) => Number(v.toFixed(2));
  const summary = {
    benchmark: 'commitment',
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    dataset: { services: SERVICES, people: PEOPLE, years: YEARS },
    runs,
    results: results.map((r) => ({
      backend: r.backend,
      seedSeconds: round(r.seedSeconds),
      history: r.history,
      timings: Object.fromEntries(
        Object.entries(r.timings).map(([k, x]) => [
          k,
          { ...x, medianMs: round(x.medianMs), minMs: round(x.minMs) },
        ]),
      ),
      naiveOverSweep: { portfolio: round(r.ratios.portfolio), orgUnit: round(r.ratios.orgUnit) },
      indexAtPast: r.indexAtPast === null ? null : round(r.indexAtPast),
      correct: r.correctness.length === 0,
    })),
    crashed: crashed.length,
  };
  const out = join(root, 'bench', 'results', 'commitment.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`\nsummary written to ${out.slice(root.length + 1)}`);
  return incorrect.length === 0 && crashed.length === 0;
}
