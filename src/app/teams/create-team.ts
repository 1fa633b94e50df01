import type { z } from 'zod';
import { requireAdmin } from '../../core/actor.js';
import { conflict } from '../../core/errors.js';
import type { PersonId, TeamId } from '../../core/ids.js';
import type { Team } from '../../core/people.js';
import type { CreateTeam } from '../../contract/teams.js';
import { recordChange, type Ctx } from '../context.js';
import { newRecord } from '../records.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { checkTeamPeople } from './team-rules.js';

/** Inside a transaction (imports and the demo use it too). */
export async function insertTeam(
  repos: Repositories,
  ctx: Ctx,
  input: z.output<typeof CreateTeam>,
): Promise<Team> {
  if (await repos.teams.findByName(input.name))
    throw conflict('name', 'another team already has this name');
  const leadId = (input.leadId ?? null) as PersonId | null;
  const memberIds = await checkTeamPeople(repos.people, leadId, input.memberIds as PersonId[]);
  const team: Team = {
    id: ctx.env.newId() as TeamId,
    name: input.name,
    description: input.description ?? null,
    leadId,
    memberIds,
    ...newRecord(ctx),
  };
  await repos.teams.insert(team);
  await recordChange(repos.audit, ctx, {
    action: 'team.created',
    entityType: 'team',
    entityId: team.id,
    after: team,
  });
  return (await repos.teams.get(team.id))!;
}

export async function createTeam(
  uow: UnitOfWork,
  ctx: Ctx,
  input: z.output<typeof CreateTeam>,
): Promise<Team> {
  requireAdmin(ctx.actor, 'create teams');
  return uow.transaction((repos) => insertTeam(repos, ctx, input));
}
