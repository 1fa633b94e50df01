/**
 * Reading and writing times at the edge (CLI, tests, API): "2018-11-19T10:00:00" without an
 * offset is a local wall time in the calendar's zone; with "Z" or "+01:00" it is an instant.
 */
import type { CompiledCalendar } from './clock.js';
import { type EpochMs, DAY_MS, civilDate, daysInMonth, epochDay } from './units.js';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;
const ZONED =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** The wall time (ms, wall clock read as UTC) of "YYYY-MM-DD[THH:MM[:SS[.sss]]]", or null. */
export function parseWall(text: string): number | null {
  const m = LOCAL.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const ms = Number((m[7] ?? '').padEnd(3, '0'));
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59)
    return null;
  return epochDay(y, mo, d) * DAY_MS + ((h * 60 + mi) * 60 + s) * 1000 + ms;
}

/** An instant from local text (in the calendar's zone) or from text with Z/offset; null if unreadable. */
export function parseTime(
  calendar: Pick<CompiledCalendar, 'fromWall'>,
  text: string,
): EpochMs | null {
  const wall = parseWall(text);
  if (wall !== null) return calendar.fromWall(wall);
  if (!ZONED.test(text.trim())) return null;
  const ms = Date.parse(text.trim());
  return Number.isNaN(ms) ? null : (ms as EpochMs);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "YYYY-MM-DDTHH:MM:SS" (".sss" when not whole seconds) of a wall time. */
export function formatWall(wall: number): string {
  const day = Math.floor(wall / DAY_MS);
  const { year, month, day: d } = civilDate(day);
  let rest = wall - day * DAY_MS;
  const ms = rest % 1000;
  rest = (rest - ms) / 1000;
  const text = `${pad(year, 4)}-${pad(month)}-${pad(d)}T${pad(Math.floor(rest / 3600))}:${pad(Math.floor(rest / 60) % 60)}:${pad(rest % 60)}`;
  return ms ? `${text}.${pad(ms, 3)}` : text;
}

/** The local wall time of an instant in the calendar's zone, as `formatWall` writes it. */
export function formatLocal(calendar: Pick<CompiledCalendar, 'toWall'>, at: EpochMs): string {
  return formatWall(calendar.toWall(at));
}
