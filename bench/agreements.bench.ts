/**
 * Service level agreements benchmark: `npm run bench:agreements`.
 *
 * Seeds a fresh database (lib/agreements-data.ts): the 10,000-service portfolio of
 * bench:portfolio, 1,000 active agreements with 20 targets each (availability and P1–P4
 * response/resolution, plus 11 OLAs, on four service-hours calendars and a team calendar), a
 * year of tickets with status histories and outages, and a requirement with an option on a
 * busy business service with thousands of services below it. Then times, in-process:
 * (a) every agreement's attainment for the last completed quarter — `agreementAttainment`
 *     (src/app/agreements/attainment.ts) — against a naive recomputation that reads each
 *     agreement's tickets on its own and derives a timer (deriveTimer) per ticket per target;
 * (b) the feasibility of the requirement and its option — `requirementFeasibility`
 *     (src/app/requirements/feasibility.ts) — against the same facts judged naively: a timer per
 *     ticket per target per window (3, 6, 12 months).
 * Both must give identical figures (met and judged per target, availability seconds, history
 * per window), or the bench fails. Ratios are naive / fast on the median of BENCH_RUNS runs
 * (default 3) after one untimed warm-up run each. SQLite always; PostgreSQL too when DATABASE_URL is set.
 * It also times the compute alone (facts already in memory): the quarter's ticket targets through
 * the core (a stopwatch per ticket, metric and calendar, judged by binary search) against
 * deriveTimer per ticket per target, and assessFeasibility against the naive history.
 * Env: BENCH_TICKETS (default 40,000), BENCH_FEASIBILITY_TICKETS (10,000), BENCH_RUNS (3).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { agreementAttainment } from '../src/app/agreements/attainment.js';
import { compiledCalendar } from '../src/app/calendars/compiled-calendars.js';
import type { Ctx } from '../src/app/context.js';
import type { Environment, Repositories } from '../src/app/ports.js';
import {
  feasibilityFacts,
  requirementFeasibility,
  type FeasibilityFacts,
  type RequirementFeasibility,
} from '../src/app/requirements/feasibility.js';
import { verdictOf } from '../src/core/agreements/attainment.js';
import { assessFeasibility, historyWindows } from '../src/core/agreements/feasibility.js';
import { termKeys, ticketTermKey, type ServiceLevelTerms } from '../src/core/agreements/terms.js';
import {
  attainmentOf,
  monthsBefore,
  TicketHistory,
  type HistoryTicket,
} from '../src/core/agreements/ticket-history.js';
import { systemActor } from '../src/core/actor.js';
import { availabilityByPeriod, outageIntervals } from '../src/core/availability.js';
import type { CompiledCalendar } from '../src/core/calendar/clock.js';
import type { EpochMs } from '../src/core/calendar/units.js';
import type { Instant, PersonId } from '../src/core/ids.js';
import { deriveTimer } from '../src/core/sla/timer.js';
import { migrateToLatest } from '../src/db/database.js';
import { unitOfWork } from '../src/db/store.js';
import type { RequirementId } from '../src/core/agreements/content.js';
import { type Backend, runOnBackends } from './lib/backends.js';
import { AGREEMENTS, NOW, seedAgreements } from './lib/agreements-data.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const NOW_MS = Date.parse(NOW);
/** The last completed quarter before NOW (2026-11-27): Q3 2026. */
const QUARTER = { from: '2026-07-01', to: '2026-09-30', key: '2026-Q3' };
const Q_FROM = Date.parse('2026-07-01T00:00:00.000Z');
const Q_TO = Date.parse('2026-10-01T00:00:00.000Z');

const env: Environment = { now: () => NOW, newId: () => randomUUID() };
const ctx: Ctx = {
  actor: systemActor('00000000-0000-4000-8000-000000000000' as PersonId, 'Bench'),
  requestId: null,
  env,
};

interface Timed<T> {
  medianMs: number;
  runsMs: number[];
  result: T;
}

/** The median of RUNS sequential runs after one untimed warm-up (JIT, calendar year tables, graph index). */
async function timed<T>(label: string, fn: () => Promise<T>): Promise<Timed<T>> {
  const runsMs: number[] = [];
  let result: T | undefined = await fn();
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    result = await fn();
    runsMs.push(performance.now() - t);
  }
  const medianMs = [...runsMs].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  console.error(
    `  ${label}: median ${medianMs.toFixed(0)} ms (${runsMs.map((m) => m.toFixed(0)).join(', ')})`,
  );
  return { medianMs, runsMs, result: result };
}

