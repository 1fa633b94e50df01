/**
 * The attainment report: tickets created in [from, to) (optionally of one service and one
 * priority), each judged by the timers of its service level targets from creation (OLAs are
 * not part of it) derived from its history at the time of the report, grouped per period,
 * service and priority. Cancelled tickets are left out.
 */
import type { z } from 'zod';
import { DomainError, invalid } from '../../core/errors.js';
import type { Instant } from '../../core/ids.js';
import {
  attainmentRows,
  attainmentTrend,
  figuresOf,
  periodsBetween,
  ticketAttainment,
  type TicketAttainment,
} from '../../core/sla/attainment.js';
import { epochMsOf } from '../../core/calendar/units.js';
import type { AttainmentQuery, AttainmentReport } from '../../contract/sla.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { findService } from '../services/service-rules.js';
import { deriveTicketTimers, SlaLookup } from './ticket-sla.js';

const day = /^\d{4}-\d{2}-\d{2}$/;
const maxSpanMs = 5 * 366 * 86_400_000;
const pageSize = 500;

/** A date is its UTC day's start; `to` as a date is inclusive (the next day's start). */
function instantOfBound(value: string, end: boolean): Instant {
  if (day.test(value)) {
    const ms = Date.parse(`${value}T00:00:00.000Z`);
    return new Date(end ? ms + 86_400_000 : ms).toISOString() as Instant;
  }
  return new Date(Date.parse(value)).toISOString() as Instant;
}

export async function readAttainment(
  uow: UnitOfWork,
  ctx: Ctx,
  query: Omit<z.output<typeof AttainmentQuery>, 'format'>,
): Promise<AttainmentReport> {
  const from = instantOfBound(query.from, false);
  const to = instantOfBound(query.to, true);
  if (Number.isNaN(Date.parse(from))) throw invalid('from', 'is not a valid date');
  if (Number.isNaN(Date.parse(to))) throw invalid('to', 'is not a valid date');
  if (Date.parse(to) <= Date.parse(from)) throw invalid('to', 'must be after from');
  if (Date.parse(to) - Date.parse(from) > maxSpanMs)
    throw invalid('to', 'the report spans at most 5 years; narrow from and to');
  let serviceId;
  if (query.service) {
    try {
      serviceId = (await findService(uow.read, query.service)).id;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found')
        throw invalid('service', `no service has the slug or id ${query.service}`);
      throw error;
    }
  }
  const at = ctx.env.now();
  const lookup = new SlaLookup(uow.read);
  const items: TicketAttainment[] = [];
  let cursor: string | undefined;
  do {
    const page = await uow.read.tickets.list(
      { createdFrom: from, createdTo: to, serviceId, priority: query.priority },
      { limit: pageSize, cursor, sort: { field: 'createdAt', desc: false } },
    );
    cursor = page.nextCursor ?? undefined;
    const tickets = page.items.filter((t) => t.status !== 'cancelled');
    const histories = await uow.read.tickets.histories(tickets.map((t) => t.id));
    for (const ticket of tickets) {
      const derived = await deriveTicketTimers(lookup, ticket, histories.get(ticket.id) ?? [], at);
      const timers = derived
        .filter((d) => d.target.origin === 'created')
        .map((d) => ({
          metric: d.timer.metric,
          state: d.timer.state,
          breached: d.timer.breached,
          stoppedAfter: d.timer.stop === null ? null : d.timer.businessElapsed,
        }));
      items.push(
        ticketAttainment(
          {
            serviceId: ticket.serviceId,
            serviceSlug: ticket.serviceSlug,
            serviceName: ticket.serviceName,
            priority: ticket.priority,
            createdAt: epochMsOf(ticket.createdAt),
          },
          timers,
        ),
      );
    }
  } while (cursor);
  const keys = periodsBetween(epochMsOf(from), epochMsOf(to), query.period);
  return {
    from,
    to,
    period: query.period,
    at,
    rows: attainmentRows(items, query.period),
    trend: attainmentTrend(items, query.period, keys),
    totals: figuresOf(items),
  };
}
