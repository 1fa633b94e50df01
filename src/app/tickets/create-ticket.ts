import type { z } from 'zod';
import { requireWrite } from '../../core/actor.js';
import type { Instant, PersonId, TeamId } from '../../core/ids.js';
import type { ServiceId } from '../../core/services.js';
import { stateFromHistory, type Ticket, type TicketId } from '../../core/tickets.js';
import type { CreateTicket } from '../../contract/tickets.js';
import { recordChange, type Ctx } from '../context.js';
import type { NewTicketEvent, Repositories, TicketView, UnitOfWork } from '../ports.js';
import { checkTicketReferences } from './ticket-rules.js';

export type CreateTicketInput = z.output<typeof CreateTicket>;

/** The ticket's own fields as its creator gives them; the rest comes from its history. */
export interface NewTicket extends Pick<
  Ticket,
  | 'type'
  | 'serviceId'
  | 'priority'
  | 'impact'
  | 'title'
  | 'description'
  | 'requesterId'
  | 'teamId'
  | 'assigneeId'
  | 'createdAt'
> {
  /** The changes after the creation event, already checked and in order. */
  changes: NewTicketEvent[];
  /** Given by an import; otherwise derived from the history. */
  firstResponseAt?: Instant | null;
  externalRef?: Ticket['externalRef'];
  importHash?: string | null;
  /** Who created it (null for imported history). */
  creatorId: PersonId | null;
  action?: string;
}

/**
 * Inside a transaction: numbers, inserts and audits a ticket with its creation event (status
 * new at `createdAt`) and any later changes; the ticket's state comes from that history.
 */
export async function insertTicket(
  repos: Repositories,
  ctx: Ctx,
  input: NewTicket,
): Promise<TicketView> {
  const creation: NewTicketEvent = {
    at: input.createdAt,
    status: 'new',
    teamId: input.teamId,
    assigneeId: input.assigneeId,
    priority: input.priority,
    impact: input.impact,
    actorId: input.creatorId,
    note: null,
  };
  const events = [creation, ...input.changes];
  const state = stateFromHistory(events);
  const ticket: Ticket = {
    id: ctx.env.newId() as TicketId,
    number: await repos.tickets.nextNumber(input.type),
    type: input.type,
    serviceId: input.serviceId,
    title: input.title,
    description: input.description,
    requesterId: input.requesterId,
    createdAt: input.createdAt,
    ...state,
    firstResponseAt: input.firstResponseAt ?? state.firstResponseAt,
    externalRef: input.externalRef ?? null,
    version: 1,
    updatedAt: ctx.env.now(),
  };
  await repos.tickets.insert(ticket, input.importHash ?? null);
  await repos.tickets.appendEvents(ticket.id, events);
  await recordChange(repos.audit, ctx, {
    action: input.action ?? 'ticket.created',
    entityType: 'ticket',
    entityId: ticket.id,
    after: { ...ticket, history: events.length },
  });
  return (await repos.tickets.get(ticket.id))!;
}

/** Members and admins open tickets; the requester defaults to the caller. */
export async function createTicket(
  uow: UnitOfWork,
  ctx: Ctx,
  input: CreateTicketInput,
): Promise<TicketView> {
  requireWrite(ctx.actor, 'open tickets');
  return uow.transaction(async (repos) => {
    const refs = {
      serviceId: (input.serviceId ?? null) as ServiceId | null,
      requesterId: (input.requesterId === undefined
        ? ctx.actor.personId
        : input.requesterId) as PersonId | null,
      teamId: (input.teamId ?? null) as TeamId | null,
      assigneeId: (input.assigneeId ?? null) as PersonId | null,
    };
    await checkTicketReferences(repos, refs);
    const now = ctx.env.now();
    const assigned = refs.teamId !== null || refs.assigneeId !== null;
    return insertTicket(repos, ctx, {
      type: input.type,
      priority: input.priority,
      impact: input.impact,
      title: input.title,
      description: input.description ?? null,
      ...refs,
      // Creating with a team or an assignee is an assignment right away.
      teamId: null,
      assigneeId: null,
      createdAt: now,
      changes: assigned
        ? [
            {
              at: now,
              status: 'assigned',
              teamId: refs.teamId,
              assigneeId: refs.assigneeId,
              priority: input.priority,
              impact: input.impact,
              actorId: ctx.actor.personId,
              note: null,
            },
          ]
        : [],
      creatorId: ctx.actor.personId,
    });
  });
}
