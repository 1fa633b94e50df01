import { describe, expect, it } from 'vitest';
import { calendar24x7, validateCalendar } from '../calendar/calendar.js';
import { compileCalendar } from '../calendar/clock.js';
import { formatLocal, parseTime } from '../calendar/local-time.js';
import type { EpochMs } from '../calendar/units.js';
import type { TicketStatus } from '../tickets.js';
import { type TicketFacts, type TimerTarget, deriveTimer } from './timer.js';

const split = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];
const office = compileCalendar(
  (() => {
    const r = validateCalendar({
      timeZone: 'Europe/Berlin',
      week: { mon: split, tue: split, wed: split, thu: split, fri: split },
      holidays: [{ date: '2025-04-18', name: 'Good Friday' }],
    });
    if (!r.ok) throw new Error('bad calendar');
    return r.calendar;
  })(),
);
const allWeek = compileCalendar(calendar24x7('Europe/Berlin'));
const T = (local: string) => parseTime(office, local)!;
const L = (at: EpochMs | null) => (at === null ? null : formatLocal(office, at));
const H = 3600;

/** created at `created`; then [local time, status, team?] changes. */
function facts(
  created: string,
  changes: [string, TicketStatus, string?][],
  firstResponse?: string,
): TicketFacts {
  return {
    createdAt: T(created),
    changes: changes.map(([at, status, team]) => ({ at: T(at), status, team: team ?? null })),
    firstResponseAt: firstResponse ? T(firstResponse) : null,
  };
}
const resolve = (seconds: number, extra: Partial<TimerTarget> = {}): TimerTarget => ({
  metric: 'resolution',
  duration: { businessSeconds: seconds },
  calendar: office,
  ...extra,
});
const respond = (seconds: number, extra: Partial<TimerTarget> = {}): TimerTarget => ({
  ...resolve(seconds, extra),
  metric: 'response',
});

const pausedTicket = facts('2025-03-24T09:00', [
  ['2025-03-24T09:00', 'new', 'T1'],
  ['2025-03-24T11:00', 'pending_customer'],
  ['2025-03-25T11:00', 'in_progress'],
]);

