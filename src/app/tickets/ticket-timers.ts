import type { EpochMs } from '../../core/calendar/units.js';
import { deriveTimer } from '../../core/sla/timer.js';
import { metrics, targetFor, type ServiceLevelTarget } from '../../core/sla/targets.js';
import type { TicketEvent, TicketId } from '../../core/tickets.js';
import { compiledCalendar } from '../calendars/compiled-calendars.js';
import type { Ctx } from '../context.js';
import type { Repositories, TicketView, UnitOfWork } from '../ports.js';

/** A ticket's SLA timer (time to respond, time to resolve) as lists and pages show it. */
export interface TicketTimer {
  metric: 'response' | 'resolution';
  state: 'running' | 'paused' | 'met' | 'breached' | 'stopped';
  deadline: string | null;
  remainingSeconds: number;
  pausedSeconds: number;
  percentUsed: number;
  breached: boolean;
  breachAt: string | null;
  rule: string;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * SLA timers of tickets, derived from their history and the service level targets that apply
 * (the service's own for the priority and metric, else the default; origin ticket creation).
 * Tickets without a target have no timers.
 */
export async function timersOf(
  repos: Repositories,
  tickets: readonly TicketView[],
  now: number,
  histories?: Map<TicketId, TicketEvent[]>,
): Promise<Map<TicketId, TicketTimer[]>> {
  const out = new Map<TicketId, TicketTimer[]>();
  if (tickets.length === 0) return out;
  const facts = histories ?? (await repos.tickets.histories(tickets.map((t) => t.id)));
  const targetsBy = new Map<string, ServiceLevelTarget[]>();
  for (const t of tickets) {
    const key = t.serviceId ?? '';
    if (!targetsBy.has(key)) targetsBy.set(key, await repos.targets.forService(t.serviceId));
  }
  const calendars = new Map<string, ReturnType<typeof compiledCalendar> | null>();
  for (const t of tickets) {
    const timers: TicketTimer[] = [];
    const history = facts.get(t.id) ?? [];
    for (const metric of metrics) {
      const target = targetFor(
        targetsBy.get(t.serviceId ?? '') ?? [],
        t.serviceId,
        t.priority,
        metric,
      );
      if (!target) continue;
      if (!calendars.has(target.calendarId)) {
        const record = await repos.calendars.get(target.calendarId);
        calendars.set(target.calendarId, record ? compiledCalendar(record) : null);
      }
      const calendar = calendars.get(target.calendarId);
      if (!calendar) continue;
      const timer = deriveTimer(
        {
          createdAt: Date.parse(t.createdAt) as EpochMs,
          changes: history.map((e) => ({
            at: Date.parse(e.at) as EpochMs,
            status: e.status,
            team: e.teamId,
          })),
          firstResponseAt: t.firstResponseAt ? (Date.parse(t.firstResponseAt) as EpochMs) : null,
        },
        {
          metric,
          duration: target.duration,
          calendar,
          pauseStatuses: target.pauseStatuses,
        },
        now as EpochMs,
      );
      timers.push({
        metric,
        state: timer.state,
        deadline: iso(timer.deadline),
        remainingSeconds: timer.remaining,
        pausedSeconds: timer.paused,
        percentUsed: timer.percentUsed,
        breached: timer.breached,
        breachAt: iso(timer.breachAt),
        rule: timer.explanation.rule,
      });
    }
    out.set(t.id, timers);
  }
  return out;
}

/** Tickets with their timers, for lists and pages. */
export async function withTimers(
  uow: UnitOfWork,
  ctx: Ctx,
  tickets: readonly TicketView[],
): Promise<(TicketView & { timers: TicketTimer[] })[]> {
  const timers = await timersOf(uow.read, tickets, Date.parse(ctx.env.now()));
  return tickets.map((t) => ({ ...t, timers: timers.get(t.id) ?? [] }));
}
