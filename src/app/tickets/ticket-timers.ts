import type { TicketEvent } from '../../core/tickets.js';
import type { Repositories, TicketView } from '../ports.js';

/**
 * SLA timers of a ticket (time to respond, time to resolve), derived from its history and the
 * service level targets. The place where the timer engine (src/core/sla/timer.ts) plugs in:
 * until it does, tickets carry no timers.
 */
export interface TicketTimer {
  metric: string;
  state: string;
  deadline: string | null;
  remainingSeconds: number | null;
}

export function timersOf(
  _repos: Repositories,
  _ticket: TicketView,
  _history: readonly TicketEvent[],
): Promise<TicketTimer[]> {
  return Promise.resolve([]);
}
