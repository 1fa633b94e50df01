import type { TicketSla } from '../../contract/sla.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { findTicket } from '../tickets/ticket-rules.js';
import { slaTimersFor } from './ticket-sla.js';

/**
 * A ticket's SLA timers now, each with its full explanation (the timeline of counted, paused
 * and closed intervals, and the rule). Every signed-in role may read tickets, so their timers.
 */
export async function readTicketSla(uow: UnitOfWork, ctx: Ctx, ref: string): Promise<TicketSla> {
  const ticket = await findTicket(uow.read, ref);
  const history = await uow.read.tickets.history(ticket.id);
  const at = ctx.env.now();
  return {
    ticketId: ticket.id,
    number: ticket.number,
    at,
    timers: await slaTimersFor(uow.read, ticket, history, at),
  };
}
