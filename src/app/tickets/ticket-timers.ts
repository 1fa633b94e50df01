import type { EpochMs } from '../../core/calendar/units.js';
import type { TicketEvent, TicketId } from '../../core/tickets.js';
import type { Ctx } from '../context.js';
import type { Repositories, TicketView, UnitOfWork } from '../ports.js';
import { deriveTicketTimers, SlaLookup } from '../sla/ticket-sla.js';

/** A ticket's SLA timer (time to respond, time to resolve, and OLAs) as lists and pages show it. */
export interface TicketTimer {
  metric: 'response' | 'resolution';
  origin: 'created' | 'assigned_to_team';
  teamId: string | null;
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
 * SLA timers of tickets, derived from their history and the service level targets that apply:
 * per metric the service's own target for the priority (else the default) from creation, and
 * the operational level targets of the teams the ticket was assigned to. The full explanation
 * of each timer is at GET /tickets/:ref/sla. Tickets without a target have no timers.
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
  const lookup = new SlaLookup(repos);
  for (const t of tickets) {
    const derived = await deriveTicketTimers(lookup, t, facts.get(t.id) ?? [], now as EpochMs);
    out.set(
      t.id,
      derived.map(({ target, timer }) => ({
        metric: target.metric,
        origin: target.origin,
        teamId: target.teamId,
        state: timer.state,
        deadline: iso(timer.deadline),
        remainingSeconds: timer.remaining,
        pausedSeconds: timer.paused,
        percentUsed: timer.percentUsed,
        breached: timer.breached,
        breachAt: iso(timer.breachAt),
        rule: timer.explanation.rule,
      })),
    );
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
