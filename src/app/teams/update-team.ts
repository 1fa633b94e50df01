import type { z } from 'zod';
import { requireAdmin } from '../../core/actor.js';
import { conflict } from '../../core/errors.js';
import type { PersonId, TeamId } from '../../core/ids.js';
import type { Team } from '../../core/people.js';
import type { UpdateTeam } from '../../contract/teams.js';
import { recordChange, type Ctx } from '../context.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { current, staleWrite } from '../records.js';
import { checkTeamPeople } from './team-rules.js';

/** Inside a transaction (imports and the demo use it too). */
export async function applyTeamUpdate(
  repos: Repositories,
  ctx: Ctx,
  id: TeamId,
  expectedVersion: number,
  input: z.output<typeof UpdateTeam>,
): Promise<Team> {
  const before = current(await repos.teams.get(id), expectedVersion, 'Team');
  if (input.name !== undefined) {
    const other = await repos.teams.findByName(input.name);
    if (other && other.id !== id) throw conflict('name', 'another team already has this name');
  }
  const leadId = (input.leadId === undefined ? before.leadId : input.leadId) as PersonId | null;
  const requested = (input.memberIds ?? before.memberIds) as PersonId[];
  // Only newly named people must be active; existing members who left stay until removed.
  const added = requested.filter((m) => !before.memberIds.includes(m));
  const leadChanged = leadId !== before.leadId;
  await checkTeamPeople(repos.people, leadChanged ? leadId : null, added);
  const memberIds = [...new Set(leadId ? [leadId, ...requested] : requested)];
  const fields = {
    name: input.name ?? before.name,
    description: input.description === undefined ? before.description : input.description,
    leadId,
    memberIds,
    active: input.active ?? before.active,
  };
  if (!(await repos.teams.update(id, fields, expectedVersion, ctx.env.now())))
    throw staleWrite('This team');
  const after = (await repos.teams.get(id))!;
  const action = !after.active && before.active ? 'team.deactivated' : 'team.updated';
  await recordChange(repos.audit, ctx, {
    action,
    entityType: 'team',
    entityId: id,
    before,
    after,
  });
  return after;
}

export async function updateTeam(
  uow: UnitOfWork,
  ctx: Ctx,
  id: TeamId,
  expectedVersion: number,
  input: z.output<typeof UpdateTeam>,
): Promise<Team> {
  requireAdmin(ctx.actor, 'change teams');
  return uow.transaction((repos) => applyTeamUpdate(repos, ctx, id, expectedVersion, input));
}
