import type { z } from 'zod';
import { requireRole, requireWrite } from '../../core/actor.js';
import { conflict, notFound } from '../../core/errors.js';
import type { OrgUnitId, PersonId } from '../../core/ids.js';
import type { OrgUnit } from '../../core/people.js';
import type { CreateOrgUnit, UpdateOrgUnit } from '../../contract/teams.js';
import { parseSort, recordChange, type Ctx } from '../context.js';
import type { Page, UnitOfWork } from '../ports.js';
import { checkPerson } from '../people/references.js';
import { staleWrite } from '../people/update-person.js';

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

export async function updateOrgUnit(
  uow: UnitOfWork,
  ctx: Ctx,
  id: OrgUnitId,
  expectedVersion: number,
  input: z.output<typeof UpdateOrgUnit>,
): Promise<OrgUnit> {
  requireWrite(ctx.actor, 'change organisation units');
  requireRole(ctx.actor, 'admin', 'change organisation units');
  return uow.transaction(async (repos) => {
    const before = await repos.orgUnits.get(id);
    if (!before) throw notFound('Organisation unit');
    if (before.version !== expectedVersion) throw staleWrite('This organisation unit');
    if (input.name !== undefined) {
      const other = await repos.orgUnits.findByName(input.name);
      if (other && other.id !== id)
        throw conflict('name: another organisation unit already has this name', 'name');
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
  });
}

export async function getOrgUnit(uow: UnitOfWork, _ctx: Ctx, id: OrgUnitId): Promise<OrgUnit> {
  const unit = await uow.read.orgUnits.get(id);
  if (!unit) throw notFound('Organisation unit');
  return unit;
}

export function listOrgUnits(
  uow: UnitOfWork,
  _ctx: Ctx,
  query: {
    q?: string | undefined;
    active?: boolean | undefined;
    limit: number;
    cursor?: string | undefined;
    sort?: string | undefined;
  },
): Promise<Page<OrgUnit>> {
  return uow.read.orgUnits.list(
    { q: query.q, active: query.active },
    { limit: query.limit, cursor: query.cursor, sort: parseSort(query.sort) },
  );
}