/** What a target measured: tickets met/judged, or availability seconds. */
type Figures = Record<string, string>;

const elapsedOn = (c: CompiledCalendar) => (a: number, b: number) =>
  b <= a ? 0 : c.elapsed(a as EpochMs, b as EpochMs);

/** Naive attainment: each agreement's tickets read on their own, a timer per ticket per target. */
async function naiveAttainment(repos: Repositories): Promise<{ figures: Figures; timers: number }> {
  const figures: Figures = {};
  let timers = 0;
  const versions = (await repos.agreements.versionsInEffect(QUARTER.from, '2026-10-01')).filter(
    (v) => v.status === 'active',
  );
  const calendars = new Map<string, CompiledCalendar>();
  for (const v of versions) {
    const c = v.content;
    const id = c.terms.calendarId;
    if (!calendars.has(id)) calendars.set(id, compiledCalendar((await repos.calendars.get(id))!));
    const calendar = calendars.get(id)!;
    const tickets = await repos.tickets.timerFactsOf(
      [c.service.id],
      new Date(Q_FROM).toISOString() as Instant,
      new Date(Q_TO).toISOString() as Instant,
    );
    for (const term of c.terms.tickets) {
      let met = 0;
      let judged = 0;
      for (const t of tickets) {
        if (t.priority !== term.priority || t.status === 'cancelled') continue;
        const facts = {
          createdAt: Date.parse(t.createdAt) as EpochMs,
          changes: t.changes.map((x) => ({ at: Date.parse(x.at) as EpochMs, status: x.status })),
          firstResponseAt: t.firstResponseAt ? (Date.parse(t.firstResponseAt) as EpochMs) : null,
        };
        const verdict = verdictOf(
          deriveTimer(
            facts,
            { metric: term.metric, duration: term.duration, calendar },
            NOW_MS as EpochMs,
          ),
        );
        timers++;
        if (verdict === 'excluded') continue;
        judged++;
        if (verdict === 'met') met++;
      }
      figures[`${c.code}|${ticketTermKey(term)}`] = `${met}/${judged}`;
    }
    if (c.terms.availabilityPercent !== null) {
      const histories = await repos.tickets.outageHistories(
        c.service.id,
        new Date(Q_TO).toISOString() as Instant,
      );
      const outages = histories.flatMap((events) => outageIntervals({ events }, NOW_MS));
      const f = availabilityByPeriod(
        outages,
        [{ start: Q_FROM, end: Q_TO }],
        elapsedOn(calendar),
      )[0]!.serviceHours!;
      figures[`${c.code}|availability`] = `${f.downSeconds}/${f.totalSeconds}`;
    }
  }
  return { figures, timers };
}

/** The same figures from the report of agreementAttainment. */
function attainmentFigures(report: Awaited<ReturnType<typeof agreementAttainment>>): Figures {
  const figures: Figures = {};
  for (const row of report.rows) {
    if (row.period !== QUARTER.key) continue;
    for (const t of row.targets)
      figures[`${row.code}|${t.key}`] =
        t.kind === 'availability'
          ? `${t.downSeconds}/${t.totalSeconds}`
          : `${t.met ?? 0}/${t.judged ?? 0}`;
  }
  return figures;
}

function compareFigures(label: string, expected: Figures, actual: Figures): string[] {
  const problems: string[] = [];
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const k of keys)
    if (expected[k] !== actual[k])
      problems.push(
        `${label} ${k}: naive ${expected[k] ?? 'missing'}, fast ${actual[k] ?? 'missing'}`,
      );
  return problems.slice(0, 10);
}

