import { validateCalendar, type BusinessCalendar } from '../../core/calendar/calendar.js';
import { DomainError, forbidden, notFound } from '../../core/errors.js';
import type { CalendarId } from '../../core/sla/targets.js';
import type { Repositories } from '../ports.js';
import type { CalendarRecord } from './calendar-record.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The calendar's time zone, week and holidays checked by the core model: every problem is
 * listed with its path (`week.tue[1]`, `holidays[2].to`) and nothing is saved.
 */
export function checkedDefinition(input: {
  timeZone: string;
  week: unknown;
  holidays: unknown;
}): BusinessCalendar {
  const result = validateCalendar({
    timeZone: input.timeZone,
    week: input.week,
    holidays: input.holidays,
  });
  if (result.ok) return result.calendar;
  const [first] = result.issues;
  throw new DomainError(
    'invalid',
    result.issues.length === 1 && first
      ? `${first.path}: ${first.message}`
      : `The calendar has ${result.issues.length} problems; each is listed with its field.`,
    result.issues,
  );
}

/** A calendar by id or by name (case-insensitive); 404 when neither. */
export async function findCalendar(repos: Repositories, ref: string): Promise<CalendarRecord> {
  const found = uuid.test(ref)
    ? await repos.calendars.get(ref.toLowerCase() as CalendarId)
    : await repos.calendars.findByName(ref);
  if (!found) throw notFound('Calendar');
  return found;
}

export function refuseBuiltIn(calendar: CalendarRecord): void {
  if (calendar.builtIn)
    throw forbidden(
      `${calendar.name} is built in and cannot be changed; create a calendar of your own instead.`,
    );
}
