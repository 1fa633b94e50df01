import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../test/random.js';
import { calendar24x7, validateCalendar } from '../calendar/calendar.js';
import { compileCalendar } from '../calendar/clock.js';
import type { EpochMs } from '../calendar/units.js';
import { deriveTimer, type TicketFacts } from '../sla/timer.js';
import { priorities, type TicketStatus } from '../tickets.js';
import { monthsBefore, stopwatch, TicketHistory, type HistoryTicket } from './ticket-history.js';
import type { TargetDuration, TicketMetric } from './terms.js';

const day = [['09:00', '17:00']];
const office = compileCalendar(
  (() => {
    const r = validateCalendar({
      timeZone: 'UTC',
      week: { mon: day, tue: day, wed: day, thu: day, fri: day },
      holidays: [{ date: '2026-03-06', name: 'Closed Friday' }],
    });
    if (!r.ok) throw new Error('bad calendar');
    return r.calendar;
  })(),
);
const allDay = compileCalendar(calendar24x7('UTC'));
const T = (s: string) => Date.parse(`${s}Z`) as EpochMs;
const H = 3600;
// Monday 2 March 2026 … now: Wednesday 4 March 12:00
const now = T('2026-03-04T12:00:00');

function ticket(
  created: string,
  changes: [string, TicketStatus][],
  extra: { priority?: 'P1' | 'P2'; response?: string; cancelled?: boolean } = {},
): HistoryTicket {
  return {
    priority: extra.priority ?? 'P1',
    cancelled: extra.cancelled ?? false,
    facts: {
      createdAt: T(created),
      changes: changes.map(([at, status]) => ({ at: T(at), status })),
      firstResponseAt: extra.response ? T(extra.response) : null,
    },
  };
}

const tickets: HistoryTicket[] = [
  // 2 business hours, stopped while counting
  ticket('2026-03-02T09:00:00', [['2026-03-02T11:00:00', 'resolved']]),
  // 16:00 → 17:00 Monday and 09:00 → 10:00 Tuesday: 2 hours
  ticket('2026-03-02T16:00:00', [['2026-03-03T10:00:00', 'resolved']]),
  // 6 hours
  ticket('2026-03-02T09:00:00', [['2026-03-02T15:00:00', 'resolved']]),
  // 15:00 → 17:00, resolved at 18:00 (closed): 2 hours reached at 17:00, before the stop
  ticket('2026-03-03T15:00:00', [['2026-03-03T18:00:00', 'resolved']]),
  // still open since Tuesday 09:00: 11 hours so far (past 4 hours, not past 12)
  ticket('2026-03-03T09:00:00', [['2026-03-03T09:30:00', 'in_progress']]),
  // waiting on the customer most of the time: 30 + 15 minutes counted, resolved
  ticket('2026-03-02T09:00:00', [
    ['2026-03-02T09:30:00', 'pending_customer'],
    ['2026-03-03T16:30:00', 'in_progress'],
    ['2026-03-03T16:45:00', 'resolved'],
  ]),
  // cancelled: left out
  ticket('2026-03-02T09:00:00', [['2026-03-03T09:00:00', 'cancelled']], { cancelled: true }),
  // another priority
  ticket('2026-03-02T09:00:00', [['2026-03-02T10:00:00', 'resolved']], { priority: 'P2' }),
];

describe('stopwatch', () => {
  it('counts business time to the stop and notes a stop after the count ended', () => {
    const w = tickets.map((t) => stopwatch(t.facts, 'resolution', office, now));
    expect(w.map((x) => x.elapsed / H)).toEqual([2, 2, 6, 2, 11, 0.75, 8, 1]);
    expect(w.map((x) => x.early)).toEqual([false, false, false, true, false, false, true, false]);
    expect(w.map((x) => x.stopped)).toEqual([true, true, true, true, false, true, true, true]);
  });

  it('response stops at the first response, never pauses', () => {
    const t = ticket('2026-03-02T09:00:00', [['2026-03-02T09:10:00', 'pending_customer']], {
      response: '2026-03-02T10:00:00',
    });
    const w = stopwatch(t.facts, 'response', office, now);
    expect(w).toMatchObject({ elapsed: H, stopped: true, early: false });
  });
});

