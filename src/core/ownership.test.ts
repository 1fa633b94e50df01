import { describe, expect, it } from 'vitest';
import type { Instant, PersonId } from './ids.js';
import {
  accountabilityStatement,
  addMonths,
  holderKey,
  nominationRefusal,
  nominationStateAt,
  reaffirmedTermEnd,
  roleStateAt,
  scopeProblems,
  termProblem,
  type RoleScope,
} from './ownership.js';
import type { ServiceId } from './services.js';

const i = (s: string) => s as Instant;
const scope = (s: Partial<RoleScope>): RoleScope => ({
  serviceId: null,
  practiceId: null,
  orgUnitId: null,
  teamId: null,
  ...s,
});

describe('roleStateAt', () => {
  // Accepted 2025-01-10 for 12 months, re-affirmed 2025-12-20 to 2027-01-10, ended 2026-06-01.
  const role = {
    acceptedAt: i('2025-01-10T00:00:00.000Z'),
    termEndsAt: i('2027-01-10T00:00:00.000Z'),
    endedAt: i('2026-06-01T00:00:00.000Z'),
  };
  const affirmations = [
    { at: i('2025-12-20T00:00:00.000Z'), termEndsAt: i('2027-01-10T00:00:00.000Z') },
    { at: i('2025-01-10T00:00:00.000Z'), termEndsAt: i('2026-01-10T00:00:00.000Z') },
  ];
  it.each([
    ['2025-01-09T23:59:59.999Z', 'pending'],
    ['2025-01-10T00:00:00.000Z', 'active'],
    ['2025-12-31T00:00:00.000Z', 'active'],
    ['2026-05-31T23:59:59.999Z', 'active'],
    ['2026-06-01T00:00:00.000Z', 'ended'],
    ['2030-01-01T00:00:00.000Z', 'ended'],
  ])('with a re-affirmation and an end, at %s is %s', (at, state) => {
    expect(roleStateAt(role, affirmations, i(at))).toBe(state);
  });

  const neverReaffirmed = {
    acceptedAt: i('2025-01-10T00:00:00.000Z'),
    termEndsAt: i('2026-01-10T00:00:00.000Z'),
    endedAt: null,
  };
  const lapseThenReaffirm = [
    { at: i('2025-01-10T00:00:00.000Z'), termEndsAt: i('2026-01-10T00:00:00.000Z') },
    { at: i('2026-03-01T00:00:00.000Z'), termEndsAt: i('2027-03-01T00:00:00.000Z') },
  ];
  it.each([
    [[], '2026-01-09T23:59:59.999Z', 'active'],
    [[], '2026-01-10T00:00:00.000Z', 'lapsed'],
    [lapseThenReaffirm, '2026-02-01T00:00:00.000Z', 'lapsed'],
    [lapseThenReaffirm, '2026-03-01T00:00:00.000Z', 'active'],
    [lapseThenReaffirm, '2027-03-01T00:00:00.000Z', 'lapsed'],
  ] as const)('lapse derivation %#: at %s is %s', (affs, at, state) => {
    expect(roleStateAt(neverReaffirmed, affs, i(at))).toBe(state);
  });
});

describe('nominationStateAt', () => {
  const n = {
    createdAt: i('2026-01-01T00:00:00.000Z'),
    expiresAt: i('2026-04-01T00:00:00.000Z'),
  };
  it.each([
    [{ status: 'pending', answeredAt: null }, '2025-12-31T00:00:00.000Z', null],
    [{ status: 'pending', answeredAt: null }, '2026-02-01T00:00:00.000Z', 'pending'],
    [{ status: 'pending', answeredAt: null }, '2026-04-01T00:00:00.000Z', 'expired'],
    [
      { status: 'accepted', answeredAt: '2026-02-01T00:00:00.000Z' },
      '2026-01-15T00:00:00.000Z',
      'pending',
    ],
    [
      { status: 'accepted', answeredAt: '2026-02-01T00:00:00.000Z' },
      '2026-02-01T00:00:00.000Z',
      'accepted',
    ],
    [
      { status: 'declined', answeredAt: '2026-02-01T00:00:00.000Z' },
      '2027-01-01T00:00:00.000Z',
      'declined',
    ],
  ] as const)('%o at %s is %s', (facts, at, state) => {
    expect(
      nominationStateAt(
        { ...n, status: facts.status, answeredAt: facts.answeredAt as Instant | null },
        i(at),
      ),
    ).toBe(state);
  });
});

