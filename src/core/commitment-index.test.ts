import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  commitmentIndexAt,
  commitmentIndexTrend,
  commitmentIndexTrendNaive,
  roleIntervals,
  roleStateAt,
  topExecutive,
  trendPoints,
  type CommitmentInputs,
  type CommitmentScope,
  type NominationFacts,
  type PersonFacts,
  type RoleFacts,
  type RoleKindName,
  type ServiceFacts,
} from './commitment-index.js';
import type { Seniority } from './people.js';
import { mulberry32 } from '../../test/random.js';

const T0 = Date.UTC(2024, 0, 1);
const day = (n: number) => T0 + n * DAY_MS;

const person = (
  id: string,
  seniority: Seniority,
  managerId: string | null = 'ceo',
  orgUnitId: string | null = null,
): PersonFacts => ({
  id,
  seniority,
  managerId,
  orgUnitId,
  active: true,
});
const service = (
  id: string,
  tier: number,
  liveDay: number | null = 0,
  retiredDay: number | null = null,
  orgUnitIds: string[] = [],
): ServiceFacts => ({
  id,
  tier,
  liveAt: liveDay === null ? null : day(liveDay),
  retiredAt: retiredDay === null ? null : day(retiredDay),
  orgUnitIds,
});
let seq = 0;
const role = (
  personId: string,
  target: { serviceId?: string; practiceId?: string; orgUnitId?: string },
  acceptedDay: number,
  termDays = 365,
  more: { endedDay?: number; affirmations?: [number, number][]; kind?: RoleKindName } = {},
): RoleFacts => ({
  id: `r${++seq}`,
  kind: more.kind ?? (target.practiceId ? 'process_owner' : 'service_owner'),
  serviceId: target.serviceId ?? null,
  practiceId: target.practiceId ?? null,
  orgUnitId: target.orgUnitId ?? null,
  personId,
  acceptedAt: day(acceptedDay),
  endedAt: more.endedDay === undefined ? null : day(more.endedDay),
  terms: [
    { at: day(acceptedDay), endsAt: day(acceptedDay + termDays) },
    ...(more.affirmations ?? []).map(([at, ends]) => ({ at: day(at), endsAt: day(ends) })),
  ],
});
const nomination = (
  serviceId: string,
  createdDay: number,
  answeredDay: number | null = null,
  expiresDay = createdDay + 60,
): NominationFacts => ({
  id: `n${++seq}`,
  kind: 'service_owner',
  serviceId,
  practiceId: null,
  orgUnitId: null,
  createdAt: day(createdDay),
  expiresAt: day(expiresDay),
  answeredAt: answeredDay === null ? null : day(answeredDay),
});
const inputs = (over: Partial<CommitmentInputs>): CommitmentInputs => ({
  services: [],
  people: [
    person('ceo', 'executive', null, 'board'),
    person('mgr', 'manager'),
    person('dev', 'staff'),
    person('ext', 'external'),
  ],
  orgUnits: [{ id: 'board', headId: 'ceo' }],
  practices: [],
  roles: [],
  nominations: [],
  ...over,
});
const portfolio: CommitmentScope = { kind: 'portfolio' };
const unit = (id: string): CommitmentScope => ({ kind: 'org_unit', id });
const one = (id: string): CommitmentScope => ({ kind: 'service', id });
const component = (
  data: CommitmentInputs,
  at: number,
  key: string,
  scope: CommitmentScope = portfolio,
) => commitmentIndexAt(data, at, scope).components.find((c) => c.key === key)!;

describe('role state from its history', () => {
  const r = role('mgr', { serviceId: 's' }, 10, 30, {
    affirmations: [
      [35, 100],
      [120, 200],
    ],
    endedDay: 150,
  });
  it.each([
    [5, 'none'],
    [10, 'active'],
    [39, 'active'],
    [40, 'active'], // re-affirmed at day 35, before the first term ended
    [99, 'active'],
    [100, 'lapsed'],
    [119, 'lapsed'],
    [120, 'active'],
    [150, 'ended'],
  ])('at day %i it is %s', (d, state) => {
    expect(roleStateAt(r, day(d))).toBe(state);
    const { active, lapsed } = roleIntervals(r);
    const inside = (xs: { start: number; end: number }[]) =>
      xs.some((x) => x.start <= day(d) && day(d) < x.end);
    expect(inside(active)).toBe(state === 'active');
    expect(inside(lapsed)).toBe(state === 'lapsed');
  });
});

