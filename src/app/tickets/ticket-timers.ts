import type { Instant } from '../../core/ids.js';
import type { TicketEvent } from '../../core/tickets.js';
import type { Repositories, TicketView } from '../ports.js';
import { slaTimersFor, type SlaTimer } from '../sla/ticket-sla.js';

/**
 * SLA timers of a ticket (time to respond, time to resolve, and OLAs of the teams it was
 * assigned to), derived from its history and the service level targets by
 * src/app/sla/ticket-sla.ts: metric, state, deadline, remainingSeconds, and the target,
 * calendar, elapsed and paused time, breach and explanation.
 */
export type TicketTimer = SlaTimer;

export function timersOf(
  repos: Repositories,
  ticket: TicketView,
  history: readonly TicketEvent[],
  now: Instant = new Date().toISOString() as Instant,
): Promise<TicketTimer[]> {
  return slaTimersFor(repos, ticket, history, now);
}
