/** The day-by-day reference clock behind the engine's interface, so timers can run on either. */
import type { BusinessCalendar } from '../../src/core/calendar/calendar.js';
import type { CompiledCalendar } from '../../src/core/calendar/clock.js';
import { ReferenceClock } from '../../src/core/calendar/reference.js';
import type { BusinessSeconds, EpochMs } from '../../src/core/calendar/units.js';

export function referenceCalendar(
  calendar: BusinessCalendar,
  engine: CompiledCalendar,
): CompiledCalendar {
  const ref = new ReferenceClock(calendar);
  return {
    calendar,
    timeZone: calendar.timeZone,
    elapsed: (from, to) => ref.elapsed(from, to) as BusinessSeconds,
    addBusinessSeconds: (from, seconds) => ref.addBusinessSeconds(from, seconds),
    addWorkingDays: (from, n, options) => ref.addWorkingDays(from, n, options),
    // not used by timers; delegated so the object is complete
    nextOpening: (at: EpochMs) => engine.nextOpening(at),
    isOpen: (at: EpochMs) => engine.isOpen(at),
    toWall: (at: EpochMs) => engine.toWall(at),
    fromWall: (wall: number) => engine.fromWall(wall),
  };
}
