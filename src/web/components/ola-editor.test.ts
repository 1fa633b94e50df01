import { describe, expect, it } from 'vitest';
import { nextOlaKey, olaDrafts, olasOf, targetKeysOf, type OlaView } from './ola-editor.js';

const ola = (over: Partial<OlaView> = {}): OlaView => ({
  key: 'ola-network',
  teamId: 't-1',
  teamName: 'Network & Infrastructure',
  description: 'Network restores connectivity within 1 hour',
  priority: 'P1',
  metric: 'resolution',
  duration: { businessSeconds: 3600 },
  calendarId: 'c-1',
  underpins: ['P1.resolution', 'availability'],
  ...over,
});

describe('OLA drafts', () => {
  it('round-trips OLAs as the API returns them into what it takes', () => {
    const olas = [
      ola(),
      ola({ key: 'ola-2', duration: { businessSeconds: 90 * 60 }, metric: 'response' }),
      ola({ key: 'ola-3', duration: { workingDays: 2, endOfWorkingDay: true } }),
    ];
    const drafts = olaDrafts(olas);
    expect(drafts.map((d) => [d.amount, d.unit, d.endOfWorkingDay])).toEqual([
      ['1', 'hours', false],
      ['90', 'minutes', false],
      ['2', 'days', true],
    ]);
    expect(olasOf(drafts)).toEqual(olas.map(({ teamName: _, ...wire }) => wire));
  });

  it('sends a changed amount in the unit chosen, and a blank amount as not a number', () => {
    const [d] = olaDrafts([ola()]);
    expect(olasOf([{ ...d!, amount: '3' }])[0]!.duration).toEqual({ businessSeconds: 3 * 3600 });
    expect(olasOf([{ ...d!, amount: '3', unit: 'days' }])[0]!.duration).toEqual({
      workingDays: 3,
    });
    expect(olasOf([{ ...d!, amount: '' }])[0]!.duration.businessSeconds).toBeNaN();
  });

  it('drops "to the end of the working day" from a duration that is not in days', () => {
    const [d] = olaDrafts([ola({ duration: { workingDays: 1, endOfWorkingDay: true } })]);
    expect(olasOf([{ ...d!, unit: 'hours' }])[0]!.duration).toEqual({ businessSeconds: 3600 });
  });
});

describe('nextOlaKey', () => {
  it('takes the smallest ola-n not used by a row or the version it is based on', () => {
    expect(nextOlaKey([])).toBe('ola-1');
    expect(nextOlaKey(['ola-storefront', 'ola-network'])).toBe('ola-1');
    expect(nextOlaKey(['ola-1', 'ola-2', 'ola-4'])).toBe('ola-3');
  });
});

describe('targetKeysOf', () => {
  it('lists availability when committed, then the ticket targets by priority and metric', () => {
    const tickets = [
      { priority: 'P2', metric: 'resolution' },
      { priority: 'P1', metric: 'resolution' },
      { priority: 'P1', metric: 'response' },
    ];
    expect(targetKeysOf({ availabilityPercent: 99.9, tickets })).toEqual([
      'availability',
      'P1.response',
      'P1.resolution',
      'P2.resolution',
    ]);
    expect(targetKeysOf({ availabilityPercent: null, tickets: [] })).toEqual([]);
  });
});
