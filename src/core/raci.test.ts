import { describe, expect, it } from 'vitest';
import type { PersonId } from './ids.js';
import type { PracticeId, RoleKind, RoleScope } from './ownership.js';
import type { ServiceId } from './services.js';
import { practiceRaci, raciRows, serviceRaci, type ActiveRole, type Directory } from './raci.js';

const people = new Map(
  ['ana', 'ben', 'cai', 'dee', 'eve', 'fay', 'gus', 'hal', 'ivy'].map((n) => [
    n,
    { name: n.toUpperCase(), email: `${n}@example.test` },
  ]),
);
const directory: Directory = {
  people,
  teams: new Map([
    ['t-shop', { name: 'Storefront', leadId: 'ben' }],
    ['t-plat', { name: 'Platform', leadId: 'cai' }],
    ['t-none', { name: 'Orphans', leadId: null }],
  ]),
  orgUnits: new Map([
    ['u-retail', { name: 'Retail', headId: 'dee' }],
    ['u-fin', { name: 'Finance', headId: null }],
  ]),
  practices: new Map([
    ['p-inc', { key: 'incident_management', name: 'Incident management' }],
    ['p-chg', { key: 'change_enablement', name: 'Change enablement' }],
    ['p-slm', { key: 'service_level_management', name: 'Service level management' }],
    ['p-prb', { key: 'problem_management', name: 'Problem management' }],
  ]),
};
const role = (kind: RoleKind, personId: string, scope: Partial<RoleScope>): ActiveRole => ({
  kind,
  personId: personId as PersonId,
  scope: {
    serviceId: scope.serviceId ?? null,
    practiceId: scope.practiceId ?? null,
    orgUnitId: scope.orgUnitId ?? null,
    teamId: scope.teamId ?? null,
  },
});
const shop = { id: 's-shop', name: 'Shop', teamId: 't-shop', orgUnitIds: ['u-retail', 'u-fin'] };
const deps = [
  { id: 's-api', name: 'Shop API', teamId: 't-shop', depth: 1 },
  { id: 's-k8s', name: 'Kubernetes', teamId: 't-plat', depth: 1 },
  { id: 's-db', name: 'Database', teamId: 't-plat', depth: 2 },
];
const roles = [
  role('service_owner', 'ana', { serviceId: 's-shop' as ServiceId }),
  role('deputy', 'eve', { serviceId: 's-shop' as ServiceId }),
  role('delivery_lead', 'fay', { serviceId: 's-db' as ServiceId, teamId: 't-plat' as never }),
  role('process_owner', 'gus', { practiceId: 'p-inc' as PracticeId }),
  role('process_owner', 'hal', { practiceId: 'p-slm' as PracticeId }),
  role('service_owner', 'cai', { serviceId: 's-k8s' as ServiceId }),
  role('customer_representative', 'ivy', {
    serviceId: 's-shop' as ServiceId,
    orgUnitId: 'u-retail' as never,
  }),
  // Someone else's service: not part of this view.
  role('service_owner', 'ben', { serviceId: 's-other' as ServiceId }),
];
const compact = (v: ReturnType<typeof serviceRaci>) =>
  v.entries.map((e) => [e.role, e.partyType, e.party, e.person ?? '-', e.basis]);

