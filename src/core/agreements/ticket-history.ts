/**
 * What a service achieved on its tickets, fast enough to judge many durations on many calendars.
 *
 * A ticket's business time from creation to the stop of a clock (first response; resolution)
 * on a calendar does not depend on the target's duration. So it is counted once per ticket,
 * metric and calendar (a `Stopwatch`), and every duration in business seconds is then judged by
 * comparison: the stopwatches of a group (priority × metric × calendar × window) are kept in
 * sorted arrays and "how many made it within D" is a binary search. Working-day durations
 * depend on the day a ticket was created, so those are judged ticket by ticket against the
 * deadline computed from its creation.
 *
 * The judgement is exactly the timer's (src/core/sla/timer.ts, clock from creation, default
 * pause statuses): a clock that stops before or at its deadline is met; a clock past its
 * deadline is a miss, stopped or not; a clock still running within its deadline is left out.
 * Tickets cancelled are left out altogether.
 */
import type { CompiledCalendar } from '../calendar/clock.js';
import type { EpochMs } from '../calendar/units.js';
import { defaultPauseStatuses, type TicketFacts } from '../sla/timer.js';
import { doneStatuses, type Priority, type TicketStatus } from '../tickets.js';
import type { TargetDuration, TicketMetric } from './terms.js';

/** A ticket as the history needs it: its priority, whether it was cancelled, and its facts. */
export interface HistoryTicket {
  priority: Priority;
  /** Its current status is cancelled: left out of every figure. */
  cancelled: boolean;
  facts: TicketFacts;
}

/** One clock of one ticket on one calendar, independent of any duration. */
export interface Stopwatch {
  createdAt: number;
  /** Business seconds counted from creation to the stop, or to `now` while it runs. */
  elapsed: number;
  /**
   * The count reached `elapsed` before the clock's end (the stop or now fell in closed or
   * paused time). A duration of exactly `elapsed` is then already past: the deadline is the
   * instant the count reached it, and the clock ended later.
   */
  early: boolean;
  stopped: boolean;
}

const isDone = (s: TicketStatus) => doneStatuses.includes(s);

/**
 * The stopwatch of one metric of a ticket on `calendar` at `now`: the same segments, stop and
 * counting as `deriveTimer` with origin creation and the default pause statuses.
 */
export function stopwatch(
  facts: TicketFacts,
  metric: TicketMetric,
  calendar: CompiledCalendar,
  now: number,
): Stopwatch {
  const pauses = defaultPauseStatuses(metric);
  const created = facts.createdAt as number;
  const at: number[] = [created];
  const status: TicketStatus[] = ['new'];
  for (const c of facts.changes) {
    if (c.at > now) break;
    if (c.at === at[at.length - 1]) status[status.length - 1] = c.status;
    else {
      at.push(c.at);
      status.push(c.status);
    }
  }
  let stop: number | null = null;
  if (metric === 'response') {
    const response = facts.firstResponseAt;
    if (response != null && response <= now) stop = Math.max(response, created);
    for (let i = 0; i < at.length; i++)
      if (isDone(status[i]!)) {
        if (stop === null || at[i]! < stop) stop = at[i]!;
        break;
      }
  } else {
    let first = status.length;
    while (first > 0 && isDone(status[first - 1]!)) first--;
    if (first < status.length) stop = Math.max(at[first]!, created);
  }
  const end = stop ?? now;
  let counted = 0;
  let countsAtEnd = false;
  for (let i = 0; i < at.length; i++) {
    const a = at[i]!;
    if (a >= end) break;
    const b = Math.min(i + 1 < at.length ? at[i + 1]! : end, end);
    const s = status[i]!;
    if (b <= a || isDone(s) || pauses.includes(s)) continue;
    counted += calendar.elapsed(a as EpochMs, b as EpochMs);
    if (b === end) countsAtEnd = calendar.isOpen((end - 1) as EpochMs);
  }
  return {
    createdAt: created,
    elapsed: counted,
    early: end > created && !countsAtEnd,
    stopped: stop !== null,
  };
}

/** The clock is past a deadline `targetSeconds` of business time after creation. */
export function pastDeadline(w: Stopwatch, targetSeconds: number): boolean {
  if (targetSeconds <= 0) return w.elapsed > 0 || w.early;
  return w.elapsed > targetSeconds || (w.elapsed === targetSeconds && w.early);
}

export type ClockOutcome = 'met' | 'missed' | 'open';

export function outcomeOf(w: Stopwatch, targetSeconds: number): ClockOutcome {
  if (pastDeadline(w, targetSeconds)) return 'missed';
  return w.stopped ? 'met' : 'open';
}

/** The business seconds a working-day duration gives a ticket created at `createdAt`. */
export function workingDaysSeconds(
  calendar: CompiledCalendar,
  createdAt: number,
  d: { workingDays: number; endOfWorkingDay?: boolean },
): number {
  const from = createdAt as EpochMs;
  return calendar.elapsed(
    from,
    calendar.addWorkingDays(from, d.workingDays, { endOfWorkingDay: d.endOfWorkingDay ?? false }),
  );
}

export interface Attainment {
  /** Tickets judged: met plus missed (running ones within their deadline are left out). */
  tickets: number;
  met: number;
  /** met / tickets × 100, one decimal; null without tickets. */
  percent: number | null;
}

export const attainmentOf = (met: number, tickets: number): Attainment => ({
  tickets,
  met,
  percent: tickets > 0 ? Math.round((met / tickets) * 1000) / 10 : null,
});

