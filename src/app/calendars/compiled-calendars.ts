import { compileCalendar, type CompiledCalendar } from '../../core/calendar/clock.js';
import type { CalendarRecord } from './calendar-record.js';
import { definitionOf } from './calendar-record.js';

/** Compiled calendars by id and version: a changed calendar compiles afresh. */
const cache = new Map<string, CompiledCalendar>();
const maxEntries = 500;

/**
 * The clock engine's compiled form of a stored calendar, reused while its version holds. Timers
 * call this with the calendar of their target (see `targetForTicket`).
 */
export function compiledCalendar(record: CalendarRecord): CompiledCalendar {
  const key = `${record.id}@${record.version}`;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compileCalendar(definitionOf(record));
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
    cache.set(key, compiled);
  }
  return compiled;
}
