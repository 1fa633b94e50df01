/**
 * The clock engine: a calendar compiled once into per-year tables (built lazily, one local
 * year at a time) of open intervals in epoch milliseconds with prefix sums of open time, and
 * of working days with their closing instants. Every query is a couple of binary searches:
 * no loop over the days of a span. Years are only walked (not days) when a span crosses them.
 *
 * Semantics (../shared/fixtures/sla-clock/SOURCES.md): real seconds across DST; a start outside
 * open hours counts from the next opening; an addition may end exactly at a closing time;
 * negative durations count backwards (ending exactly at an opening); working days keep the
 * local time of day and "end of working day" is the closing time of that day (a day open
 * until 24:00 ends at 00:00 of the next day).
 */
import { DomainError } from '../errors.js';
import { type BusinessCalendar, parseDate, parseWallTime, weekdays } from './calendar.js';
import {
  type BusinessSeconds,
  type EpochMs,
  DAY_MS,
  civilDate,
  epochDay,
  isLeapYear,
  weekdayIndex,
} from './units.js';
import { ZoneRules } from './zone.js';

interface YearTable {
  year: number;
  /** First instant of 1 January (local) and of the next year. */
  start: number;
  end: number;
  starts: Float64Array;
  ends: Float64Array;
  /** Open ms before interval i (cumStart) and up to its end (cumEnd), within the year. */
  cumStart: Float64Array;
  cumEnd: Float64Array;
  total: number;
  /** Working days (local day numbers) and the instant each closes. */
  workDays: Int32Array;
  closing: Float64Array;
}

export interface WorkingDaysOptions {
  /** Land on the closing time of the target working day instead of the same time of day. */
  endOfWorkingDay?: boolean;
}

export interface CompiledCalendar {
  readonly calendar: BusinessCalendar;
  readonly timeZone: string;
  /** Business seconds from `from` to `to`; negative when `to` is before `from`. */
  elapsed(from: EpochMs, to: EpochMs): BusinessSeconds;
  /** The instant reached after `seconds` of business time (negative counts backwards). */
  addBusinessSeconds(from: EpochMs, seconds: number): EpochMs;
  /** `n` working days after (n < 0: before) the local day of `from`, same local time of day. */
  addWorkingDays(from: EpochMs, n: number, options?: WorkingDaysOptions): EpochMs;
  /** `at` itself when the calendar is open then, else the next opening; null if none within 200 years. */
  nextOpening(at: EpochMs): EpochMs | null;
  isOpen(at: EpochMs): boolean;
  /** Local wall time of an instant as ms since 1970-01-01T00:00 (wall clock read as if UTC). */
  toWall(at: EpochMs): number;
  /** Instant of a local wall time (ms as above), compatible disambiguation. */
  fromWall(wall: number): EpochMs;
}

/** How far a search walks before deciding that the calendar never opens. */
const MAX_YEARS = 200;
const YEAR_MS = 31_556_952_000;
/** Earliest year a calendar can answer for. */
const YEAR_BASE = 1800;

const neverOpens = () =>
  new DomainError(
    'invalid',
    'calendar: it has no open time within 200 years of the date asked for; add open ranges to week',
    [{ path: 'calendar', message: 'has no open time' }],
  );

