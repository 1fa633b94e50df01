/**
 * Agreement attainment per review period, with money: for every agreement version that governed
 * part of the range, the review periods (months or quarters, UTC) with each target's compliance
 * from the measurement engine — tickets' timers on the terms' calendar and availability within it
 * — the band reached, reward, penalty, cost of misses and net (src/core/agreements/attainment.ts).
 *
 * Built to run over a portfolio: each service's tickets and their histories are read once, in
 * bulk (TicketsRepository.timerFactsOf); each ticket's timer is derived once per metric and
 * calendar and every target of every agreement is judged by comparing business time with it;
 * each calendar compiles once. See docs/sla-money.md.
 */
import {
  judgeAgreement,
  periodStart,
  planPeriods,
  segmentAt,
  ticketVerdict,
  type PlannedPeriod,
  type TargetMeasure,
} from '../../core/agreements/attainment.js';
import type { AgreementId, ReviewPeriod } from '../../core/agreements/content.js';
import type { AgreementVersion } from '../../core/agreements/records.js';
import { ticketTermKey, type TermKey } from '../../core/agreements/terms.js';
import { availabilityByPeriod, outageIntervals } from '../../core/availability.js';
import type { CompiledCalendar } from '../../core/calendar/clock.js';
import { DAY_MS, type EpochMs } from '../../core/calendar/units.js';
import { DomainError, invalid } from '../../core/errors.js';
import type { Instant, OrgUnitId } from '../../core/ids.js';
import type { ServiceId } from '../../core/services.js';
import type { TicketEvent } from '../../core/tickets.js';
import type { CalendarId } from '../../core/sla/targets.js';
import { deriveTimer, type Timer, type TimerTarget } from '../../core/sla/timer.js';
import type {
  AgreementAttainmentReport,
  AgreementPeriodAttainment,
  AttainmentTrendPoint,
} from '../../contract/agreement-attainment.js';
import { compiledCalendar } from '../calendars/compiled-calendars.js';
import type { Ctx } from '../context.js';
import type { Repositories, TicketTimerFacts, UnitOfWork } from '../ports.js';
import { findService } from '../services/service-rules.js';

export interface AgreementAttainmentInput {
  /** A date (YYYY-MM-DD, inclusive) or an instant; default: see `rangeOf`. */
  from?: string | undefined;
  /** A date (inclusive) or an instant (exclusive). */
  to?: string | undefined;
  /** Only agreements reviewed per month or per quarter. */
  period?: ReviewPeriod | undefined;
  serviceId?: ServiceId | undefined;
  orgUnitId?: OrgUnitId | undefined;
  /** Only these agreements. */
  agreementIds?: readonly AgreementId[] | undefined;
}

const day = /^\d{4}-\d{2}-\d{2}$/;
const maxSpanMs = 5 * 366 * DAY_MS;
/** Services whose tickets are read together. */
const serviceBatch = 100;

function boundOf(value: string, end: boolean, path: string): number {
  const ms = day.test(value) ? Date.parse(`${value}T00:00:00.000Z`) : Date.parse(value);
  if (Number.isNaN(ms)) throw invalid(path, 'is not a valid date or instant');
  return day.test(value) && end ? ms + DAY_MS : ms;
}

/**
 * [from, to) in epoch ms. Without both: the last 4 completed periods of `period` (quarters when
 * not given) before now; with only `to`, the 4 periods before it; with only `from`, up to now.
 */
export function rangeOf(
  input: Pick<AgreementAttainmentInput, 'from' | 'to' | 'period'>,
  now: number,
): { from: number; to: number } {
  const unit = input.period ?? 'quarter';
  const to = input.to ? boundOf(input.to, true, 'to') : input.from ? now : periodStart(now, unit);
  const from = input.from ? boundOf(input.from, false, 'from') : periodStart(to - 1, unit, -3);
  if (to <= from) throw invalid('to', 'must be after from');
  if (to - from > maxSpanMs)
    throw invalid('to', 'the report spans at most 5 years; narrow from and to');
  return { from, to };
}

const iso = (ms: number) => new Date(ms).toISOString() as Instant;
const dateOf = (ms: number) => iso(ms).slice(0, 10);

type Plan = PlannedPeriod<AgreementVersion>;

/** The review period an agreement's periods follow (that of its latest version in the range). */
const unitOf = (p: Plan): ReviewPeriod => (p.period.includes('Q') ? 'quarter' : 'month');

