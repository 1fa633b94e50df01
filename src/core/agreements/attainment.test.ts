import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../test/random.js';
import { calendar24x7, validateCalendar } from '../calendar/calendar.js';
import { compileCalendar } from '../calendar/clock.js';
import type { EpochMs } from '../calendar/units.js';
import { deriveTimer, type StatusChange, type TimerTarget } from '../sla/timer.js';
import type { TicketStatus } from '../tickets.js';
import {
  bandReached,
  judgeAgreement,
  judgeTarget,
  periodBounds,
  periodStart,
  planPeriods,
  segmentAt,
  ticketVerdict,
  verdictOf,
  versionWindow,
  type VersionInEffect,
} from './attainment.js';
import type { AgreementContent, AgreementVersionId, MoneyBand } from './content.js';
import type { CalendarId, ServiceLevelTerms } from './terms.js';

const terms: ServiceLevelTerms = {
  availabilityPercent: 99.9,
  calendarId: 'cal' as CalendarId,
  tickets: [
    {
      priority: 'P2',
      metric: 'resolution',
      duration: { businessSeconds: 8 * 3600 },
      goalPercent: 90,
    },
    { priority: 'P1', metric: 'response', duration: { businessSeconds: 1800 }, goalPercent: 95 },
    {
      priority: 'P1',
      metric: 'resolution',
      duration: { businessSeconds: 4 * 3600 },
      goalPercent: 95,
    },
  ],
};
const bands: MoneyBand[] = [
  { minCompliancePercent: 0, kind: 'penalty', amountMinor: 500_00 },
  { minCompliancePercent: 75, kind: 'none', amountMinor: 0 },
  { minCompliancePercent: 100, kind: 'reward', amountMinor: 200_00 },
];
const money: AgreementContent['money'] = {
  currency: 'EUR',
  monthlyCostMinor: 1000_00,
  bands,
  costPerMissedTargetMinor: 50_00,
};

describe('judging a target', () => {
  it('compares tickets met with the goal: 19 of 20 is 95 % (met at 95), 18 of 20 missed', () => {
    expect(
      judgeTarget(terms, 'P1.resolution', { kind: 'tickets', met: 19, judged: 20 }),
    ).toMatchObject({
      compliancePercent: 95,
      status: 'met',
      met: 19,
      judged: 20,
      goalPercent: 95,
    });
    expect(
      judgeTarget(terms, 'P1.resolution', { kind: 'tickets', met: 18, judged: 20 }),
    ).toMatchObject({
      compliancePercent: 90,
      status: 'missed',
    });
  });

  it('rounds the shown figure down, never up across the goal: 2 of 3 is 66.66 %', () => {
    expect(
      judgeTarget(terms, 'P2.resolution', { kind: 'tickets', met: 2, judged: 3 }),
    ).toMatchObject({
      compliancePercent: 66.66,
      status: 'missed',
    });
  });

  it('gives no data without judged tickets or without service hours', () => {
    expect(judgeTarget(terms, 'P1.response', undefined).status).toBe('no_data');
    expect(judgeTarget(terms, 'P1.response', { kind: 'tickets', met: 0, judged: 0 })).toMatchObject(
      {
        status: 'no_data',
        compliancePercent: null,
      },
    );
    expect(
      judgeTarget(terms, 'availability', { kind: 'availability', totalSeconds: 0, downSeconds: 0 })
        .status,
    ).toBe('no_data');
  });

  it('judges availability within service hours against the percentage', () => {
    // 100,000 s of service hours, 100 s down: exactly 99.9 % → met
    expect(
      judgeTarget(terms, 'availability', {
        kind: 'availability',
        totalSeconds: 100_000,
        downSeconds: 100,
      }),
    ).toMatchObject({ compliancePercent: 99.9, status: 'met', goalPercent: 99.9 });
    // 101 s down: 99.899 % → missed
    expect(
      judgeTarget(terms, 'availability', {
        kind: 'availability',
        totalSeconds: 100_000,
        downSeconds: 101,
      }),
    ).toMatchObject({ compliancePercent: 99.899, status: 'missed' });
  });
});

