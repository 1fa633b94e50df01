/**
 * Service portfolio benchmark: `npm run bench:portfolio`.
 *
 * Builds a fresh database with a layered portfolio (10,000 services, 30,000 dependencies; see
 * lib/portfolio-data.ts) through the repositories, then times, sequentially and in-process:
 * - impact analysis of a deep, widely shared component (`analyseImpact`) and the recursive
 *   reach query alone (`services.reach(id, 'up')`);
 * - a naive baseline: load the whole graph and walk it in memory (BFS with depths);
 * - the first portfolio page with filters (`listServices`);
 * - candidate reach implementations, to show what a change to the repository would buy.
 * The impact query, the reach query, the candidates and the baseline must agree on the set of
 * dependents (and dependencies) and their depths, or the bench fails.
 *
 * Goal: impact p99 < 20 ms on SQLite.
 * Env: BENCH_ITERATIONS (default 300) per measurement, each also capped at 15 s of wall time
 * (at least 20 samples); DATABASE_URL starting with postgres:// also runs PostgreSQL in a
 * fresh schema.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Ctx } from '../src/app/context.js';
import type { ReachedService, UnitOfWork } from '../src/app/ports.js';
import { analyseImpact } from '../src/app/services/analyse-impact.js';
import { listServices } from '../src/app/services/read-services.js';
import { systemActor } from '../src/core/actor.js';
import type { OrgUnitId, PersonId, TeamId } from '../src/core/ids.js';
import type { Lifecycle, ServiceId, ServiceKind, Tier } from '../src/core/services.js';
import { migrateToLatest, type Db } from '../src/db/database.js';
import { unitOfWork } from '../src/db/store.js';
import { systemEnvironment } from '../src/server/environment.js';
import { openPostgres, openSqlite, stamp, type Backend } from './lib/backends.js';
import {
  EDGES,
  LAYERS,
  ORG_UNITS,
  SECOND_TARGET,
  SERVICES,
  TARGET,
  TEAMS,
  seedPortfolio,
  type Portfolio,
} from './lib/portfolio-data.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GOAL_P99_MS = 20;
const CAP_MS = 15_000;
const MIN_SAMPLES = 20;
const MAX_DEPTH = 40; // as in the repository
const iterations = (() => {
  const raw = process.env.BENCH_ITERATIONS;
  const value = raw ? Number(raw) : 300;
  if (!Number.isInteger(value) || value < 1 || value > 100_000)
    throw new Error(`BENCH_ITERATIONS must be an integer 1…100000, got ${raw}`);
  return value;
})();

const ctx: Ctx = {
  actor: systemActor('00000000-0000-4000-8000-000000000000' as PersonId, 'Bench'),
  requestId: null,
  env: systemEnvironment,
};

interface Timing {
  label: string;
  n: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** What one call returned (rows, services), for the table. */
  size: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;

/** Per-call latencies of `fn`, sequential, after a short warm-up; n calls or CAP_MS, whichever first. */
async function measure(label: string, fn: () => Promise<number>): Promise<Timing> {
  let size = 0;
  for (let i = 0; i < Math.min(5, iterations); i++) size = await fn();
  const ms: number[] = [];
  const started = performance.now();
  while (ms.length < iterations) {
    const t = performance.now();
    size = await fn();
    ms.push(performance.now() - t);
    if (performance.now() - started > CAP_MS && ms.length >= MIN_SAMPLES) break;
  }
  const sorted = [...ms].sort((a, b) => a - b);
  const timing = {
    label,
    n: ms.length,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    meanMs: ms.reduce((a, b) => a + b, 0) / ms.length,
    size,
  };
  console.error(
    `  ${label}: p50 ${timing.p50Ms.toFixed(2)} ms, p99 ${timing.p99Ms.toFixed(2)} ms (n=${timing.n})`,
  );
  return timing;
}

// ---------------------------------------------------------------------------------------------
// The naive baseline: the whole graph from the database, walked in memory.

interface Graph {
  services: Map<string, ReachedService>;
  up: Map<string, string[]>;
  down: Map<string, string[]>;
}

