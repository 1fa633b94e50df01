/**
 * SLA timers derived from a ticket's history, never from counters: given the append-only facts
 * (creation, status changes, first response), a target and an evaluation instant, derive the
 * deadline, business time counted and paused, what remains, whether and when it breached, and
 * an explanation — the timeline of intervals with the business seconds of each, and the rule.
 * A change of target or calendar is a recomputation from the same facts, so nothing (pauses
 * included) is lost. Pure: the caller passes `now`.
 */
import type { CompiledCalendar } from '../calendar/clock.js';
import type { BusinessSeconds, EpochMs } from '../calendar/units.js';
import { invalid } from '../errors.js';
import { doneStatuses, type TicketStatus, ticketStatuses } from '../tickets.js';
// The done statuses (resolved, closed, cancelled) stop the clock; `reopened` after them counts again.

export type TimerMetric = 'response' | 'resolution';
/** Where the clock starts: ticket creation, or the first assignment to a team (an OLA). */
export type TimerOrigin = 'created' | `assigned_to_team:${string}`;

export interface StatusChange {
  at: EpochMs;
  status: TicketStatus;
  team?: string | null;
}

/** A ticket's history: facts only. Changes are in time order; one at `createdAt` sets the first status. */
export interface TicketFacts {
  createdAt: EpochMs;
  changes: readonly StatusChange[];
  firstResponseAt?: EpochMs | null;
}

export type TimerDuration =
  { businessSeconds: number } | { workingDays: number; endOfWorkingDay?: boolean };

export interface TimerTarget {
  metric: TimerMetric;
  duration: TimerDuration;
  calendar: CompiledCalendar;
  /** Default: resolution pauses on pending_customer and pending_vendor; response never pauses. */
  pauseStatuses?: readonly TicketStatus[];
  origin?: TimerOrigin;
}

export type IntervalKind = 'counted' | 'paused' | 'closed' | 'not_started';

export interface TimerInterval {
  from: EpochMs;
  to: EpochMs;
  kind: IntervalKind;
  status: TicketStatus;
  /** Business seconds of the calendar within the interval. */
  seconds: BusinessSeconds;
}

export type TimerState = 'running' | 'paused' | 'met' | 'breached' | 'stopped';

export interface Timer {
  metric: TimerMetric;
  state: TimerState;
  /** When the clock started (null: its origin never happened, e.g. never assigned to the team). */
  start: EpochMs | null;
  /** When it stopped for good (first response; or resolved/closed/cancelled without a later reopen). */
  stop: EpochMs | null;
  /** When counted time reaches the target (for a running clock: if it keeps counting from now). */
  deadline: EpochMs | null;
  target: BusinessSeconds;
  businessElapsed: BusinessSeconds;
  /** Business time the clock was held: pause statuses, and resolved→reopened gaps. */
  paused: BusinessSeconds;
  /** target − elapsed; negative when over. */
  remaining: BusinessSeconds;
  breached: boolean;
  breachAt: EpochMs | null;
  percentUsed: number;
  explanation: { rule: string; intervals: TimerInterval[] };
}

export const defaultPauseStatuses = (metric: TimerMetric): readonly TicketStatus[] =>
  metric === 'resolution' ? ['pending_customer', 'pending_vendor'] : [];

const words = (s: string) => s.replace(/_/g, ' ');
const list = (xs: readonly string[]) =>
  xs.length <= 1
    ? xs.map(words).join('')
    : `${xs.slice(0, -1).map(words).join(', ')} or ${words(xs.at(-1)!)}`;

function describeDuration(d: TimerDuration): string {
  if ('workingDays' in d)
    return `${d.workingDays} working day${d.workingDays === 1 ? '' : 's'}${d.endOfWorkingDay ? ' (to the end of that working day)' : ' (same time of day)'}`;
  const s = d.businessSeconds;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return `${[h && `${h}h`, m && `${m}m`, rest && `${rest}s`].filter(Boolean).join(' ') || '0s'} of business time`;
}

const rules = new WeakMap<TimerTarget, string>();

/** The rule that applies, in words (part of every explanation); worded once per target object. */
export function describeRule(target: TimerTarget): string {
  let rule = rules.get(target);
  if (rule === undefined) rules.set(target, (rule = wordRule(target)));
  return rule;
}

function wordRule(target: TimerTarget): string {
  const pauses = target.pauseStatuses ?? defaultPauseStatuses(target.metric);
  const origin = target.origin ?? 'created';
  const from =
    origin === 'created'
      ? 'ticket creation'
      : `the first assignment to team ${origin.slice('assigned_to_team:'.length)}`;
  const what = target.metric === 'response' ? 'Time to respond' : 'Time to resolve';
  const stops =
    target.metric === 'response'
      ? 'stops at the first response (or when the ticket is resolved, closed or cancelled first)'
      : 'stops when the ticket is resolved, closed or cancelled; a reopened ticket counts again from where it stopped';
  return `${what}: ${describeDuration(target.duration)} on the ${target.calendar.timeZone} calendar, counted from ${from}; ${pauses.length ? `paused while ${list(pauses)}` : 'never paused'}; ${stops}.`;
}

function checkFacts(facts: TicketFacts) {
  let previous = facts.createdAt;
  facts.changes.forEach((c, i) => {
    if (!(ticketStatuses as readonly string[]).includes(c.status))
      throw invalid(
        `changes[${i}].status`,
        `"${String(c.status)}" is not a status: use ${ticketStatuses.join(', ')}`,
      );
    if (!Number.isFinite(c.at)) throw invalid(`changes[${i}].at`, 'is not a time');
    if (c.at < previous)
      throw invalid(
        `changes[${i}].at`,
        i === 0 || previous === facts.createdAt
          ? 'is before the ticket was created; history must be in time order'
          : 'is before the previous change; history must be in time order',
      );
    previous = c.at;
  });
}