/** Naive feasibility history over the facts: a timer per ticket per target per window. */
function naiveHistory(facts: FeasibilityFacts): { figures: Figures; timers: number } {
  const { input, tickets } = facts;
  const all: [string, ServiceLevelTerms][] = [
    ['requirement', input.requirement.terms],
    ...input.options.map((o): [string, ServiceLevelTerms] => [o.id, o.terms]),
  ];
  const figures: Figures = {};
  let timers = 0;
  for (const [owner, terms] of all) {
    const cal = input.calendar(terms.calendarId)!.compiled;
    for (const key of termKeys(terms))
      for (const w of historyWindows) {
        const from = monthsBefore(NOW_MS, w);
        if (key === 'availability') {
          const f = availabilityByPeriod(
            input.outages,
            [{ start: from, end: NOW_MS }],
            elapsedOn(cal),
          )[0]!.serviceHours!;
          figures[`${owner}|${key}|m${w}`] = `${f.availability}`;
          continue;
        }
        const term = terms.tickets.find((t) => ticketTermKey(t) === key)!;
        let met = 0;
        let judged = 0;
        for (const t of tickets) {
          const created = t.facts.createdAt as number;
          if (t.cancelled || t.priority !== term.priority || created < from || created >= NOW_MS)
            continue;
          timers++;
          const verdict = verdictOf(
            deriveTimer(
              t.facts,
              { metric: term.metric, duration: term.duration, calendar: cal },
              NOW_MS as EpochMs,
            ),
          );
          if (verdict === 'excluded') continue;
          judged++;
          if (verdict === 'met') met++;
        }
        const a = attainmentOf(met, judged);
        figures[`${owner}|${key}|m${w}`] = `${a.percent}|${a.tickets}`;
      }
  }
  return { figures, timers };
}

/** Naive feasibility end to end: the same reads as the fast path, then naiveHistory. */
async function naiveFeasibility(
  repos: Repositories,
  requirementId: RequirementId,
): Promise<{ figures: Figures; timers: number }> {
  return naiveHistory(await feasibilityFacts(repos, requirementId, NOW));
}

/** The quarter's tickets of every agreement's service, read once (for compute-only timings). */
async function quarterFacts(repos: Repositories) {
  const versions = (await repos.agreements.versionsInEffect(QUARTER.from, '2026-10-01')).filter(
    (v) => v.status === 'active',
  );
  const serviceIds = [...new Set(versions.map((v) => v.content.service.id))];
  const rows = await repos.tickets.timerFactsOf(
    serviceIds,
    new Date(Q_FROM).toISOString() as Instant,
    new Date(Q_TO).toISOString() as Instant,
  );
  const byService = new Map<string, HistoryTicket[]>();
  for (const t of rows) {
    const list = byService.get(t.serviceId) ?? [];
    byService.set(t.serviceId, list);
    list.push({
      priority: t.priority,
      cancelled: t.status === 'cancelled',
      facts: {
        createdAt: Date.parse(t.createdAt) as EpochMs,
        changes: t.changes.map((x) => ({ at: Date.parse(x.at) as EpochMs, status: x.status })),
        firstResponseAt: t.firstResponseAt ? (Date.parse(t.firstResponseAt) as EpochMs) : null,
      },
    });
  }
  const calendars = new Map<string, CompiledCalendar>();
  for (const v of versions) {
    const id = v.content.terms.calendarId;
    if (!calendars.has(id)) calendars.set(id, compiledCalendar((await repos.calendars.get(id))!));
  }
  return { versions, byService, calendars };
}
type QuarterFacts = Awaited<ReturnType<typeof quarterFacts>>;

/** Ticket-target attainment of every agreement through the core: a stopwatch per ticket, metric and calendar. */
function fastQuarter(q: QuarterFacts): { figures: Figures; stopwatches: number } {
  const figures: Figures = {};
  let stopwatches = 0;
  const histories = new Map<string, TicketHistory>();
  for (const v of q.versions) {
    const c = v.content;
    let h = histories.get(c.service.id);
    if (!h)
      histories.set(
        c.service.id,
        (h = new TicketHistory(q.byService.get(c.service.id) ?? [], NOW_MS)),
      );
    const calendar = q.calendars.get(c.terms.calendarId)!;
    for (const term of c.terms.tickets) {
      const a = h.attainment(calendar, term, Q_FROM);
      figures[`${c.code}|${ticketTermKey(term)}`] = `${a.met}/${a.tickets}`;
    }
  }
  for (const h of histories.values()) stopwatches += h.taken;
  return { figures, stopwatches };
}

/** The same, naively: deriveTimer per ticket per target. */
function naiveQuarter(q: QuarterFacts): { figures: Figures; timers: number } {
  const figures: Figures = {};
  let timers = 0;
  for (const v of q.versions) {
    const c = v.content;
    const calendar = q.calendars.get(c.terms.calendarId)!;
    const tickets = q.byService.get(c.service.id) ?? [];
    for (const term of c.terms.tickets) {
      let met = 0;
      let judged = 0;
      for (const t of tickets) {
        if (t.cancelled || t.priority !== term.priority) continue;
        timers++;
        const verdict = verdictOf(
          deriveTimer(
            t.facts,
            { metric: term.metric, duration: term.duration, calendar },
            NOW_MS as EpochMs,
          ),
        );
        if (verdict === 'excluded') continue;
        judged++;
        if (verdict === 'met') met++;
      }
      figures[`${c.code}|${ticketTermKey(term)}`] = `${met}/${judged}`;
    }
  }
  return { figures, timers };
}

