import { describe, expect, it } from 'vitest';
import { calendar24x7, validateCalendar } from './calendar.js';

const base = { timeZone: 'Europe/Berlin', week: { mon: [['08:00', '12:00']] }, holidays: [] };
const withWeek = (week: unknown) => ({ ...base, week });
const withHolidays = (...holidays: unknown[]) => ({ ...base, holidays });

describe('validateCalendar', () => {
  it.each([
    ['unknown zone', { ...base, timeZone: 'Mars/Olympus' }, 'timeZone', 'not an IANA time zone'],
    [
      'offset instead of zone',
      { ...base, timeZone: '+01:00' },
      'timeZone',
      'not an IANA time zone',
    ],
    ['missing zone', { week: {}, holidays: [] }, 'timeZone', 'is required'],
    ['hour 25', withWeek({ mon: [['08:00', '25:00']] }), 'week.mon[0][1]', 'not a time'],
    ['minute 60', withWeek({ tue: [['12:60', '13:00']] }), 'week.tue[0][0]', 'not a time'],
    ['24:00 as a start', withWeek({ tue: [['24:00', '24:00']] }), 'week.tue[0][0]', 'not a time'],
    ['24:30 as an end', withWeek({ tue: [['08:00', '24:30']] }), 'week.tue[0][1]', 'not a time'],
    ['one-digit hour', withWeek({ tue: [['8:00', '12:00']] }), 'week.tue[0][0]', 'not a time'],
    ['reversed range', withWeek({ wed: [['12:00', '08:00']] }), 'week.wed[0]', 'reversed'],
    ['empty range', withWeek({ wed: [['12:00', '12:00']] }), 'week.wed[0]', 'empty'],
    ['not a pair', withWeek({ wed: [['12:00']] }), 'week.wed[0]', 'must be a range'],
    [
      'overlapping ranges',
      withWeek({
        tue: [
          ['08:00', '12:00'],
          ['11:00', '13:00'],
        ],
      }),
      'week.tue[1]',
      'overlaps 08:00–12:00',
    ],
    [
      'overlap listed out of order',
      withWeek({
        tue: [
          ['13:00', '17:00'],
          ['08:00', '12:00'],
          ['16:00', '18:00'],
        ],
      }),
      'week.tue[2]',
      'overlaps 13:00–17:00',
    ],
    ['unknown weekday', withWeek({ monday: [['08:00', '12:00']] }), 'week.monday', 'not a weekday'],
    ['week not an object', withWeek([]), 'week', 'must be an object'],
    ['bad date', withHolidays({ date: '2019-02-30' }), 'holidays[0].date', 'not a date'],
    ['bad date form', withHolidays({ date: '1/5/2019' }), 'holidays[0].date', 'not a date'],
    [
      'from after to',
      withHolidays(
        { date: '2019-01-01' },
        { date: '2019-05-01' },
        { from: '2019-09-01', to: '2019-07-08' },
      ),
      'holidays[2].to',
      'before from',
    ],
    [
      'bad to',
      withHolidays({ from: '2019-09-01', to: '2019-13-01' }),
      'holidays[0].to',
      'not a date',
    ],
    ['neither date nor range', withHolidays({ name: 'x' }), 'holidays[0]', 'needs a date'],
    [
      'date and range',
      withHolidays({ date: '2019-01-01', from: '2019-01-01', to: '2019-01-02' }),
      'holidays[0]',
      'both',
    ],
    [
      'yearly range',
      withHolidays({ from: '2019-12-24', to: '2019-12-26', yearly: true }),
      'holidays[0].yearly',
      'single date',
    ],
    [
      'active not boolean',
      withHolidays({ date: '2019-01-01', active: 'yes' }),
      'holidays[0].active',
      'true or false',
    ],
    ['typo in a field', { ...base, holiday: [] }, 'holiday', 'not a calendar field'],
  ])('rejects %s', (_, input, path, message) => {
    const result = validateCalendar(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual({
      path,
      message: expect.stringContaining(message) as string,
    });
  });

  it('lists every problem at once', () => {
    const result = validateCalendar({
      timeZone: 'Nowhere/Town',
      week: { mon: [['25:00', '26:00']], tue: [['10:00', '09:00']] },
      holidays: [{ from: '2020-02-02', to: '2020-01-01' }],
    });
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual([
      'timeZone',
      'week.mon[0][0]',
      'week.mon[0][1]',
      'week.tue[0]',
      'holidays[0].to',
    ]);
  });

  it.each([
    [
      'split shifts, 24:00 and all holiday forms',
      {
        timeZone: 'America/St_Johns',
        week: {
          mon: [
            ['13:00', '17:00'],
            ['08:00', '12:00'],
          ],
          sat: [['20:00', '24:00']],
          sun: [],
        },
        holidays: [
          { date: '2024-02-29', yearly: true, name: 'Leap day' },
          { from: '2024-12-24', to: '2024-12-26', active: false },
        ],
        name: 'Support desk',
      },
    ],
    [
      'touching ranges',
      withWeek({
        fri: [
          ['08:00', '12:00'],
          ['12:00', '13:00'],
        ],
      }),
    ],
    ['no holidays field', { timeZone: 'UTC', week: {} }],
  ])('accepts %s', (_, input) => {
    const result = validateCalendar(input);
    expect(result).toMatchObject({ ok: true });
  });

  it('sorts ranges by start', () => {
    const result = validateCalendar(
      withWeek({
        mon: [
          ['13:00', '17:00'],
          ['08:00', '12:00'],
        ],
      }),
    );
    expect(result.ok && result.calendar.week.mon).toEqual([
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ]);
  });

  it('builds a valid 24x7 calendar in any zone', () => {
    const cal = calendar24x7('Asia/Tehran');
    expect(validateCalendar(cal)).toEqual({ ok: true, calendar: cal });
    expect(Object.keys(cal.week)).toHaveLength(7);
  });
});