describe('the band and the money of a period', () => {
  it('takes the band with the highest minimum at or below the compliance', () => {
    expect(bandReached(bands, 3, 4)?.minCompliancePercent).toBe(75);
    expect(bandReached(bands, 2, 4)?.minCompliancePercent).toBe(0);
    expect(bandReached(bands, 4, 4)?.kind).toBe('reward');
    expect(bandReached(bands, 0, 0)).toBeNull();
    expect(
      bandReached([{ minCompliancePercent: 50, kind: 'reward', amountMinor: 1 }], 1, 4),
    ).toBeNull();
  });

  it('all four targets met: compliance 100 %, reward 200.00, net +200.00', () => {
    const j = judgeAgreement(
      { terms, money },
      {
        availability: { kind: 'availability', totalSeconds: 1000, downSeconds: 0 },
        'P1.response': { kind: 'tickets', met: 10, judged: 10 },
        'P1.resolution': { kind: 'tickets', met: 10, judged: 10 },
        'P2.resolution': { kind: 'tickets', met: 9, judged: 10 },
      },
    );
    expect(j.targets.map((t) => t.key)).toEqual([
      'availability',
      'P1.response',
      'P1.resolution',
      'P2.resolution',
    ]);
    expect(j).toMatchObject({
      targetsMet: 4,
      targetsMissed: 0,
      targetsNoData: 0,
      compliancePercent: 100,
      rewardMinor: 200_00,
      penaltyMinor: 0,
      costOfMissesMinor: 0,
      netMinor: 200_00,
      currency: 'EUR',
    });
  });

  it('2 met, 1 missed, 1 without tickets: 66.66 %, penalty band 0 → −500.00 − 50.00 = −550.00', () => {
    const j = judgeAgreement(
      { terms, money },
      {
        availability: { kind: 'availability', totalSeconds: 1000, downSeconds: 0 },
        'P1.resolution': { kind: 'tickets', met: 1, judged: 2 },
        'P2.resolution': { kind: 'tickets', met: 9, judged: 10 },
      },
    );
    expect(j.targets.find((t) => t.key === 'P1.response')?.status).toBe('no_data');
    expect(j).toMatchObject({
      targetsMet: 2,
      targetsMissed: 1,
      targetsNoData: 1,
      compliancePercent: 66.66,
      band: { minCompliancePercent: 0, kind: 'penalty' },
      rewardMinor: 0,
      penaltyMinor: 500_00,
      costOfMissesMinor: 50_00,
      netMinor: -550_00,
    });
  });

  it('3 of 4 met: exactly 75 % reaches the "none" band, only the cost of the miss', () => {
    const j = judgeAgreement(
      { terms, money },
      {
        availability: { kind: 'availability', totalSeconds: 1000, downSeconds: 500 },
        'P1.response': { kind: 'tickets', met: 1, judged: 1 },
        'P1.resolution': { kind: 'tickets', met: 1, judged: 1 },
        'P2.resolution': { kind: 'tickets', met: 1, judged: 1 },
      },
    );
    expect(j).toMatchObject({
      compliancePercent: 75,
      band: { kind: 'none' },
      netMinor: -50_00,
      targetsMissed: 1,
    });
  });

  it('nothing measured: no compliance, no band, no money', () => {
    const j = judgeAgreement({ terms, money }, {});
    expect(j).toMatchObject({
      compliancePercent: null,
      band: null,
      rewardMinor: 0,
      penaltyMinor: 0,
      costOfMissesMinor: 0,
      netMinor: 0,
      targetsNoData: 4,
    });
  });
});

const version = (
  n: number,
  over: Partial<VersionInEffect['content']>,
  activatedAt: string | null,
  endedAt: string | null = null,
): VersionInEffect => ({
  id: `v${n}` as AgreementVersionId,
  number: n,
  content: {
    terms,
    money,
    reviewPeriod: 'month',
    effectiveFrom: '2026-01-01',
    expiresOn: '2026-12-31',
    ...over,
  },
  activatedAt,
  endedAt,
});
const ms = (s: string) => Date.parse(s);

