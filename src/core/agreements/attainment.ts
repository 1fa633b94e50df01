/**
 * Attainment and money of an agreement per review period. Given what a version commits to
 * (terms, money) and, per target, what was measured in a period (tickets met out of tickets
 * judged, or up and down seconds within the service hours), judge each target, the agreement's
 * compliance %, the money band reached, and the reward, penalty, cost of misses and net amount.
 * Also which version governs which part of a period. Pure; the app measures. See docs/sla-money.md.
 */
import { DAY_MS } from '../calendar/units.js';
import { periodOf, periodsBetween } from '../sla/attainment.js';
import type { Timer } from '../sla/timer.js';
import type { AgreementContent, AgreementVersionId, MoneyBand, ReviewPeriod } from './content.js';
import {
  termKeys,
  termLabel,
  ticketTermKey,
  type ServiceLevelTerms,
  type TermKey,
} from './terms.js';

/** What was measured for one target in a period (or the part of it an agreement was in effect). */
export type TargetMeasure =
  | { kind: 'tickets'; met: number; judged: number }
  | { kind: 'availability'; totalSeconds: number; downSeconds: number };

export type TargetStatus = 'met' | 'missed' | 'no_data';

export interface TargetAttainment {
  key: TermKey;
  label: string;
  kind: 'tickets' | 'availability';
  /** The goal: share of tickets for a ticket target, availability % for availability. */
  goalPercent: number;
  /** Tickets judged (met + missed) and met; null for availability. */
  judged: number | null;
  met: number | null;
  /** Seconds of service hours measured and down within them; null for ticket targets. */
  totalSeconds: number | null;
  downSeconds: number | null;
  /** Rounded down (2 decimals for tickets, 4 for availability); null without data. */
  compliancePercent: number | null;
  status: TargetStatus;
}

export interface PeriodMoney {
  currency: string;
  /** The band reached (null: no band applies or nothing was measured). */
  band: MoneyBand | null;
  rewardMinor: number;
  penaltyMinor: number;
  costOfMissesMinor: number;
  /** reward − penalty − cost of misses: positive is owed to the provider, negative to the customer. */
  netMinor: number;
}

export interface AgreementJudgement extends PeriodMoney {
  targets: TargetAttainment[];
  targetsMet: number;
  targetsMissed: number;
  targetsNoData: number;
  /** targets met / targets measured × 100, rounded down to 2 decimals; null when none measured. */
  compliancePercent: number | null;
}

/** A tiny tolerance so that 99.95 × n read back from decimal input still compares as written. */
const eps = 1e-9;

const floorTo = (x: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.floor(x * f + eps) / f;
};

/** Judges one target from its measure; a missing measure or nothing measurable is no data. */
export function judgeTarget(
  terms: ServiceLevelTerms,
  key: TermKey,
  measure: TargetMeasure | undefined,
): TargetAttainment {
  const label = termLabel(terms, key);
  if (key === 'availability') {
    const goal = terms.availabilityPercent ?? 0;
    const m = measure?.kind === 'availability' ? measure : null;
    const total = m?.totalSeconds ?? null;
    const down = m === null ? null : Math.min(m.downSeconds, m.totalSeconds);
    if (m === null || total === null || total <= 0 || down === null)
      return {
        key,
        label,
        kind: 'availability',
        goalPercent: goal,
        judged: null,
        met: null,
        totalSeconds: total,
        downSeconds: down,
        compliancePercent: null,
        status: 'no_data',
      };
    const up = total - down;
    return {
      key,
      label,
      kind: 'availability',
      goalPercent: goal,
      judged: null,
      met: null,
      totalSeconds: total,
      downSeconds: down,
      compliancePercent: floorTo((up / total) * 100, 4),
      // up / total × 100 ≥ goal, without dividing
      status: up * 100 >= goal * total - eps * total ? 'met' : 'missed',
    };
  }
  const term = terms.tickets.find((t) => ticketTermKey(t) === key);
  const goal = term?.goalPercent ?? 0;
  const m = measure?.kind === 'tickets' ? measure : null;
  const judged = m?.judged ?? 0;
  const met = Math.min(m?.met ?? 0, judged);
  if (judged <= 0)
    return {
      key,
      label,
      kind: 'tickets',
      goalPercent: goal,
      judged: 0,
      met: 0,
      totalSeconds: null,
      downSeconds: null,
      compliancePercent: null,
      status: 'no_data',
    };
  return {
    key,
    label,
    kind: 'tickets',
    goalPercent: goal,
    judged,
    met,
    totalSeconds: null,
    downSeconds: null,
    compliancePercent: floorTo((met / judged) * 100, 2),
    status: met * 100 >= goal * judged - eps * judged ? 'met' : 'missed',
  };
}

