import type { CalendarsQuery } from '../../contract/calendars.js';
import { parseSort, type Ctx } from '../context.js';
import type { Page, UnitOfWork } from '../ports.js';
import type { CalendarRecord } from './calendar-record.js';
import { findCalendar } from './calendar-rules.js';

/** Every signed-in role may read calendars. */
export function getCalendar(uow: UnitOfWork, _ctx: Ctx, ref: string): Promise<CalendarRecord> {
  return findCalendar(uow.read, ref);
}

export function listCalendars(
  uow: UnitOfWork,
  _ctx: Ctx,
  query: Omit<CalendarsQuery, 'format'>,
): Promise<Page<CalendarRecord>> {
  return uow.read.calendars.list(
    { q: query.q, active: query.active, timeZone: query.timeZone },
    { limit: query.limit, cursor: query.cursor, sort: parseSort(query.sort) },
  );
}
