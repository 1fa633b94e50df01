/**
 * SLA timers of tickets in the app layer: for each metric (time to respond, time to resolve) the
 * target that applies (the service's own, else the default; clock from creation, plus one per
 * team the ticket was assigned to that has an OLA target), its compiled calendar, and the timer
 * derived from the ticket's history at `now` (src/core/sla/timer.ts) with its explanation.
 */
import type { CompiledCalendar } from '../../core/calendar/clock.js';
import { epochMsOf, instantOf, type EpochMs } from '../../core/calendar/units.js';
import type { Instant, TeamId } from '../../core/ids.js';
import type { ServiceId } from '../../core/services.js';
import {
  metrics,
  targetFor,
  type CalendarId,
  type Metric,
  type Origin,
  type ServiceLevelTarget,
} from '../../core/sla/targets.js';
import {
  deriveTimer,
  timerOrigin,
  type IntervalKind,
  type TicketFacts,
  type Timer,
  type TimerState,
  type TimerTarget,
} from '../../core/sla/timer.js';
import type { Priority, TicketEvent, TicketStatus } from '../../core/tickets.js';
import type { CalendarRecord } from '../calendars/calendar-record.js';
import { compiledCalendar } from '../calendars/compiled-calendars.js';
import type { Repositories } from '../ports.js';

/** One timer of a ticket, as the API and the UI show it (instants as ISO strings). */
export interface SlaTimer {
  metric: Metric;
  origin: Origin;
  /** The team whose assignment started the clock (an OLA), else null. */
  teamId: TeamId | null;
  targetId: string;
  targetVersion: number;
  calendarId: string;
  calendarName: string;
  calendarVersion: number;
  timeZone: string;
  state: TimerState;
  start: Instant | null;
  stop: Instant | null;
  deadline: Instant | null;
  targetSeconds: number;
  elapsedSeconds: number;
  pausedSeconds: number;
  remainingSeconds: number;
  breached: boolean;
  breachAt: Instant | null;
  percentUsed: number;
  explanation: {
    rule: string;
    intervals: {
      from: Instant;
      to: Instant;
      kind: IntervalKind;
      status: TicketStatus;
      seconds: number;
    }[];
  };
}

/** A timer with what it was derived from (for escalations and reports). */
export interface DerivedTimer {
  target: ServiceLevelTarget;
  calendar: CalendarRecord;
  compiled: CompiledCalendar;
  facts: TicketFacts;
  timerTarget: TimerTarget;
  timer: Timer;
}

/** The facts the timer engine needs, from a ticket's stored history (creation event included). */
export function factsOf(
  ticket: { createdAt: Instant; firstResponseAt: Instant | null },
  history: readonly TicketEvent[],
): TicketFacts {
  return {
    createdAt: epochMsOf(ticket.createdAt),
    changes: history.map((e) => ({
      at: epochMsOf(e.at),
      status: e.status,
      team: e.teamId,
    })),
    firstResponseAt: ticket.firstResponseAt ? epochMsOf(ticket.firstResponseAt) : null,
  };
}

/**
 * Memoises targets per service and calendars per id for one evaluation (a request, a report,
 * a scheduler run), so many tickets cost a handful of queries. Compiled calendars are cached
 * across calls by id and version (compiledCalendar).
 */
export class SlaLookup {
  private readonly targets = new Map<string, Promise<ServiceLevelTarget[]>>();
  private readonly calendars = new Map<string, Promise<CalendarRecord | null>>();

  constructor(private readonly repos: Repositories) {}

  targetsOf(serviceId: ServiceId | null): Promise<ServiceLevelTarget[]> {
    const key = serviceId ?? '*';
    let found = this.targets.get(key);
    if (!found) {
      found = this.repos.targets.forService(serviceId);
      this.targets.set(key, found);
    }
    return found;
  }

  calendar(id: CalendarId): Promise<CalendarRecord | null> {
    let found = this.calendars.get(id);
    if (!found) {
      found = this.repos.calendars.get(id);
      this.calendars.set(id, found);
    }
    return found;
  }
}