/**
 * The band reached: of the bands whose minCompliancePercent ≤ met / measured × 100, the one with
 * the highest minimum (null when none or nothing was measured). Compared without dividing.
 */
export function bandReached(
  bands: readonly MoneyBand[],
  met: number,
  measured: number,
): MoneyBand | null {
  if (measured <= 0) return null;
  let best: MoneyBand | null = null;
  for (const band of bands)
    if (band.minCompliancePercent * measured <= met * 100 + eps * measured)
      if (best === null || band.minCompliancePercent > best.minCompliancePercent) best = band;
  return best;
}

/** Judges every target of the version and works out the money of the period. */
export function judgeAgreement(
  content: Pick<AgreementContent, 'terms' | 'money'>,
  measures: Partial<Record<TermKey, TargetMeasure>>,
): AgreementJudgement {
  const targets = termKeys(content.terms).map((key) =>
    judgeTarget(content.terms, key, measures[key]),
  );
  const targetsMet = targets.filter((t) => t.status === 'met').length;
  const targetsMissed = targets.filter((t) => t.status === 'missed').length;
  const measured = targetsMet + targetsMissed;
  return {
    targets,
    targetsMet,
    targetsMissed,
    targetsNoData: targets.length - measured,
    compliancePercent: measured > 0 ? floorTo((targetsMet / measured) * 100, 2) : null,
    ...moneyOf(content.money, targetsMet, targetsMissed),
  };
}

/** Reward, penalty, cost of misses and net for a period with these targets met and missed. */
export function moneyOf(
  money: AgreementContent['money'],
  targetsMet: number,
  targetsMissed: number,
): PeriodMoney {
  const band = bandReached(money.bands, targetsMet, targetsMet + targetsMissed);
  const rewardMinor = band?.kind === 'reward' ? band.amountMinor : 0;
  const penaltyMinor = band?.kind === 'penalty' ? band.amountMinor : 0;
  const costOfMissesMinor = money.costPerMissedTargetMinor * targetsMissed;
  return {
    currency: money.currency,
    band,
    rewardMinor,
    penaltyMinor,
    costOfMissesMinor,
    netMinor: rewardMinor - penaltyMinor - costOfMissesMinor,
  };
}

// ---- Review periods and the versions that govern them ----

/** [start, end) in epoch ms of a period key ("2026-03" or "2026-Q1"), UTC. */
export function periodBounds(key: string): { start: number; end: number } {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  if (q) {
    const year = Number(q[1]);
    const first = (Number(q[2]) - 1) * 3;
    return { start: Date.UTC(year, first, 1), end: Date.UTC(year, first + 3, 1) };
  }
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) throw new Error(`not a period: ${key}`);
  const year = Number(m[1]);
  const month = Number(m[2]) - 1;
  return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1) };
}

/** The start of the period containing `at`, moved `offset` periods (negative: back). */
export function periodStart(at: number, period: ReviewPeriod, offset = 0): number {
  const { start } = periodBounds(periodOf(at, period));
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset * (period === 'month' ? 1 : 3), 1);
}

/** The version fields that decide when it governs. */
export interface VersionInEffect {
  id: AgreementVersionId;
  number: number;
  content: Pick<
    AgreementContent,
    'terms' | 'money' | 'reviewPeriod' | 'effectiveFrom' | 'expiresOn'
  >;
  activatedAt: string | null;
  endedAt: string | null;
}

/**
 * When a version governs: from the later of its effective date (00:00 UTC) and its activation,
 * to the earlier of the day after its expiry date (it holds through expiresOn) and its end
 * (superseded or withdrawn). Null when it never governed.
 */
export function versionWindow(v: VersionInEffect): { start: number; end: number } | null {
  if (v.activatedAt === null) return null;
  const start = Math.max(
    Date.parse(`${v.content.effectiveFrom}T00:00:00Z`),
    Date.parse(v.activatedAt),
  );
  const end = Math.min(
    Date.parse(`${v.content.expiresOn}T00:00:00Z`) + DAY_MS,
    v.endedAt === null ? Number.POSITIVE_INFINITY : Date.parse(v.endedAt),
  );
  return end > start ? { start, end } : null;
}