describe('accepted ownership', () => {
  const key = 'accepted_ownership';
  it.each([
    ['no owner yet', [service('a', 1)], [], 5, 0],
    ['executive owner', [service('a', 1)], [role('ceo', { serviceId: 'a' }, 1)], 5, 1],
    ['manager owner', [service('a', 1)], [role('mgr', { serviceId: 'a' }, 1)], 5, 0.85],
    ['staff owner', [service('a', 2)], [role('dev', { serviceId: 'a' }, 1)], 5, 0.6],
    ['external owner', [service('a', 3)], [role('ext', { serviceId: 'a' }, 1)], 5, 0.4],
    [
      'owner accepted after the date',
      [service('a', 1)],
      [role('ceo', { serviceId: 'a' }, 10)],
      5,
      0,
    ],
    [
      'tier weighting: owned tier 1, unowned tier 4',
      [service('a', 1), service('b', 4)],
      [role('ceo', { serviceId: 'a' }, 1)],
      5,
      8 / 9,
    ],
    [
      'tier weighting: owned tier 4, unowned tier 1',
      [service('a', 1), service('b', 4)],
      [role('ceo', { serviceId: 'b' }, 1)],
      5,
      1 / 9,
    ],
    [
      'pipeline services do not count',
      [service('a', 1, null), service('b', 2)],
      [role('mgr', { serviceId: 'b' }, 1)],
      5,
      0.85,
    ],
    [
      'not yet live services do not count',
      [service('a', 1, 50), service('b', 2)],
      [role('mgr', { serviceId: 'b' }, 1)],
      5,
      0.85,
    ],
    [
      'retired services stop counting',
      [service('a', 1, 0, 20), service('b', 2)],
      [role('mgr', { serviceId: 'b' }, 1)],
      30,
      0.85,
    ],
    [
      'retired services count before they retire',
      [service('a', 1, 0, 20), service('b', 2)],
      [role('mgr', { serviceId: 'b' }, 1)],
      10,
      0.85 * (4 / 12),
    ],
    [
      'a lapsed owner is no owner',
      [service('a', 1)],
      [role('ceo', { serviceId: 'a' }, 1, 30)],
      40,
      0,
    ],
    [
      'a re-affirmed owner stays',
      [service('a', 1)],
      [role('ceo', { serviceId: 'a' }, 1, 30, { affirmations: [[25, 400]] })],
      40,
      1,
    ],
    [
      'a deputy is not an owner',
      [service('a', 1)],
      [role('ceo', { serviceId: 'a' }, 1, 365, { kind: 'deputy' })],
      5,
      0,
    ],
    ['nothing live: does not apply', [service('a', 1, null)], [], 5, null],
  ])('%s', (_name, services, roles, d, expected) => {
    const c = component(inputs({ services, roles }), day(d), key);
    if (expected === null) expect(c.value).toBeNull();
    else expect(c.value).toBeCloseTo(expected, 12);
  });

  it('hand-over: the new owner counts from the acceptance that ended the old role', () => {
    const data = inputs({
      services: [service('a', 1)],
      roles: [
        role('ceo', { serviceId: 'a' }, 1, 365, { endedDay: 50 }),
        role('dev', { serviceId: 'a' }, 50),
      ],
    });
    expect(component(data, day(50) - 1, key).value).toBe(1);
    expect(component(data, day(50), key).value).toBe(0.6);
    expect(component(data, day(50), key).numerator).toBe(4.8);
    expect(component(data, day(50), key).denominator).toBe(8);
  });
});