function feasibilityFigures(report: RequirementFeasibility): Figures {
  const figures: Figures = {};
  const put = (owner: string, targets: RequirementFeasibility['options'][number]['targets']) => {
    for (const t of targets)
      for (const w of historyWindows) {
        const h = t.history[`m${w}`];
        figures[`${owner}|${t.key}|m${w}`] =
          t.key === 'availability' ? `${h.percent}` : `${h.percent}|${h.tickets}`;
      }
  };
  put('requirement', report.requirement.targets);
  for (const o of report.options) put(o.optionId, o.targets);
  return figures;
}

interface BackendResult {
  backend: 'sqlite' | 'postgres';
  seed: { portfolio: number; agreements: number; tickets: number };
  tickets: number;
  outages: number;
  attainment: {
    fastMs: number;
    naiveMs: number;
    ratio: number;
    rows: number;
    targets: number;
    naiveTimers: number;
  };
  feasibility: {
    fastMs: number;
    naiveMs: number;
    ratio: number;
    dependencies: number;
    dependencyBound: number;
    flagged: number;
    warnings: string[];
    naiveTimers: number;
  };
  compute: {
    quarterFastMs: number;
    quarterNaiveMs: number;
    quarterRatio: number;
    stopwatches: number;
    timers: number;
    feasibilityFastMs: number;
    feasibilityNaiveMs: number;
    feasibilityRatio: number;
    feasibilityTimers: number;
  };
  correctness: string[];
}

async function runBackend(backend: Backend): Promise<BackendResult> {
  const where =
    backend.name === 'sqlite'
      ? relative(root, backend.url.slice('sqlite:'.length))
      : `fresh schema ${backend.db.schema ?? ''}`;
  console.error(`\n== ${backend.name}: ${where}`);
  await migrateToLatest(backend.db);
  const uow = unitOfWork(backend.db);
  const data = await seedAgreements(uow, backend.db.kysely);

  console.error(`timing (${RUNS} runs each after a warm-up):`);
  const fastA = await timed(`agreementAttainment, ${AGREEMENTS} agreements, ${QUARTER.key}`, () =>
    agreementAttainment(uow, ctx, { from: QUARTER.from, to: QUARTER.to }),
  );
  const naiveA = await timed('naive attainment: deriveTimer per ticket per target', () =>
    naiveAttainment(uow.read),
  );
  const fastF = await timed('requirementFeasibility (1 option, 10,000-service portfolio)', () =>
    requirementFeasibility(uow, ctx, data.requirementId),
  );
  const naiveF = await timed(
    'naive feasibility: deriveTimer per ticket per target per window',
    () => naiveFeasibility(uow.read, data.requirementId),
  );

  console.error('compute only (facts already in memory):');
  const q = await quarterFacts(uow.read);
  const fastQ = await timed(
    'quarter, ticket targets: stopwatch per ticket, metric and calendar',
    () => Promise.resolve(fastQuarter(q)),
  );
  const naiveQ = await timed('quarter, ticket targets: deriveTimer per ticket per target', () =>
    Promise.resolve(naiveQuarter(q)),
  );
  const facts = await feasibilityFacts(uow.read, data.requirementId, NOW);
  const fastC = await timed('feasibility: assessFeasibility (history, bound, OLAs, warnings)', () =>
    Promise.resolve(
      assessFeasibility({ ...facts.input, history: new TicketHistory(facts.tickets, NOW_MS) }),
    ),
  );
  const naiveC = await timed(
    'feasibility history: deriveTimer per ticket per target per window',
    () => Promise.resolve(naiveHistory(facts)),
  );

  const aFigures = attainmentFigures(fastA.result);
  const ticketOnly = Object.fromEntries(
    Object.entries(aFigures).filter(([k]) => !k.endsWith('|availability')),
  );
  const correctness = [
    ...compareFigures('attainment', naiveA.result.figures, aFigures),
    ...compareFigures('feasibility', naiveF.result.figures, feasibilityFigures(fastF.result)),
    ...compareFigures('quarter core', naiveQ.result.figures, fastQ.result.figures),
    ...compareFigures('quarter core vs agreementAttainment', ticketOnly, fastQ.result.figures),
    ...compareFigures(
      'feasibility core',
      naiveC.result.figures,
      feasibilityFigures({
        ...fastF.result,
        ...fastC.result,
      }),
    ),
  ];
  if (correctness.length === 0)
    console.error(
      `correct: attainment (${Object.keys(aFigures).length} targets) and feasibility history agree with the naive recomputation`,
    );
  const report = fastF.result;
  return {
    backend: backend.name,
    seed: data.seconds,
    tickets: data.tickets,
    outages: data.outages,
    attainment: {
      fastMs: fastA.medianMs,
      naiveMs: naiveA.medianMs,
      ratio: naiveA.medianMs / fastA.medianMs,
      rows: fastA.result.rows.filter((r) => r.period === QUARTER.key).length,
      targets: Object.keys(aFigures).length,
      naiveTimers: naiveA.result.timers,
    },
    feasibility: {
      fastMs: fastF.medianMs,
      naiveMs: naiveF.medianMs,
      ratio: naiveF.medianMs / fastF.medianMs,
      dependencies: report.dependencies.length,
      dependencyBound: report.dependencyBound,
      flagged: report.dependencies.filter((d) => d.flagged).length,
      warnings: report.requirement.warnings.map((w) => w.code),
      naiveTimers: naiveF.result.timers,
    },
    compute: {
      quarterFastMs: fastQ.medianMs,
      quarterNaiveMs: naiveQ.medianMs,
      quarterRatio: naiveQ.medianMs / fastQ.medianMs,
      stopwatches: fastQ.result.stopwatches,
      timers: naiveQ.result.timers,
      feasibilityFastMs: fastC.medianMs,
      feasibilityNaiveMs: naiveC.medianMs,
      feasibilityRatio: naiveC.medianMs / fastC.medianMs,
      feasibilityTimers: naiveC.result.timers,
    },
    correctness,
  };
}