describe('terms', () => {
  it.each([
    ['2026-01-31T10:00:00.000Z', 1, '2026-02-28T10:00:00.000Z'],
    ['2024-01-31T10:00:00.000Z', 1, '2024-02-29T10:00:00.000Z'],
    ['2026-11-27T23:30:00.000Z', 12, '2027-11-27T23:30:00.000Z'],
    ['2026-03-15T00:00:00.000Z', 36, '2029-03-15T00:00:00.000Z'],
  ])('%s + %i months = %s', (from, months, to) => {
    expect(addMonths(i(from), months)).toBe(to);
  });
  it.each([
    // early: counts from the term end; late: counts from now
    ['2026-10-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', '2028-01-01T00:00:00.000Z'],
    ['2027-02-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', '2028-02-01T00:00:00.000Z'],
  ])('re-affirmed at %s with term end %s runs to %s', (now, end, to) => {
    expect(reaffirmedTermEnd(i(now), i(end), 12)).toBe(to);
  });
  it.each([
    [0, false],
    [1, true],
    [36, true],
    [37, false],
    [1.5, false],
  ])('term of %s months valid: %s', (m, ok) => {
    expect(termProblem(m) === null).toBe(ok);
  });
});

describe('rules', () => {
  it('names the person, role and term end in the statement', () => {
    expect(
      accountabilityStatement(
        {
          personName: 'Ana Silva',
          kind: 'delivery_lead',
          teamName: 'Payments',
          serviceName: 'Checkout',
        },
        6,
        i('2026-09-01T00:00:00.000Z'),
      ),
    ).toMatch(
      /^I, Ana Silva, accept personal accountability as delivery lead of Payments for Checkout for 6 months, until 2026-09-01\. /,
    );
  });
  it.each([
    ['service_owner', { serviceId: 's' }, []],
    ['service_owner', {}, ['scope.serviceId']],
    ['process_owner', { practiceId: 'p', serviceId: 's' }, ['scope.serviceId']],
    ['customer_representative', { serviceId: 's' }, ['scope.orgUnitId']],
    ['delivery_lead', { teamId: 't', serviceId: 's' }, []],
  ] as const)('scope of %s %o: problems at %o', (kind, s, paths) => {
    expect(scopeProblems(kind, scope(s as Partial<RoleScope>)).map((p) => p.path)).toEqual(paths);
  });
  it('one holder key per scope, except deputies who are keyed per person', () => {
    const s = scope({ serviceId: 's1' as ServiceId });
    expect(holderKey('service_owner', s, 'a' as PersonId)).toBe(
      holderKey('service_owner', s, 'b' as PersonId),
    );
    expect(holderKey('deputy', s, 'a' as PersonId)).not.toBe(
      holderKey('deputy', s, 'b' as PersonId),
    );
  });
  const none = {
    isAdmin: false,
    isServiceLevelManager: false,
    ownsService: false,
    ownsPractice: false,
  };
  it.each([
    ['service_owner', {}, false],
    ['service_owner', { isAdmin: true }, true],
    ['service_owner', { isServiceLevelManager: true }, true],
    ['deputy', { ownsService: true }, true],
    ['process_owner', { ownsService: true }, false],
    ['process_owner', { ownsPractice: true }, true],
  ] as const)('%s nominated with %o allowed: %s', (kind, facts, ok) => {
    expect(nominationRefusal(kind, { ...none, ...facts }) === null).toBe(ok);
  });
});