/** The targets that apply to a ticket: per metric from creation, and the OLAs of its teams. */
export function applicableTargets(
  targets: readonly ServiceLevelTarget[],
  ticket: { serviceId: ServiceId | null; priority: Priority },
  history: readonly TicketEvent[],
): ServiceLevelTarget[] {
  const out: ServiceLevelTarget[] = [];
  const teams = [...new Set(history.map((e) => e.teamId).filter((t): t is TeamId => t !== null))];
  for (const metric of metrics) {
    const own = targetFor(targets, ticket.serviceId, ticket.priority, metric);
    if (own) out.push(own);
    for (const teamId of teams) {
      const ola = targetFor(targets, ticket.serviceId, ticket.priority, metric, {
        origin: 'assigned_to_team',
        teamId,
      });
      if (ola) out.push(ola);
    }
  }
  return out;
}

/** The derived timers of one ticket at `now`, with their targets and calendars. */
export async function deriveTicketTimers(
  lookup: SlaLookup,
  ticket: {
    serviceId: ServiceId | null;
    priority: Priority;
    createdAt: Instant;
    firstResponseAt: Instant | null;
  },
  history: readonly TicketEvent[],
  now: Instant | EpochMs,
): Promise<DerivedTimer[]> {
  const at = typeof now === 'number' ? now : epochMsOf(now);
  const targets = applicableTargets(await lookup.targetsOf(ticket.serviceId), ticket, history);
  const facts = factsOf(ticket, history);
  const out: DerivedTimer[] = [];
  for (const target of targets) {
    const calendar = await lookup.calendar(target.calendarId);
    if (!calendar) continue;
    const compiled = compiledCalendar(calendar);
    const timerTarget: TimerTarget = {
      metric: target.metric,
      duration: target.duration,
      calendar: compiled,
      pauseStatuses: target.pauseStatuses,
      origin: timerOrigin(target.origin, target.teamId),
    };
    out.push({
      target,
      calendar,
      compiled,
      facts,
      timerTarget,
      timer: deriveTimer(facts, timerTarget, at),
    });
  }
  return out;
}

const iso = (ms: number | null): Instant | null => (ms === null ? null : instantOf(ms));

/** The API/UI form of a derived timer. */
export function slaTimerOf(d: DerivedTimer): SlaTimer {
  const t = d.timer;
  return {
    metric: d.target.metric,
    origin: d.target.origin,
    teamId: d.target.teamId,
    targetId: d.target.id,
    targetVersion: d.target.version,
    calendarId: d.calendar.id,
    calendarName: d.calendar.name,
    calendarVersion: d.calendar.version,
    timeZone: d.calendar.timeZone,
    state: t.state,
    start: iso(t.start),
    stop: iso(t.stop),
    deadline: iso(t.deadline),
    targetSeconds: t.target,
    elapsedSeconds: t.businessElapsed,
    pausedSeconds: t.paused,
    remainingSeconds: t.remaining,
    breached: t.breached,
    breachAt: iso(t.breachAt),
    percentUsed: t.percentUsed,
    explanation: {
      rule: t.explanation.rule,
      intervals: t.explanation.intervals.map((i) => ({
        from: instantOf(i.from),
        to: instantOf(i.to),
        kind: i.kind,
        status: i.status,
        seconds: i.seconds,
      })),
    },
  };
}

/**
 * The SLA timers of a ticket at `now`: for each metric the applicable target (service-specific
 * or default, from creation; and OLAs from assignment to a team), its calendar and the timer
 * derived from the history, with the explanation (timeline and rule). Empty without targets.
 */
export async function slaTimersFor(
  repos: Repositories,
  ticket: {
    serviceId: ServiceId | null;
    priority: Priority;
    createdAt: Instant;
    firstResponseAt: Instant | null;
  },
  history: readonly TicketEvent[],
  now: Instant,
  lookup: SlaLookup = new SlaLookup(repos),
): Promise<SlaTimer[]> {
  return (await deriveTicketTimers(lookup, ticket, history, now)).map(slaTimerOf);
}
