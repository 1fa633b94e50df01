/**
 * Units of the clock engine. Instants are epoch milliseconds (a number, not the ISO string
 * `Instant` of ids.ts): the engine does arithmetic and binary searches on them millions of
 * times a second, so converting at the edge (`epochMsOf`, `instantOf`) is cheaper and clearer.
 * Business seconds are real (SI) seconds counted only while a calendar is open; they never mix
 * with wall-clock durations by accident.
 */
import type { Brand, Instant } from '../ids.js';

/** Milliseconds since 1970-01-01T00:00:00Z (UTC): a point in time. */
export type EpochMs = Brand<number, 'EpochMs'>;
/** Seconds counted while a calendar is open (real seconds: a 24 h open day across DST is 23 or 25 h). */
export type BusinessSeconds = Brand<number, 'BusinessSeconds'>;

export const epochMs = (ms: number) => ms as EpochMs;
export const businessSeconds = (s: number) => s as BusinessSeconds;
export const epochMsOf = (instant: Instant | string) => Date.parse(instant) as EpochMs;
export const instantOf = (ms: EpochMs | number) => new Date(ms).toISOString() as Instant;

export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). */
export function epochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (inverse of `epochDay`). */
export function civilDate(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export const weekdayIndex = (days: number) => (((days + 3) % 7) + 7) % 7;

export const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysInMonth = (y: number, m: number) =>
  m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
