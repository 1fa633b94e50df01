import type { z } from 'zod';
import { requireAdmin } from '../../core/actor.js';
import { conflict } from '../../core/errors.js';
import type { OrgUnitId, PersonId } from '../../core/ids.js';
import type { OrgUnit } from '../../core/people.js';
import type { CreateOrgUnit } from '../../contract/teams.js';
import { recordChange, type Ctx } from '../context.js';
import { newRecord } from '../records.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { checkPerson } from '../people/references.js';

/** Organisation units: the business units that consume services. */
/** Inside a transaction (imports and the demo use it too). */
export async function insertOrgUnit(
  repos: Repositories,
  ctx: Ctx,
  input: z.output<typeof CreateOrgUnit>,
): Promise<OrgUnit> {
  if (await repos.orgUnits.findByName(input.name))
    throw conflict('name', 'another organisation unit already has this name');
  await checkPerson(repos.people, input.headId as PersonId | null | undefined, 'headId');
  const unit: OrgUnit = {
    id: ctx.env.newId() as OrgUnitId,
    name: input.name,
    description: input.description ?? null,
    headId: (input.headId ?? null) as PersonId | null,
    ...newRecord(ctx),
  };
  await repos.orgUnits.insert(unit);
  await recordChange(repos.audit, ctx, {
    action: 'org_unit.created',
    entityType: 'org_unit',
    entityId: unit.id,
    after: unit,
  });
  return unit;
}

export async function createOrgUnit(
  uow: UnitOfWork,
  ctx: Ctx,
  input: z.output<typeof CreateOrgUnit>,
): Promise<OrgUnit> {
  requireAdmin(ctx.actor, 'create organisation units');
  return uow.transaction((repos) => insertOrgUnit(repos, ctx, input));
}
