import type { z } from 'zod';
import { requireRole, requireWrite } from '../../core/actor.js';
import { conflict } from '../../core/errors.js';
import type { OrgUnitId, PersonId } from '../../core/ids.js';
import type { OrgUnit } from '../../core/people.js';
import type { CreateOrgUnit } from '../../contract/teams.js';
import { recordChange, type Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { checkPerson } from '../people/references.js';

/** Organisation units: the business units that consume services. */
export async function createOrgUnit(
  uow: UnitOfWork,
  ctx: Ctx,
  input: z.output<typeof CreateOrgUnit>,
): Promise<OrgUnit> {
  requireWrite(ctx.actor, 'create organisation units');
  requireRole(ctx.actor, 'admin', 'create organisation units');
  return uow.transaction(async (repos) => {
    if (await repos.orgUnits.findByName(input.name))
      throw conflict('name: another organisation unit already has this name', 'name');
    await checkPerson(repos.people, input.headId as PersonId | null | undefined, 'headId');
    const now = ctx.env.now();
    const unit: OrgUnit = {
      id: ctx.env.newId() as OrgUnitId,
      name: input.name,
      description: input.description ?? null,
      headId: (input.headId ?? null) as PersonId | null,
      active: true,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await repos.orgUnits.insert(unit);
    await recordChange(repos.audit, ctx, {
      action: 'org_unit.created',
      entityType: 'org_unit',
      entityId: unit.id,
      after: unit,
    });
    return unit;
  });
}