describe('service RACI', () => {
  it('derives every letter from accepted roles, teams, the dependency graph and customers', () => {
    const view = serviceRaci({ service: shop, dependencies: deps, roles, directory });
    expect(compact(view)).toEqual([
      ['accountable', 'person', 'ANA', 'ANA', 'service owner of Shop'],
      [
        'responsible',
        'team',
        'Platform',
        'FAY',
        'runs Database, Kubernetes (dependencies) — delivery lead',
      ],
      [
        'responsible',
        'team',
        'Storefront',
        'BEN',
        'runs Shop; runs Shop API (dependencies) — team lead',
      ],
      ['consulted', 'person', 'CAI', 'CAI', 'service owner of Kubernetes (direct dependency)'],
      ['consulted', 'person', 'EVE', 'EVE', 'deputy service owner of Shop'],
      ['consulted', 'person', 'GUS', 'GUS', 'process owner of Incident management'],
      ['consulted', 'person', 'HAL', 'HAL', 'process owner of Service level management'],
      ['informed', 'org_unit', 'Finance', '-', 'customer of Shop'],
      ['informed', 'person', 'IVY', 'IVY', 'customer representative of Retail for Shop'],
      ['informed', 'org_unit', 'Retail', 'DEE', 'customer of Shop — unit head'],
    ]);
    expect(view.flags).toEqual([
      'Change enablement has no accepted process owner',
      'Shop API (direct dependency) has no accepted owner',
    ]);
  });

  it.each([
    ['no roles at all', [] as ActiveRole[], 'Shop has no accepted owner'],
    [
      'only a deputy',
      [role('deputy', 'eve', { serviceId: 's-shop' as ServiceId })],
      'Shop has no accepted owner',
    ],
  ])('says "none — no accepted owner" and flags it: %s', (_name, given, flag) => {
    const view = serviceRaci({
      service: { ...shop, teamId: null, orgUnitIds: [] },
      dependencies: [],
      roles: given,
      directory,
    });
    expect(view.entries[0]).toMatchObject({
      role: 'accountable',
      partyType: 'none',
      party: 'none — no accepted owner',
      person: null,
    });
    expect(view.flags).toContain(flag);
    expect(view.flags).toContain('Shop has no delivering team');
    expect(view.entries.filter((e) => e.role === 'responsible')).toEqual([]);
  });

  it('exports rows as role, party_type, party, person, email, basis', () => {
    const rows = raciRows(serviceRaci({ service: shop, dependencies: [], roles, directory }));
    expect(rows[0]).toEqual({
      role: 'accountable',
      party_type: 'person',
      party: 'ANA',
      person: 'ANA',
      email: 'ana@example.test',
      basis: 'service owner of Shop',
    });
  });
});

describe('practice RACI', () => {
  const input = {
    roles,
    teamIds: ['t-shop', 't-plat', 't-none'],
    tierOneServices: [
      { id: 's-shop', name: 'Shop' },
      { id: 's-unowned', name: 'Unowned' },
    ],
    orgUnitIds: ['u-retail', 'u-fin'],
    directory,
  };
  it('derives process owner, teams, service level manager, tier-1 owners and unit heads', () => {
    const view = practiceRaci({
      ...input,
      practice: { id: 'p-inc', key: 'incident_management', name: 'Incident management' },
    });
    expect(compact(view)).toEqual([
      ['accountable', 'person', 'GUS', 'GUS', 'process owner of Incident management'],
      [
        'responsible',
        'team',
        'Orphans',
        '-',
        'delivery team performing Incident management — no lead',
      ],
      [
        'responsible',
        'team',
        'Platform',
        'CAI',
        'delivery team performing Incident management — team lead',
      ],
      [
        'responsible',
        'team',
        'Storefront',
        'BEN',
        'delivery team performing Incident management — team lead',
      ],
      ['consulted', 'person', 'ANA', 'ANA', 'service owner of Shop (tier 1)'],
      [
        'consulted',
        'person',
        'HAL',
        'HAL',
        'service level manager (process owner of service level management)',
      ],
      ['informed', 'org_unit', 'Retail', 'DEE', 'organisation unit head'],
    ]);
    expect(view.flags).toEqual([]);
  });

  it('flags a practice without an accepted process owner, and the SLM is not consulted about itself', () => {
    const problem = practiceRaci({
      ...input,
      practice: { id: 'p-prb', key: 'problem_management', name: 'Problem management' },
    });
    expect(problem.entries[0]).toMatchObject({
      partyType: 'none',
      party: 'none — no accepted owner',
    });
    expect(problem.flags).toEqual(['Problem management has no accepted process owner']);
    const slm = practiceRaci({
      ...input,
      practice: { id: 'p-slm', key: 'service_level_management', name: 'Service level management' },
    });
    expect(slm.entries.filter((e) => e.person === 'HAL').map((e) => e.role)).toEqual([
      'accountable',
    ]);
  });
});
