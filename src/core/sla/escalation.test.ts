import { describe, expect, it } from 'vitest';
import { calendar24x7, validateCalendar } from '../calendar/calendar.js';
import { compileCalendar } from '../calendar/clock.js';
import type { EpochMs } from '../calendar/units.js';
import { escalationSchedule, firesNow, nextDue } from './escalation.js';
import type { EscalationLevel } from './targets.js';
import { deriveTimer, type TicketFacts } from './timer.js';

const day = [
  ['09:00', '12:00'],
  ['13:00', '17:00'],
];
const office = compileCalendar(
  (() => {
    const r = validateCalendar({
      timeZone: 'Europe/Amsterdam',
      week: { mon: day, tue: day, wed: day, thu: day, fri: day },
      holidays: [],
    });
    if (!r.ok) throw new Error('bad calendar');
    return r.calendar;
  })(),
);
const allDay = compileCalendar(calendar24x7('UTC'));
const T = (iso: string) => Date.parse(iso) as EpochMs;
const level = (at: EscalationLevel['at'], businessHoursOnly = false): EscalationLevel => ({
  at,
  actions: [{ type: 'notify', to: 'assignee' }],
  businessHoursOnly,
});
const H = 3600;

describe('escalation schedule', () => {
  // Monday 2 March 2026, 15:00 in Amsterdam (14:00Z); 4 business hours to respond.
  const created: TicketFacts = { createdAt: T('2026-03-02T14:00:00Z'), changes: [] };
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

  it.each([
    // [level, due (UTC), fire (UTC)]
    [level({ percent: 50 }), '2026-03-02T16:00:00.000Z', '2026-03-02T16:00:00.000Z'],
    // 100 % = 2 h Monday + 2 h Tuesday from 09:00 local (08:00Z)
    [level({ percent: 100 }), '2026-03-03T10:00:00.000Z', '2026-03-03T10:00:00.000Z'],
    // 1 h before the deadline: crosses the lunch break backwards
    [level({ offsetSeconds: -H }), '2026-03-03T09:00:00.000Z', '2026-03-03T09:00:00.000Z'],
    // at the Monday closing (2 h): business hours only waits for Tuesday's opening
    [
      level({ offsetSeconds: -2 * H }, true),
      '2026-03-02T16:00:00.000Z',
      '2026-03-03T08:00:00.000Z',
    ],
    [level({ offsetSeconds: 2 * H }), '2026-03-03T13:00:00.000Z', '2026-03-03T13:00:00.000Z'],
  ])('%# due and fire instants', (l, due, fire) => {
    const target = {
      metric: 'response' as const,
      duration: { businessSeconds: 4 * H },
      calendar: office,
    };
    const now = T('2026-03-02T14:30:00Z');
    const timer = deriveTimer(created, target, now);
    const [s] = escalationSchedule(timer, [l], office, now);
    expect([iso(s!.dueAt), iso(s!.fireAt)]).toEqual([due, fire]);
    expect(firesNow(s!, office, now)).toBe(false);
  });

  it('fires once due; a business-hours level missed at night waits for the opening', () => {
    const target = {
      metric: 'response' as const,
      duration: { businessSeconds: 2 * H },
      calendar: office,
    };
    const levels = [level({ percent: 50 }), level({ percent: 100 }, true)];
    const evening = T('2026-03-02T18:00:00Z');
    const timer = deriveTimer(created, target, evening);
    const schedule = escalationSchedule(timer, levels, office, evening);
    expect(schedule.map((s) => firesNow(s, office, evening))).toEqual([true, false]);
    expect(iso(nextDue(schedule, evening))).toBe('2026-03-03T08:00:00.000Z');
    const morning = T('2026-03-03T08:00:00Z');
    const later = escalationSchedule(
      deriveTimer(created, target, morning),
      levels,
      office,
      morning,
    );
    expect(later.map((s) => firesNow(s, office, morning))).toEqual([true, true]);
  });

  it('a paused or stopped clock does not reach levels it has not reached yet', () => {
    const facts: TicketFacts = {
      createdAt: T('2026-03-02T10:00:00Z'),
      changes: [{ at: T('2026-03-02T10:30:00Z'), status: 'pending_customer' }],
    };
    const target = {
      metric: 'resolution' as const,
      duration: { businessSeconds: 2 * H },
      calendar: allDay,
    };
    const now = T('2026-03-02T15:00:00Z');
    const timer = deriveTimer(facts, target, now);
    const [reached, waiting] = escalationSchedule(
      timer,
      [level({ percent: 25 }), level({ percent: 50 })],
      allDay,
      now,
    );
    expect(iso(reached!.dueAt)).toBe('2026-03-02T10:30:00.000Z');
    expect(firesNow(reached!, allDay, now)).toBe(true);
    expect(waiting!.dueAt).toBeNull();
    expect(firesNow(waiting!, allDay, now)).toBe(false);
  });
});
