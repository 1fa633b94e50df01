import type { z } from 'zod';
import { requireWrite } from '../../core/actor.js';
import { invalid } from '../../core/errors.js';
import type { PersonId, TeamId } from '../../core/ids.js';
import type { ServiceId } from '../../core/services.js';
import type {
  AssignTicket,
  ChangeStatus,
  RecordFirstResponse,
  UpdateTicket,
} from '../../contract/tickets.js';
import type { Ctx } from '../context.js';
import type { TicketView, UnitOfWork } from '../ports.js';
import { changeTicket, checkTicketReferences, findTicket } from './ticket-rules.js';

/** Changes title, description, type, service, requester; priority and impact go to the history. */
export function updateTicket(
  uow: UnitOfWork,
  ctx: Ctx,
  ref: string,
  expectedVersion: number,
  input: z.output<typeof UpdateTicket>,
): Promise<TicketView> {
  requireWrite(ctx.actor, 'change tickets');
  return uow.transaction(async (repos) => {
    const ticket = await findTicket(repos, ref);
    const { note, priority, impact, ...fields } = input;
    await checkTicketReferences(repos, {
      serviceId: fields.serviceId as ServiceId | null | undefined,
      requesterId: fields.requesterId as PersonId | null | undefined,
    });
    return changeTicket(repos, ctx, ticket, expectedVersion, {
      action: 'ticket.updated',
      fields: {
        ...fields,
        serviceId: fields.serviceId as ServiceId | null | undefined,
        requesterId: fields.requesterId as PersonId | null | undefined,
      },
      event: { priority, impact },
      note,
    });
  });
}

/**
 * Moves a ticket to another status (only the allowed moves). The first move out of new or
 * assigned (other than cancelling) is the first response, when none was recorded before.
 */
export function changeTicketStatus(
  uow: UnitOfWork,
  ctx: Ctx,
  ref: string,
  expectedVersion: number,
  input: z.output<typeof ChangeStatus>,
): Promise<TicketView> {
  requireWrite(ctx.actor, 'change the status of tickets');
  return uow.transaction(async (repos) => {
    const ticket = await findTicket(repos, ref);
    if (ticket.status === input.status)
      throw invalid('status', `the ticket is already ${input.status.replace(/_/g, ' ')}`);
    return changeTicket(repos, ctx, ticket, expectedVersion, {
      action: 'ticket.status_changed',
      event: { status: input.status },
      note: input.note,
    });
  });
}

/** Assigns a team and/or person; a new ticket becomes assigned. */
export function assignTicket(
  uow: UnitOfWork,
  ctx: Ctx,
  ref: string,
  expectedVersion: number,
  input: z.output<typeof AssignTicket>,
): Promise<TicketView> {
  requireWrite(ctx.actor, 'assign tickets');
  return uow.transaction(async (repos) => {
    const ticket = await findTicket(repos, ref);
    const teamId = input.teamId as TeamId | null;
    const assigneeId = (input.assigneeId ?? null) as PersonId | null;
    await checkTicketReferences(repos, { teamId, assigneeId });
    if (['closed', 'cancelled'].includes(ticket.status))
      throw invalid('status', `a ${ticket.status} ticket is final and cannot be assigned`);
    const status = ticket.status === 'new' && (teamId || assigneeId) ? 'assigned' : ticket.status;
    return changeTicket(repos, ctx, ticket, expectedVersion, {
      action: 'ticket.assigned',
      event: { teamId, assigneeId, status },
      note: input.note,
    });
  });
}

/** Records the first response now (e.g. a reply by email) when none is recorded yet. */
export function recordFirstResponse(
  uow: UnitOfWork,
  ctx: Ctx,
  ref: string,
  expectedVersion: number,
  _input: z.output<typeof RecordFirstResponse>,
): Promise<TicketView> {
  requireWrite(ctx.actor, 'record responses to tickets');
  return uow.transaction(async (repos) => {
    const ticket = await findTicket(repos, ref);
    if (ticket.firstResponseAt)
      throw invalid(
        'firstResponseAt',
        `the first response was already recorded at ${ticket.firstResponseAt}`,
      );
    if (['closed', 'cancelled'].includes(ticket.status))
      throw invalid('status', `a ${ticket.status} ticket is final and cannot change`);
    return changeTicket(repos, ctx, ticket, expectedVersion, {
      action: 'ticket.first_response',
      fields: { firstResponseAt: ctx.env.now() },
    });
  });
}