describe('process-owner coverage', () => {
  const key = 'process_owner_coverage';
  const practices = [
    { id: 'incident', active: true, createdAt: day(0) },
    { id: 'change', active: true, createdAt: day(0) },
    { id: 'retired-practice', active: false, createdAt: day(0) },
    { id: 'late', active: true, createdAt: day(100) },
  ];
  it.each([
    ['none owned', [], portfolio, 10, 0],
    [
      'one of two active practices',
      [role('mgr', { practiceId: 'incident' }, 1)],
      portfolio,
      10,
      0.5,
    ],
    [
      'a practice counts from its creation',
      [role('mgr', { practiceId: 'incident' }, 1)],
      portfolio,
      150,
      1 / 3,
    ],
    [
      'inactive practices do not count',
      [role('mgr', { practiceId: 'retired-practice' }, 1)],
      portfolio,
      10,
      0,
    ],
    [
      'a unit-scoped owner covers that unit only',
      [role('mgr', { practiceId: 'incident', orgUnitId: 'u1' }, 1)],
      portfolio,
      10,
      0,
    ],
    [
      '…and covers it in the unit',
      [role('mgr', { practiceId: 'incident', orgUnitId: 'u1' }, 1)],
      unit('u1'),
      10,
      0.5,
    ],
    [
      'an organisation-wide owner covers every unit',
      [role('mgr', { practiceId: 'change' }, 1)],
      unit('u1'),
      10,
      0.5,
    ],
    ['not measured per service', [role('mgr', { practiceId: 'change' }, 1)], one('a'), 10, null],
  ])('%s', (_name, roles, scope, d, expected) => {
    const c = component(
      inputs({ practices, roles, services: [service('a', 1, 0, null, ['u1'])] }),
      day(d),
      key,
      scope,
    );
    expect(c.value).toBe(expected);
    expect(c.applies).toBe(expected !== null);
  });
});

describe('lapsed roles and long-open nominations', () => {
  const key = 'lapsed_and_long_open';
  const services = [service('a', 1), service('b', 2), service('old', 3, 0, 80)];
  it.each([
    ['no roles, no nominations: does not apply', [], [], 10, null, 0, 0],
    ['one active role', [role('mgr', { serviceId: 'a' }, 1)], [], 10, 1, 0, 1],
    [
      'one lapsed of two',
      [role('mgr', { serviceId: 'a' }, 1), role('dev', { serviceId: 'b' }, 1, 20)],
      [],
      30,
      0.5,
      1,
      2,
    ],
    [
      'a fresh nomination only dilutes',
      [role('mgr', { serviceId: 'a' }, 1)],
      [nomination('b', 20)],
      30,
      1,
      0,
      2,
    ],
    [
      'a nomination pending 30 days counts against',
      [role('mgr', { serviceId: 'a' }, 1)],
      [nomination('b', 0)],
      30,
      0.5,
      1,
      2,
    ],
    [
      'an answered nomination is not pending',
      [role('mgr', { serviceId: 'a' }, 1)],
      [nomination('b', 0, 10)],
      30,
      1,
      0,
      1,
    ],
    [
      'an expired nomination is not pending',
      [role('mgr', { serviceId: 'a' }, 1)],
      [nomination('b', 0, null, 20)],
      30,
      1,
      0,
      1,
    ],
    [
      'floor at 0',
      [role('dev', { serviceId: 'b' }, 1, 10)],
      [nomination('a', 0, null, 400)],
      100,
      0,
      2,
      2,
    ],
    [
      'a lapsed role on a retired service stops counting',
      [role('mgr', { serviceId: 'a' }, 1), role('dev', { serviceId: 'old' }, 1, 20)],
      [],
      90,
      1,
      0,
      1,
    ],
    [
      '…but counts before it retires',
      [role('mgr', { serviceId: 'a' }, 1), role('dev', { serviceId: 'old' }, 1, 20)],
      [],
      50,
      0.5,
      1,
      2,
    ],
  ])('%s', (_name, roles, nominations, d, expected, numerator, denominator) => {
    const c = component(inputs({ services, roles, nominations }), day(d), key);
    expect(c.value).toBe(expected);
    expect([c.numerator, c.denominator]).toEqual([numerator, denominator]);
  });

  it('per service: only that service’s roles and nominations', () => {
    const data = inputs({
      services,
      roles: [role('dev', { serviceId: 'b' }, 1, 10)],
      nominations: [nomination('a', 20)],
    });
    expect(component(data, day(30), key, one('a')).value).toBe(1);
    expect(component(data, day(30), key, one('b')).value).toBe(0);
  });
});

