import { describe, expect, it } from 'vitest';
import type { TeamId } from '../ids.js';
import type { ServiceId } from '../services.js';
import {
  defaultPauseStatuses,
  escalationOffsets,
  scopeKey,
  targetFor,
  targetProblems,
  type CalendarId,
  type TargetFields,
} from './targets.js';

const base: TargetFields = {
  serviceId: null,
  priority: 'P2',
  metric: 'resolution',
  origin: 'created',
  teamId: null,
  duration: { businessSeconds: 3600 },
  calendarId: 'c' as CalendarId,
  pauseStatuses: defaultPauseStatuses('resolution'),
  escalations: [],
};
const shop = 's1' as ServiceId;
const ops = 't1' as TeamId;

describe('service level target rules', () => {
  it('pauses resolution on pending statuses and never pauses response by default', () => {
    expect(defaultPauseStatuses('resolution')).toEqual(['pending_customer', 'pending_vendor']);
    expect(defaultPauseStatuses('response')).toEqual([]);
  });

  it.each<[Partial<TargetFields>, string | null]>([
    [{}, null],
    [{ pauseStatuses: ['pending_customer', 'pending_customer'] }, 'pauseStatuses[1]'],
    [{ pauseStatuses: ['closed'] }, 'pauseStatuses[0]'],
    [{ duration: { businessSeconds: 0 } }, 'duration.businessSeconds'],
    [{ duration: { workingDays: 0.5, endOfWorkingDay: false } }, 'duration.workingDays'],
    [{ origin: 'assigned_to_team' }, 'teamId'],
    [{ teamId: ops }, 'teamId'],
    [
      {
        escalations: [
          { at: { percent: 0 }, actions: [{ type: 'raise_priority' }], businessHoursOnly: false },
        ],
      },
      'escalations[0].at.percent',
    ],
    [
      {
        escalations: [
          {
            at: { percent: 1000 },
            actions: [{ type: 'raise_priority' }],
            businessHoursOnly: false,
          },
        ],
      },
      null,
    ],
    [
      { escalations: [{ at: { offsetSeconds: -3600 }, actions: [], businessHoursOnly: false }] },
      'escalations[0].actions',
    ],
    [
      {
        escalations: [
          {
            at: { offsetSeconds: 60 },
            actions: [{ type: 'raise_priority' }],
            businessHoursOnly: false,
          },
          {
            at: { offsetSeconds: 60 },
            actions: [{ type: 'webhook', url: 'https://x.test/h' }],
            businessHoursOnly: true,
          },
        ],
      },
      'escalations[1].at',
    ],
    [
      {
        escalations: [
          {
            at: { percent: 50 },
            actions: [{ type: 'webhook', url: 'ftp://x' }],
            businessHoursOnly: false,
          },
        ],
      },
      'escalations[0].actions[0].url',
    ],
  ])('%o → %s', (patch, path) => {
    const problems = targetProblems({ ...base, ...patch });
    if (path === null) expect(problems).toEqual([]);
    else expect(problems.map((p) => p.path)).toContain(path);
  });

  it('orders escalation points by when they fall due', () => {
    const levels = [
      { at: { offsetSeconds: 1800 }, actions: [], businessHoursOnly: false },
      { at: { percent: 50 }, actions: [], businessHoursOnly: false },
      { at: { offsetSeconds: -600 }, actions: [], businessHoursOnly: false },
    ];
    expect(escalationOffsets(levels, 3600).map((l) => l.secondsFromStart)).toEqual([
      1800, 3000, 5400,
    ]);
  });

  it('finds the service target, else the default, per origin and team', () => {
    const targets = [
      { ...base, id: 'default' },
      { ...base, id: 'shop', serviceId: shop },
      { ...base, id: 'ola', origin: 'assigned_to_team' as const, teamId: ops },
    ];
    expect(targetFor(targets, shop, 'P2', 'resolution')?.id).toBe('shop');
    expect(targetFor(targets, 's2' as ServiceId, 'P2', 'resolution')?.id).toBe('default');
    expect(targetFor(targets, shop, 'P1', 'resolution')).toBeNull();
    expect(
      targetFor(targets, shop, 'P2', 'resolution', { origin: 'assigned_to_team', teamId: ops })?.id,
    ).toBe('ola');
    expect(scopeKey(targets[2]!)).toBe('*|P2|resolution|team:t1');
  });
});