const num = (v: number, digits = 0) =>
  v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function report(r: BackendResult): void {
  const a = r.attainment;
  const f = r.feasibility;
  console.log(
    `\n${r.backend}: seeded in ${num(r.seed.portfolio + r.seed.agreements + r.seed.tickets, 1)} s (portfolio ${num(r.seed.portfolio, 1)} s, agreements ${num(r.seed.agreements, 1)} s, ${num(r.tickets)} tickets + ${num(r.outages)} outages ${num(r.seed.tickets, 1)} s)`,
  );
  console.log(
    `(a) attainment of ${num(a.rows)} agreements for ${QUARTER.key} (${num(a.targets)} targets): ${num(a.fastMs)} ms; naive ${num(a.naiveMs)} ms (${num(a.naiveTimers)} timers derived) — ${num(a.ratio, 1)}× faster`,
  );
  console.log(
    `(b) feasibility of 1 option + the requirement on the 10,000-service portfolio (${num(f.dependencies)} dependencies below, bound ${f.dependencyBound} %, ${num(f.flagged)} without agreement or OLA): ${num(f.fastMs)} ms; naive ${num(f.naiveMs)} ms (${num(f.naiveTimers)} timers derived) — ${num(f.ratio, 1)}× faster`,
  );
  console.log(`    warnings: ${f.warnings.join(', ') || 'none'}`);
  const c = r.compute;
  console.log(
    `compute only, facts in memory: quarter ticket targets ${num(c.quarterFastMs, 1)} ms (${num(c.stopwatches)} stopwatches) vs naive ${num(c.quarterNaiveMs, 1)} ms (${num(c.timers)} timers) — ${num(c.quarterRatio, 1)}×; feasibility ${num(c.feasibilityFastMs, 1)} ms vs naive history ${num(c.feasibilityNaiveMs, 1)} ms (${num(c.feasibilityTimers)} timers) — ${num(c.feasibilityRatio, 1)}×`,
  );
  console.log(
    `correctness (fast = naive, every target): ${r.correctness.length === 0 ? 'OK' : `FAILED — ${r.correctness.join('; ')}`}`,
  );
}

export async function run(): Promise<boolean> {
  const { results, crashed } = await runOnBackends('agreements', runBackend);
  for (const r of results) report(r);
  for (const c of crashed) console.log(`FAIL: a backend did not complete: ${c}`);
  const passed = crashed.length === 0 && results.every((r) => r.correctness.length === 0);
  const summary = {
    benchmark: 'agreements',
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    runs: RUNS,
    now: NOW,
    quarter: QUARTER.key,
    results,
    crashed,
    passed,
  };
  const out = join(root, 'bench', 'results', 'agreements.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`\nresults written to ${relative(process.cwd(), out) || out}`);
  return passed;
}
