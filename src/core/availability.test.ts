import { describe, expect, it } from 'vitest';
import {
  availabilityByPeriod,
  mergeIntervals,
  monthlyPeriods,
  outageIntervals,
  type BusinessSeconds,
} from './availability.js';
import type { Impact, TicketStatus } from './tickets.js';

const ms = (s: string) => Date.parse(s);
const ev = (at: string, status: TicketStatus, impact: Impact) => ({ at, status, impact });

describe('outage intervals of an incident', () => {
  const now = ms('2026-03-10T00:00:00Z');
  it.each<[string, ReturnType<typeof ev>[], [string, string][]]>([
    [
      'created as an outage, resolved',
      [
        ev('2026-03-01T10:00:00Z', 'new', 'outage'),
        ev('2026-03-01T11:00:00Z', 'resolved', 'outage'),
      ],
      [['2026-03-01T10:00:00Z', '2026-03-01T11:00:00Z']],
    ],
    [
      'raised to outage later',
      [
        ev('2026-03-01T10:00:00Z', 'new', 'degraded'),
        ev('2026-03-01T10:30:00Z', 'in_progress', 'outage'),
        ev('2026-03-01T11:00:00Z', 'resolved', 'outage'),
      ],
      [['2026-03-01T10:30:00Z', '2026-03-01T11:00:00Z']],
    ],
    [
      'still open: until now',
      [ev('2026-03-09T23:00:00Z', 'new', 'outage')],
      [['2026-03-09T23:00:00Z', '2026-03-10T00:00:00Z']],
    ],
    [
      'reopened: two outages',
      [
        ev('2026-03-01T10:00:00Z', 'new', 'outage'),
        ev('2026-03-01T11:00:00Z', 'resolved', 'outage'),
        ev('2026-03-01T12:00:00Z', 'reopened', 'outage'),
        ev('2026-03-01T12:30:00Z', 'resolved', 'outage'),
        ev('2026-03-01T13:00:00Z', 'closed', 'outage'),
      ],
      [
        ['2026-03-01T10:00:00Z', '2026-03-01T11:00:00Z'],
        ['2026-03-01T12:00:00Z', '2026-03-01T12:30:00Z'],
      ],
    ],
    ['never an outage', [ev('2026-03-01T10:00:00Z', 'new', 'degraded')], []],
    [
      'cancelled',
      [
        ev('2026-03-01T10:00:00Z', 'new', 'outage'),
        ev('2026-03-01T10:05:00Z', 'cancelled', 'outage'),
      ],
      [],
    ],
  ])('%s', (_name, events, expected) => {
    expect(outageIntervals({ events }, now)).toEqual(
      expected.map(([s, e]) => ({ start: ms(s), end: ms(e) })),
    );
  });
});

describe('merging', () => {
  it.each<[string, [number, number][], [number, number][]]>([
    [
      'disjoint, unsorted',
      [
        [5, 6],
        [1, 2],
      ],
      [
        [1, 2],
        [5, 6],
      ],
    ],
    [
      'overlapping',
      [
        [1, 5],
        [3, 8],
      ],
      [[1, 8]],
    ],
    [
      'touching',
      [
        [1, 3],
        [3, 4],
      ],
      [[1, 4]],
    ],
    [
      'contained',
      [
        [1, 10],
        [2, 3],
      ],
      [[1, 10]],
    ],
    [
      'empty ones dropped',
      [
        [4, 4],
        [1, 2],
      ],
      [[1, 2]],
    ],
  ])('%s', (_name, input, expected) => {
    const toI = ([start, end]: [number, number]) => ({ start, end });
    expect(mergeIntervals(input.map(toI))).toEqual(expected.map(toI));
  });
});

describe('availability per month', () => {
  it('cuts months in UTC and counts overlaps once', () => {
    const periods = monthlyPeriods(ms('2026-01-15T00:00:00Z'), ms('2026-03-01T00:00:00Z'));
    expect(periods.map((p) => new Date(p.start).toISOString())).toEqual([
      '2026-01-15T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
    ]);
    const outages = [
      { start: ms('2026-02-10T00:00:00Z'), end: ms('2026-02-10T02:00:00Z') },
      { start: ms('2026-02-10T01:00:00Z'), end: ms('2026-02-10T04:00:00Z') },
      // Spans the month boundary: split between January and February.
      { start: ms('2026-01-31T23:00:00Z'), end: ms('2026-02-01T01:00:00Z') },
    ];
    const [jan, feb] = availabilityByPeriod(outages, periods);
    expect(jan!.allHours).toEqual({
      totalSeconds: 17 * 86400,
      downSeconds: 3600,
      availability: 99.7549,
    });
    expect(feb!.allHours.downSeconds).toBe(5 * 3600);
    expect(feb!.allHours.availability).toBe(99.256);
    expect(feb!.outages).toBe(2);
    expect(feb!.serviceHours).toBeNull();
  });

  it('counts only service hours when a calendar function is given', () => {
    // Service hours: the first 12 hours of every UTC day.
    const halfDays: BusinessSeconds = (from, to) => {
      let s = 0;
      for (let t = from; t < to; t += 1000) if (new Date(t).getUTCHours() < 12) s += 1;
      return s;
    };
    const periods = [{ start: ms('2026-04-01T00:00:00Z'), end: ms('2026-04-02T00:00:00Z') }];
    const outages = [{ start: ms('2026-04-01T10:00:00Z'), end: ms('2026-04-01T14:00:00Z') }];
    const [day] = availabilityByPeriod(outages, periods, halfDays);
    expect(day!.allHours).toMatchObject({ downSeconds: 4 * 3600, totalSeconds: 86400 });
    expect(day!.serviceHours).toEqual({
      totalSeconds: 43200,
      downSeconds: 7200,
      availability: 83.3333,
    });
  });

  it('has no figure for an empty period', () => {
    const [p] = availabilityByPeriod([], [{ start: 5, end: 5 }]);
    expect(p!.allHours.availability).toBeNull();
  });
});
