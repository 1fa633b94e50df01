import type { PersonId, TeamId } from '../../core/ids.js';
import type { TicketEvent } from '../../core/tickets.js';
import type { TicketsQuery } from '../../contract/tickets.js';
import { parseSort, type Ctx } from '../context.js';
import type { Page, TicketFilter, TicketView, UnitOfWork } from '../ports.js';
import { listTicketsBySla } from './list-tickets-by-sla.js';
import { findService } from '../services/service-rules.js';
import { findTicket } from './ticket-rules.js';
import type { Instant } from '../../core/ids.js';

/** Every signed-in role may read tickets. */
export function getTicket(uow: UnitOfWork, _ctx: Ctx, ref: string): Promise<TicketView> {
  return findTicket(uow.read, ref);
}

/**
 * A ticket's full history, oldest first: the facts SLA timers are derived from. For many
 * tickets at once use `repos.tickets.histories(ids)`.
 */
export async function getTicketHistory(
  uow: UnitOfWork,
  _ctx: Ctx,
  ref: string,
): Promise<{ ticket: TicketView; history: TicketEvent[] }> {
  const ticket = await findTicket(uow.read, ref);
  return { ticket, history: await uow.read.tickets.history(ticket.id) };
}

export async function listTickets(
  uow: UnitOfWork,
  ctx: Ctx,
  query: Omit<TicketsQuery, 'format'>,
): Promise<Page<TicketView>> {
  const service = query.service ? await findService(uow.read, query.service) : null;
  const filter: TicketFilter = {
    q: query.q,
    serviceId: service?.id,
    type: query.type,
    priority: query.priority,
    impact: query.impact,
    status: query.status,
    teamId: query.teamId as TeamId | undefined,
    assigneeId: query.assigneeId as PersonId | undefined,
    open: query.open,
    createdFrom: query.createdFrom as Instant | undefined,
    createdTo: query.createdTo as Instant | undefined,
  };
  const sort = parseSort(query.sort ?? '-createdAt');
  const byTimeLeft = sort?.field === 'timeLeft';
  if (byTimeLeft || query.sla)
    return listTicketsBySla(
      uow,
      filter,
      { sla: query.sla, desc: sort?.desc, byTimeLeft },
      { limit: query.limit, cursor: query.cursor },
      Date.parse(ctx.env.now()),
    );
  return uow.read.tickets.list(filter, { limit: query.limit, cursor: query.cursor, sort });
}
