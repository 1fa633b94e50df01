import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { CreateDependency, CreateService } from '../../contract/services.js';
import { CreateOrgUnit, CreateTeam } from '../../contract/teams.js';
import type { Instant } from '../../core/ids.js';
import {
  addMonths,
  holderKey,
  normaliseScope,
  type NominationId,
  type PracticeId,
  type RoleId,
  type RoleKind,
  type RoleScope,
} from '../../core/ownership.js';
import type { Person } from '../../core/people.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { actorOf, ctxFor, makePerson, testEnvironment } from '../../../test/factories.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { createOrgUnit } from '../org-units/create-org-unit.js';
import { addDependency } from '../services/add-dependency.js';
import { createService } from '../services/create-service.js';
import { createTeam } from '../teams/create-team.js';
import { getPracticeRaci } from './practice-raci.js';
import { getServiceRaci } from './service-raci.js';

/** An accepted role through the ownership repository (nomination answered, role held). */
async function grant(
  uow: UnitOfWork,
  at: Instant,
  kind: RoleKind,
  person: Person,
  scope: Partial<RoleScope>,
  months = 12,
) {
  const s = normaliseScope(kind, scope);
  await uow.transaction(async (repos) => {
    const nominationId = randomUUID() as NominationId;
    const roleId = randomUUID() as RoleId;
    await repos.ownership.insertNomination(
      {
        id: nominationId,
        kind,
        scope: s,
        nomineeId: person.id,
        nominatedById: person.id,
        message: 'test',
        createdAt: at,
        expiresAt: addMonths(at, 3),
        status: 'accepted',
        answeredAt: at,
        declineReason: null,
        roleId,
        termMonths: months,
      },
      holderKey(kind, s, person.id),
    );
    await repos.ownership.insertRole(
      {
        id: roleId,
        kind,
        scope: s,
        personId: person.id,
        nominationId,
        statement: 'I accept.',
        acceptedAt: at,
        termMonths: months,
        termEndsAt: addMonths(at, months),
        endedAt: null,
        endReason: null,
        endNote: null,
      },
      holderKey(kind, s, person.id),
    );
  });
}

describe.each(dialects)('RACI views on %s', (dialect) => {
  let t: TestDatabase;
  const env = testEnvironment();
  let ctx: Ctx;
  const person = (name: string) => makePerson(t.uow, env, { name, role: 'member' });

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    ctx = ctxFor(actorOf(await makePerson(t.uow, env, { role: 'admin' })), env);
  });
  afterEach(() => t.drop());

  it('derives a service RACI from accepted roles, teams, dependencies and customers', async () => {
    const [owner, lead, platformLead, deputy, incident, head, k8sOwner, lapsed] = await Promise.all(
      [
        'Owen Owner',
        'Lia Lead',
        'Pat Platform',
        'Dev Deputy',
        'Ines Incident',
        'Hugo Head',
        'Kim K8s',
        'Lars Lapsed',
      ].map(person),
    );
    const unit = await createOrgUnit(
      t.uow,
      ctx,
      CreateOrgUnit.parse({ name: 'Retail', headId: head!.id }),
    );
    const shopTeam = await createTeam(
      t.uow,
      ctx,
      CreateTeam.parse({ name: 'Storefront', leadId: lead!.id }),
    );
    const platform = await createTeam(
      t.uow,
      ctx,
      CreateTeam.parse({ name: 'Platform', leadId: platformLead!.id }),
    );
    const shop = await createService(
      t.uow,
      ctx,
      CreateService.parse({
        name: 'Shop',
        kind: 'business_service',
        tier: 1,
        teamId: shopTeam.id,
        orgUnitIds: [unit.id],
      }),
    );
    const k8s = await createService(
      t.uow,
      ctx,
      CreateService.parse({ name: 'Kubernetes', kind: 'component', teamId: platform.id }),
    );
    await addDependency(t.uow, ctx, CreateDependency.parse({ fromId: shop.id, toId: k8s.id }));

    const before = await getServiceRaci(t.uow, ctx, 'shop');
    expect(before.entries[0]).toMatchObject({
      role: 'accountable',
      party: 'none — no accepted owner',
    });
    expect(before.flags).toContain('Shop has no accepted owner');

    const now = env.now();
    await grant(t.uow, now, 'service_owner', owner!, { serviceId: shop.id });
    await grant(t.uow, now, 'deputy', deputy!, { serviceId: shop.id });
    await grant(t.uow, now, 'service_owner', k8sOwner!, { serviceId: k8s.id });
    await grant(t.uow, now, 'process_owner', incident!, {
      practiceId: 'practice-incident_management' as PracticeId,
    });
    // A lapsed role does not count: accepted 2 years ago for 12 months.
    await grant(t.uow, addMonths(now, -24), 'process_owner', lapsed!, {
      practiceId: 'practice-change_enablement' as PracticeId,
    });
    const view = await getServiceRaci(t.uow, ctx, shop.id);
    const rows = view.entries.map((e) => [e.role, e.party, e.person]);
    expect(rows).toEqual([
      ['accountable', 'Owen Owner', 'Owen Owner'],
      ['responsible', 'Platform', 'Pat Platform'],
      ['responsible', 'Storefront', 'Lia Lead'],
      ['consulted', 'Dev Deputy', 'Dev Deputy'],
      ['consulted', 'Ines Incident', 'Ines Incident'],
      ['consulted', 'Kim K8s', 'Kim K8s'],
      ['informed', 'Retail', 'Hugo Head'],
    ]);
    expect(view.flags).toEqual([
      'Change enablement has no accepted process owner',
      'Service level management has no accepted process owner',
    ]);

    const practice = await getPracticeRaci(t.uow, ctx, 'incident_management');
    expect(practice.entries.map((e) => [e.role, e.party, e.basis])).toEqual([
      ['accountable', 'Ines Incident', 'process owner of Incident management'],
      ['responsible', 'Platform', 'delivery team performing Incident management — team lead'],
      ['responsible', 'Storefront', 'delivery team performing Incident management — team lead'],
      ['consulted', 'Owen Owner', 'service owner of Shop (tier 1)'],
      ['informed', 'Retail', 'organisation unit head'],
    ]);
    expect(practice.flags).toEqual(['there is no accepted service level manager']);
    await expect(getPracticeRaci(t.uow, ctx, 'astrology')).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(getServiceRaci(t.uow, ctx, 'nope')).rejects.toMatchObject({ code: 'not_found' });
  });
});