describe('deriveTimer', () => {
  it.each([
    {
      name: 'running over the lunch break',
      facts: facts('2025-03-24T09:00', [
        ['2025-03-24T09:30', 'assigned', 'T1'],
        ['2025-03-24T10:00', 'in_progress'],
      ]),
      target: resolve(8 * H),
      now: '2025-03-24T15:00',
      expect: {
        state: 'running',
        businessElapsed: 5 * H,
        paused: 0,
        remaining: 3 * H,
        percentUsed: 62.5,
        deadline: '2025-03-25T09:00:00',
        breachAt: null,
      },
    },
    {
      name: 'pending customer pauses resolution and moves the deadline by the paused business time',
      facts: pausedTicket,
      target: resolve(8 * H),
      now: '2025-03-25T12:00',
      expect: {
        state: 'running',
        businessElapsed: 3 * H,
        paused: 8 * H,
        remaining: 5 * H,
        deadline: '2025-03-26T09:00:00',
      },
    },
    {
      name: 'paused now: later facts are ignored, the deadline is where it would be if work resumed now',
      facts: pausedTicket,
      target: resolve(8 * H),
      now: '2025-03-25T10:00',
      expect: {
        state: 'paused',
        businessElapsed: 2 * H,
        paused: 7 * H,
        remaining: 6 * H,
        deadline: '2025-03-25T17:00:00',
      },
    },
    {
      name: 'a smaller target recomputes from the same history and keeps the pauses',
      facts: pausedTicket,
      target: resolve(2 * H),
      now: '2025-03-25T12:00',
      expect: {
        state: 'breached',
        businessElapsed: 3 * H,
        paused: 8 * H,
        remaining: -H,
        breached: true,
        deadline: '2025-03-24T11:00:00',
        breachAt: '2025-03-24T11:00:00',
        percentUsed: 150,
      },
    },
    {
      name: 'response never pauses by default',
      facts: { ...pausedTicket, firstResponseAt: T('2025-03-25T10:00') },
      target: respond(4 * H),
      now: '2025-03-26T10:00',
      expect: {
        state: 'breached',
        stop: '2025-03-25T10:00:00',
        businessElapsed: 9 * H,
        paused: 0,
        breachAt: '2025-03-24T14:00:00',
      },
    },
    {
      name: 'response met by the first response',
      facts: facts('2025-03-24T09:00', [['2025-03-24T10:30', 'in_progress']], '2025-03-24T10:30'),
      target: respond(4 * H),
      now: '2025-03-27T10:00',
      expect: {
        state: 'met',
        stop: '2025-03-24T10:30:00',
        businessElapsed: 1.5 * H,
        remaining: 2.5 * H,
        percentUsed: 37.5,
        deadline: '2025-03-24T14:00:00',
        breached: false,
      },
    },
    {
      name: 'a reopened ticket counts again from where it stopped; the resolved gap is held',
      facts: facts('2025-03-24T09:00', [
        ['2025-03-24T11:00', 'resolved'],
        ['2025-03-25T09:00', 'reopened'],
        ['2025-03-25T10:00', 'resolved'],
        ['2025-03-26T10:00', 'closed'],
      ]),
      target: resolve(8 * H),
      now: '2025-03-27T09:00',
      expect: {
        state: 'met',
        stop: '2025-03-25T10:00:00',
        businessElapsed: 3 * H,
        paused: 6 * H,
        deadline: '2025-03-25T16:00:00',
      },
    },
    {
      name: 'resolved after the deadline is breached, with the instant it breached',
      facts: facts('2025-03-24T09:00', [
        ['2025-03-24T09:10', 'in_progress'],
        ['2025-03-24T13:30', 'resolved'],
      ]),
      target: resolve(2 * H),
      now: '2025-03-25T09:00',
      expect: {
        state: 'breached',
        businessElapsed: 3.5 * H,
        breached: true,
        breachAt: '2025-03-24T11:00:00',
        stop: '2025-03-24T13:30:00',
      },
    },
    {
      name: 'resolved at a closed hour after a deadline at closing time is late',
      facts: facts('2025-03-24T15:00', [['2025-03-24T18:30', 'resolved']]),
      target: resolve(2 * H),
      now: '2025-03-25T09:00',
      expect: {
        state: 'breached',
        businessElapsed: 2 * H,
        remaining: 0,
        breachAt: '2025-03-24T17:00:00',
      },
    },
    {
      name: 'cancelled before the deadline stops without a verdict',
      facts: facts('2025-03-24T09:00', [['2025-03-24T10:00', 'cancelled']]),
      target: resolve(8 * H),
      now: '2025-03-25T09:00',
      expect: {
        state: 'stopped',
        businessElapsed: H,
        breached: false,
        stop: '2025-03-24T10:00:00',
      },
    },
    {
      name: 'a holiday and a weekend are skipped',
      facts: facts('2025-04-17T16:00', []),
      target: resolve(2 * H),
      now: '2025-04-19T12:00',
      expect: { state: 'running', businessElapsed: H, deadline: '2025-04-21T09:00:00' },
    },
    {
      name: 'working days to the end of the day, moved by a pause',
      facts: facts('2025-03-24T10:00', [
        ['2025-03-25T09:00', 'pending_vendor'],
        ['2025-03-25T10:00', 'in_progress'],
      ]),
      target: { ...resolve(0), duration: { workingDays: 3, endOfWorkingDay: true } },
      now: '2025-03-25T11:00',
      expect: { state: 'running', target: 30 * H, paused: H, deadline: '2025-03-28T09:00:00' },
    },
    {
      name: 'an operational level target starts at assignment to its team',
      facts: facts('2025-03-24T09:00', [
        ['2025-03-24T09:00', 'new', 'T1'],
        ['2025-03-24T13:30', 'assigned', 'T2'],
      ]),
      target: respond(H, { origin: 'assigned_to_team:T2' }),
      now: '2025-03-24T14:00',
      expect: {
        state: 'running',
        start: '2025-03-24T13:30:00',
        businessElapsed: 0.5 * H,
        remaining: 0.5 * H,
        deadline: '2025-03-24T14:30:00',
      },
    },
    {
      name: 'an operational level target whose team never got the ticket has not started',
      facts: facts('2025-03-24T09:00', [['2025-03-24T09:00', 'new', 'T1']]),
      target: respond(H, { origin: 'assigned_to_team:T2' }),
      now: '2025-03-24T14:00',
      expect: {
        state: 'stopped',
        start: null,
        deadline: null,
        businessElapsed: 0,
        breached: false,
      },
    },
    {
      name: 'custom pause statuses apply to response too',
      facts: facts('2025-03-24T09:00', [
        ['2025-03-24T10:00', 'pending_vendor'],
        ['2025-03-24T11:00', 'assigned'],
      ]),
      target: respond(2 * H, { pauseStatuses: ['pending_vendor'] }),
      now: '2025-03-24T11:30',
      expect: {
        state: 'running',
        businessElapsed: 1.5 * H,
        paused: H,
        deadline: '2025-03-24T12:00:00',
      },
    },
  ])('$name', ({ facts: f, target, now, expect: e }) => {
    const timer = deriveTimer(f, target, T(now));
    const shown = {
      ...timer,
      start: L(timer.start),
      stop: L(timer.stop),
      deadline: L(timer.deadline),
      breachAt: L(timer.breachAt),
    };
    expect(shown).toMatchObject(e);
    // the explanation adds up: counted and held seconds are the timer's figures
    const sum = (kinds: string[]) =>
      timer.explanation.intervals
        .filter((i) => kinds.includes(i.kind))
        .reduce((s, i) => s + i.seconds, 0);
    expect(sum(['counted'])).toBe(timer.businessElapsed);
    expect(sum(['paused', 'closed'])).toBe(timer.paused);
  });

  it('real seconds across the spring DST change on a 24x7 calendar', () => {
    const created = parseTime(allWeek, '2025-03-29T12:00')!;
    const timer = deriveTimer(
      { createdAt: created, changes: [] },
      { ...resolve(24 * H), calendar: allWeek },
      (created + 3600_000) as EpochMs,
    );
    expect(formatLocal(allWeek, timer.deadline!)).toBe('2025-03-30T13:00:00');
    expect(timer.deadline! - created).toBe(24 * H * 1000);
  });

  it('explains the timeline interval by interval, with the rule', () => {
    const timer = deriveTimer(pausedTicket, resolve(8 * H), T('2025-03-25T12:00'));
    expect(
      timer.explanation.intervals.map((i) => [L(i.from), L(i.to), i.kind, i.status, i.seconds]),
    ).toEqual([
      ['2025-03-24T09:00:00', '2025-03-24T11:00:00', 'counted', 'new', 2 * H],
      ['2025-03-24T11:00:00', '2025-03-25T11:00:00', 'paused', 'pending_customer', 8 * H],
      ['2025-03-25T11:00:00', '2025-03-25T12:00:00', 'counted', 'in_progress', H],
    ]);
    expect(timer.explanation.rule).toBe(
      'Time to resolve: 8h of business time on the Europe/Berlin calendar, counted from ticket creation; paused while pending customer or pending vendor; stops when the ticket is resolved, closed or cancelled; a reopened ticket counts again from where it stopped.',
    );
    const team = deriveTimer(
      pausedTicket,
      respond(H, { origin: 'assigned_to_team:T9' }),
      T('2025-03-25T12:00'),
    );
    expect(team.explanation.intervals.map((i) => i.kind)).toEqual([
      'not_started',
      'not_started',
      'not_started',
    ]);
  });

  it.each([
    [
      'out of order',
      facts('2025-03-24T09:00', [
        ['2025-03-24T11:00', 'assigned'],
        ['2025-03-24T10:00', 'in_progress'],
      ]),
      'changes[1].at',
      'before the previous change',
    ],
    [
      'before creation',
      facts('2025-03-24T09:00', [['2025-03-24T08:00', 'assigned']]),
      'changes[0].at',
      'before the ticket was created',
    ],
    [
      'an unknown status',
      {
        createdAt: T('2025-03-24T09:00'),
        changes: [{ at: T('2025-03-24T10:00'), status: 'waiting' as TicketStatus }],
      },
      'changes[0].status',
      'is not a status',
    ],
  ])('refuses history %s', (_, f, path, message) => {
    expect(() => deriveTimer(f, resolve(H), T('2025-03-25T09:00'))).toThrow(
      expect.objectContaining({
        code: 'invalid',
        issues: [{ path, message: expect.stringContaining(message) as string }],
      }),
    );
  });
});
