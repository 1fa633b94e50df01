import type { ServiceId } from '../../core/services.js';
import {
  targetFor,
  type CalendarId,
  type Metric,
  type Origin,
  type Priority,
  type ServiceLevelTarget,
} from '../../core/sla/targets.js';
import type { TeamId } from '../../core/ids.js';
import type { TargetsQuery } from '../../contract/targets.js';
import type { CalendarRecord } from '../calendars/calendar-record.js';
import { parseSort, type Ctx } from '../context.js';
import type { Page, Repositories, UnitOfWork } from '../ports.js';
import { findTarget } from './target-rules.js';

/** Every signed-in role may read targets. */
export function getTarget(uow: UnitOfWork, _ctx: Ctx, id: string): Promise<ServiceLevelTarget> {
  return findTarget(uow.read, id);
}

export function listTargets(
  uow: UnitOfWork,
  _ctx: Ctx,
  query: Omit<TargetsQuery, 'format'>,
): Promise<Page<ServiceLevelTarget>> {
  return uow.read.targets.list(
    {
      serviceId: query.serviceId === 'default' ? null : (query.serviceId as ServiceId | undefined),
      priority: query.priority,
      metric: query.metric,
      origin: query.origin,
      calendarId: query.calendarId as CalendarId | undefined,
    },
    { limit: query.limit, cursor: query.cursor, sort: parseSort(query.sort) },
  );
}

/**
 * The target that applies to a ticket and its calendar: the service's own target for the
 * priority, metric and origin, else the default; null when neither exists. For timers (inside
 * or outside a transaction: pass `uow.read` or the transaction's repositories).
 */
export async function targetForTicket(
  repos: Repositories,
  ticket: { serviceId: ServiceId | null; priority: Priority },
  metric: Metric,
  origin: { origin: Origin; teamId?: TeamId | null } = { origin: 'created' },
): Promise<{ target: ServiceLevelTarget; calendar: CalendarRecord } | null> {
  const targets = await repos.targets.forService(ticket.serviceId);
  const target = targetFor(targets, ticket.serviceId, ticket.priority, metric, origin);
  if (!target) return null;
  const calendar = await repos.calendars.get(target.calendarId);
  if (!calendar) return null;
  return { target, calendar };
}
