import type { z } from 'zod';
import { requireAdmin } from '../../core/actor.js';
import { conflict } from '../../core/errors.js';
import type { OrgUnitId, PersonId } from '../../core/ids.js';
import type { OrgUnit } from '../../core/people.js';
import type { UpdateOrgUnit } from '../../contract/teams.js';
import { recordChange, type Ctx } from '../context.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { checkPerson } from '../people/references.js';
import { current, staleWrite } from '../records.js';

/** Inside a transaction (imports and the demo use it too). */
export async function applyOrgUnitUpdate(
  repos: Repositories,
  ctx: Ctx,
  id: OrgUnitId,
  expectedVersion: number,
  input: z.output<typeof UpdateOrgUnit>,
): Promise<OrgUnit> {
  const before = current(await repos.orgUnits.get(id), expectedVersion, 'Organisation unit');
  if (input.name !== undefined) {
    const other = await repos.orgUnits.findByName(input.name);
    if (other && other.id !== id)
      throw conflict('name', 'another organisation unit already has this name');
  }
  if (input.headId !== undefined && input.headId !== before.headId) {
    await checkPerson(repos.people, input.headId as PersonId | null, 'headId');
  }
  const fields = {
    name: input.name ?? before.name,
    description: input.description === undefined ? before.description : input.description,
    headId: (input.headId === undefined ? before.headId : input.headId) as PersonId | null,
    active: input.active ?? before.active,
  };
  const now = ctx.env.now();
  if (!(await repos.orgUnits.update(id, fields, expectedVersion, now)))
    throw staleWrite('This organisation unit');
  const after: OrgUnit = { ...before, ...fields, version: expectedVersion + 1, updatedAt: now };
  const action = !after.active && before.active ? 'org_unit.deactivated' : 'org_unit.updated';
  await recordChange(repos.audit, ctx, {
    action,
    entityType: 'org_unit',
    entityId: id,
    before,
    after,
  });
  return after;
}

export async function updateOrgUnit(
  uow: UnitOfWork,
  ctx: Ctx,
  id: OrgUnitId,
  expectedVersion: number,
  input: z.output<typeof UpdateOrgUnit>,
): Promise<OrgUnit> {
  requireAdmin(ctx.actor, 'change organisation units');
  return uow.transaction((repos) => applyOrgUnitUpdate(repos, ctx, id, expectedVersion, input));
}
