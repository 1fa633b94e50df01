import { invalid, notFound } from '../../core/errors.js';
import type { Instant, PersonId, TeamId } from '../../core/ids.js';
import type { ServiceId } from '../../core/services.js';
import {
  stateFromHistory,
  ticketNumberPattern,
  transitionProblem,
  type Ticket,
  type TicketEvent,
  type TicketId,
} from '../../core/tickets.js';
import { recordChange, type Ctx } from '../context.js';
import type { NewTicketEvent, Repositories, TicketView } from '../ports.js';
import { current, staleWrite } from '../records.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds a ticket by id or number (INC-000123). */
export async function findTicket(repos: Repositories, ref: string): Promise<TicketView> {
  const upper = ref.toUpperCase();
  const ticket = uuid.test(ref)
    ? await repos.tickets.get(ref as TicketId)
    : ticketNumberPattern.test(upper)
      ? await repos.tickets.getByNumber(upper)
      : null;
  if (!ticket) throw notFound(`Ticket ${ref}`);
  return ticket;
}

/** Service, requester, team and assignee must exist; an assignee belongs to the team. */
export async function checkTicketReferences(
  repos: Repositories,
  refs: {
    serviceId?: ServiceId | null | undefined;
    requesterId?: PersonId | null | undefined;
    teamId?: TeamId | null | undefined;
    assigneeId?: PersonId | null | undefined;
  },
): Promise<void> {
  if (refs.serviceId) {
    const service = await repos.services.get(refs.serviceId);
    if (!service) throw invalid('serviceId', 'no service has this id');
    if (service.lifecycle === 'retired')
      throw invalid('serviceId', `${service.name} is retired; choose a service in use`);
  }
  if (refs.requesterId && !(await repos.people.get(refs.requesterId)))
    throw invalid('requesterId', 'no person has this id');
  let memberIds: PersonId[] | null = null;
  if (refs.teamId) {
    const team = await repos.teams.get(refs.teamId);
    if (!team) throw invalid('teamId', 'no team has this id');
    memberIds = [...team.memberIds, ...(team.leadId ? [team.leadId] : [])];
  }
  if (refs.assigneeId) {
    const person = await repos.people.get(refs.assigneeId);
    if (!person || !person.active) throw invalid('assigneeId', 'no active person has this id');
    if (memberIds && !memberIds.includes(refs.assigneeId))
      throw invalid('assigneeId', `${person.name} is not a member of the assigned team`);
  }
}

/** The facts of a new event: the ticket's current state with `changes` applied. */
export const nextEvent = (
  t: Pick<Ticket, 'status' | 'teamId' | 'assigneeId' | 'priority' | 'impact'>,
  changes: Partial<Pick<TicketEvent, 'status' | 'teamId' | 'assigneeId' | 'priority' | 'impact'>>,
  at: Instant,
  actorId: PersonId | null,
  note: string | null,
): NewTicketEvent => ({
  at,
  status: changes.status ?? t.status,
  teamId: changes.teamId === undefined ? t.teamId : changes.teamId,
  assigneeId: changes.assigneeId === undefined ? t.assigneeId : changes.assigneeId,
  priority: changes.priority ?? t.priority,
  impact: changes.impact ?? t.impact,
  actorId,
  note,
});

const strip = ({ serviceSlug: _s, serviceName: _n, ...t }: TicketView): Ticket => t;

/**
 * Inside a transaction: applies a change at `expectedVersion`. Field changes (`fields`) are
 * written in place; when status, team, assignee, priority or impact change, an event is appended
 * and the ticket's state is re-derived from its whole history. Audited as `action`.
 */
export async function changeTicket(
  repos: Repositories,
  ctx: Ctx,
  ref: TicketView,
  expectedVersion: number,
  change: {
    action: string;
    fields?: Partial<
      Pick<
        Ticket,
        'type' | 'serviceId' | 'title' | 'description' | 'requesterId' | 'firstResponseAt'
      >
    >;
    event?: Partial<Pick<TicketEvent, 'status' | 'teamId' | 'assigneeId' | 'priority' | 'impact'>>;
    note?: string | null | undefined;
    at?: Instant;
  },
): Promise<TicketView> {
  const before = current(ref, expectedVersion, 'Ticket');
  const now = ctx.env.now();
  const fields = Object.fromEntries(
    Object.entries(change.fields ?? {}).filter(([, v]) => v !== undefined),
  );
  let after: Ticket = { ...strip(before), ...fields, updatedAt: now };
  const facts = nextEvent(
    before,
    change.event ?? {},
    change.at ?? now,
    ctx.actor.personId,
    change.note ?? null,
  );
  const moved =
    facts.status !== before.status ||
    facts.teamId !== before.teamId ||
    facts.assigneeId !== before.assigneeId ||
    facts.priority !== before.priority ||
    facts.impact !== before.impact;
  if (moved) {
    const problem = transitionProblem(before.status, facts.status);
    if (problem) throw invalid('status', problem);
    const history = await repos.tickets.history(before.id);
    const last = history.at(-1);
    if (last && Date.parse(facts.at) < Date.parse(last.at)) facts.at = last.at;
    await repos.tickets.appendEvents(before.id, [facts]);
    const state = stateFromHistory([...history, facts]);
    after = {
      ...after,
      ...state,
      firstResponseAt: after.firstResponseAt ?? state.firstResponseAt,
    };
  }
  if (!(await repos.tickets.update(after, expectedVersion))) throw staleWrite('This ticket');
  const saved = (await repos.tickets.get(before.id))!;
  await recordChange(repos.audit, ctx, {
    action: change.action,
    entityType: 'ticket',
    entityId: before.id,
    before: strip(before),
    after: { ...strip(saved), ...(moved ? { event: facts } : {}) },
  });
  return saved;
}