// Separate searches per array type keep each call site monomorphic (this is the hot path).
function lastAtOrBefore(arr: Float64Array, value: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function firstAtOrAfter(arr: Float64Array, value: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstDayAtOrAfter(arr: Int32Array, value: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

class Engine implements CompiledCalendar {
  readonly timeZone: string;
  private readonly zone: ZoneRules;
  /** Open ranges in minutes per weekday (0 = Monday), sorted and merged. */
  private readonly week: [number, number][][];
  /** Year tables indexed by year − YEAR_BASE (a dense array: faster than a Map on the hot path). */
  private readonly years: (YearTable | undefined)[] = [];
  private last: YearTable | undefined;

  constructor(readonly calendar: BusinessCalendar) {
    this.timeZone = calendar.timeZone;
    this.zone = new ZoneRules(calendar.timeZone);
    this.week = weekdays.map((day) => {
      const ranges = (calendar.week[day] ?? [])
        .map(([s, e]) => [parseWallTime(s, false)!, parseWallTime(e, true)!] as [number, number])
        .sort((a, b) => a[0] - b[0]);
      const merged: [number, number][] = [];
      for (const r of ranges) {
        const prev = merged[merged.length - 1];
        if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
        else merged.push([r[0], r[1]]);
      }
      return merged;
    });
  }

  toWall(at: EpochMs): number {
    return this.zone.toWall(at);
  }

  fromWall(wall: number): EpochMs {
    return this.zone.fromWall(wall) as EpochMs;
  }

  private startOfDay(day: number): number {
    return this.zone.fromWall(day * DAY_MS);
  }

  /** Closed local days of a year: index = day of year. */
  private holidaysOf(year: number): Uint8Array {
    const first = epochDay(year, 1, 1);
    const closed = new Uint8Array(isLeapYear(year) ? 366 : 365);
    for (const h of this.calendar.holidays) {
      if (h.active === false) continue;
      if ('date' in h) {
        const [y, m, d] = parseDate(h.date)!;
        if (h.yearly) {
          if (y > year || (m === 2 && d === 29 && !isLeapYear(year))) continue;
          closed[epochDay(year, m, d) - first] = 1;
        } else if (y === year) closed[epochDay(y, m, d) - first] = 1;
      } else {
        const [fy, fm, fd] = parseDate(h.from)!;
        const [ty, tm, td] = parseDate(h.to)!;
        const lo = Math.max(epochDay(fy, fm, fd), first);
        const hi = Math.min(epochDay(ty, tm, td), first + closed.length - 1);
        for (let d = lo; d <= hi; d++) closed[d - first] = 1;
      }
    }
    return closed;
  }

  private table(year: number): YearTable {
    const cached = this.years[year - YEAR_BASE];
    if (cached) return cached;
    if (year < YEAR_BASE || year > YEAR_BASE + 10_000)
      throw new DomainError(
        'invalid',
        `time: year ${year} is outside the calendar's range (${YEAR_BASE}–${YEAR_BASE + 10_000})`,
        [{ path: 'time', message: 'is out of range' }],
      );
    const first = epochDay(year, 1, 1);
    const closed = this.holidaysOf(year);
    const starts: number[] = [];
    const ends: number[] = [];
    const workDays: number[] = [];
    const closing: number[] = [];
    for (let i = 0; i < closed.length; i++) {
      const day = first + i;
      const ranges = this.week[weekdayIndex(day)]!;
      if (closed[i] || ranges.length === 0) continue;
      let close = 0;
      for (const [s, e] of ranges) {
        const a = this.zone.fromWall(day * DAY_MS + s * 60_000);
        const b =
          e === 1440 ? this.startOfDay(day + 1) : this.zone.fromWall(day * DAY_MS + e * 60_000);
        if (b <= a) continue;
        const n = starts.length;
        if (n > 0 && a <= ends[n - 1]!) ends[n - 1] = Math.max(ends[n - 1]!, b);
        else {
          starts.push(a);
          ends.push(b);
        }
        close = b;
      }
      if (close > 0) {
        workDays.push(day);
        closing.push(close);
      }
    }
    const cumStart = new Float64Array(starts.length);
    const cumEnd = new Float64Array(starts.length);
    let total = 0;
    for (let i = 0; i < starts.length; i++) {
      cumStart[i] = total;
      total += ends[i]! - starts[i]!;
      cumEnd[i] = total;
    }
    const t: YearTable = {
      year,
      start: this.startOfDay(first),
      end: this.startOfDay(epochDay(year + 1, 1, 1)),
      starts: Float64Array.from(starts),
      ends: Float64Array.from(ends),
      cumStart,
      cumEnd,
      total,
      workDays: Int32Array.from(workDays),
      closing: Float64Array.from(closing),
    };
    this.years[year - YEAR_BASE] = t;
    return t;
  }

  /** The table of the local year containing instant `ms`. */
  private tableAt(ms: number): YearTable {
    const last = this.last;
    if (last && ms >= last.start && ms < last.end) return last;
    const y = 1970 + Math.floor(ms / YEAR_MS);
    let t = this.years[y - YEAR_BASE] ?? this.table(y);
    while (ms < t.start) t = this.table(t.year - 1);
    while (ms >= t.end) t = this.table(t.year + 1);
    this.last = t;
    return t;
  }

  /** Open ms from the start of t's year up to ms (ms within that year). */
  private cumIn(t: YearTable, ms: number): number {
    const i = lastAtOrBefore(t.starts, ms);
    if (i < 0) return 0;
    return t.cumStart[i]! + Math.min(ms, t.ends[i]!) - t.starts[i]!;
  }

  elapsed(from: EpochMs, to: EpochMs): BusinessSeconds {
    const sign = to < from ? -1 : 1;
    const lo = sign > 0 ? from : to;
    const hi = sign > 0 ? to : from;
    const a = this.tableAt(lo);
    // most spans end in the year they start: reuse its table
    const b = hi < a.end ? a : this.tableAt(hi);
    let ms = this.cumIn(b, hi) - this.cumIn(a, lo);
    for (let y = a.year; y < b.year; y++) ms += this.table(y).total;
    return (ms === 0 ? 0 : (sign * ms) / 1000) as BusinessSeconds;
  }

  addBusinessSeconds(from: EpochMs, seconds: number): EpochMs {
    const ms = Math.round(seconds * 1000);
    if (ms === 0) return from;
    let t = this.tableAt(from);
    let c = this.cumIn(t, from) + ms;
    if (ms > 0) {
      for (let n = 0; c > t.total; n++) {
        if (n > MAX_YEARS && t.total === 0) throw neverOpens();
        c -= t.total;
        t = this.table(t.year + 1);
      }
      const i = firstAtOrAfter(t.cumEnd, c);
      return (t.ends[i]! - (t.cumEnd[i]! - c)) as EpochMs;
    }
    for (let n = 0; c < 0; n++) {
      if (n > MAX_YEARS && t.total === 0) throw neverOpens();
      t = this.table(t.year - 1);
      c += t.total;
    }
    const i = lastAtOrBefore(t.cumStart, c);
    return (t.starts[i]! + (c - t.cumStart[i]!)) as EpochMs;
  }

  addWorkingDays(from: EpochMs, n: number, options: WorkingDaysOptions = {}): EpochMs {
    if (!Number.isInteger(n))
      throw new DomainError('invalid', 'workingDays: must be a whole number', [
        { path: 'workingDays', message: 'must be a whole number' },
      ]);
    const wall = this.zone.toWall(from);
    const day = Math.floor(wall / DAY_MS);
    const timeOfDay = wall - day * DAY_MS;
    let t = this.table(civilDate(day).year);
    let k: number;
    if (n > 0 || (n === 0 && !t.workDays.includes(day))) {
      // the first working day after `day` has index firstAtOrAfter(day + 1)
      k = firstDayAtOrAfter(t.workDays, day + 1) + Math.max(n, 1) - 1;
      for (let y = 0; k >= t.workDays.length; y++) {
        if (y > MAX_YEARS) throw neverOpens();
        k -= t.workDays.length;
        t = this.table(t.year + 1);
      }
    } else if (n < 0) {
      k = firstDayAtOrAfter(t.workDays, day) + n;
      for (let y = 0; k < 0; y++) {
        if (y > MAX_YEARS) throw neverOpens();
        t = this.table(t.year - 1);
        k += t.workDays.length;
      }
    } else k = firstDayAtOrAfter(t.workDays, day);
    if (options.endOfWorkingDay) return t.closing[k]! as EpochMs;
    return this.zone.fromWall(t.workDays[k]! * DAY_MS + timeOfDay) as EpochMs;
  }

  nextOpening(at: EpochMs): EpochMs | null {
    let t = this.tableAt(at);
    const i = lastAtOrBefore(t.starts, at);
    if (i >= 0 && at < t.ends[i]!) return at;
    if (i + 1 < t.starts.length) return t.starts[i + 1]! as EpochMs;
    for (let y = 0; y < MAX_YEARS; y++) {
      t = this.table(t.year + 1);
      if (t.starts.length > 0) return t.starts[0]! as EpochMs;
    }
    return null;
  }

  isOpen(at: EpochMs): boolean {
    const t = this.tableAt(at);
    const i = lastAtOrBefore(t.starts, at);
    return i >= 0 && at < t.ends[i]!;
  }
}

/** Compiles a valid calendar (see validateCalendar) into the query engine. */
export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  return new Engine(calendar);
}