/** Per agreement: its periods and, per period, the measures summed per target key. */
interface AgreementWork {
  agreementId: AgreementId;
  serviceId: ServiceId;
  periods: Plan[];
  measures: Map<TermKey, TargetMeasure>[];
}

/** Compiled calendars by id, once per report (null: the calendar no longer exists). */
class Calendars {
  private readonly found = new Map<string, CompiledCalendar | null>();
  constructor(private readonly repos: Repositories) {}
  async load(ids: Iterable<CalendarId>): Promise<void> {
    for (const id of ids)
      if (!this.found.has(id)) {
        const record = await this.repos.calendars.get(id);
        this.found.set(id, record ? compiledCalendar(record) : null);
      }
  }
  get(id: CalendarId): CompiledCalendar | null {
    return this.found.get(id) ?? null;
  }
}

/** Attainment of every agreement that governed part of the range, per review period. */
export async function agreementAttainment(
  uow: UnitOfWork,
  ctx: Ctx,
  input: AgreementAttainmentInput,
): Promise<AgreementAttainmentReport> {
  return agreementAttainmentIn(uow.read, ctx, input);
}

export async function agreementAttainmentIn(
  repos: Repositories,
  ctx: Ctx,
  input: AgreementAttainmentInput,
): Promise<AgreementAttainmentReport> {
  const at = ctx.env.now();
  const now = Date.parse(at);
  const { from, to } = rangeOf(input, now);
  // Periods touching the range are measured whole: read from the first quarter's start.
  const loadFrom = periodStart(from, 'quarter');
  const loadTo = periodStart(to - 1, 'quarter', 1);
  const wanted = input.agreementIds ? new Set<string>(input.agreementIds) : null;
  const candidates = input.agreementIds
    ? (await repos.agreements.versionsOf(input.agreementIds)).filter((v) => v.activatedAt !== null)
    : await repos.agreements.versionsInEffect(dateOf(loadFrom), dateOf(loadTo));
  const versions = candidates.filter(
    (v) =>
      (!wanted || wanted.has(v.agreementId)) &&
      (!input.serviceId || v.content.service.id === input.serviceId) &&
      (!input.orgUnitId || v.content.customer.id === input.orgUnitId),
  );
  const byAgreement = new Map<AgreementId, AgreementVersion[]>();
  for (const v of versions) {
    const list = byAgreement.get(v.agreementId);
    if (list) list.push(v);
    else byAgreement.set(v.agreementId, [v]);
  }

  const works: AgreementWork[] = [];
  for (const [agreementId, list] of byAgreement) {
    const periods = planPeriods(list, from, to, now);
    if (periods.length === 0) continue;
    if (input.period && unitOf(periods[0]!) !== input.period) continue;
    works.push({
      agreementId,
      serviceId: periods[0]!.version.content.service.id,
      periods,
      measures: periods.map(() => new Map<TermKey, TargetMeasure>()),
    });
  }

  const calendars = new Calendars(repos);
  await calendars.load(
    new Set(
      works.flatMap((w) =>
        w.periods.flatMap((p) => p.segments.map((s) => s.version.content.terms.calendarId)),
      ),
    ),
  );

  const prepared = new PreparedTerms(calendars);
  const byService = new Map<ServiceId, AgreementWork[]>();
  for (const w of works) {
    const list = byService.get(w.serviceId);
    if (list) list.push(w);
    else byService.set(w.serviceId, [w]);
  }
  const services = [...byService.keys()];
  for (let i = 0; i < services.length; i += serviceBatch) {
    const batch = services.slice(i, i + serviceBatch);
    const batchWorks = batch.flatMap((s) => byService.get(s)!);
    const start = Math.min(...batchWorks.map((w) => w.periods[0]!.start));
    const end = Math.max(...batchWorks.map((w) => w.periods.at(-1)!.end));
    const tickets = await repos.tickets.timerFactsOf(batch, iso(start), iso(Math.min(end, now)));
    for (const ticket of tickets)
      judgeTicket(ticket, byService.get(ticket.serviceId) ?? [], prepared, now);
    const measured = batch.filter((serviceId) =>
      byService
        .get(serviceId)!
        .some((w) =>
          w.periods.some((p) =>
            p.segments.some((s) => s.version.content.terms.availabilityPercent !== null),
          ),
        ),
    );
    if (measured.length > 0) {
      const outages = await repos.tickets.outageHistoriesOf(
        measured,
        iso(start),
        iso(Math.min(end, now)),
      );
      for (const serviceId of measured)
        measureAvailability(
          outages.get(serviceId) ?? [],
          byService.get(serviceId)!,
          calendars,
          now,
        );
    }
  }

  const rows = works.flatMap((w) => w.periods.map((p, i) => rowOf(p, w.measures[i]!)));
  rows.sort((a, b) => a.code.localeCompare(b.code) || a.periodStart.localeCompare(b.periodStart));
  return {
    from: iso(from),
    to: iso(to),
    period: input.period ?? null,
    at,
    rows,
    trend: trendOf(rows),
  };
}

