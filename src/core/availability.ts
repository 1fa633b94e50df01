/**
 * Availability from outages. An outage is the time an incident spent with impact `outage`
 * while it was not resolved, closed or cancelled, derived from its history. Overlapping
 * outages of one service count once. Periods are calendar months in UTC.
 */
import type { Instant } from './ids.js';
import { doneStatuses, type Impact, type TicketStatus } from './tickets.js';

/** A half-open interval [start, end) of epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** The part of an incident's history availability needs, in time order. */
export interface OutageHistory {
  events: readonly { at: Instant | string; status: TicketStatus; impact: Impact }[];
}

/**
 * The outage intervals of one incident: from the first moment it had impact outage while open
 * (its creation when created so) until it was resolved, closed, cancelled or lost the outage
 * impact; `now` ends one still going. A cancelled incident was no outage at all.
 */
export function outageIntervals(history: OutageHistory, now: number): Interval[] {
  const { events } = history;
  if (events.at(-1)?.status === 'cancelled') return [];
  const out: Interval[] = [];
  let start: number | null = null;
  for (const e of events) {
    const at = Date.parse(e.at);
    const down = e.impact === 'outage' && !doneStatuses.includes(e.status);
    if (down && start === null) start = at;
    else if (!down && start !== null) {
      if (at > start) out.push({ start, end: at });
      start = null;
    }
  }
  if (start !== null && now > start) out.push({ start, end: now });
  return out;
}

/** Sorts and merges overlapping or touching intervals. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/** Seconds of service hours in [from, to) (epoch ms); a calendar's business time. */
export type BusinessSeconds = (from: number, to: number) => number;

export const twentyFourSeven: BusinessSeconds = (from, to) => Math.max(0, to - from) / 1000;

export interface AvailabilityFigures {
  /** Seconds in the period (24x7) or within service hours. */
  totalSeconds: number;
  downSeconds: number;
  /** Percentage up, e.g. 99.95; null when the period has no time to measure. */
  availability: number | null;
}

export interface AvailabilityPeriod {
  from: Instant;
  to: Instant;
  allHours: AvailabilityFigures;
  /** Within the service's hours; null when no service hours were given. */
  serviceHours: AvailabilityFigures | null;
  outages: number;
}

/** Calendar months in UTC covering [from, to), the first and last cut to the range. */
export function monthlyPeriods(from: number, to: number): Interval[] {
  const out: Interval[] = [];
  let start = from;
  while (start < to) {
    const d = new Date(start);
    const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    const end = Math.min(next, to);
    out.push({ start, end });
    start = end;
  }
  return out;
}

const figures = (total: number, down: number): AvailabilityFigures => ({
  totalSeconds: total,
  downSeconds: down,
  availability: total > 0 ? Math.round(((total - down) / total) * 1e6) / 1e4 : null,
});

const iso = (ms: number) => new Date(ms).toISOString() as Instant;

/**
 * Availability per period from the outages of one service (already merged or not).
 * `serviceHours` counts the seconds of service hours in a span; give it to get figures
 * within the service's hours as well as 24x7.
 */
export function availabilityByPeriod(
  outages: readonly Interval[],
  periods: readonly Interval[],
  serviceHours?: BusinessSeconds,
): AvailabilityPeriod[] {
  const merged = mergeIntervals(outages);
  return periods.map((p) => {
    let down = 0;
    let downInHours = 0;
    let count = 0;
    for (const o of merged) {
      const start = Math.max(o.start, p.start);
      const end = Math.min(o.end, p.end);
      if (end <= start) continue;
      count += 1;
      down += (end - start) / 1000;
      if (serviceHours) downInHours += serviceHours(start, end);
    }
    return {
      from: iso(p.start),
      to: iso(p.end),
      allHours: figures((p.end - p.start) / 1000, down),
      serviceHours: serviceHours ? figures(serviceHours(p.start, p.end), downInHours) : null,
      outages: count,
    };
  });
}