async function loadGraph(db: Db): Promise<Graph> {
  const [rows, edges, units] = await Promise.all([
    db.kysely
      .selectFrom('services')
      .select(['id', 'slug', 'name', 'kind', 'lifecycle', 'tier', 'team_id'])
      .execute(),
    db.kysely.selectFrom('service_dependencies').select(['from_id', 'to_id']).execute(),
    db.kysely.selectFrom('service_org_units').select(['service_id', 'org_unit_id']).execute(),
  ]);
  const unitsOf = new Map<string, OrgUnitId[]>();
  for (const u of units) {
    const list = unitsOf.get(u.service_id);
    if (list) list.push(u.org_unit_id as OrgUnitId);
    else unitsOf.set(u.service_id, [u.org_unit_id as OrgUnitId]);
  }
  const services = new Map<string, ReachedService>();
  for (const r of rows)
    services.set(r.id, {
      id: r.id as ServiceId,
      slug: r.slug,
      name: r.name,
      kind: r.kind as ServiceKind,
      lifecycle: r.lifecycle as Lifecycle,
      tier: Number(r.tier) as Tier,
      teamId: r.team_id as TeamId | null,
      orgUnitIds: unitsOf.get(r.id) ?? [],
      depth: 0,
    });
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  const push = (m: Map<string, string[]>, k: string, v: string) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const e of edges) {
    push(down, e.from_id, e.to_id);
    push(up, e.to_id, e.from_id);
  }
  return { services, up, down };
}

function walk(graph: Graph, id: string, direction: 'up' | 'down'): ReachedService[] {
  const adjacency = direction === 'up' ? graph.up : graph.down;
  const depth = new Map<string, number>([[id, 0]]);
  const out: ReachedService[] = [];
  let frontier = [id];
  for (let d = 1; frontier.length > 0 && d <= MAX_DEPTH; d++) {
    const next: string[] = [];
    for (const s of frontier)
      for (const t of adjacency.get(s) ?? [])
        if (!depth.has(t)) {
          depth.set(t, d);
          next.push(t);
          out.push({ ...graph.services.get(t)!, depth: d });
        }
    frontier = next;
  }
  return out;
}

async function baselineImpact(db: Db, id: string) {
  const graph = await loadGraph(db);
  const dependents = walk(graph, id, 'up');
  const dependencies = walk(graph, id, 'down');
  const business = dependents.filter((s) => s.kind === 'business_service');
  return { dependents, dependencies, business };
}

// ---------------------------------------------------------------------------------------------
// Candidates for the repository's reach(): same contract, different SQL.

const ends = (direction: 'up' | 'down') =>
  direction === 'down' ? (['from_id', 'to_id'] as const) : (['to_id', 'from_id'] as const);

/** The repository's CTE, for EXPLAIN and for counting the (id, depth) rows it builds. */
const reachCte = (id: string, direction: 'up' | 'down') => {
  const [near, far] = ends(direction);
  return sql`
    with recursive reach(id, depth) as (
      select ${sql.ref(far)}, 1 from service_dependencies where ${sql.ref(near)} = ${id}
      union
      select d.${sql.ref(far)}, r.depth + 1
      from service_dependencies d join reach r on d.${sql.ref(near)} = r.id
      where r.depth < ${MAX_DEPTH}
    )`;
};

/** Diagnostic: the same walk deduplicated on the id alone (no depth): each service expanded once. */
const idsOnlyCte = (id: string, direction: 'up' | 'down') => {
  const [near, far] = ends(direction);
  return sql`
    with recursive reach(id) as (
      select ${sql.ref(far)} from service_dependencies where ${sql.ref(near)} = ${id}
      union
      select d.${sql.ref(far)} from service_dependencies d join reach r on d.${sql.ref(near)} = r.id
    )`;
};

type SummaryRow = {
  id: string;
  slug: string;
  name: string;
  kind: string;
  lifecycle: string;
  tier: number;
  team_id: string | null;
  depth: number;
  units: string | null;
};

const toReached = (r: SummaryRow): ReachedService => ({
  id: r.id as ServiceId,
  slug: r.slug,
  name: r.name,
  kind: r.kind as ServiceKind,
  lifecycle: r.lifecycle as Lifecycle,
  tier: Number(r.tier) as Tier,
  teamId: r.team_id as TeamId | null,
  orgUnitIds: r.units ? (r.units.split(',') as OrgUnitId[]) : [],
  depth: Number(r.depth),
});

