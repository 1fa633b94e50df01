import { z } from 'zod';
import { Boolish, Id, Instant, Name, OptionalText, listQuery, page } from './common.js';

/** The calendar that is always there and cannot be changed: every day, all day, UTC. */
export const builtInCalendarId = '00000000-0000-4000-8000-000000024707';

const HHMM = z.string().max(5).describe('a time of day, HH:MM; 24:00 ends a day');
const OpenRange = z.tuple([HHMM, HHMM]).readonly().describe('["08:00", "12:00"]: open from, until');
const Ranges = z.array(OpenRange).max(24, 'at most 24 open ranges a day');

export const Week = z
  .object({
    mon: Ranges.optional(),
    tue: Ranges.optional(),
    wed: Ranges.optional(),
    thu: Ranges.optional(),
    fri: Ranges.optional(),
    sat: Ranges.optional(),
    sun: Ranges.optional(),
  })
  .strict()
  .describe('open ranges per weekday; a missing or empty day is closed')
  .meta({ id: 'Week' });
export type Week = z.infer<typeof Week>;

/** One shape with every field optional, so the core model names what is missing or wrong. */
export const Holiday = z
  .object({
    date: z.string().max(10).optional().describe('a whole day, YYYY-MM-DD'),
    yearly: z.boolean().optional().describe('repeats on this month and day every year'),
    from: z.string().max(10).optional().describe('first day of an inclusive range, YYYY-MM-DD'),
    to: z.string().max(10).optional().describe('last day of an inclusive range, YYYY-MM-DD'),
    name: z.string().trim().max(200).optional(),
    active: z.boolean().optional().describe('inactive holidays are kept but not applied'),
  })
  .strict()
  .describe('either date (optionally yearly) or from and to')
  .meta({ id: 'Holiday' });
export type Holiday = z.infer<typeof Holiday>;

const Holidays = z.array(Holiday).max(2000, 'at most 2000 holidays');
const TimeZone = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64)
  .describe('IANA time zone, e.g. Europe/Paris');

export const Calendar = z
  .object({
    id: Id,
    name: z.string(),
    description: z.string().nullable(),
    timeZone: z.string(),
    week: Week,
    holidays: z.array(Holiday),
    builtIn: z.boolean().describe('the built-in 24x7 calendar cannot be changed'),
    active: z.boolean().describe('false once archived'),
    version: z.number().int(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Calendar' });
export type Calendar = z.infer<typeof Calendar>;

export const CreateCalendar = z
  .object({
    name: Name,
    description: OptionalText(2000),
    timeZone: TimeZone,
    week: Week,
    holidays: Holidays.default([]),
  })
  .strict();
export type CreateCalendar = z.input<typeof CreateCalendar>;

export const UpdateCalendar = z
  .object({
    name: Name,
    description: OptionalText(2000),
    timeZone: TimeZone,
    week: Week,
    holidays: Holidays,
    active: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateCalendar = z.input<typeof UpdateCalendar>;

export const CalendarsQuery = listQuery([
  'name',
  'timeZone',
  'createdAt',
  'updatedAt',
] as const).extend({
  active: Boolish,
  timeZone: z.string().max(64).optional(),
});
export type CalendarsQuery = z.output<typeof CalendarsQuery>;
export const CalendarsPage = page(Calendar);

export const LocalAndInstant = z.object({
  local: z.string().describe("wall-clock time in the calendar's zone, with its offset"),
  instant: Instant,
});

export const CheckQuery = z.object({
  from: z
    .string()
    .min(1)
    .max(40)
    .describe('an instant (Z or offset) or a local time of the calendar'),
  to: z.string().max(40).optional().describe('with from: business seconds between them'),
  add: z
    .string()
    .max(20)
    .optional()
    .describe('with from: business time to add, e.g. 4h, -90m, 3600s, 7wd (working days)'),
  endOfWorkingDay: Boolish.describe('working days only: the closing time of that day'),
});
export type CheckQuery = z.output<typeof CheckQuery>;

export const CheckResult = z
  .object({
    timeZone: z.string(),
    from: LocalAndInstant,
    to: LocalAndInstant.optional(),
    elapsedSeconds: z.number().int().optional().describe('business seconds from from to to'),
    add: z.string().optional(),
    result: LocalAndInstant.optional().describe('from plus the business time of add'),
  })
  .meta({ id: 'CalendarCheck' });
export type CheckResult = z.infer<typeof CheckResult>;

export const IcsImportQuery = z.object({
  preview: Boolish.describe('true: report what would be added and skipped, save nothing'),
});

export const IcsImportResult = z
  .object({
    preview: z.boolean(),
    added: z.array(Holiday).describe('holidays new to the calendar (saved unless preview)'),
    skipped: z
      .array(z.object({ holiday: Holiday, reason: z.string() }))
      .describe('events already in the calendar or repeated in the file'),
    errors: z
      .array(z.object({ line: z.number().int(), message: z.string() }))
      .describe('events that could not be read, by line of the file'),
    calendar: Calendar.describe('the calendar after the import (unchanged on preview)'),
  })
  .meta({ id: 'IcsImport' });
export type IcsImportResult = z.infer<typeof IcsImportResult>;

export const ApplyCalendar = CreateCalendar.extend({ active: z.boolean().optional() }).strict();
export type ApplyCalendar = z.input<typeof ApplyCalendar>;
export const ApplyQuery = z.object({
  dryRun: Boolish.describe('true: report what would change, save nothing'),
});
export const ApplyResult = z
  .object({
    outcome: z.enum(['created', 'updated', 'unchanged']),
    changed: z.array(z.string()).describe('the fields that differ from the stored calendar'),
    dryRun: z.boolean(),
    calendar: Calendar.nullable().describe('the calendar as saved; null on a dry run'),
  })
  .meta({ id: 'CalendarApply' });
export type ApplyResult = z.infer<typeof ApplyResult>;
