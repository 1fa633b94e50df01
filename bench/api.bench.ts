/**
 * API throughput benchmark: `npm run bench:api`.
 *
 * Builds a fresh database (10,000 people, 50 teams of 200) through the repositories, starts the
 * real server on 127.0.0.1, and loads `GET /api/v1/people?teamId=…&limit=50` (Bearer token) and
 * `/bench/bare` — a route on the same server that replies with the same body from memory — with
 * autocannon. The goal: the real endpoint serves at least half the bare route's requests/s.
 * Then it times the parts of a real request one by one, to show where the time goes.
 *
 * Env: BENCH_DURATION_S (default 10) per measured run, after a 2 s warm-up; DATABASE_URL
 * starting with postgres:// also runs the PostgreSQL backend in a fresh schema.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import Sqlite from 'better-sqlite3';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { authenticateToken } from '../src/app/auth/authenticate.js';
import { loadConfig } from '../src/config.js';
import { PeoplePage } from '../src/contract/people.js';
import { migrateToLatest } from '../src/db/database.js';
import { unitOfWork } from '../src/db/store.js';
import { sha256Hex } from '../src/app/auth/secrets.js';
import { buildServer } from '../src/server/app.js';
import { systemEnvironment } from '../src/server/environment.js';
import { type Backend, runOnBackends } from './lib/backends.js';
import { CONNECTIONS, load, summarise, timeIt, type TargetResult } from './lib/load.js';
import { ORG_UNITS, PEOPLE, TEAMS, credentials, seed } from './lib/people-data.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WARMUP_S = 2;
const GOAL = 0.5;
const durationS = (() => {
  const raw = process.env.BENCH_DURATION_S;
  const value = raw ? Number(raw) : 10;
  if (!Number.isFinite(value) || value <= 0 || value > 600)
    throw new Error(`BENCH_DURATION_S must be a number of seconds (0 < s ≤ 600), got ${raw}`);
  return value;
})();

interface BackendResult {
  backend: 'sqlite' | 'postgres';
  seedSeconds: number;
  payloadBytes: number;
  real: TargetResult;
  uncached: TargetResult;
  bare: TargetResult;
  ratio: number;
  ratioUncached: number;
  goalMet: boolean;
  peakRssMB: number;
  breakdownUs: Record<string, number>;
  queryPlan?: string[];
}

async function runBackend(backend: Backend): Promise<BackendResult> {
  const { db } = backend;
  console.error(
    `\n== ${backend.name}: ${backend.name === 'sqlite' ? relative(root, backend.url.slice('sqlite:'.length)) : 'fresh schema'}`,
  );
  await migrateToLatest(db);
  const uow = unitOfWork(db);
  const { teamIds, seconds: seedSeconds } = await seed(uow);
  const { token } = await credentials(uow);
  const teamId = teamIds[Math.floor(teamIds.length / 2)]!;
  const realPath = `/api/v1/people?teamId=${teamId}&limit=50`;
  const barePath = '/bench/bare';
  const authorization = `Bearer ${token}`;

  const app = await buildServer({
    config: loadConfig({ ...process.env, DATABASE_URL: backend.url, LOG_LEVEL: 'silent' }),
    db,
    uow,
    env: systemEnvironment,
    logger: false,
  });
  // The bare route must exist before the first inject (which makes the instance ready); it
  // answers with the real endpoint's body, captured once below.
  // Held as encoded bytes: the cheapest way any route can answer from memory.
  let payload: Buffer = Buffer.alloc(0);
  app.get(barePath, { schema: { hide: true } }, (_request, reply) =>
    reply.type('application/json').send(payload),
  );
  const reference = await app.inject({ method: 'GET', url: realPath, headers: { authorization } });
  if (reference.statusCode !== 200)
    throw new Error(`GET ${realPath} answered ${reference.statusCode}: ${reference.body}`);
  payload = reference.rawPayload;
  const parsed = JSON.parse(reference.body) as { items: unknown[] };
  if (parsed.items.length !== 50)
    throw new Error(`expected a page of 50 people, got ${parsed.items.length}`);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  // The same server with its response and sign-in cache turned off: every request runs the
  // token lookup and the list query.
  const uncachedApp = await buildServer({
    config: loadConfig({
      ...process.env,
      DATABASE_URL: backend.url,
      LOG_LEVEL: 'silent',
      CHARTER_READ_CACHE_ENTRIES: '0',
    }),
    db,
    uow,
    env: systemEnvironment,
    logger: false,
  });
  await uncachedApp.listen({ host: '127.0.0.1', port: 0 });
  const uncachedBase = `http://127.0.0.1:${(uncachedApp.server.address() as AddressInfo).port}`;

  try {
    const targets: [string, string, Record<string, string>][] = [
      ['GET people?teamId&limit=50 (cache on)', base + realPath, { authorization }],
      ['GET people?teamId&limit=50 (cache off)', uncachedBase + realPath, { authorization }],
      ['bare route, same body from memory', base + barePath, {}],
    ];
    const results: TargetResult[] = [];
    for (const [label, url, headers] of targets) {
      console.error(
        `load ${label}: ${WARMUP_S} s warm-up, then ${durationS} s, ${CONNECTIONS} connections`,
      );
      const warm = await load(url, headers, WARMUP_S);
      const measured = summarise(label, await load(url, headers, durationS));
      measured.non2xx += warm.non2xx;
      measured.errors += warm.errors;
      results.push(measured);
    }
    const [real, uncached, bare] = results as [TargetResult, TargetResult, TargetResult];
    const peakRssMB = process.resourceUsage().maxRSS / 1024;

    // Where a real request's time goes: each part alone, sequentially, in this process.
    console.error('timing the parts of a request…');
    const n = 2_000;
    const page = await uow.read.people.list({ teamId }, { limit: 50 });
    const serialise = serializerCompiler({
      schema: PeoplePage,
      method: 'GET',
      url: '/api/v1/people',
      httpStatus: '200',
    });
    const tokenHash = sha256Hex(token);
    const record = await uow.read.tokens.findByHash(tokenHash);
    const breakdownUs: Record<string, number> = {
      'inject real (whole request, no socket)': await timeIt(n, () =>
        app.inject({ method: 'GET', url: realPath, headers: { authorization } }),
      ),
      'inject bare (whole request, no socket)': await timeIt(n, () =>
        app.inject({ method: 'GET', url: barePath }),
      ),
      'auth: authenticateToken (2 queries)': await timeIt(n, () =>
        authenticateToken(uow, systemEnvironment, token),
      ),
      'auth: tokens.findByHash': await timeIt(n, () => uow.read.tokens.findByHash(tokenHash)),
      'auth: people.get (actor)': await timeIt(n, () => uow.read.people.get(record!.personId)),
      'list: people.list teamId, limit 50': await timeIt(n, () =>
        uow.read.people.list({ teamId }, { limit: 50 }),
      ),
      'list: people.list no filter, limit 50': await timeIt(n, () =>
        uow.read.people.list({}, { limit: 50 }),
      ),
      'serialise: zod encode + JSON.stringify': await timeIt(n, () => serialise(page)),
      'serialise: JSON.stringify only': await timeIt(n, () => JSON.stringify(page)),
    };

    // The same list query as the repository builds it: what building and compiling it costs,
    // and (SQLite only) what running it costs without Kysely.
    const listQuery = () =>
      db.kysely
        .selectFrom('people')
        .leftJoin('accounts', 'accounts.person_id', 'people.id')
        .selectAll('people')
        .select('accounts.role')
        .where('people.id', 'in', (eb) =>
          eb
            .selectFrom('team_members')
            .select('team_members.person_id')
            .where('team_members.team_id', '=', teamId),
        )
        .orderBy('people.name')
        .orderBy('people.id')
        .limit(51);
    breakdownUs['list: Kysely build + compile only (no database)'] = await timeIt(n, () =>
      listQuery().compile(),
    );
    breakdownUs['list: Kysely execute of that query (no mapping)'] = await timeIt(n, () =>
      listQuery().execute(),
    );
    let queryPlan: string[] | undefined;
    if (backend.name === 'sqlite') {
      const compiled = listQuery().compile();
      const raw = new Sqlite(backend.url.slice('sqlite:'.length), { readonly: true });
      try {
        const statement = raw.prepare(compiled.sql);
        breakdownUs['list: same SQL, raw better-sqlite3, prepared once'] = await timeIt(n, () =>
          statement.all(...compiled.parameters),
        );
        // Kysely's SQLite driver prepares every statement anew on each query.
        breakdownUs['list: same SQL, raw better-sqlite3, prepare() per call'] = await timeIt(
          n,
          () => raw.prepare(compiled.sql).all(...compiled.parameters),
        );
        const counting = raw.prepare(`select count(*) from (${compiled.sql})`);
        breakdownUs['list: same SQL inside count(*) (SQLite only, no JS rows)'] = await timeIt(
          n,
          () => counting.get(...compiled.parameters),
        );
        queryPlan = (
          raw.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters) as {
            detail: string;
          }[]
        ).map((r) => r.detail);
      } finally {
        raw.close();
      }
    }

    const ratio = bare.rps > 0 ? real.rps / bare.rps : 0;
    return {
      backend: backend.name,
      seedSeconds,
      payloadBytes: payload.length,
      real,
      uncached,
      ratioUncached: bare.rps > 0 ? uncached.rps / bare.rps : 0,
      bare,
      ratio,
      goalMet: ratio >= GOAL,
      peakRssMB,
      breakdownUs,
      ...(queryPlan ? { queryPlan } : {}),
    };
  } finally {
    await app.close();
    await uncachedApp.close();
  }
}

const pad = (s: string, n: number) => s.padEnd(n);
const num = (v: number, digits = 0) =>
  v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function report(r: BackendResult): void {
  const rows = [
    ['target', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors'],
    ...[r.real, r.uncached, r.bare].map((t) => [
      t.path,
      num(t.rps),
      num(t.p50Ms, 1),
      num(t.p99Ms, 1),
      num(t.requests),
      num(t.non2xx),
      num(t.errors + t.timeouts),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  console.log(
    `\n${r.backend}: ${num(PEOPLE)} people, ${TEAMS} teams of ~${PEOPLE / TEAMS}; page of 50 = ${num(r.payloadBytes)} bytes; ${CONNECTIONS} connections, ${durationS} s after ${WARMUP_S} s warm-up`,
  );
  for (const [i, row] of rows.entries()) {
    console.log(
      row
        .map((cell, c) => (c === 0 ? pad(cell, widths[c]!) : cell.padStart(widths[c]!)))
        .join('  '),
    );
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log(
    `ratio to the bare route's throughput: ${r.ratio.toFixed(3)} with the cache on (goal ≥ ${GOAL}: ${r.goalMet ? 'MET' : 'NOT MET'}), ${r.ratioUncached.toFixed(3)} with it off`,
  );
  console.log(
    `peak RSS: ${num(r.peakRssMB, 1)} MB (whole process: server, load-generator thread, seeding); seeding took ${r.seedSeconds.toFixed(1)} s`,
  );
  console.log('where the time goes (µs per call, sequential, in-process, best of 5 rounds):');
  const width = Math.max(...Object.keys(r.breakdownUs).map((k) => k.length));
  for (const [k, v] of Object.entries(r.breakdownUs))
    console.log(`  ${pad(k, width)}  ${num(v, 1).padStart(9)}`);
  if (r.queryPlan) console.log(`query plan: ${r.queryPlan.join(' | ')}`);
}

export async function run(): Promise<boolean> {
  const { results, crashed } = await runOnBackends('api', runBackend);

  for (const r of results) report(r);
  const failures = results.filter((r) =>
    [r.real, r.uncached].some((t) => t.non2xx > 0 || t.errors > 0 || t.timeouts > 0),
  );
  for (const f of failures) {
    console.log(
      `FAIL (${f.backend}): the real endpoint answered ${f.real.non2xx} non-2xx responses (${JSON.stringify(f.real.statusCodes)}), ${f.real.errors} errors, ${f.real.timeouts} timeouts`,
    );
  }
  for (const c of crashed) console.log(`FAIL: a backend did not complete: ${c}`);
  for (const r of results.filter((r) => r.bare.non2xx > 0 || r.bare.errors > 0)) {
    console.log(
      `warning (${r.backend}): the bare route answered ${r.bare.non2xx} non-2xx responses and ${r.bare.errors} errors`,
    );
  }

  const summary = {
    benchmark: 'api',
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    dataset: { people: PEOPLE, teams: TEAMS, membersPerTeam: PEOPLE / TEAMS, orgUnits: ORG_UNITS },
    load: { connections: CONNECTIONS, durationSeconds: durationS, warmupSeconds: WARMUP_S },
    goal: { ratioAtLeast: GOAL },
    results: results.map((r) => ({
      backend: r.backend,
      payloadBytes: r.payloadBytes,
      targets: Object.fromEntries(
        [
          ['real', r.real] as const,
          ['realCacheOff', r.uncached] as const,
          ['bare', r.bare] as const,
        ].map(([k, t]) => [
          k,
          {
            path: t.path.replace(/teamId=[^&]+/, 'teamId=<id>'),
            rps: Math.round(t.rps),
            p50Ms: t.p50Ms,
            p99Ms: t.p99Ms,
            requests: t.requests,
            non2xx: t.non2xx,
            errors: t.errors,
            timeouts: t.timeouts,
          },
        ]),
      ),
      ratio: Number(r.ratio.toFixed(3)),
      ratioCacheOff: Number(r.ratioUncached.toFixed(3)),
      goalMet: r.goalMet,
      peakRssMB: Math.round(r.peakRssMB),
      seedSeconds: Number(r.seedSeconds.toFixed(1)),
      breakdownUs: Object.fromEntries(
        Object.entries(r.breakdownUs).map(([k, v]) => [k, Number(v.toFixed(1))]),
      ),
    })),
    passed: failures.length === 0 && crashed.length === 0,
  };
  const out = join(root, 'bench', 'results', 'latest.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`\nresults written to ${relative(process.cwd(), out) || out}`);
  return failures.length === 0 && crashed.length === 0;
}
