import { describe, expect, it } from 'vitest';
import {
  attainmentRows,
  figuresOf,
  outcomeOf,
  percentile,
  periodOf,
  periodsBetween,
  type TicketAttainment,
  type TimerOutcome,
} from './attainment.js';

const at = (iso: string) => Date.parse(iso);

describe('periods', () => {
  it.each([
    ['2026-01-01T00:00:00Z', 'month', '2026-01'],
    ['2026-03-31T23:59:59Z', 'month', '2026-03'],
    ['2026-03-31T23:59:59Z', 'quarter', '2026-Q1'],
    ['2026-04-01T00:00:00Z', 'quarter', '2026-Q2'],
    ['2025-12-31T23:00:00Z', 'quarter', '2025-Q4'],
  ] as const)('%s by %s is %s (UTC, whatever the machine zone)', (iso, period, key) => {
    expect(periodOf(at(iso), period)).toBe(key);
  });

  it.each([
    ['2026-01-15', '2026-04-01', 'month', ['2026-01', '2026-02', '2026-03']],
    ['2025-11-01', '2026-02-02', 'month', ['2025-11', '2025-12', '2026-01', '2026-02']],
    ['2025-11-01', '2026-04-01', 'quarter', ['2025-Q4', '2026-Q1']],
    ['2026-02-01', '2026-02-01', 'month', []],
  ] as const)('from %s to %s by %s', (from, to, period, keys) => {
    expect(periodsBetween(at(`${from}T00:00:00Z`), at(`${to}T00:00:00Z`), period)).toEqual(keys);
  });
});

describe('percentile (nearest rank) and outcomes', () => {
  it.each([
    [[], 90, null],
    [[5], 90, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[10, 1, 7, 3], 50, 3],
    [[10, 1, 7, 3], 100, 10],
  ])('p%#', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  const timer = (state: TimerOutcome['state'], breached = state === 'breached'): TimerOutcome => ({
    metric: 'resolution',
    state,
    breached,
    stoppedAfter: null,
  });
  it.each([
    [[], 'none'],
    [[timer('stopped')], 'none'],
    [[timer('met'), timer('met')], 'met'],
    [[timer('met'), timer('breached')], 'breached'],
    [[timer('running'), timer('breached')], 'breached'],
    [[timer('met'), timer('running')], 'open'],
    [[timer('paused')], 'open'],
    [[timer('met'), timer('stopped')], 'met'],
  ] as const)('outcome %#', (timers, expected) => {
    expect(outcomeOf(timers)).toBe(expected);
  });
});

describe('attainment rows', () => {
  const ticket = (
    createdAt: string,
    outcome: TicketAttainment['outcome'],
    respond: number | null,
    resolve: number | null,
    priority: TicketAttainment['priority'] = 'P2',
  ): TicketAttainment => ({
    serviceId: 's1',
    serviceSlug: 'shop',
    serviceName: 'Shop',
    priority,
    createdAt: at(createdAt),
    outcome,
    respondSeconds: respond,
    resolveSeconds: resolve,
  });

  it('groups by period, service and priority; attainment counts met and breached only', () => {
    const items = [
      ticket('2026-01-03T10:00:00Z', 'met', 600, 3600),
      ticket('2026-01-20T10:00:00Z', 'breached', 1800, 9000),
      ticket('2026-01-21T10:00:00Z', 'open', 300, null),
      ticket('2026-01-22T10:00:00Z', 'met', 100, 100, 'P1'),
      ticket('2026-02-02T10:00:00Z', 'none', null, null),
    ];
    expect(attainmentRows(items, 'month')).toMatchObject([
      { period: '2026-01', priority: 'P1', tickets: 1, attainmentPercent: 100 },
      {
        period: '2026-01',
        priority: 'P2',
        tickets: 3,
        met: 1,
        breached: 1,
        open: 1,
        attainmentPercent: 50,
        meanRespondSeconds: 900,
        p90RespondSeconds: 1800,
        meanResolveSeconds: 6300,
        p90ResolveSeconds: 9000,
      },
      { period: '2026-02', priority: 'P2', tickets: 1, noTarget: 1, attainmentPercent: null },
    ]);
    expect(figuresOf(items)).toMatchObject({ tickets: 5, met: 2, breached: 1 });
    expect(figuresOf(items).attainmentPercent).toBe(66.7);
  });
});
