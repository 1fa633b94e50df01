import { describe, expect, it } from 'vitest';
import { validateCalendar } from './calendar.js';
import { compileCalendar } from './clock.js';
import { formatLocal, parseTime } from './local-time.js';
import { type EpochMs, epochMs } from './units.js';

const cal = (() => {
  const r = validateCalendar({
    timeZone: 'America/St_Johns',
    week: {
      mon: [
        ['08:00', '12:00'],
        ['13:00', '17:00'],
      ],
      fri: [['22:00', '24:00']],
    },
    holidays: [{ date: '2025-03-17', name: 'St Patrick' }],
  });
  if (!r.ok) throw new Error('bad calendar');
  return compileCalendar(r.calendar);
})();
const T = (s: string) => parseTime(cal, s)!;
const L = (ms: EpochMs | null) => (ms === null ? null : formatLocal(cal, ms));

describe('compiled calendar', () => {
  it.each([
    ['inside a range: itself', '2025-03-10T09:15', '2025-03-10T09:15:00'],
    ['at closing: the next opening', '2025-03-10T12:00', '2025-03-10T13:00:00'],
    ['in the lunch gap', '2025-03-10T12:30', '2025-03-10T13:00:00'],
    ['over a holiday Monday to Friday night', '2025-03-15T10:00', '2025-03-21T22:00:00'],
    ['over a 24:00 end into the weekend', '2025-03-14T23:59', '2025-03-14T23:59:00'],
  ])('nextOpening %s', (_, at, expected) => {
    expect(L(cal.nextOpening(T(at)))).toBe(expected);
  });

  it.each([
    ['2025-03-10T08:00', true],
    ['2025-03-10T12:00', false],
    ['2025-03-17T09:00', false],
    ['2025-03-14T23:00', true],
    ['2025-03-15T00:00', false],
  ])('isOpen %s → %s', (at, open) => {
    expect(cal.isOpen(T(at))).toBe(open);
  });

  it.each([
    [
      '0 working days from a closed day: the next working day, same time',
      '2025-03-16T10:00',
      0,
      false,
      '2025-03-21T10:00:00',
    ],
    [
      '0 working days from a working day: unchanged',
      '2025-03-10T10:00',
      0,
      false,
      '2025-03-10T10:00:00',
    ],
    [
      '1 working day to the end of a day open until 24:00',
      '2025-03-10T10:00',
      1,
      true,
      '2025-03-15T00:00:00',
    ],
    ['backwards over a holiday', '2025-03-21T10:00', -1, false, '2025-03-14T10:00:00'],
  ])('addWorkingDays: %s', (_, from, n, endOfWorkingDay, expected) => {
    expect(L(cal.addWorkingDays(T(from), n, { endOfWorkingDay }))).toBe(expected);
  });

  it('counts across the Newfoundland half-hour zone and its DST change', () => {
    // Friday 2025-03-07 22:00–24:00, then Monday 10th 08:00–09:00 (clocks moved on Sunday 9th)
    expect(cal.elapsed(T('2025-03-07T21:00'), T('2025-03-10T09:00'))).toBe(3 * 3600);
    expect(cal.addBusinessSeconds(T('2025-03-10T09:00'), -3 * 3600)).toBe(T('2025-03-07T22:00'));
  });

  it('a calendar that never opens answers elapsed 0 and refuses additions', () => {
    const closed = compileCalendar({ timeZone: 'UTC', week: {}, holidays: [] });
    const at = epochMs(Date.UTC(2025, 0, 1));
    expect(closed.elapsed(at, epochMs(at + 86_400_000))).toBe(0);
    expect(closed.nextOpening(at)).toBeNull();
    expect(() => closed.addBusinessSeconds(at, 60)).toThrow(/no open time/);
    expect(() => closed.addWorkingDays(at, 1)).toThrow(/no open time/);
  });
});