const add = (
  measures: Map<TermKey, TargetMeasure>,
  key: TermKey,
  verdict: 'met' | 'missed' | 'excluded',
) => {
  if (verdict === 'excluded') return;
  let m = measures.get(key);
  if (!m || m.kind !== 'tickets') measures.set(key, (m = { kind: 'tickets', met: 0, judged: 0 }));
  m.judged += 1;
  if (verdict === 'met') m.met += 1;
};

/** A ticket target ready to judge: its timer target (one object, so its rule is worded once). */
interface PreparedTerm {
  key: TermKey;
  /** Timers of the same metric and calendar count the same business time. */
  timerKey: string;
  /** Targets of the same duration and calendar have the same business seconds. */
  secondsKey: string;
  target: TimerTarget;
}

/** Per version: its ticket targets by priority, on its compiled calendar (null: none). */
class PreparedTerms {
  private readonly found = new Map<string, Map<string, PreparedTerm[]> | null>();
  constructor(private readonly calendars: Calendars) {}
  of(version: AgreementVersion): Map<string, PreparedTerm[]> | null {
    let prepared = this.found.get(version.id);
    if (prepared !== undefined) return prepared;
    const terms = version.content.terms;
    const calendar = this.calendars.get(terms.calendarId);
    prepared = calendar ? new Map() : null;
    if (prepared && calendar)
      for (const term of terms.tickets) {
        const d = term.duration;
        const list = prepared.get(term.priority) ?? [];
        list.push({
          key: ticketTermKey(term),
          timerKey: `${term.metric}|${terms.calendarId}`,
          secondsKey: `${terms.calendarId}|${'workingDays' in d ? `${d.workingDays}d${d.endOfWorkingDay ? 'e' : ''}` : d.businessSeconds}`,
          target: { metric: term.metric, duration: d, calendar },
        });
        prepared.set(term.priority, list);
      }
    this.found.set(version.id, prepared);
    return prepared;
  }
}

/** Counts one ticket for every ticket target of its priority of each agreement of its service. */
function judgeTicket(
  ticket: TicketTimerFacts,
  works: readonly AgreementWork[],
  prepared: PreparedTerms,
  now: number,
): void {
  if (ticket.status === 'cancelled') return;
  const created = Date.parse(ticket.createdAt);
  let facts: Parameters<typeof deriveTimer>[0] | null = null;
  let timers: Map<string, Timer> | null = null;
  let seconds: Map<string, number> | null = null;
  for (const w of works) {
    let index = -1;
    for (let i = 0; i < w.periods.length; i++)
      if (created >= w.periods[i]!.start && created < w.periods[i]!.end) {
        index = i;
        break;
      }
    if (index < 0) continue;
    const segment = segmentAt(w.periods[index]!.segments, created);
    if (!segment) continue;
    const terms = prepared.of(segment.version)?.get(ticket.priority);
    if (!terms) continue;
    for (const term of terms) {
      const f = (facts ??= {
        createdAt: created as EpochMs,
        changes: ticket.changes.map((c) => ({ at: Date.parse(c.at) as EpochMs, status: c.status })),
        firstResponseAt: ticket.firstResponseAt
          ? (Date.parse(ticket.firstResponseAt) as EpochMs)
          : null,
      });
      timers ??= new Map();
      seconds ??= new Map();
      let timer = timers.get(term.timerKey);
      if (!timer) timers.set(term.timerKey, (timer = deriveTimer(f, term.target, now as EpochMs)));
      let targetSeconds = seconds.get(term.secondsKey);
      if (targetSeconds === undefined) {
        const d = term.target.duration;
        const calendar = term.target.calendar;
        targetSeconds =
          'workingDays' in d
            ? calendar.elapsed(
                created as EpochMs,
                calendar.addWorkingDays(created as EpochMs, d.workingDays, {
                  endOfWorkingDay: d.endOfWorkingDay ?? false,
                }),
              )
            : d.businessSeconds;
        seconds.set(term.secondsKey, targetSeconds);
      }
      const verdict = ticketVerdict(timer, targetSeconds, () =>
        deriveTimer(f, term.target, now as EpochMs),
      );
      add(w.measures[index]!, term.key, verdict);
    }
  }
}

