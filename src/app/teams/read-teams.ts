import { notFound } from '../../core/errors.js';
import type { PersonId, TeamId } from '../../core/ids.js';
import type { Team } from '../../core/people.js';
import { parseSort, type Ctx } from '../context.js';
import type { Page, UnitOfWork } from '../ports.js';

export async function getTeam(uow: UnitOfWork, _ctx: Ctx, id: TeamId): Promise<Team> {
  const team = await uow.read.teams.get(id);
  if (!team) throw notFound('Team');
  return team;
}

export function listTeams(
  uow: UnitOfWork,
  _ctx: Ctx,
  query: {
    q?: string | undefined;
    memberId?: string | undefined;
    active?: boolean | undefined;
    limit: number;
    cursor?: string | undefined;
    sort?: string | undefined;
  },
): Promise<Page<Team>> {
  return uow.read.teams.list(
    { q: query.q, memberId: query.memberId as PersonId | undefined, active: query.active },
    { limit: query.limit, cursor: query.cursor, sort: parseSort(query.sort) },
  );
}