export interface PeriodSegment<V extends VersionInEffect> {
  version: V;
  start: number;
  end: number;
}

export interface PlannedPeriod<V extends VersionInEffect> {
  /** "2026-03" or "2026-Q1". */
  period: string;
  start: number;
  end: number;
  /** The period has ended (end ≤ now); otherwise it is measured up to now. */
  complete: boolean;
  /** The parts of the period each version governed, in time order (clipped to now). */
  segments: PeriodSegment<V>[];
  /** The version the period is reported under: the one governing at its end (or last). */
  version: V;
}

/**
 * The review periods of one agreement that touch [from, to), each with the versions that
 * governed which part of it. The periods follow the review period of the latest version
 * governing within the range; periods in which no version governed (or that start after
 * `now`) are left out. A ticket is judged by the segment its creation falls in.
 */
export function planPeriods<V extends VersionInEffect>(
  versions: readonly V[],
  from: number,
  to: number,
  now: number,
): PlannedPeriod<V>[] {
  const windows = versions
    .map((version) => ({ version, window: versionWindow(version) }))
    .filter(
      (w): w is { version: V; window: { start: number; end: number } } =>
        w.window !== null && w.window.start < to && w.window.end > from,
    )
    .sort((a, b) => a.window.start - b.window.start || a.version.number - b.version.number);
  if (windows.length === 0) return [];
  const latest = windows.reduce((a, b) => (b.version.number > a.version.number ? b : a));
  const review = latest.version.content.reviewPeriod;
  const out: PlannedPeriod<V>[] = [];
  for (const key of periodsBetween(from, to, review)) {
    const { start, end } = periodBounds(key);
    const until = Math.min(end, now);
    if (until <= start) continue;
    const segments: PeriodSegment<V>[] = [];
    for (const w of windows) {
      const s = Math.max(start, w.window.start);
      const e = Math.min(until, w.window.end);
      if (e > s) segments.push({ version: w.version, start: s, end: e });
    }
    if (segments.length === 0) continue;
    const governing = segments.reduce((a, b) =>
      b.end > a.end || (b.end === a.end && b.version.number > a.version.number) ? b : a,
    );
    out.push({
      period: key,
      start,
      end,
      complete: end <= now,
      segments,
      version: governing.version,
    });
  }
  return out;
}

/** The segment of a period a ticket created at `at` falls in (the later version on a tie). */
export function segmentAt<V extends VersionInEffect>(
  segments: readonly PeriodSegment<V>[],
  at: number,
): PeriodSegment<V> | null {
  let found: PeriodSegment<V> | null = null;
  for (const s of segments) if (at >= s.start && at < s.end) found = s;
  return found;
}

// ---- Judging tickets ----

/** How one ticket counts for one ticket target. */
export type TicketVerdict = 'met' | 'missed' | 'excluded';

/** The verdict of a timer derived with the target itself (src/core/sla/timer.ts). */
export function verdictOf(timer: Pick<Timer, 'state' | 'stop' | 'breached'>): TicketVerdict {
  if (timer.breached) return 'missed';
  if (timer.state === 'met') return 'met';
  // running or paused within target, or stopped by a cancellation
  return 'excluded';
}

/**
 * The verdict for a target of `targetSeconds` from a timer derived for another target of the same
 * metric and calendar (the business time counted does not depend on the target): over the target
 * is missed; under it, met when the clock stopped for good (excluded while it still runs or when
 * a cancellation stopped it). Where that is not decisive (exactly on the target, or a breached
 * stopped timer that may have been stopped by a cancellation) `exact` derives the timer with the
 * target itself. Always the same as `verdictOf(deriveTimer(…, target, now))`.
 */
export function ticketVerdict(
  timer: Pick<Timer, 'state' | 'stop' | 'breached' | 'businessElapsed' | 'target'>,
  targetSeconds: number,
  exact: () => Pick<Timer, 'state' | 'stop' | 'breached'>,
): TicketVerdict {
  if (timer.target === targetSeconds) return verdictOf(timer);
  const e = timer.businessElapsed;
  if (e > targetSeconds) return 'missed';
  if (e < targetSeconds) {
    if (timer.stop === null) return 'excluded';
    if (timer.state === 'met') return 'met';
    if (timer.state === 'stopped') return 'excluded';
  }
  return verdictOf(exact());
}