/** Availability within each governing version's calendar, summed over the period's segments. */
function measureAvailability(
  histories: readonly TicketEvent[][],
  works: readonly AgreementWork[],
  calendars: Calendars,
  now: number,
): void {
  const outages = histories.flatMap((events) => outageIntervals({ events }, now));
  for (const w of works)
    w.periods.forEach((p, i) => {
      if (p.version.content.terms.availabilityPercent === null) return;
      let total = 0;
      let down = 0;
      for (const s of p.segments) {
        const calendar = calendars.get(s.version.content.terms.calendarId);
        if (!calendar || s.version.content.terms.availabilityPercent === null) continue;
        const hours = (a: number, b: number) =>
          b <= a ? 0 : calendar.elapsed(a as EpochMs, b as EpochMs);
        const figures = availabilityByPeriod(outages, [{ start: s.start, end: s.end }], hours)[0]!
          .serviceHours!;
        total += figures.totalSeconds;
        down += figures.downSeconds;
      }
      w.measures[i]!.set('availability', {
        kind: 'availability',
        totalSeconds: total,
        downSeconds: down,
      });
    });
}

function rowOf(p: Plan, measures: Map<TermKey, TargetMeasure>): AgreementPeriodAttainment {
  const v = p.version;
  const c = v.content;
  const judged = judgeAgreement(c, Object.fromEntries(measures));
  return {
    agreementId: v.agreementId,
    code: c.code,
    title: c.title,
    serviceId: c.service.id,
    serviceSlug: c.service.slug,
    serviceName: c.service.name,
    orgUnitId: c.customer.id,
    customerName: c.customer.name,
    reviewPeriod: unitOf(p),
    period: p.period,
    periodStart: iso(p.start),
    periodEnd: iso(p.end),
    complete: p.complete,
    versionId: v.id,
    versionNumber: v.number,
    versionNumbers: [...new Set(p.segments.map((s) => s.version.number))],
    targetsMet: judged.targetsMet,
    targetsMissed: judged.targetsMissed,
    targetsNoData: judged.targetsNoData,
    compliancePercent: judged.compliancePercent,
    band: judged.band,
    currency: judged.currency,
    rewardMinor: judged.rewardMinor,
    penaltyMinor: judged.penaltyMinor,
    costOfMissesMinor: judged.costOfMissesMinor,
    netMinor: judged.netMinor,
    targets: judged.targets,
  };
}

/** Per period and currency: agreements, targets met and missed, their compliance, the money. */
export function trendOf(rows: readonly AgreementPeriodAttainment[]): AttainmentTrendPoint[] {
  const points = new Map<string, AttainmentTrendPoint>();
  for (const r of rows) {
    const key = `${r.period}|${r.currency}`;
    let p = points.get(key);
    if (!p)
      points.set(
        key,
        (p = {
          period: r.period,
          currency: r.currency,
          agreements: 0,
          targetsMet: 0,
          targetsMissed: 0,
          compliancePercent: null,
          rewardMinor: 0,
          penaltyMinor: 0,
          costOfMissesMinor: 0,
          netMinor: 0,
        }),
      );
    p.agreements += 1;
    p.targetsMet += r.targetsMet;
    p.targetsMissed += r.targetsMissed;
    p.rewardMinor += r.rewardMinor;
    p.penaltyMinor += r.penaltyMinor;
    p.costOfMissesMinor += r.costOfMissesMinor;
    p.netMinor += r.netMinor;
  }
  const out = [...points.values()];
  for (const p of out) {
    const measured = p.targetsMet + p.targetsMissed;
    p.compliancePercent =
      measured > 0 ? Math.floor((p.targetsMet / measured) * 10_000 + 1e-9) / 100 : null;
  }
  return out.sort(
    (a, b) => a.period.localeCompare(b.period) || a.currency.localeCompare(b.currency),
  );
}

/** The service of a slug or id, as an invalid `service` filter when there is none. */
export async function serviceFilter(repos: Repositories, ref: string): Promise<ServiceId> {
  try {
    return (await findService(repos, ref)).id;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found')
      throw invalid('service', `no service has the slug or id ${ref}`);
    throw error;
  }
}
