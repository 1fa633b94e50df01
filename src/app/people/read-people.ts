import { notFound } from '../../core/errors.js';
import type { OrgUnitId, PersonId, TeamId } from '../../core/ids.js';
import type { Person } from '../../core/people.js';
import type { PeopleQuery } from '../../contract/people.js';
import { parseSort, type Ctx } from '../context.js';
import type { Page, UnitOfWork } from '../ports.js';

/** Every signed-in role may read the directory of people. */
export async function getPerson(uow: UnitOfWork, _ctx: Ctx, id: PersonId): Promise<Person> {
  const person = await uow.read.people.get(id);
  if (!person) throw notFound('Person');
  return person;
}

export function listPeople(
  uow: UnitOfWork,
  _ctx: Ctx,
  query: Omit<PeopleQuery, 'format'>,
): Promise<Page<Person>> {
  return uow.read.people.list(
    {
      q: query.q,
      teamId: query.teamId as TeamId | undefined,
      orgUnitId: query.orgUnitId as OrgUnitId | undefined,
      seniority: query.seniority,
      active: query.active,
    },
    { limit: query.limit, cursor: query.cursor, sort: parseSort(query.sort) },
  );
}