describe('leadership leads', () => {
  const key = 'leadership_leads';
  const services = [
    service('crown', 1, 0, null, ['board']),
    service('minor', 3),
    service('future', 1, 200),
  ];
  it.each([
    [
      'the CEO owns a live tier-1 service',
      [role('ceo', { serviceId: 'crown' }, 1)],
      portfolio,
      10,
      1,
    ],
    [
      'the CEO owns only a tier-3 service',
      [role('ceo', { serviceId: 'minor' }, 1)],
      portfolio,
      10,
      0,
    ],
    [
      'the CEO owns a tier-1 service not live yet',
      [role('ceo', { serviceId: 'future' }, 1)],
      portfolio,
      10,
      0,
    ],
    [
      'someone else owns the tier-1 service',
      [role('mgr', { serviceId: 'crown' }, 1)],
      portfolio,
      10,
      0,
    ],
    [
      'the CEO’s ownership has lapsed',
      [role('ceo', { serviceId: 'crown' }, 1, 5)],
      portfolio,
      10,
      0,
    ],
    ['in the CEO’s own unit', [role('ceo', { serviceId: 'crown' }, 1)], unit('board'), 10, 1],
    [
      'not measured in other units',
      [role('ceo', { serviceId: 'crown' }, 1)],
      unit('sales'),
      10,
      null,
    ],
    ['not measured per service', [role('ceo', { serviceId: 'crown' }, 1)], one('crown'), 10, null],
  ])('%s', (_name, roles, scope, d, expected) => {
    expect(component(inputs({ services, roles }), day(d), key, scope).value).toBe(expected);
  });

  it.each([
    [
      'the executive without a manager',
      [person('ceo', 'executive', null), person('cto', 'executive', 'ceo')],
      'ceo',
    ],
    [
      'the larger reporting line among several',
      [person('a', 'executive', null), person('b', 'executive', null), person('x', 'staff', 'b')],
      'b',
    ],
    [
      'an org-unit head when no executive is at the top',
      [person('h', 'manager', null), person('z', 'staff', null)],
      'h',
    ],
    ['nobody', [person('z', 'staff', null)], null],
  ])('top executive: %s', (_name, people, expected) => {
    expect(topExecutive(people, [{ id: 'u', headId: 'h' }])?.id ?? null).toBe(expected);
  });
});

describe('the index', () => {
  it('is the weighted mean of the components that apply, in 0..100', () => {
    const data = inputs({
      services: [service('a', 1), service('b', 4)],
      practices: [{ id: 'incident', active: true, createdAt: day(0) }],
      roles: [role('ceo', { serviceId: 'a' }, 1), role('mgr', { practiceId: 'incident' }, 1)],
    });
    const index = commitmentIndexAt(data, day(10), portfolio);
    // ownership 8/9 (weight 50), process 1 (20), lapses 1 (15), leadership 1 (15)
    expect(index.value).toBeCloseTo((100 * (50 * (8 / 9) + 20 + 15 + 15)) / 100, 10);
    const perService = commitmentIndexAt(data, day(10), one('b'));
    // only ownership (0) applies; no role or nomination on b
    expect(perService.value).toBe(0);
    expect(perService.components.filter((c) => c.applies).map((c) => c.key)).toEqual([
      'accepted_ownership',
    ]);
  });

  it('is null when nothing applies', () => {
    expect(commitmentIndexAt(inputs({ people: [] }), day(1), portfolio).value).toBeNull();
  });

  it('scores each UTC day at its end, the last one at `to`', () => {
    const points = trendPoints(Date.UTC(2024, 2, 30, 12), Date.UTC(2024, 3, 1, 6));
    expect(points.map((p) => p.date)).toEqual(['2024-03-30', '2024-03-31', '2024-04-01']);
    expect(points.map((p) => new Date(p.at).toISOString())).toEqual([
      '2024-03-30T23:59:59.999Z',
      '2024-03-31T23:59:59.999Z',
      '2024-04-01T06:00:00.000Z',
    ]);
  });
});

