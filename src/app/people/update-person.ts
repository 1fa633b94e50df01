import type { z } from 'zod';
import { requireAdmin } from '../../core/actor.js';
import { conflict, forbidden, invalid } from '../../core/errors.js';
import type { OrgUnitId, PersonId } from '../../core/ids.js';
import { createsManagementLoop, type Person } from '../../core/people.js';
import type { UpdatePerson } from '../../contract/people.js';
import { recordChange, type Ctx } from '../context.js';
import { current, staleWrite } from '../records.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { checkOrgUnit, checkPerson } from './references.js';

export type UpdatePersonInput = z.output<typeof UpdatePerson>;

/** Inside a transaction: applies a partial update at `expectedVersion`, audited. */
export async function applyPersonUpdate(
  repos: Repositories,
  ctx: Ctx,
  id: PersonId,
  expectedVersion: number,
  input: UpdatePersonInput,
): Promise<Person> {
  const before = current(await repos.people.get(id), expectedVersion, 'Person');
  if (input.email !== undefined && input.email !== before.email) {
    const other = await repos.people.findByEmail(input.email);
    if (other && other.id !== id)
      throw conflict('email', 'another person already has this email address');
  }
  const managerId = (
    input.managerId === undefined ? before.managerId : input.managerId
  ) as PersonId | null;
  if (input.managerId !== undefined && input.managerId !== before.managerId) {
    if (managerId === id) throw invalid('managerId', 'a person cannot be their own manager');
    await checkPerson(repos.people, managerId, 'managerId');
    const managers = new Map<PersonId, PersonId | null>();
    for (let cur = managerId; cur && !managers.has(cur);) {
      const next = await repos.people.managerOf(cur);
      managers.set(cur, next);
      cur = next;
    }
    if (createsManagementLoop(id, managerId, (p) => managers.get(p) ?? null)) {
      throw invalid('managerId', 'this would make the reporting line a loop');
    }
  }
  const orgUnitId = (
    input.orgUnitId === undefined ? before.orgUnitId : input.orgUnitId
  ) as OrgUnitId | null;
  if (input.orgUnitId !== undefined) await checkOrgUnit(repos.orgUnits, orgUnitId, 'orgUnitId');
  const fields = {
    name: input.name ?? before.name,
    email: input.email ?? before.email,
    title: input.title === undefined ? before.title : input.title,
    seniority: input.seniority ?? before.seniority,
    managerId,
    orgUnitId,
    active: input.active ?? before.active,
  };
  const now = ctx.env.now();
  if (!(await repos.people.update(id, fields, expectedVersion, now)))
    throw staleWrite('This person');
  let role = before.role;
  if (input.role !== undefined && input.role !== before.role) {
    if (id === ctx.actor.personId)
      throw forbidden('You cannot change your own role; ask another admin.');
    await repos.accounts.setRole(id, input.role, now);
    role = input.role;
  }
  if (!fields.active && before.active) await repos.sessions.deleteForPerson(id);
  const after: Person = {
    ...before,
    ...fields,
    role,
    version: expectedVersion + 1,
    updatedAt: now,
  };
  const action =
    !fields.active && before.active
      ? 'person.deactivated'
      : fields.active && !before.active
        ? 'person.reactivated'
        : 'person.updated';
  await recordChange(repos.audit, ctx, {
    action,
    entityType: 'person',
    entityId: id,
    before,
    after,
  });
  return after;
}

export async function updatePerson(
  uow: UnitOfWork,
  ctx: Ctx,
  id: PersonId,
  expectedVersion: number,
  input: UpdatePersonInput,
): Promise<Person> {
  requireAdmin(ctx.actor, 'change people');
  if (id === ctx.actor.personId && input.active === false) {
    throw forbidden('You cannot deactivate yourself; ask another admin.');
  }
  return uow.transaction((repos) => applyPersonUpdate(repos, ctx, id, expectedVersion, input));
}
