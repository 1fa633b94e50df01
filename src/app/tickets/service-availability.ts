import { invalid } from '../../core/errors.js';
import {
  availabilityByPeriod,
  monthlyPeriods,
  outageIntervals,
  type BusinessSeconds,
} from '../../core/availability.js';
import type { Instant } from '../../core/ids.js';
import type { Service } from '../../core/services.js';
import type { Availability } from '../../contract/tickets.js';
import type { Ctx } from '../context.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { findService } from '../services/service-rules.js';

/** At most this many months in one request. */
const maxMonths = 120;

/**
 * The service hours of a service as business seconds between two instants, with the calendar's
 * name. Services have no calendar yet: this returns null and only 24x7 figures are given.
 * When service calendars land, resolve the service's calendar here.
 */
export function serviceHoursOf(
  _repos: Repositories,
  _service: Service,
): Promise<{ calendar: string; seconds: BusinessSeconds } | null> {
  return Promise.resolve(null);
}

/** Availability per month from the service's outage incidents, 24x7 and within service hours. */
export async function serviceAvailability(
  uow: UnitOfWork,
  ctx: Ctx,
  ref: string,
  range: { from: string; to: string },
): Promise<Availability> {
  const service = await findService(uow.read, ref);
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  if (to <= from) throw invalid('to', 'must be after from');
  const periods = monthlyPeriods(from, to);
  if (periods.length > maxMonths)
    throw invalid('to', `the range covers more than ${maxMonths} months; ask for less`);
  const now = Date.parse(ctx.env.now());
  const histories = await uow.read.tickets.outageHistories(service.id, range.to as Instant);
  const outages = histories.flatMap((events) => outageIntervals({ events }, now));
  const hours = await serviceHoursOf(uow.read, service);
  return {
    serviceId: service.id,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    serviceHoursCalendar: hours?.calendar ?? null,
    periods: availabilityByPeriod(outages, periods, hours?.seconds),
  };
}