function randomHistory(seed: number): CommitmentInputs {
  const r = mulberry32(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  const seniorities: Seniority[] = ['executive', 'senior_manager', 'manager', 'staff', 'external'];
  const units = ['u1', 'u2', 'u3'];
  const people: PersonFacts[] = [person('ceo', 'executive', null, 'u1')];
  for (let i = 0; i < 15; i++)
    people.push(person(`p${i}`, pick(seniorities), pick(['ceo', 'p0', 'p1']), pick(units)));
  const services = Array.from({ length: 25 }, (_, i) => {
    const live = r() < 0.85 ? int(200) - 20 : null;
    const retired = live !== null && r() < 0.2 ? live + 1 + int(300) : null;
    return service(
      `s${i}`,
      1 + int(4),
      live,
      retired,
      units.filter(() => r() < 0.4),
    );
  });
  const practices = ['incident', 'change', 'problem', 'slm'].map((id, i) => ({
    id,
    active: i < 3,
    createdAt: day(int(100) - 30),
  }));
  const roles: RoleFacts[] = [];
  const kinds: RoleKindName[] = [
    'service_owner',
    'service_owner',
    'process_owner',
    'deputy',
    'customer_representative',
  ];
  for (let i = 0; i < 60; i++) {
    const kind = pick(kinds);
    const target =
      kind === 'process_owner'
        ? { practiceId: pick(practices).id, ...(r() < 0.3 ? { orgUnitId: pick(units) } : {}) }
        : kind === 'customer_representative'
          ? { serviceId: pick(services).id, orgUnitId: pick(units) }
          : { serviceId: pick(services).id };
    const accepted = int(300) - 20;
    const affirmations: [number, number][] = [];
    let at = accepted;
    for (let k = int(4); k > 0; k--) {
      at += int(120);
      affirmations.push([at, at + 1 + int(150)]);
    }
    const ended = r() < 0.4 ? accepted + int(250) : undefined;
    roles.push(
      role(pick(['ceo', ...people.map((p) => p.id), 'ghost']), target, accepted, 1 + int(120), {
        kind,
        affirmations,
        ...(ended === undefined ? {} : { endedDay: ended }),
      }),
    );
  }
  const nominations = Array.from({ length: 40 }, () => {
    const created = int(320) - 20;
    return {
      ...nomination(
        pick(services).id,
        created,
        r() < 0.5 ? created + int(60) : null,
        created + 1 + int(90),
      ),
      orgUnitId: r() < 0.2 ? pick(units) : null,
    };
  });
  // Instants within the day too, and some exactly on the instant a day is scored at.
  const shift = (t: number) => (r() < 0.3 ? t - 1 : t);
  for (const n of nominations) {
    n.createdAt = r() < 0.5 ? n.createdAt + int(DAY_MS) : shift(n.createdAt);
    n.expiresAt = shift(n.expiresAt);
    if (n.answeredAt !== null) n.answeredAt = shift(n.answeredAt);
  }
  for (const x of roles) {
    if (x.endedAt !== null) x.endedAt = shift(x.endedAt);
    x.terms = x.terms.map((t) => ({ at: t.at, endsAt: shift(t.endsAt) }));
  }
  for (const x of services) if (x.retiredAt !== null) x.retiredAt = shift(x.retiredAt);
  return {
    services,
    people,
    orgUnits: units.map((id, i) => ({ id, headId: i === 0 ? 'ceo' : `p${i}` })),
    practices,
    roles,
    nominations,
  };
}

describe('the daily trend by one sweep equals the naive per-day recomputation', () => {
  const scopes: CommitmentScope[] = [portfolio, unit('u1'), unit('u2'), one('s3'), one('s7')];
  it.each(Array.from({ length: 8 }, (_, i) => 1000 + i))('history seeded %i', (seed) => {
    const data = randomHistory(seed);
    const from = day(-30);
    const to = day(330) + 12_345;
    for (const scope of scopes) {
      const fast = commitmentIndexTrend(data, from, to, scope);
      const naive = commitmentIndexTrendNaive(data, from, to, scope);
      expect(fast).toEqual(naive);
      expect(fast).toHaveLength(361);
    }
    // The histories are not trivial: the index moves and several components apply.
    const values = new Set(commitmentIndexTrend(data, from, to, portfolio).map((p) => p.value));
    expect(values.size).toBeGreaterThan(5);
  });
});
