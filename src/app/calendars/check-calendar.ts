import { formatLocal, parseTime } from '../../core/calendar/local-time.js';
import type { CompiledCalendar } from '../../core/calendar/clock.js';
import type { EpochMs } from '../../core/calendar/units.js';
import { instantOf } from '../../core/calendar/units.js';
import { invalid } from '../../core/errors.js';
import type { CheckQuery, CheckResult } from '../../contract/calendars.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { findCalendar } from './calendar-rules.js';
import { compiledCalendar } from './compiled-calendars.js';

/** A business duration: `4h`, `-90m`, `3600s`, `1d` (24 business hours) or `7wd` (working days). */
export type ParsedDuration = { seconds: number } | { workingDays: number };

const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

export function parseBusinessDuration(text: string): ParsedDuration | null {
  const m = /^([+-]?)(\d{1,9})(wd|s|m|h|d)$/.exec(text.trim().toLowerCase());
  if (!m) return null;
  const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  return m[3] === 'wd' ? { workingDays: n } : { seconds: n * units[m[3]!]! };
}

function readTime(calendar: CompiledCalendar, text: string, path: string): EpochMs {
  const at = parseTime(calendar, text);
  if (at === null)
    throw invalid(
      path,
      `"${text}" is not a time: use 2026-03-02T09:30 (local to the calendar) or an instant with Z or an offset`,
    );
  return at;
}

/**
 * Checks a calendar by hand: business seconds between two times, or the time reached by adding
 * business time. Times without an offset are local to the calendar. A read: every signed-in
 * role may ask.
 */
export async function checkCalendar(
  uow: UnitOfWork,
  _ctx: Ctx,
  ref: string,
  query: CheckQuery,
): Promise<CheckResult> {
  const record = await findCalendar(uow.read, ref);
  const calendar = compiledCalendar(record);
  const from = readTime(calendar, query.from, 'from');
  const show = (at: EpochMs) => ({ local: formatLocal(calendar, at), instant: instantOf(at) });
  const out: CheckResult = { timeZone: record.timeZone, from: show(from) };
  if (query.to === undefined && query.add === undefined)
    throw invalid('to', 'give to (business time between) or add (business time to add)');
  if (query.to !== undefined) {
    const to = readTime(calendar, query.to, 'to');
    out.to = show(to);
    out.elapsedSeconds = Math.round(calendar.elapsed(from, to));
  }
  if (query.add !== undefined) {
    const duration = parseBusinessDuration(query.add);
    if (!duration)
      throw invalid('add', `"${query.add}" is not a duration: use e.g. 4h, -90m, 3600s or 7wd`);
    if (query.endOfWorkingDay && !('workingDays' in duration))
      throw invalid('endOfWorkingDay', 'applies to working days (wd) only');
    out.add = query.add;
    out.result = show(
      'workingDays' in duration
        ? calendar.addWorkingDays(from, duration.workingDays, {
            endOfWorkingDay: query.endOfWorkingDay ?? false,
          })
        : calendar.addBusinessSeconds(from, duration.seconds),
    );
  }
  return out;
}