describe('review periods and the versions that govern them', () => {
  it('has the bounds of months and quarters in UTC', () => {
    expect(periodBounds('2026-02')).toEqual({
      start: ms('2026-02-01T00:00:00Z'),
      end: ms('2026-03-01T00:00:00Z'),
    });
    expect(periodBounds('2026-Q4')).toEqual({
      start: ms('2026-10-01T00:00:00Z'),
      end: ms('2027-01-01T00:00:00Z'),
    });
    expect(periodStart(ms('2026-05-17T10:00:00Z'), 'quarter', -4)).toBe(ms('2025-04-01T00:00:00Z'));
    expect(periodStart(ms('2026-01-17T10:00:00Z'), 'month', -1)).toBe(ms('2025-12-01T00:00:00Z'));
  });

  it('governs from the later of effective date and activation to the end of the expiry day or its end', () => {
    expect(versionWindow(version(1, {}, '2026-01-10T09:00:00Z'))).toEqual({
      start: ms('2026-01-10T09:00:00Z'),
      end: ms('2027-01-01T00:00:00Z'),
    });
    expect(
      versionWindow(
        version(1, { effectiveFrom: '2026-02-01' }, '2026-01-10T09:00:00Z', '2026-03-05T00:00:00Z'),
      ),
    ).toEqual({ start: ms('2026-02-01T00:00:00Z'), end: ms('2026-03-05T00:00:00Z') });
    expect(versionWindow(version(1, {}, null))).toBeNull();
  });

  it('splits a period between two versions and reports it under the one in effect at its end', () => {
    const v1 = version(1, {}, '2025-12-20T00:00:00Z', '2026-02-10T12:00:00Z');
    const v2 = version(2, {}, '2026-02-10T12:00:00Z');
    const plan = planPeriods(
      [v1, v2],
      ms('2026-01-01T00:00:00Z'),
      ms('2026-04-01T00:00:00Z'),
      ms('2026-03-15T00:00:00Z'),
    );
    expect(plan.map((p) => [p.period, p.version.number, p.complete, p.segments.length])).toEqual([
      ['2026-01', 1, true, 1],
      ['2026-02', 2, true, 2],
      ['2026-03', 2, false, 1],
    ]);
    const feb = plan[1]!;
    expect(segmentAt(feb.segments, ms('2026-02-10T11:59:59Z'))?.version.number).toBe(1);
    expect(segmentAt(feb.segments, ms('2026-02-10T12:00:00Z'))?.version.number).toBe(2);
    // March is measured up to now
    expect(plan[2]!.segments[0]!.end).toBe(ms('2026-03-15T00:00:00Z'));
  });

  it('leaves out periods before activation and follows the latest version’s review period', () => {
    const v1 = version(
      1,
      { reviewPeriod: 'quarter', effectiveFrom: '2026-04-01' },
      '2026-03-01T00:00:00Z',
    );
    const plan = planPeriods(
      [v1],
      ms('2026-01-01T00:00:00Z'),
      ms('2027-01-01T00:00:00Z'),
      ms('2026-12-01T00:00:00Z'),
    );
    expect(plan.map((p) => p.period)).toEqual(['2026-Q2', '2026-Q3', '2026-Q4']);
    expect(plan.map((p) => p.complete)).toEqual([true, true, false]);
  });
});

describe('judging a ticket by comparison', () => {
  const split = [
    ['08:00', '12:00'],
    ['13:00', '17:00'],
  ];
  const office = compileCalendar(
    (() => {
      const r = validateCalendar({
        timeZone: 'Europe/Berlin',
        week: { mon: split, tue: split, wed: split, thu: split, fri: split },
        holidays: [],
      });
      if (!r.ok) throw new Error('bad calendar');
      return r.calendar;
    })(),
  );
  const allDay = compileCalendar(calendar24x7('UTC'));

  it('agrees with deriving the timer with each target, on random histories', () => {
    const rnd = mulberry32(6);
    const statuses: TicketStatus[] = [
      'in_progress',
      'pending_customer',
      'pending_vendor',
      'resolved',
      'reopened',
      'cancelled',
      'closed',
      'assigned',
    ];
    const durations = [1800, 3600, 4 * 3600, 8 * 3600, 24 * 3600, 40 * 3600];
    let compared = 0;
    for (let n = 0; n < 400; n++) {
      const calendar = rnd() < 0.5 ? office : allDay;
      const created = ms('2026-03-02T06:00:00Z') + Math.floor(rnd() * 20 * 86_400_000);
      const changes: StatusChange[] = [];
      let at = created;
      const count = Math.floor(rnd() * 5);
      for (let i = 0; i < count; i++) {
        at += Math.floor(rnd() * 30 * 3_600_000);
        changes.push({ at: at as EpochMs, status: statuses[Math.floor(rnd() * statuses.length)]! });
      }
      const facts = {
        createdAt: created as EpochMs,
        changes,
        firstResponseAt:
          rnd() < 0.5 ? ((created + Math.floor(rnd() * 8 * 3_600_000)) as EpochMs) : null,
      };
      const now = (created + 40 * 86_400_000) as EpochMs;
      for (const metric of ['response', 'resolution'] as const) {
        const target = (s: number): TimerTarget => ({
          metric,
          duration: { businessSeconds: s },
          calendar,
        });
        const rep = deriveTimer(facts, target(durations[0]!), now);
        for (const s of durations) {
          const exact = () => deriveTimer(facts, target(s), now);
          expect(ticketVerdict(rep, s, exact)).toBe(verdictOf(exact()));
          compared++;
        }
        // a target exactly on the time counted
        if (rep.businessElapsed >= 60) {
          const s = rep.businessElapsed;
          const exact = () => deriveTimer(facts, target(s), now);
          expect(ticketVerdict(rep, s, exact)).toBe(verdictOf(exact()));
        }
      }
    }
    expect(compared).toBe(400 * 2 * durations.length);
  });
});
