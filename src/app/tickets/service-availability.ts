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
import { compiledCalendar } from '../calendars/compiled-calendars.js';
import type { EpochMs } from '../../core/calendar/units.js';
import { targetFor } from '../../core/sla/targets.js';

/** At most this many months in one request. */
const maxMonths = 120;

/**
 * The service hours of a service: the calendar of the target that sets its most urgent
 * commitment — the P1 time-to-resolve target from ticket creation (the service's own, else the
 * default). Null when no such target exists; then only 24x7 figures are given.
 */
export async function serviceHoursOf(
  repos: Repositories,
  service: Service,
): Promise<{ calendar: string; seconds: BusinessSeconds } | null> {
  const target = targetFor(
    await repos.targets.forService(service.id),
    service.id,
    'P1',
    'resolution',
  );
  if (!target) return null;
  const record = await repos.calendars.get(target.calendarId);
  if (!record) return null;
  const calendar = compiledCalendar(record);
  return {
    calendar: record.name,
    seconds: (from, to) => (to <= from ? 0 : calendar.elapsed(from as EpochMs, to as EpochMs)),
  };
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
