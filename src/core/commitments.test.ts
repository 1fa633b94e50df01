import { describe, expect, it } from 'vitest';
import {
  answerProblem,
  backingAt,
  isUnbackedAt,
  unbackedByMaker,
  type BackingFacts,
  type Commitment,
} from './commitments.js';
import type { Instant, PersonId, TeamId } from './ids.js';

const cio = 'p-cio' as PersonId;
const lead = 'p-lead' as PersonId;
const team = 't-platform' as TeamId;
const i = (s: string) => s as Instant;

const base: BackingFacts = {
  makerId: cio,
  delivererType: 'team',
  delivererId: team,
  acceptedAt: null,
  rejectedAt: null,
  doneAt: null,
  withdrawnAt: null,
  createdAt: i('2026-01-10T12:00:00.000Z'),
};

describe('backing and the unbacked rule at an instant', () => {
  const cases: [string, Partial<BackingFacts>, string, ReturnType<typeof backingAt>, boolean][] = [
    ['not made yet', {}, '2026-01-10T11:59:59.999Z', null, false],
    ['made on behalf of a team, no answer', {}, '2026-01-10T12:00:00.000Z', 'pending', true],
    [
      'accepted later: unbacked before the acceptance',
      { acceptedAt: i('2026-02-01T00:00:00.000Z') },
      '2026-01-31T23:59:59.999Z',
      'pending',
      true,
    ],
    [
      'accepted: backed from the acceptance on',
      { acceptedAt: i('2026-02-01T00:00:00.000Z') },
      '2026-02-01T00:00:00.000Z',
      'accepted',
      false,
    ],
    [
      'rejected: stays unbacked',
      { rejectedAt: i('2026-01-11T00:00:00.000Z') },
      '2026-03-01T00:00:00.000Z',
      'rejected',
      true,
    ],
    [
      'made for oneself: backed at once',
      { delivererType: 'person', delivererId: cio },
      '2026-01-10T12:00:00.000Z',
      'self',
      false,
    ],
    [
      'on behalf of another person',
      { delivererType: 'person', delivererId: lead },
      '2026-01-20T00:00:00.000Z',
      'pending',
      true,
    ],
    [
      'withdrawn: no longer a promise, so not unbacked',
      { withdrawnAt: i('2026-01-15T00:00:00.000Z') },
      '2026-01-15T00:00:00.000Z',
      'pending',
      false,
    ],
    [
      'withdrawn later: unbacked until then',
      { withdrawnAt: i('2026-01-15T00:00:00.000Z') },
      '2026-01-14T23:00:00.000Z',
      'pending',
      true,
    ],
    [
      'done: not unbacked after delivery',
      { doneAt: i('2026-01-12T00:00:00.000Z') },
      '2026-01-13T00:00:00.000Z',
      'pending',
      false,
    ],
  ];
  it.each(cases)('%s', (_name, patch, at, backing, unbacked) => {
    const c = { ...base, ...patch };
    expect(backingAt(c, i(at))).toBe(backing);
    expect(isUnbackedAt(c, i(at))).toBe(unbacked);
  });
});

describe('answering a commitment', () => {
  const open = {
    ...base,
    status: 'open',
  } as Commitment;
  it.each([
    ['open and unanswered', open, null],
    ['already accepted', { ...open, acceptedAt: i('2026-01-11T00:00:00.000Z') }, 'accepted'],
    ['already rejected', { ...open, rejectedAt: i('2026-01-11T00:00:00.000Z') }, 'rejected'],
    ['withdrawn', { ...open, status: 'withdrawn' }, 'withdrawn'],
    ['made for oneself', { ...open, delivererType: 'person', delivererId: cio }, 'personally'],
  ] as const)('%s', (_name, c, problem) => {
    const found = answerProblem(c);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

describe('the unbacked report', () => {
  it('groups by maker, most first, items oldest first, at a past date', () => {
    const other = 'p-cfo' as PersonId;
    const c = (id: string, patch: Partial<BackingFacts>) => ({ id, ...base, ...patch });
    const all = [
      c('a', { createdAt: i('2026-01-05T00:00:00.000Z') }),
      c('b', { createdAt: i('2026-01-03T00:00:00.000Z') }),
      c('c', { createdAt: i('2026-01-04T00:00:00.000Z'), makerId: other }),
      c('d', {
        createdAt: i('2026-01-06T00:00:00.000Z'),
        acceptedAt: i('2026-01-08T00:00:00.000Z'),
      }),
      c('e', { delivererType: 'person', delivererId: cio }),
      c('f', { createdAt: i('2026-02-01T00:00:00.000Z'), makerId: other }),
    ];
    const report = unbackedByMaker(all, i('2026-01-20T00:00:00.000Z'));
    expect(report.map((g) => [g.makerId, g.count, g.oldest, g.items.map((x) => x.id)])).toEqual([
      [cio, 2, '2026-01-03T00:00:00.000Z', ['b', 'a']],
      [other, 1, '2026-01-04T00:00:00.000Z', ['c']],
    ]);
    // Before the acceptance of d, it counted too.
    const earlier = unbackedByMaker(all, i('2026-01-07T00:00:00.000Z'));
    expect(earlier[0]!.items.map((x) => x.id)).toEqual(['b', 'a', 'd']);
  });
});
