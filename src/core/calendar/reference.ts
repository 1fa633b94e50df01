/**
 * A straightforward day-by-day implementation of the clock, independent of the engine: local
 * times are converted with Temporal (not the engine's offset tables) and every query walks the
 * days of its span one by one. It is the yardstick for the randomised equivalence test and the
 * baseline of `npm run bench:clock`. Each day's open intervals are memoised (Temporal is slow),
 * so after warm-up the cost per query is the walk itself.
 */
import { Temporal } from 'temporal-polyfill';
import { type BusinessCalendar, type Weekday, parseWallTime, weekdays } from './calendar.js';
import type { WorkingDaysOptions } from './clock.js';
import { type EpochMs, DAY_MS, civilDate, epochDay, weekdayIndex } from './units.js';

const MAX_DAYS = 200 * 366;

export class ReferenceClock {
  private readonly days = new Map<number, [number, number][]>();

  constructor(readonly calendar: BusinessCalendar) {}

  private isHoliday(day: number): boolean {
    const { year, month, day: d } = civilDate(day);
    const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return this.calendar.holidays.some((h) => {
      if (h.active === false) return false;
      if ('date' in h)
        return h.yearly ? h.date.slice(5) === iso.slice(5) && h.date <= iso : h.date === iso;
      return h.from <= iso && iso <= h.to;
    });
  }

  private instant(day: number, minutes: number): number {
    const { year, month, day: d } = civilDate(day);
    if (minutes === 1440) {
      const next = civilDate(day + 1);
      return Temporal.PlainDate.from({
        year: next.year,
        month: next.month,
        day: next.day,
      }).toZonedDateTime({
        timeZone: this.calendar.timeZone,
      }).epochMilliseconds;
    }
    return Temporal.PlainDateTime.from({
      year,
      month,
      day: d,
      hour: Math.floor(minutes / 60),
      minute: minutes % 60,
    }).toZonedDateTime(this.calendar.timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
  }

  /** Open intervals of a local day, as instants. */
  intervals(day: number): [number, number][] {
    const cached = this.days.get(day);
    if (cached) return cached;
    const result: [number, number][] = [];
    const name: Weekday = weekdays[weekdayIndex(day)]!;
    if (!this.isHoliday(day)) {
      for (const [s, e] of this.calendar.week[name] ?? []) {
        const a = this.instant(day, parseWallTime(s, false)!);
        const b = this.instant(day, parseWallTime(e, true)!);
        if (b <= a) continue;
        const prev = result[result.length - 1];
        if (prev && a <= prev[1]) prev[1] = Math.max(prev[1], b);
        else result.push([a, b]);
      }
    }
    this.days.set(day, result);
    return result;
  }

  elapsed(from: EpochMs, to: EpochMs): number {
    if (to < from) return -this.elapsed(to, from) || 0;
    let ms = 0;
    // a local day is within a day of the UTC day: walk one more on each side
    for (let d = Math.floor(from / DAY_MS) - 1; d <= Math.floor(to / DAY_MS) + 1; d++)
      for (const [a, b] of this.intervals(d))
        ms += Math.max(0, Math.min(b, to) - Math.max(a, from));
    return ms / 1000;
  }

  addBusinessSeconds(from: EpochMs, seconds: number): EpochMs {
    let left = Math.round(seconds * 1000);
    if (left === 0) return from;
    const first = Math.floor(from / DAY_MS);
    if (left > 0) {
      for (let d = first - 1; d < first + MAX_DAYS; d++)
        for (const [a, b] of this.intervals(d)) {
          if (b <= from) continue;
          const start = Math.max(a, from);
          if (left <= b - start) return (start + left) as EpochMs;
          left -= b - start;
        }
    } else {
      left = -left;
      for (let d = first + 1; d > first - MAX_DAYS; d--) {
        const list = this.intervals(d);
        for (let i = list.length - 1; i >= 0; i--) {
          const [a, b] = list[i]!;
          if (a >= from) continue;
          const end = Math.min(b, from);
          if (left <= end - a) return (end - left) as EpochMs;
          left -= end - a;
        }
      }
    }
    throw new Error('the calendar never opens');
  }

  addWorkingDays(from: EpochMs, n: number, options: WorkingDaysOptions = {}): EpochMs {
    const local = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(
      this.calendar.timeZone,
    );
    let day = epochDay(local.year, local.month, local.day);
    const step = n < 0 ? -1 : 1;
    let count = n === 0 ? (this.intervals(day).length > 0 ? 0 : 1) : Math.abs(n);
    for (let guard = 0; count > 0; guard++) {
      if (guard > MAX_DAYS) throw new Error('the calendar never opens');
      day += step;
      if (this.intervals(day).length > 0) count--;
    }
    if (options.endOfWorkingDay) return this.intervals(day).at(-1)![1] as EpochMs;
    const { year, month, day: d } = civilDate(day);
    return Temporal.PlainDateTime.from({
      year,
      month,
      day: d,
      hour: local.hour,
      minute: local.minute,
      second: local.second,
      millisecond: local.millisecond,
    }).toZonedDateTime(this.calendar.timeZone, { disambiguation: 'compatible' })
      .epochMilliseconds as EpochMs;
  }
}
