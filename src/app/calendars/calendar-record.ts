import type { BusinessCalendar, Holiday } from '../../core/calendar/calendar.js';
import type { Instant } from '../../core/ids.js';
import type { CalendarId } from '../../core/sla/targets.js';

/** A business calendar as Charter stores it: the core definition plus name and bookkeeping. */
export interface CalendarRecord {
  id: CalendarId;
  name: string;
  description: string | null;
  timeZone: string;
  week: BusinessCalendar['week'];
  holidays: Holiday[];
  /** The built-in 24x7 calendar: always there, never changed. */
  builtIn: boolean;
  /** false once archived: kept for the targets and history that use it, not offered for new ones. */
  active: boolean;
  version: number;
  createdAt: Instant;
  updatedAt: Instant;
}

export type CalendarFields = Pick<
  CalendarRecord,
  'name' | 'description' | 'timeZone' | 'week' | 'holidays' | 'active'
>;

/** The pure definition the clock engine compiles (the vectors' calendar form). */
export const definitionOf = (
  c: Pick<CalendarRecord, 'timeZone' | 'week' | 'holidays'>,
): BusinessCalendar => ({ timeZone: c.timeZone, week: c.week, holidays: c.holidays });
