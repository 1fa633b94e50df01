/**
 * The engine against the day-by-day reference on a few thousand random queries over a
 * split-shift calendar with holidays in a DST zone (ranges straddle the 02:00 changes).
 * Seeded, so a failure names a reproducible case.
 */
import { describe, expect, it } from 'vitest';
import { type BusinessCalendar, validateCalendar } from './calendar.js';
import { compileCalendar } from './clock.js';
import { ReferenceClock } from './reference.js';
import { type EpochMs, DAY_MS } from './units.js';
import { mulberry32 } from '../../../test/random.js';

const split = [
  ['07:30', '12:00'],
  ['13:00', '17:30'],
] as const;
const input = {
  timeZone: 'America/New_York',
  week: {
    mon: split,
    tue: split,
    wed: [
      ['08:00', '12:00'],
      ['12:30', '24:00'],
    ],
    thu: split,
    fri: split,
    sat: [['01:00', '03:00']],
    sun: [
      ['00:30', '03:30'],
      ['22:00', '24:00'],
    ],
  },
  holidays: [
    { date: '2024-01-01', yearly: true, name: 'New Year' },
    { date: '2024-07-04', yearly: true },
    { date: '2025-11-27', name: 'Thanksgiving 2025' },
    { from: '2025-12-24', to: '2025-12-31', name: 'Winter break' },
    { date: '2026-03-09', active: false, name: 'Cancelled closure' },
    { from: '2026-10-30', to: '2026-11-02', name: 'Around the autumn change' },
  ],
};
const calendar = (() => {
  const r = validateCalendar(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.calendar;
})();

const SEED = 20240310;
const CASES = 1500;
const lo = Date.UTC(2024, 0, 1);
const hi = Date.UTC(2027, 0, 1);

function run(cal: BusinessCalendar, seed: number) {
  const engine = compileCalendar(cal);
  const reference = new ReferenceClock(cal);
  const random = mulberry32(seed);
  // instants on whole minutes, a third of them right on a :00/:30 boundary
  const instant = () => {
    const ms = lo + Math.floor(random() * (hi - lo));
    return (random() < 0.3 ? ms - (ms % 1_800_000) : ms - (ms % 1000)) as EpochMs;
  };
  const failures: string[] = [];
  for (let i = 0; i < CASES; i++) {
    const from = instant();
    const to = (random() < 0.5 ? instant() : from + Math.floor(random() * 40 * DAY_MS)) as EpochMs;
    const e = engine.elapsed(from, to);
    const r = reference.elapsed(from, to);
    if (e !== r) failures.push(`elapsed(${from}, ${to}) engine ${e} reference ${r}`);
    const seconds = Math.round((random() - 0.5) * 2 * (random() < 0.2 ? 400 : 12) * 3600);
    const ea = engine.addBusinessSeconds(from, seconds);
    const ra = reference.addBusinessSeconds(from, seconds);
    if (ea !== ra) failures.push(`add(${from}, ${seconds}s) engine ${ea} reference ${ra}`);
    const n = Math.floor((random() - 0.5) * 60);
    const endOfWorkingDay = random() < 0.3;
    const ew = engine.addWorkingDays(from, n, { endOfWorkingDay });
    const rw = reference.addWorkingDays(from, n, { endOfWorkingDay });
    if (ew !== rw)
      failures.push(
        `addWorkingDays(${from}, ${n}, eod ${endOfWorkingDay}) engine ${ew} reference ${rw}`,
      );
    // add and elapsed are inverses on business time
    if (seconds > 0 && engine.elapsed(from, ea) !== seconds)
      failures.push(`elapsed(from, add(${from}, ${seconds})) = ${engine.elapsed(from, ea)}`);
  }
  return failures;
}

describe('clock engine agrees with the day-by-day reference', () => {
  it(`on ${CASES} random elapsed, add and working-day queries (seed ${SEED})`, () => {
    expect(run(calendar, SEED)).toEqual([]);
  });

  it('on a 24x7-with-holidays calendar in Sydney (southern hemisphere DST)', () => {
    const week = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
    );
    const r = validateCalendar({
      timeZone: 'Australia/Sydney',
      week,
      holidays: [
        { date: '2024-04-07', yearly: true },
        { from: '2025-10-04', to: '2025-10-06' },
      ],
    });
    expect(r.ok && run(r.calendar, SEED + 1)).toEqual([]);
  });
});