/** Derives the timer of one target from a ticket's history at `now`. */
export function deriveTimer(facts: TicketFacts, target: TimerTarget, now: EpochMs): Timer {
  checkFacts(facts);
  const cal = target.calendar;
  const metric = target.metric;
  const pauses = target.pauseStatuses ?? defaultPauseStatuses(metric);
  const origin = target.origin ?? 'created';
  const team = origin === 'created' ? null : origin.slice('assigned_to_team:'.length);

  // Status segments up to now: [at, next at) with the status in force.
  const at: number[] = [facts.createdAt];
  const status: TicketStatus[] = ['new'];
  let start: number | null = team === null ? facts.createdAt : null;
  for (const c of facts.changes) {
    if (c.at > now) break;
    if (start === null && team !== null && c.team === team) start = c.at;
    if (c.at === at[at.length - 1]) status[status.length - 1] = c.status;
    else {
      at.push(c.at);
      status.push(c.status);
    }
  }

  // The stop: response at the first response or first stop status; resolution at a final stop.
  let stop: number | null = null;
  let cancelled = false;
  if (start !== null) {
    if (metric === 'response') {
      const response = facts.firstResponseAt;
      if (response != null && response <= now) stop = Math.max(response, start);
      for (let i = 0; i < at.length; i++)
        if (doneStatuses.includes(status[i]!) && at[i]! >= start) {
          if (stop === null || at[i]! < stop) {
            stop = at[i]!;
            cancelled = status[i] === 'cancelled';
          }
          break;
        }
    } else {
      // the first of the trailing run of stop statuses (resolved, then closed: stopped at resolved)
      let first = status.length;
      while (first > 0 && doneStatuses.includes(status[first - 1]!)) first--;
      if (first < status.length) {
        stop = Math.max(at[first]!, start);
        cancelled = status[status.length - 1] === 'cancelled';
      }
    }
  }
  const end = stop ?? now;

  const intervals: TimerInterval[] = [];
  let counted = 0;
  let held = 0;
  const push = (from: number, to: number, kind: IntervalKind, s: TicketStatus) => {
    if (to <= from) return;
    const seconds = cal.elapsed(from as EpochMs, to as EpochMs);
    if (kind === 'counted') counted += seconds;
    else if (kind === 'paused' || kind === 'closed') held += seconds;
    intervals.push({ from: from as EpochMs, to: to as EpochMs, kind, status: s, seconds });
  };
  const kindOf = (s: TicketStatus): IntervalKind =>
    doneStatuses.includes(s) ? 'closed' : pauses.includes(s) ? 'paused' : 'counted';
  for (let i = 0; i < at.length; i++) {
    const a = at[i]!;
    const b = Math.min(i + 1 < at.length ? at[i + 1]! : end, end);
    if (a >= end) break;
    const s = status[i]!;
    if (start === null || b <= start) push(a, b, 'not_started', s);
    else if (a < start) {
      push(a, start, 'not_started', s);
      push(start, b, kindOf(s), s);
    } else push(a, b, kindOf(s), s);
  }

  // The target in business seconds: working days are measured from the start.
  const d = target.duration;
  const base = (start ?? facts.createdAt) as EpochMs;
  const targetSeconds =
    'workingDays' in d
      ? cal.elapsed(
          base,
          cal.addWorkingDays(base, d.workingDays, { endOfWorkingDay: d.endOfWorkingDay ?? false }),
        )
      : d.businessSeconds;

  let deadline: number | null = null;
  if (start !== null) {
    if (targetSeconds <= 0) deadline = start;
    else {
      let cum = 0;
      for (const iv of intervals)
        if (iv.kind === 'counted') {
          if (cum + iv.seconds >= targetSeconds) {
            deadline = cal.addBusinessSeconds(iv.from, targetSeconds - cum);
            break;
          }
          cum += iv.seconds;
        }
      deadline ??= cal.addBusinessSeconds(end as EpochMs, targetSeconds - counted);
    }
  }
  const breached = deadline !== null && end > deadline;
  const lastKind = intervals.at(-1)?.kind;
  const state: TimerState =
    start === null
      ? 'stopped'
      : breached
        ? 'breached'
        : stop !== null
          ? cancelled
            ? 'stopped'
            : 'met'
          : lastKind === 'paused'
            ? 'paused'
            : 'running';
  const percent =
    targetSeconds > 0 ? (counted / targetSeconds) * 100 : breached || counted > 0 ? 100 : 0;
  return {
    metric,
    state,
    start: start as EpochMs | null,
    stop: stop as EpochMs | null,
    deadline: deadline as EpochMs | null,
    target: targetSeconds as BusinessSeconds,
    businessElapsed: counted as BusinessSeconds,
    paused: held as BusinessSeconds,
    remaining: (targetSeconds - counted) as BusinessSeconds,
    breached,
    breachAt: breached ? (deadline as EpochMs) : null,
    percentUsed: Math.round(percent * 10) / 10,
    explanation: { rule: describeRule(target), intervals },
  };
}

/** "assigned_to_team:<id>" from a target's origin and team (the form targets are stored in). */
export const timerOrigin = (
  origin: 'created' | 'assigned_to_team',
  teamId?: string | null,
): TimerOrigin => (origin === 'created' || !teamId ? 'created' : `assigned_to_team:${teamId}`);
