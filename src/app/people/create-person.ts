import { requireAdmin } from '../../core/actor.js';
import { conflict } from '../../core/errors.js';
import type { OrgUnitId, PersonId } from '../../core/ids.js';
import type { Person } from '../../core/people.js';
import type { CreatePerson } from '../../contract/people.js';
import type { z } from 'zod';
import { recordChange, type Ctx } from '../context.js';
import { newRecord } from '../records.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { checkOrgUnit, checkPerson } from './references.js';

type Parsed = z.output<typeof CreatePerson>;
export type CreatePersonInput = Pick<Parsed, 'name' | 'email' | 'seniority'> &
  Partial<Pick<Parsed, 'title' | 'managerId' | 'orgUnitId'>>;

/** Inside a transaction: validates references and uniqueness, inserts and audits. */
export async function insertPerson(
  repos: Repositories,
  ctx: Ctx,
  input: CreatePersonInput,
): Promise<Person> {
  if (await repos.people.findByEmail(input.email)) {
    throw conflict('email', 'another person already has this email address');
  }
  await checkPerson(repos.people, input.managerId as PersonId | null | undefined, 'managerId');
  await checkOrgUnit(repos.orgUnits, input.orgUnitId as OrgUnitId | null | undefined, 'orgUnitId');
  const person: Person = {
    id: ctx.env.newId() as PersonId,
    name: input.name,
    email: input.email,
    title: input.title ?? null,
    seniority: input.seniority,
    managerId: (input.managerId ?? null) as PersonId | null,
    orgUnitId: (input.orgUnitId ?? null) as OrgUnitId | null,
    role: null,
    ...newRecord(ctx),
  };
  await repos.people.insert(person);
  await recordChange(repos.audit, ctx, {
    action: 'person.created',
    entityType: 'person',
    entityId: person.id,
    after: person,
  });
  return person;
}

export async function createPerson(
  uow: UnitOfWork,
  ctx: Ctx,
  input: CreatePersonInput,
): Promise<Person> {
  requireAdmin(ctx.actor, 'add people');
  return uow.transaction((repos) => insertPerson(repos, ctx, input));
}
