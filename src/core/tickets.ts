import { DomainError, invalid } from './errors.js';
import type { Brand, Instant, PersonId, TeamId } from './ids.js';
import type { ServiceId } from './services.js';

export type TicketId = Brand<string, 'TicketId'>;

export const ticketTypes = ['incident', 'service_request'] as const;
export type TicketType = (typeof ticketTypes)[number];

/** P1 is the most urgent. */
export const priorities = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof priorities)[number];

export const impacts = ['outage', 'degraded', 'none'] as const;
export type Impact = (typeof impacts)[number];

export const ticketStatuses = [
  'new',
  'assigned',
  'in_progress',
  'pending_customer',
  'pending_vendor',
  'resolved',
  'closed',
  'reopened',
  'cancelled',
] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/** Statuses in which nobody has to work on the ticket any more. */
export const doneStatuses: readonly TicketStatus[] = ['resolved', 'closed', 'cancelled'];
/** Statuses that end a ticket's life: nothing follows them. */
export const finalStatuses: readonly TicketStatus[] = ['closed', 'cancelled'];
/** Moving out of these statuses (for the first time) is the first response. */
export const awaitingResponseStatuses: readonly TicketStatus[] = ['new', 'assigned'];

export const isOpen = (status: TicketStatus): boolean => !doneStatuses.includes(status);

/** Human numbers: INC-000123 for incidents, REQ-000045 for service requests. */
export const numberPrefix: Record<TicketType, string> = { incident: 'INC', service_request: 'REQ' };
export const formatTicketNumber = (type: TicketType, n: number): string =>
  `${numberPrefix[type]}-${String(n).padStart(6, '0')}`;
export const ticketNumberPattern = /^(INC|REQ)-\d{6,}$/;

const working: TicketStatus[] = ['assigned', 'in_progress', 'pending_customer', 'pending_vendor'];

/**
 * Where a ticket may go from each status. Work moves freely between the working statuses;
 * a resolved ticket is closed or reopened; closed and cancelled are final.
 */
export const transitions: Record<TicketStatus, readonly TicketStatus[]> = {
  new: [...working, 'resolved', 'cancelled'],
  assigned: [...working.filter((s) => s !== 'assigned'), 'resolved', 'cancelled'],
  in_progress: [...working.filter((s) => s !== 'in_progress'), 'resolved', 'cancelled'],
  pending_customer: [...working.filter((s) => s !== 'pending_customer'), 'resolved', 'cancelled'],
  pending_vendor: [...working.filter((s) => s !== 'pending_vendor'), 'resolved', 'cancelled'],
  reopened: [...working, 'resolved', 'cancelled'],
  resolved: ['closed', 'reopened'],
  closed: [],
  cancelled: [],
};

/** The reason a move is not allowed, or null. Staying in a status is not a move. */
export function transitionProblem(from: TicketStatus, to: TicketStatus): string | null {
  if (from === to) return null;
  if (transitions[from].includes(to)) return null;
  if (finalStatuses.includes(from)) return `a ${label(from)} ticket is final and cannot change`;
  return `a ${label(from)} ticket cannot move to ${label(to)}; it can move to ${transitions[from].map(label).join(', ')}`;
}

const label = (s: TicketStatus) => s.replace(/_/g, ' ');

/**
 * One fact of a ticket's history: from `at` on, the ticket was in this status, with this team,
 * assignee, priority and impact. The first event is the creation (status `new`). Events are
 * only ever appended; timers and outages are derived from them.
 */
export interface TicketEvent {
  seq: number;
  at: Instant;
  status: TicketStatus;
  teamId: TeamId | null;
  assigneeId: PersonId | null;
  priority: Priority;
  impact: Impact;
  /** Who made the change (null for imported history). */
  actorId: PersonId | null;
  note: string | null;
}

export interface Ticket {
  id: TicketId;
  number: string;
  type: TicketType;
  serviceId: ServiceId | null;
  priority: Priority;
  impact: Impact;
  title: string;
  description: string | null;
  requesterId: PersonId | null;
  teamId: TeamId | null;
  assigneeId: PersonId | null;
  status: TicketStatus;
  createdAt: Instant;
  firstResponseAt: Instant | null;
  resolvedAt: Instant | null;
  closedAt: Instant | null;
  externalRef: { source: string; id: string } | null;
  version: number;
  updatedAt: Instant;
}

/** What the history says about the ticket now. */
export interface HistoryState {
  status: TicketStatus;
  teamId: TeamId | null;
  assigneeId: PersonId | null;
  priority: Priority;
  impact: Impact;
  /** The first move out of new/assigned to anything but cancelled, unless given explicitly. */
  firstResponseAt: Instant | null;
  /** When the ticket was last resolved, while it is resolved or closed. */
  resolvedAt: Instant | null;
  /** When the ticket was closed or cancelled. */
  closedAt: Instant | null;
}

type EventFacts = Pick<
  TicketEvent,
  'at' | 'status' | 'teamId' | 'assigneeId' | 'priority' | 'impact'
>;

/** Folds a history (in order) into the ticket's current state. */
export function stateFromHistory(events: readonly EventFacts[]): HistoryState {
  const first = events[0];
  if (!first) throw new DomainError('invalid', 'history: a ticket has at least its creation event');
  let firstResponseAt: Instant | null = null;
  let resolvedAt: Instant | null = null;
  let closedAt: Instant | null = null;
  for (const e of events) {
    if (
      firstResponseAt === null &&
      !awaitingResponseStatuses.includes(e.status) &&
      e.status !== 'cancelled'
    ) {
      firstResponseAt = e.at;
    }
    if (e.status === 'resolved') resolvedAt = e.at;
    else if (e.status === 'reopened') resolvedAt = null;
    if (finalStatuses.includes(e.status)) closedAt = e.at;
  }
  const last = events.at(-1)!;
  return {
    status: last.status,
    teamId: last.teamId,
    assigneeId: last.assigneeId,
    priority: last.priority,
    impact: last.impact,
    firstResponseAt,
    resolvedAt: last.status === 'cancelled' ? null : resolvedAt,
    closedAt,
  };
}

/**
 * Checks the changes that followed a ticket's creation (status `new` at `createdAt`): instants
 * never go back and each status change is allowed. Throws `invalid` naming `<path>.<i>.at` or
 * `<path>.<i>.status`. A leading `new` entry is allowed (tools often list the creation).
 */
export function checkHistory(
  createdAt: Instant,
  changes: readonly { at: string; status: string }[],
  path = 'history',
): void {
  let previous: { at: string; status: TicketStatus } = { at: createdAt, status: 'new' };
  for (const [i, e] of changes.entries()) {
    if (!(ticketStatuses as readonly string[]).includes(e.status)) {
      throw invalid(`${path}.${i}.status`, `must be one of ${ticketStatuses.join(', ')}`);
    }
    const status = e.status as TicketStatus;
    if (Date.parse(e.at) < Date.parse(previous.at)) {
      throw invalid(
        `${path}.${i}.at`,
        i === 0
          ? `is before createdAt (${createdAt}); history must be in time order`
          : `is before the previous change (${previous.at}); history must be in time order`,
      );
    }
    const problem = transitionProblem(previous.status, status);
    if (problem) throw invalid(`${path}.${i}.status`, problem);
    previous = { at: e.at, status };
  }
}

/** The statuses a ticket in `status` can be moved to (for buttons and help texts). */
export const nextStatuses = (status: TicketStatus): readonly TicketStatus[] => transitions[status];
