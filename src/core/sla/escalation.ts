/**
 * When escalation levels fall due, derived from a timer (itself derived from history): a level
 * at p % is due when the counted business time reaches p % of the target; an offset level when
 * it reaches target + offset (negative: before the deadline). A level flagged businessHoursOnly
 * fires at the first open instant of the calendar at or after it is due. Pure: no clock, no I/O.
 */
import type { CompiledCalendar } from '../calendar/clock.js';
import type { EpochMs } from '../calendar/units.js';
import type { EscalationLevel } from './targets.js';
import type { Timer } from './timer.js';

/** The instant the timer's counted business time reached (or, running, will reach) `seconds`. */
export function instantAtCounted(
  timer: Timer,
  calendar: CompiledCalendar,
  seconds: number,
  now: EpochMs,
): EpochMs | null {
  if (timer.start === null) return null;
  if (seconds <= 0) return timer.start;
  let cum = 0;
  for (const iv of timer.explanation.intervals) {
    if (iv.kind !== 'counted') continue;
    if (cum + iv.seconds >= seconds) return calendar.addBusinessSeconds(iv.from, seconds - cum);
    cum += iv.seconds;
  }
  // Not reached yet: only a clock that is counting now gets there by itself.
  const counting = timer.stop === null && timer.explanation.intervals.at(-1)?.kind === 'counted';
  return counting ? calendar.addBusinessSeconds(now, seconds - timer.businessElapsed) : null;
}

export interface LevelSchedule {
  index: number;
  level: EscalationLevel;
  /** Business seconds after the start at which the level is due. */
  secondsFromStart: number;
  /** When the counted time reaches it (projected for a running clock); null: not while paused/stopped. */
  dueAt: EpochMs | null;
  /** dueAt, or for businessHoursOnly the first open instant at or after it. */
  fireAt: EpochMs | null;
}

/** Business seconds after the start at which a level is due, for a target of `targetSeconds`. */
export const levelSeconds = (level: EscalationLevel, targetSeconds: number): number =>
  'percent' in level.at
    ? Math.round((targetSeconds * level.at.percent) / 100)
    : targetSeconds + level.at.offsetSeconds;

/** Every level of a target with when it is (or would be) due for this timer. */
export function escalationSchedule(
  timer: Timer,
  levels: readonly EscalationLevel[],
  calendar: CompiledCalendar,
  now: EpochMs,
): LevelSchedule[] {
  return levels.map((level, index) => {
    const secondsFromStart = levelSeconds(level, timer.target);
    const dueAt = instantAtCounted(timer, calendar, secondsFromStart, now);
    const fireAt = dueAt !== null && level.businessHoursOnly ? calendar.nextOpening(dueAt) : dueAt;
    return { index, level, secondsFromStart, dueAt, fireAt };
  });
}

/**
 * Whether a level fires at `now`: due and reached (dueAt ≤ now), and for businessHoursOnly the
 * calendar open now (a level missed while closed waits for the next opening).
 */
export function firesNow(s: LevelSchedule, calendar: CompiledCalendar, now: EpochMs): boolean {
  if (s.dueAt === null || s.fireAt === null) return false;
  if (s.dueAt > now || s.fireAt > now) return false;
  return !s.level.businessHoursOnly || calendar.isOpen(now);
}

/** The earliest instant after `now` at which one of these levels becomes due (null: none). */
export function nextDue(schedule: readonly LevelSchedule[], now: EpochMs): EpochMs | null {
  let next: number | null = null;
  for (const s of schedule)
    if (s.fireAt !== null && s.fireAt > now && (next === null || s.fireAt < next)) next = s.fireAt;
  return next as EpochMs | null;
}