/** Number of values ≤ x (strict: < x) in a sorted array. */
function countUpTo(sorted: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? sorted[mid]! < x : sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const sortedOf = (xs: number[]) => Float64Array.from(xs).sort();

/**
 * The stopwatches of a group, for durations in business seconds: met(D) = stopped clocks with
 * elapsed < D, or = D without the early flag; missed(D) = every clock past D (stopped or not).
 */
export class DurationIndex {
  private readonly stoppedOnTime: Float64Array;
  private readonly stoppedEarly: Float64Array;
  private readonly openOnTime: Float64Array;
  private readonly openEarly: Float64Array;
  readonly watches: readonly Stopwatch[];

  constructor(watches: readonly Stopwatch[]) {
    this.watches = watches;
    const a: number[] = [];
    const b: number[] = [];
    const c: number[] = [];
    const d: number[] = [];
    for (const w of watches) (w.stopped ? (w.early ? b : a) : w.early ? d : c).push(w.elapsed);
    this.stoppedOnTime = sortedOf(a);
    this.stoppedEarly = sortedOf(b);
    this.openOnTime = sortedOf(c);
    this.openEarly = sortedOf(d);
  }

  /** Attainment for a duration of `seconds` business seconds. */
  within(seconds: number): Attainment {
    if (seconds <= 0) return this.judgeEach(() => seconds);
    const stopped = this.stoppedOnTime.length + this.stoppedEarly.length;
    const met =
      countUpTo(this.stoppedOnTime, seconds, false) + countUpTo(this.stoppedEarly, seconds, true);
    const openMissed =
      this.openOnTime.length -
      countUpTo(this.openOnTime, seconds, false) +
      (this.openEarly.length - countUpTo(this.openEarly, seconds, true));
    return attainmentOf(met, stopped + openMissed);
  }

  /** Attainment when each ticket has its own target (working days from its creation). */
  judgeEach(targetOf: (w: Stopwatch) => number): Attainment {
    let met = 0;
    let judged = 0;
    for (const w of this.watches) {
      const o = outcomeOf(w, targetOf(w));
      if (o === 'open') continue;
      judged++;
      if (o === 'met') met++;
    }
    return attainmentOf(met, judged);
  }

  /** Attainment for a target duration on `calendar` (the one the stopwatches were taken on). */
  attainment(duration: TargetDuration, calendar: CompiledCalendar): Attainment {
    if ('businessSeconds' in duration) return this.within(duration.businessSeconds);
    return this.judgeEach((w) => workingDaysSeconds(calendar, w.createdAt, duration));
  }
}

/** The start of the window of the last `months` calendar months before `now` (UTC). */
export function monthsBefore(now: number, months: number): number {
  const d = new Date(now);
  const target = new Date(
    Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() - months,
      1,
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime();
}

/**
 * The tickets of one service, indexed lazily per calendar, metric, priority and window: the
 * stopwatches of a (calendar, metric) pair are taken once, whatever the number of options,
 * targets, durations and windows judged against them.
 */
export class TicketHistory {
  private readonly watches = new Map<string, Stopwatch[]>();
  private readonly indexes = new Map<string, DurationIndex>();
  private readonly calendarIds = new WeakMap<CompiledCalendar, number>();
  private nextCalendar = 0;
  /** Stopwatches taken (for the benchmark and tests). */
  taken = 0;

  constructor(
    private readonly tickets: readonly HistoryTicket[],
    private readonly now: number,
  ) {}

  private calendarKey(calendar: CompiledCalendar): number {
    let id = this.calendarIds.get(calendar);
    if (id === undefined) this.calendarIds.set(calendar, (id = this.nextCalendar++));
    return id;
  }

  /** Stopwatches of every ticket not cancelled, in the tickets' order (priority kept aside). */
  private watchesOf(calendar: CompiledCalendar, metric: TicketMetric): Stopwatch[] {
    const key = `${this.calendarKey(calendar)}|${metric}`;
    let found = this.watches.get(key);
    if (!found) {
      found = [];
      for (const t of this.tickets) {
        if (t.cancelled) {
          found.push(null as unknown as Stopwatch);
          continue;
        }
        found.push(stopwatch(t.facts, metric, calendar, this.now));
        this.taken++;
      }
      this.watches.set(key, found);
    }
    return found;
  }

  /** The index of tickets of `priority` created in [from, now) on `calendar` for `metric`. */
  index(
    calendar: CompiledCalendar,
    metric: TicketMetric,
    priority: Priority,
    from: number,
  ): DurationIndex {
    const key = `${this.calendarKey(calendar)}|${metric}|${priority}|${from}`;
    let found = this.indexes.get(key);
    if (!found) {
      const all = this.watchesOf(calendar, metric);
      const picked: Stopwatch[] = [];
      this.tickets.forEach((t, i) => {
        if (t.cancelled || t.priority !== priority) return;
        const created = t.facts.createdAt as number;
        if (created >= from && created < this.now) picked.push(all[i]!);
      });
      found = new DurationIndex(picked);
      this.indexes.set(key, found);
    }
    return found;
  }

  attainment(
    calendar: CompiledCalendar,
    term: { priority: Priority; metric: TicketMetric; duration: TargetDuration },
    from: number,
  ): Attainment {
    return this.index(calendar, term.metric, term.priority, from).attainment(
      term.duration,
      calendar,
    );
  }
}
