/**
 * SLA attainment: per service, priority and period (month or quarter, by the ticket's creation
 * in UTC), how many tickets met or breached their service level targets, and the business time
 * taken to respond and to resolve (mean and 90th percentile). Pure: the caller derives each
 * ticket's timers and passes their outcome.
 */
import { civilDate } from '../calendar/units.js';
import type { Priority } from '../tickets.js';

export const periods = ['month', 'quarter'] as const;
export type Period = (typeof periods)[number];

/** "2026-03" for a month, "2026-Q1" for a quarter, of an instant in UTC. */
export function periodOf(at: number, period: Period): string {
  const { year, month } = civilDate(Math.floor(at / 86_400_000));
  return period === 'month'
    ? `${year}-${String(month).padStart(2, '0')}`
    : `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The keys of every period touched by [from, to), in order (to exclusive). */
export function periodsBetween(from: number, to: number, period: Period): string[] {
  const out: string[] = [];
  if (to <= from) return out;
  const first = civilDate(Math.floor(from / 86_400_000));
  const last = periodOf(to - 1, period);
  let year = first.year;
  let month = period === 'month' ? first.month : Math.floor((first.month - 1) / 3) * 3 + 1;
  const step = period === 'month' ? 1 : 3;
  for (let n = 0; n < 1000; n++) {
    const key = periodOf(Date.UTC(year, month - 1, 1), period);
    out.push(key);
    if (key === last) break;
    month += step;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
  }
  return out;
}

/** Nearest-rank percentile (p in 0–100) of values; null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** The state of one timer as far as attainment is concerned. */
export interface TimerOutcome {
  metric: 'response' | 'resolution';
  state: 'running' | 'paused' | 'met' | 'breached' | 'stopped';
  breached: boolean;
  /** Business seconds counted, when the clock has stopped (null while it runs). */
  stoppedAfter: number | null;
}

/**
 * breached: any timer breached (an open ticket already past its deadline counts); met: every
 * timer stopped within its target; open: still running within target; none: no target applied
 * (or the ticket was cancelled before any clock could finish).
 */
export type TicketOutcomeKind = 'met' | 'breached' | 'open' | 'none';

export function outcomeOf(timers: readonly TimerOutcome[]): TicketOutcomeKind {
  const live = timers.filter((t) => t.state !== 'stopped');
  if (live.length === 0) return 'none';
  if (live.some((t) => t.breached)) return 'breached';
  if (live.every((t) => t.state === 'met')) return 'met';
  return 'open';
}

export interface TicketAttainment {
  serviceId: string | null;
  serviceSlug: string | null;
  serviceName: string | null;
  priority: Priority;
  createdAt: number;
  outcome: TicketOutcomeKind;
  respondSeconds: number | null;
  resolveSeconds: number | null;
}

/** Business seconds to respond and to resolve, from the timers that stopped. */
export function ticketAttainment(
  ticket: Omit<TicketAttainment, 'outcome' | 'respondSeconds' | 'resolveSeconds'>,
  timers: readonly TimerOutcome[],
): TicketAttainment {
  const stopped = (metric: TimerOutcome['metric']) => {
    const t = timers.find((x) => x.metric === metric && x.state !== 'stopped');
    return t?.stoppedAfter ?? null;
  };
  return {
    ...ticket,
    outcome: outcomeOf(timers),
    respondSeconds: stopped('response'),
    resolveSeconds: stopped('resolution'),
  };
}

export interface AttainmentFigures {
  tickets: number;
  met: number;
  breached: number;
  /** Tickets still running within target, and tickets without a target. */
  open: number;
  noTarget: number;
  /** met / (met + breached) × 100, one decimal; null when nothing finished or breached. */
  attainmentPercent: number | null;
  meanRespondSeconds: number | null;
  p90RespondSeconds: number | null;
  meanResolveSeconds: number | null;
  p90ResolveSeconds: number | null;
}

export interface AttainmentRow extends AttainmentFigures {
  period: string;
  serviceId: string | null;
  serviceSlug: string | null;
  serviceName: string | null;
  priority: Priority;
}

export interface AttainmentTrendPoint extends AttainmentFigures {
  period: string;
  /** 'all' or one priority. */
  priority: Priority | 'all';
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

export function figuresOf(items: readonly TicketAttainment[]): AttainmentFigures {
  let met = 0;
  let breached = 0;
  let open = 0;
  let noTarget = 0;
  const respond: number[] = [];
  const resolve: number[] = [];
  for (const t of items) {
    if (t.outcome === 'met') met++;
    else if (t.outcome === 'breached') breached++;
    else if (t.outcome === 'open') open++;
    else noTarget++;
    if (t.respondSeconds !== null) respond.push(t.respondSeconds);
    if (t.resolveSeconds !== null) resolve.push(t.resolveSeconds);
  }
  return {
    tickets: items.length,
    met,
    breached,
    open,
    noTarget,
    attainmentPercent: met + breached > 0 ? round1((met / (met + breached)) * 100) : null,
    meanRespondSeconds: round1(mean(respond)),
    p90RespondSeconds: percentile(respond, 90),
    meanResolveSeconds: round1(mean(resolve)),
    p90ResolveSeconds: percentile(resolve, 90),
  };
}

const priorityRank = (p: string) => ['P1', 'P2', 'P3', 'P4'].indexOf(p);

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Rows per period × service × priority, ordered by period, service name, priority. */
export function attainmentRows(
  items: readonly TicketAttainment[],
  period: Period,
): AttainmentRow[] {
  const groups = groupBy(
    items,
    (t) => `${periodOf(t.createdAt, period)}|${t.serviceId ?? ''}|${t.priority}`,
  );
  const rows = [...groups.values()].map((g) => {
    const first = g[0]!;
    return {
      period: periodOf(first.createdAt, period),
      serviceId: first.serviceId,
      serviceSlug: first.serviceSlug,
      serviceName: first.serviceName,
      priority: first.priority,
      ...figuresOf(g),
    };
  });
  return rows.sort(
    (a, b) =>
      a.period.localeCompare(b.period) ||
      (a.serviceName ?? '\uffff').localeCompare(b.serviceName ?? '\uffff') ||
      priorityRank(a.priority) - priorityRank(b.priority),
  );
}

/** Per period (every period in the range, empty ones included): all priorities, then each. */
export function attainmentTrend(
  items: readonly TicketAttainment[],
  period: Period,
  periodKeys: readonly string[],
): AttainmentTrendPoint[] {
  const byPeriod = groupBy(items, (t) => periodOf(t.createdAt, period));
  const out: AttainmentTrendPoint[] = [];
  for (const key of periodKeys) {
    const g = byPeriod.get(key) ?? [];
    out.push({ period: key, priority: 'all', ...figuresOf(g) });
    for (const p of ['P1', 'P2', 'P3', 'P4'] as const)
      out.push({ period: key, priority: p, ...figuresOf(g.filter((t) => t.priority === p)) });
  }
  return out;
}
