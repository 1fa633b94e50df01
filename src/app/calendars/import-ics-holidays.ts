import { requireAdmin } from '../../core/actor.js';
import type { Holiday } from '../../core/calendar/calendar.js';
import { parseIcsHolidays } from '../../core/calendar/ics.js';
import type { IcsImportResult } from '../../contract/calendars.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { findCalendar, refuseBuiltIn } from './calendar-rules.js';
import { applyCalendarUpdate } from './update-calendar.js';

const keyOf = (h: Holiday) =>
  'date' in h ? `date:${h.date}:${h.yearly ? 'yearly' : 'once'}` : `range:${h.from}:${h.to}`;

/** Why `h` adds nothing to `existing` (already there, or a day inside a closed period), or null. */
function alreadyCovered(h: Holiday, existing: Holiday[], keys: Set<string>): string | null {
  if (keys.has(keyOf(h))) return 'already in the calendar';
  if (!('date' in h) || h.yearly) return null;
  for (const e of existing) {
    if ('date' in e && e.yearly && e.date.slice(5) === h.date.slice(5) && e.date <= h.date)
      return `already closed every year${e.name ? ` (${e.name})` : ''}`;
    if ('from' in e && e.from <= h.date && h.date <= e.to)
      return `inside ${e.name ?? 'a holiday period'} (${e.from} to ${e.to})`;
  }
  return null;
}

/**
 * Imports the holidays of an iCalendar file. A preview reports what would be added, what is
 * skipped (already in the calendar, or repeated in the file) and the events that cannot be
 * read, by line; saving adds the new ones in one audited change. Importing the same file again
 * adds nothing and changes nothing.
 */
export async function importIcsHolidays(
  uow: UnitOfWork,
  ctx: Ctx,
  ref: string,
  ics: string,
  options: { preview: boolean },
): Promise<IcsImportResult> {
  requireAdmin(ctx.actor, 'import holidays into calendars');
  const parsed = parseIcsHolidays(ics);
  return uow.transaction(async (repos) => {
    const calendar = await findCalendar(repos, ref);
    refuseBuiltIn(calendar);
    const keys = new Set(calendar.holidays.map(keyOf));
    const added: Holiday[] = [];
    const skipped: IcsImportResult['skipped'] = [];
    for (const holiday of parsed.holidays) {
      const reason = keys.has(keyOf(holiday))
        ? added.some((a) => keyOf(a) === keyOf(holiday))
          ? 'repeated in the file'
          : 'already in the calendar'
        : alreadyCovered(holiday, calendar.holidays, keys);
      if (reason) skipped.push({ holiday, reason });
      else {
        added.push(holiday);
        keys.add(keyOf(holiday));
      }
    }
    const result = { preview: options.preview, added, skipped, errors: parsed.errors };
    if (options.preview || added.length === 0) return { ...result, calendar };
    const saved = await applyCalendarUpdate(
      repos,
      ctx,
      calendar.id,
      calendar.version,
      { holidays: [...calendar.holidays, ...added] },
      'calendar.holidays_imported',
    );
    return { ...result, calendar: saved };
  });
}
