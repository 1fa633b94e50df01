import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../core/people.js';
import { CreateOrgUnit, CreateTeam } from '../../contract/teams.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { actorOf, ctxFor, makePerson, testEnvironment } from '../../../test/factories.js';
import type { Ctx } from '../context.js';
import { createOrgUnit } from '../org-units/create-org-unit.js';
import { updateOrgUnit } from '../org-units/update-org-unit.js';
import { updatePerson } from '../people/update-person.js';
import { createTeam } from './create-team.js';
import { listTeams } from './read-teams.js';
import { updateTeam } from './update-team.js';

describe.each(dialects)('teams and organisation units on %s', (dialect) => {
  let t: TestDatabase;
  let ctx: Ctx;
  let lead: Person;
  let dev: Person;
  const env = testEnvironment();

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    const admin = await makePerson(t.uow, env, { role: 'admin' });
    ctx = ctxFor(actorOf(admin), env);
    lead = await makePerson(t.uow, env, { name: 'Lena Lead' });
    dev = await makePerson(t.uow, env, { name: 'Dan Dev' });
  });
  afterEach(() => t.drop());

  it('creates a team whose lead is always a member, and finds it by member', async () => {
    const team = await createTeam(
      t.uow,
      ctx,
      CreateTeam.parse({ name: 'Payments', leadId: lead.id, memberIds: [dev.id] }),
    );
    expect(new Set(team.memberIds)).toEqual(new Set([lead.id, dev.id]));
    const found = await listTeams(t.uow, ctx, { limit: 10, memberId: dev.id });
    expect(found.items.map((x) => x.name)).toEqual(['Payments']);
    await expect(
      createTeam(t.uow, ctx, CreateTeam.parse({ name: ' payments ' })),
    ).rejects.toMatchObject({ code: 'conflict', issues: [{ path: 'name' }] });
  });

  it('refuses unknown and deactivated members, naming the position', async () => {
    await updatePerson(t.uow, ctx, dev.id, 1, { active: false });
    await expect(
      createTeam(t.uow, ctx, CreateTeam.parse({ name: 'A', memberIds: [lead.id, dev.id] })),
    ).rejects.toMatchObject({
      issues: [{ path: 'memberIds.1', message: 'Dan Dev is deactivated' }],
    });
    await expect(
      createTeam(
        t.uow,
        ctx,
        CreateTeam.parse({ name: 'A', leadId: '00000000-0000-4000-8000-000000000001' }),
      ),
    ).rejects.toMatchObject({ issues: [{ path: 'leadId' }] });
    expect((await listTeams(t.uow, ctx, { limit: 10 })).items).toHaveLength(0);
  });

  it('updates members with optimistic concurrency and audits before and after', async () => {
    const team = await createTeam(
      t.uow,
      ctx,
      CreateTeam.parse({ name: 'Storefront', leadId: lead.id }),
    );
    const updated = await updateTeam(t.uow, ctx, team.id, 1, {
      memberIds: [dev.id],
      description: 'Web shop',
    });
    expect(new Set(updated.memberIds)).toEqual(new Set([lead.id, dev.id]));
    await expect(updateTeam(t.uow, ctx, team.id, 1, { name: 'Stale' })).rejects.toMatchObject({
      code: 'precondition_failed',
    });
    const entries = await t.uow.read.audit.list(
      { entityType: 'team', entityId: team.id },
      { limit: 10, sort: { field: 'seq', desc: false } },
    );
    expect(entries.items.map((e) => e.action)).toEqual(['team.created', 'team.updated']);
    expect(entries.items[1]).toMatchObject({
      before: { description: null },
      after: { description: 'Web shop' },
    });
  });

  it('manages organisation units', async () => {
    const unit = await createOrgUnit(
      t.uow,
      ctx,
      CreateOrgUnit.parse({ name: 'Finance', headId: lead.id }),
    );
    const off = await updateOrgUnit(t.uow, ctx, unit.id, 1, { active: false });
    expect(off).toMatchObject({ active: false, version: 2, headId: lead.id });
    await expect(
      createOrgUnit(t.uow, ctx, CreateOrgUnit.parse({ name: 'FINANCE' })),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});
