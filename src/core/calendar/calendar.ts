/**
 * Business calendars: an IANA time zone, open ranges per weekday (split shifts, lunch breaks;
 * "24:00" allowed as an end) and holidays. This is exactly the form of the calendars in the
 * shared SLA clock vectors, so the same JSON/YAML is accepted by the API, the CLI and tests.
 * `validateCalendar` turns untrusted input into a `BusinessCalendar` or lists every problem
 * with its path (`week.tue[1]`, `holidays[2].to`).
 */
import { Temporal } from 'temporal-polyfill';
import type { ErrorIssue } from '../errors.js';
import { daysInMonth } from './units.js';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

/** "HH:MM" local wall-clock time, 00:00–23:59, or "24:00" as an end (midnight after the day). */
export type WallTime = string;
export type TimeRange = readonly [start: WallTime, end: WallTime];

export interface DateHoliday {
  /** A whole local day, YYYY-MM-DD. */
  date: string;
  /** Repeats on that month and day every year (29 February only in leap years). */
  yearly?: boolean;
  name?: string;
  /** Inactive holidays are kept but ignored; default true. */
  active?: boolean;
}
export interface RangeHoliday {
  /** First and last closed local day, inclusive, YYYY-MM-DD. */
  from: string;
  to: string;
  name?: string;
  active?: boolean;
}
export type Holiday = DateHoliday | RangeHoliday;

export interface BusinessCalendar {
  /** IANA time zone, e.g. "Europe/Berlin"; open ranges and holidays are local to it. */
  timeZone: string;
  /** Open ranges per weekday; a missing or empty day is closed. */
  week: Partial<Record<Weekday, TimeRange[]>>;
  holidays: Holiday[];
}

export type CalendarValidation =
  { ok: true; calendar: BusinessCalendar } | { ok: false; issues: ErrorIssue[] };

/** Open every minute of every day (no holidays). */
export function calendar24x7(timeZone = 'UTC'): BusinessCalendar {
  const week: Partial<Record<Weekday, TimeRange[]>> = {};
  for (const day of weekdays) week[day] = [['00:00', '24:00']];
  return { timeZone, week, holidays: [] };
}

const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after local midnight of "HH:MM" (1440 for "24:00"), or null if not a valid time. */
export function parseWallTime(value: unknown, allowEndOfDay: boolean): number | null {
  if (typeof value !== 'string') return null;
  const m = TIME.exec(value);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes > 1440 || (minutes === 1440 && !allowEndOfDay)) return null;
  return minutes;
}

/** [year, month, day] of a valid YYYY-MM-DD, or null. */
export function parseDate(value: unknown): [number, number, number] | null {
  if (typeof value !== 'string') return null;
  const m = DATE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return [y, mo, d];
}

/** True for a time zone name Temporal knows (IANA names and "UTC"; not bare offsets). */
export function isIanaTimeZone(name: unknown): boolean {
  if (typeof name !== 'string' || name.length === 0 || /^[+\-\u2212]/.test(name)) return false;
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(name);
    return true;
  } catch {
    return false;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function validateWeek(input: unknown, issues: ErrorIssue[]): BusinessCalendar['week'] {
  const week: BusinessCalendar['week'] = {};
  if (!isRecord(input)) {
    issues.push({
      path: 'week',
      message: 'must be an object of weekdays (mon … sun) to open ranges',
    });
    return week;
  }
  for (const [key, value] of Object.entries(input)) {
    if (!(weekdays as readonly string[]).includes(key)) {
      issues.push({ path: `week.${key}`, message: `is not a weekday: use ${weekdays.join(', ')}` });
      continue;
    }
    const day = key as Weekday;
    if (value === null || value === undefined) continue;
    if (!Array.isArray(value)) {
      issues.push({ path: `week.${day}`, message: 'must be a list of ["HH:MM", "HH:MM"] ranges' });
      continue;
    }
    const ranges: { index: number; start: number; end: number; range: TimeRange }[] = [];
    value.forEach((raw: unknown, index) => {
      const path = `week.${day}[${index}]`;
      if (!Array.isArray(raw) || raw.length !== 2) {
        issues.push({
          path,
          message: 'must be a range ["HH:MM", "HH:MM"], e.g. ["08:00", "12:00"]',
        });
        return;
      }
      const start = parseWallTime(raw[0], false);
      const end = parseWallTime(raw[1], true);
      if (start === null)
        issues.push({
          path: `${path}[0]`,
          message: `${JSON.stringify(raw[0])} is not a time 00:00–23:59`,
        });
      if (end === null)
        issues.push({
          path: `${path}[1]`,
          message: `${JSON.stringify(raw[1])} is not a time 00:00–24:00`,
        });
      if (start === null || end === null) return;
      if (end <= start) {
        issues.push({
          path,
          message: `ends (${String(raw[1])}) ${end === start ? 'when it starts: the range is empty' : 'before it starts: the range is reversed'}`,
        });
        return;
      }
      ranges.push({ index, start, end, range: [raw[0] as string, raw[1] as string] });
    });
    const sorted = [...ranges].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const cur = sorted[i]!;
      if (cur.start < prev.end) {
        const later = cur.index > prev.index ? cur : prev;
        const other = later === cur ? prev : cur;
        issues.push({
          path: `week.${day}[${later.index}]`,
          message: `${later.range[0]}–${later.range[1]} overlaps ${other.range[0]}–${other.range[1]}`,
        });
      }
    }
    week[day] = sorted.map((r) => r.range);
  }
  return week;
}