/** Candidate A: the repository's CTE, run once (org units aggregated in the same statement). */
async function reachCteOnce(db: Db, id: string, direction: 'up' | 'down') {
  const agg =
    db.dialect === 'sqlite'
      ? sql`(select group_concat(u.org_unit_id) from service_org_units u where u.service_id = s.id)`
      : sql`(select string_agg(u.org_unit_id, ',') from service_org_units u where u.service_id = s.id)`;
  const { rows } = await sql<SummaryRow>`${reachCte(id, direction)},
    shortest(id, depth) as (select id, min(depth) from reach where id <> ${id} group by id)
    select s.id, s.slug, s.name, s.kind, s.lifecycle, s.tier, s.team_id, r.depth, ${agg} as units
    from shortest r join services s on s.id = r.id
    order by r.depth, s.name`.execute(db.kysely);
  return rows.map(toReached);
}

/** A set of ids as one bound parameter: json_each on SQLite, an array on PostgreSQL. */
const idSet = (db: Db, ids: string[]) =>
  db.dialect === 'sqlite'
    ? sql`(select value from json_each(${JSON.stringify(ids)}))`
    : sql`(select unnest(${ids}::varchar[]))`;

/**
 * Candidate B: breadth-first, one indexed query per level; a service is expanded only the first
 * (shortest) time it is seen. Then one query for the reached services and their org units.
 */