describe('TicketHistory', () => {
  const history = new TicketHistory(tickets, now);
  const from = T('2026-03-01T00:00:00');
  const judge = (seconds: number) =>
    history.attainment(
      office,
      { priority: 'P1', metric: 'resolution', duration: { businessSeconds: seconds } },
      from,
    );

  it('judges every duration by comparison, exactly like the timer', () => {
    // 4 h: met 2, 2, 0.75 (the 2 h ticket stopped at 18:00 met 4 h too); missed 6 and open 11
    expect(judge(4 * H)).toEqual({ tickets: 6, met: 4, percent: 66.7 });
    // 2 h: the ticket whose count reached 2 h at 17:00 but stopped at 18:00 is a miss
    expect(judge(2 * H)).toEqual({ tickets: 6, met: 3, percent: 50 });
    // 12 h: the open ticket (11 h) is still within its deadline: left out
    expect(judge(12 * H)).toEqual({ tickets: 5, met: 5, percent: 100 });
    // one stopwatch per ticket not cancelled, whatever the number of durations
    expect(history.taken).toBe(7);
  });

  it('leaves out tickets created before the window', () => {
    expect(judge(4 * H)).toEqual(
      history.attainment(
        office,
        { priority: 'P1', metric: 'resolution', duration: { businessSeconds: 4 * H } },
        monthsBefore(now, 3),
      ),
    );
    expect(
      history.attainment(
        office,
        { priority: 'P1', metric: 'resolution', duration: { businessSeconds: 4 * H } },
        T('2026-03-03T00:00:00'),
      ),
    ).toEqual({ tickets: 2, met: 1, percent: 50 });
  });

  it('judges working days against each ticket’s own deadline', () => {
    // 1 working day from creation: every stopped ticket is within, the open one (since Tue 09:00) is past
    expect(
      history.attainment(
        office,
        {
          priority: 'P1',
          metric: 'resolution',
          duration: { workingDays: 1, endOfWorkingDay: false },
        },
        from,
      ),
    ).toEqual({ tickets: 6, met: 5, percent: 83.3 });
  });

  it('agrees with deriveTimer on random tickets, calendars and durations', () => {
    const random = mulberry32(42);
    const statuses: TicketStatus[] = [
      'assigned',
      'in_progress',
      'pending_customer',
      'pending_vendor',
      'resolved',
      'reopened',
      'closed',
    ];
    const base = T('2026-01-05T00:00:00');
    const end = T('2026-03-04T12:00:00');
    const generated: HistoryTicket[] = [];
    for (let i = 0; i < 400; i++) {
      const createdAt = base + Math.floor((random() * (end - base)) / 60_000) * 60_000;
      let at = createdAt;
      const changes: TicketFacts['changes'][number][] = [];
      let current: TicketStatus = 'new';
      for (let k = 0; k < Math.floor(random() * 6); k++) {
        at += Math.floor(random() * 2 * 86_400) * 1000;
        const options = statuses.filter((s) =>
          current === 'resolved' ? s === 'closed' || s === 'reopened' : s !== 'closed',
        );
        if (current === 'closed') break;
        current = options[Math.floor(random() * options.length)]!;
        changes.push({ at: at as EpochMs, status: current });
      }
      generated.push({
        priority: priorities[i % 4]!,
        cancelled: false,
        facts: {
          createdAt: createdAt as EpochMs,
          changes,
          firstResponseAt:
            random() < 0.7 ? ((createdAt + random() * 8 * H * 1000) as EpochMs) : null,
        },
      });
    }
    const h = new TicketHistory(generated, end);
    const durations: TargetDuration[] = [
      { businessSeconds: H },
      { businessSeconds: 4 * H },
      { businessSeconds: 8 * H },
      { businessSeconds: 40 * H },
      { workingDays: 1, endOfWorkingDay: false },
      { workingDays: 3, endOfWorkingDay: true },
    ];
    for (const calendar of [office, allDay])
      for (const metric of ['response', 'resolution'] as TicketMetric[])
        for (const priority of priorities)
          for (const duration of durations) {
            let met = 0;
            let judged = 0;
            for (const t of generated) {
              if (t.priority !== priority) continue;
              const timer = deriveTimer(t.facts, { metric, duration, calendar }, end);
              if (timer.state === 'met') met++;
              if (timer.state === 'met' || timer.state === 'breached') judged++;
            }
            const a = h.attainment(calendar, { priority, metric, duration }, base);
            expect({ metric, priority, duration, met: a.met, judged: a.tickets }).toEqual({
              metric,
              priority,
              duration,
              met,
              judged,
            });
          }
  });
});