function validateHoliday(raw: unknown, path: string, issues: ErrorIssue[]): Holiday | null {
  if (!isRecord(raw)) {
    issues.push({
      path,
      message: 'must be {date, yearly?, name?, active?} or {from, to, name?, active?}',
    });
    return null;
  }
  const before = issues.length;
  const common: { name?: string; active?: boolean } = {};
  if (raw.name !== undefined) {
    if (typeof raw.name !== 'string')
      issues.push({ path: `${path}.name`, message: 'must be text' });
    else common.name = raw.name;
  }
  if (raw.active !== undefined) {
    if (typeof raw.active !== 'boolean')
      issues.push({ path: `${path}.active`, message: 'must be true or false' });
    else common.active = raw.active;
  }
  const bad = (field: string) =>
    issues.push({
      path: `${path}.${field}`,
      message: `${JSON.stringify(raw[field])} is not a date YYYY-MM-DD`,
    });
  if (raw.date !== undefined) {
    if (raw.from !== undefined || raw.to !== undefined)
      issues.push({ path, message: 'has both date and from/to: use one or the other' });
    if (!parseDate(raw.date)) bad('date');
    if (raw.yearly !== undefined && typeof raw.yearly !== 'boolean')
      issues.push({ path: `${path}.yearly`, message: 'must be true or false' });
    if (issues.length > before) return null;
    return {
      date: raw.date as string,
      ...(raw.yearly === true ? { yearly: true } : {}),
      ...common,
    };
  }
  if (raw.from === undefined && raw.to === undefined) {
    issues.push({ path, message: 'needs a date, or from and to (inclusive days)' });
    return null;
  }
  if (raw.yearly !== undefined)
    issues.push({
      path: `${path}.yearly`,
      message: 'only a single date can repeat yearly; list each day',
    });
  const from = parseDate(raw.from);
  const to = parseDate(raw.to);
  if (!from) bad('from');
  if (!to) bad('to');
  if (from && to && (raw.to as string) < (raw.from as string))
    issues.push({
      path: `${path}.to`,
      message: `${String(raw.to)} is before from (${String(raw.from)})`,
    });
  if (issues.length > before) return null;
  return { from: raw.from as string, to: raw.to as string, ...common };
}

/** Fields a stored calendar may carry next to the model; validation ignores them. */
const ignoredFields = ['id', 'name', 'description'];

/** Checks untrusted input (parsed JSON or YAML) and returns the calendar or every problem. */
export function validateCalendar(input: unknown): CalendarValidation {
  const issues: ErrorIssue[] = [];
  if (!isRecord(input))
    return {
      ok: false,
      issues: [
        { path: '', message: 'a calendar must be an object with timeZone, week and holidays' },
      ],
    };
  if (typeof input.timeZone !== 'string' || input.timeZone.length === 0)
    issues.push({
      path: 'timeZone',
      message: 'is required: an IANA time zone such as "Europe/Berlin"',
    });
  else if (!isIanaTimeZone(input.timeZone))
    issues.push({
      path: 'timeZone',
      message: `"${input.timeZone}" is not an IANA time zone (e.g. "Europe/Berlin", "UTC")`,
    });
  const week = validateWeek(input.week, issues);
  const holidays: Holiday[] = [];
  if (input.holidays !== undefined && input.holidays !== null) {
    if (!Array.isArray(input.holidays))
      issues.push({ path: 'holidays', message: 'must be a list of holidays' });
    else
      input.holidays.forEach((raw: unknown, i) => {
        const h = validateHoliday(raw, `holidays[${i}]`, issues);
        if (h) holidays.push(h);
      });
  }
  for (const key of Object.keys(input))
    if (!['timeZone', 'week', 'holidays', ...ignoredFields].includes(key))
      issues.push({ path: key, message: 'is not a calendar field (timeZone, week, holidays)' });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, calendar: { timeZone: input.timeZone as string, week, holidays } };
}