async function reachByLevel(db: Db, id: string, direction: 'up' | 'down') {
  const [near, far] = ends(direction);
  const depth = new Map<string, number>([[id, 0]]);
  let frontier = [id];
  for (let d = 1; frontier.length > 0 && d <= MAX_DEPTH; d++) {
    const { rows } = await sql<{ id: string }>`
      select distinct ${sql.ref(far)} as id from service_dependencies
      where ${sql.ref(near)} in ${idSet(db, frontier)}`.execute(db.kysely);
    const next: string[] = [];
    for (const r of rows)
      if (!depth.has(r.id)) {
        depth.set(r.id, d);
        next.push(r.id);
      }
    frontier = next;
  }
  depth.delete(id);
  if (depth.size === 0) return [];
  const agg =
    db.dialect === 'sqlite'
      ? sql`(select group_concat(u.org_unit_id) from service_org_units u where u.service_id = s.id)`
      : sql`(select string_agg(u.org_unit_id, ',') from service_org_units u where u.service_id = s.id)`;
  const { rows } = await sql<Omit<SummaryRow, 'depth'>>`
    select s.id, s.slug, s.name, s.kind, s.lifecycle, s.tier, s.team_id, ${agg} as units
    from services s where s.id in ${idSet(db, [...depth.keys()])}`.execute(db.kysely);
  return rows
    .map((r) => toReached({ ...r, depth: depth.get(r.id)! }))
    .sort((a, b) => a.depth - b.depth || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** analyseImpact's work with candidate B in place of reach(). */
async function impactByLevel(uow: UnitOfWork, db: Db, id: string) {
  const service = await uow.read.services.get(id as ServiceId);
  if (!service) throw new Error(`no service ${id}`);
  const dependents = await reachByLevel(db, id, 'up');
  const dependencies = await reachByLevel(db, id, 'down');
  return { dependents, dependencies };
}

// ---------------------------------------------------------------------------------------------

/** Differences between two (id → depth) results, described; empty when they agree. */
function compare(what: string, expected: ReachedService[], actual: ReachedService[]): string[] {
  const want = new Map(expected.map((s) => [s.id as string, s.depth]));
  const got = new Map(actual.map((s) => [s.id as string, s.depth]));
  const problems: string[] = [];
  if (got.size !== actual.length) problems.push(`${what}: ${actual.length - got.size} duplicates`);
  const missing = [...want.keys()].filter((k) => !got.has(k));
  const extra = [...got.keys()].filter((k) => !want.has(k));
  const depth = [...want].filter(([k, d]) => got.has(k) && got.get(k) !== d);
  if (missing.length) problems.push(`${what}: ${missing.length} missing`);
  if (extra.length) problems.push(`${what}: ${extra.length} not expected`);
  if (depth.length)
    problems.push(
      `${what}: ${depth.length} at another depth (e.g. expected ${depth[0]![1]}, got ${got.get(depth[0]![0])})`,
    );
  return problems;
}

interface BackendResult {
  backend: 'sqlite' | 'postgres';
  seedSeconds: number;
  target: { name: string; dependents: number; dependencies: number; business: number };
  depthHistogram: Record<string, number>;
  maxDepthFromBusiness: number;
  timings: Record<string, Timing>;
  ratio: number;
  goalMet: boolean | null;
  correctness: string[];
  cte: { pairRows: number; distinctIds: number; idsOnlyRows: number };
  queryPlan: string[];
  postgresPlan?: string[];
}

async function runBackend(backend: Backend): Promise<BackendResult> {
  const { db } = backend;
  console.error(
    `\n== ${backend.name}: ${backend.name === 'sqlite' ? relative(root, backend.url.slice('sqlite:'.length)) : `fresh schema ${db.schema ?? ''}`}`,
  );
  await migrateToLatest(db);
  const uow = unitOfWork(db);
  const portfolio: Portfolio = await seedPortfolio(uow);
  if (db.dialect === 'postgres') await sql`analyze`.execute(db.kysely);
  const target = portfolio.byName.get(TARGET)!;
  const second = portfolio.byName.get(SECOND_TARGET)!;

  // Correctness first: every implementation against the in-memory walk.
  const reference = await baselineImpact(db, target);
  const impact = await analyseImpact(uow, ctx, target);
  const reachUp = await uow.read.services.reach(target, 'up');
  const correctness = [
    ...compare('impact dependents', reference.dependents, impact.dependents),
    ...compare('impact dependencies', reference.dependencies, impact.dependencies),
    ...compare('impact business services', reference.business, impact.businessServicesAffected),
    ...compare('reach up', reference.dependents, reachUp),
    ...compare('candidate A up', reference.dependents, await reachCteOnce(db, target, 'up')),
    ...compare('candidate B up', reference.dependents, await reachByLevel(db, target, 'up')),
    ...compare('candidate B down', reference.dependencies, await reachByLevel(db, target, 'down')),
  ];
  const secondReference = await baselineImpact(db, second);
  correctness.push(
    ...compare(
      `${SECOND_TARGET} dependents`,
      secondReference.dependents,
      (await analyseImpact(uow, ctx, second)).dependents,
    ),
  );
  // Org units must survive the candidates too (the business services' units drive the report).
  const unitsKey = (list: ReachedService[]) =>
    list
      .map((s) => `${s.id}:${[...s.orgUnitIds].sort().join('+')}`)
      .sort()
      .join();
  if (unitsKey(await reachByLevel(db, target, 'up')) !== unitsKey(reachUp))
    correctness.push('candidate B up: org units differ from reach()');
  if (correctness.length === 0)
    console.error(
      `correct: impact, reach, candidates and baseline agree (${reference.dependents.length} dependents, ${reference.dependencies.length} dependencies)`,
    );

  const depthHistogram: Record<string, number> = {};
  for (const s of reference.dependents)
    depthHistogram[s.depth] = (depthHistogram[s.depth] ?? 0) + 1;
  const graph = await loadGraph(db);
  let maxDepthFromBusiness = 0;
  for (const [id, s] of graph.services)
    if (s.kind === 'business_service')
      for (const r of walk(graph, id, 'down'))
        maxDepthFromBusiness = Math.max(maxDepthFromBusiness, r.depth);

  // What the CTE builds: (id, depth) rows versus distinct services.
  const count = async (q: ReturnType<typeof sql>) =>
    Number(
      (await sql<{ n: number }>`${q} select count(*) as n from reach`.execute(db.kysely)).rows[0]!
        .n,
    );
  const pairRows = await count(reachCte(target, 'up'));
  const idsOnlyRows = await count(idsOnlyCte(target, 'up'));
  const distinctIds = Number(
    (
      await sql<{
        n: number;
      }>`${reachCte(target, 'up')} select count(distinct id) as n from reach`.execute(db.kysely)
    ).rows[0]!.n,
  );

  console.error(`timing (${iterations} iterations each, at most ${CAP_MS / 1000} s):`);
  const t: Record<string, Timing> = {};
  t.impact = await measure(`analyseImpact(${TARGET})`, async () => {
    const r = await analyseImpact(uow, ctx, target);
    return r.dependents.length + r.dependencies.length;
  });
  t.reachUp = await measure(
    `reach(${TARGET}, up)`,
    async () => (await uow.read.services.reach(target, 'up')).length,
  );
  t.reachDown = await measure(
    `reach(${TARGET}, down)`,
    async () => (await uow.read.services.reach(target, 'down')).length,
  );
  t.impactSecond = await measure(`analyseImpact(${SECOND_TARGET})`, async () => {
    const r = await analyseImpact(uow, ctx, second);
    return r.dependents.length + r.dependencies.length;
  });
  t.baseline = await measure('baseline: load whole graph + BFS', async () => {
    const r = await baselineImpact(db, target);
    return r.dependents.length + r.dependencies.length;
  });
  t.listTier = await measure(
    'listServices technical tier 1 by name',
    async () =>
      (
        await listServices(uow, ctx, {
          limit: 50,
          kind: 'technical_service',
          tier: 1,
          sort: 'name',
        })
      ).items.length,
  );
  t.listTeamTag = await measure(
    'listServices teamId + tag',
    async () =>
      (
        await listServices(uow, ctx, {
          limit: 50,
          teamId: portfolio.sampleTeamId,
          tag: portfolio.sampleTag,
        })
      ).items.length,
  );
  t.cteCount = await measure('diagnostic: reach CTE alone, count(*)', () =>
    count(reachCte(target, 'up')),
  );
  t.idsOnlyCount = await measure('diagnostic: CTE on ids only, count(*)', () =>
    count(idsOnlyCte(target, 'up')),
  );
  t.candidateA = await measure(
    'candidate A: reach up, CTE once',
    async () => (await reachCteOnce(db, target, 'up')).length,
  );
  t.candidateB = await measure(
    'candidate B: reach up, BFS per level',
    async () => (await reachByLevel(db, target, 'up')).length,
  );
  t.candidateBImpact = await measure('candidate B: impact (get + up + down)', async () => {
    const r = await impactByLevel(uow, db, target);
    return r.dependents.length + r.dependencies.length;
  });

  // Candidate C: the impact endpoint cached by data version, as the list endpoints already are
  // (every committed change bumps it): a hit costs one data-version read.
  const cache = new Map<
    string,
    { version: number; value: Awaited<ReturnType<typeof analyseImpact>> }
  >();
  t.candidateC = await measure('candidate C: impact cached by data version (hit)', async () => {
    const version = await uow.dataVersion();
    let entry = cache.get(target);
    if (!entry || entry.version !== version) {
      entry = { version, value: await analyseImpact(uow, ctx, target) };
      cache.set(target, entry);
    }
    return entry.value.dependents.length + entry.value.dependencies.length;
  });

  // The plan of the repository's reach query.
  const compiled = sql`${reachCte(target, 'up')},
    shortest(id, depth) as (select id, min(depth) from reach where id <> ${target} group by id)
    select s.id, s.slug, s.name, s.kind, s.lifecycle, s.tier, s.team_id, r.depth
    from shortest r join services s on s.id = r.id
    order by r.depth, s.name`.compile(db.kysely);
  let queryPlan: string[] = [];
  let postgresPlan: string[] | undefined;
  if (backend.name === 'sqlite') {
    const raw = new Sqlite(backend.url.slice('sqlite:'.length), { readonly: true });
    try {
      queryPlan = (
        raw.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters) as {
          detail: string;
        }[]
      ).map((r) => r.detail);
    } finally {
      raw.close();
    }
  } else {
    // Parameters inlined as literals: EXPLAIN takes no bind parameters here.
    const literal = compiled.parameters.reduceRight<string>(
      (text, value, i) =>
        text.replaceAll(
          `$${i + 1}`,
          typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`,
        ),
      compiled.sql,
    );
    const { rows } = await sql<{
      'QUERY PLAN': string;
    }>`explain (analyze, costs off) ${sql.raw(literal)}`.execute(db.kysely);
    postgresPlan = rows.map((r) => r['QUERY PLAN']);
    queryPlan = [
      ...postgresPlan.filter((l) => /CTE|Recursive|rows=/.test(l)).slice(0, 12),
      ...postgresPlan.filter((l) => /Planning Time|Execution Time/.test(l)),
    ];
  }

  const ratio = t.baseline.p50Ms / t.impact.p50Ms;
  return {
    backend: backend.name,
    seedSeconds: portfolio.seconds,
    target: {
      name: TARGET,
      dependents: reference.dependents.length,
      dependencies: reference.dependencies.length,
      business: reference.business.length,
    },
    depthHistogram,
    maxDepthFromBusiness,
    timings: t,
    ratio,
    goalMet: backend.name === 'sqlite' ? t.impact.p99Ms < GOAL_P99_MS : null,
    correctness,
    cte: { pairRows, distinctIds, idsOnlyRows },
    queryPlan,
    ...(postgresPlan ? { postgresPlan } : {}),
  };
}

const num = (v: number, digits = 0) =>
  v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function report(r: BackendResult): void {
  console.log(
    `\n${r.backend}: ${num(SERVICES)} services, ${num(EDGES)} dependencies, ${TEAMS} teams; seeding took ${r.seedSeconds.toFixed(1)} s`,
  );
  console.log(
    `target "${r.target.name}": ${num(r.target.dependents)} dependents (${num(r.target.business)} business services), ${r.target.dependencies} dependencies; dependents by depth ${JSON.stringify(r.depthHistogram)}; deepest path from a business service: ${r.maxDepthFromBusiness}`,
  );
  const rows = [
    ['measurement', 'n', 'p50 ms', 'p99 ms', 'mean ms', 'result'],
    ...Object.values(r.timings).map((t) => [
      t.label,
      num(t.n),
      num(t.p50Ms, 2),
      num(t.p99Ms, 2),
      num(t.meanMs, 2),
      num(t.size),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const [i, row] of rows.entries()) {
    console.log(
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  '),
    );
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log(
    `baseline / impact (p50): ${r.ratio.toFixed(2)}×; baseline / impact (p99): ${(r.timings.baseline!.p99Ms / r.timings.impact!.p99Ms).toFixed(2)}×`,
  );
  console.log(
    `reach CTE for "${r.target.name}" up: ${num(r.cte.pairRows)} (id, depth) rows for ${num(r.cte.distinctIds)} services; deduplicated on id alone: ${num(r.cte.idsOnlyRows)} rows`,
  );
  if (r.goalMet !== null)
    console.log(
      `goal: impact p99 < ${GOAL_P99_MS} ms on SQLite: ${r.goalMet ? 'MET' : 'NOT MET'} (${num(r.timings.impact!.p99Ms, 2)} ms)`,
    );
  console.log(
    `correctness (impact, reach, candidates vs baseline: same dependents, same depths): ${r.correctness.length === 0 ? 'OK' : `FAILED — ${r.correctness.join('; ')}`}`,
  );
  console.log(`query plan of reach(): ${r.queryPlan.map((l) => l.trim()).join(' | ')}`);
}

export async function run(): Promise<boolean> {
  const ts = stamp();
  const backends: (() => Promise<Backend>)[] = [() => openSqlite(ts, 'portfolio')];
  const url = process.env.DATABASE_URL ?? '';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://'))
    backends.push(() => openPostgres(url, ts));

  const results: BackendResult[] = [];
  const crashed: string[] = [];
  for (const open of backends) {
    try {
      const backend = await open();
      try {
        results.push(await runBackend(backend));
      } finally {
        await backend.cleanup();
      }
    } catch (error) {
      crashed.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
  }

  for (const r of results) report(r);
  for (const c of crashed) console.log(`FAIL: a backend did not complete: ${c}`);
  const incorrect = results.filter((r) => r.correctness.length > 0);
  for (const r of incorrect) console.log(`FAIL (${r.backend}): results disagree with the baseline`);
  const passed = incorrect.length === 0 && crashed.length === 0;

  const round = (v: number) => Number(v.toFixed(3));
  const summary = {
    benchmark: 'portfolio',
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    dataset: {
      services: SERVICES,
      dependencies: EDGES,
      teams: TEAMS,
      orgUnits: ORG_UNITS,
      layers: LAYERS.map((l) => ({ kind: l.kind, label: l.label, count: l.count })),
      target: TARGET,
      secondTarget: SECOND_TARGET,
    },
    iterations,
    capSecondsPerMeasurement: CAP_MS / 1000,
    goal: { impactP99MsBelow: GOAL_P99_MS, backend: 'sqlite' },
    results: results.map((r) => ({
      backend: r.backend,
      seedSeconds: round(r.seedSeconds),
      target: r.target,
      dependentsByDepth: r.depthHistogram,
      maxDepthFromBusiness: r.maxDepthFromBusiness,
      timings: Object.fromEntries(
        Object.entries(r.timings).map(([k, t]) => [
          k,
          {
            label: t.label,
            n: t.n,
            p50Ms: round(t.p50Ms),
            p99Ms: round(t.p99Ms),
            meanMs: round(t.meanMs),
            result: t.size,
          },
        ]),
      ),
      baselineOverImpactP50: round(r.ratio),
      goalMet: r.goalMet,
      reachCteRows: r.cte,
      correct: r.correctness.length === 0,
      correctnessProblems: r.correctness,
      queryPlan: r.queryPlan,
    })),
    passed,
  };
  const out = join(root, 'bench', 'results', 'portfolio.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`\nresults written to ${relative(process.cwd(), out) || out}`);
  return passed;
}
