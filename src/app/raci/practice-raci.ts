import { notFound } from '../../core/errors.js';
import type { PracticeId } from '../../core/ownership.js';
import { practiceRaci, type RaciView } from '../../core/raci.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { activeRoles, allPages, directoryFor } from './raci-directory.js';

/** The RACI of a practice now (by id or key). Every signed-in person may read it. */
export async function getPracticeRaci(uow: UnitOfWork, ctx: Ctx, ref: string): Promise<RaciView> {
  const repos = uow.read;
  const at = ctx.env.now();
  const practice =
    (await repos.ownership.getPractice(ref as PracticeId)) ??
    (await repos.ownership.getPracticeByKey(ref));
  if (!practice) throw notFound(`Practice ${ref}`);
  const [processOwners, serviceOwners, tierOne, teams, units] = await Promise.all([
    activeRoles(repos, at, { kind: 'process_owner' }),
    activeRoles(repos, at, { kind: 'service_owner' }),
    allPages((page) => repos.services.list({ tier: 1 }, { ...page, sort: undefined })),
    allPages((page) => repos.teams.list({ active: true }, page)),
    allPages((page) => repos.orgUnits.list({ active: true }, page)),
  ]);
  const tierOneIds = new Set<string>(tierOne.map((s) => s.id));
  const roles = [
    ...processOwners,
    ...serviceOwners.filter((r) => r.scope.serviceId !== null && tierOneIds.has(r.scope.serviceId)),
  ];
  const directory = await directoryFor(repos, {
    people: roles.map((r) => r.personId),
    teams: teams.map((t) => t.id),
    orgUnits: units.map((u) => u.id),
  });
  return practiceRaci({
    practice,
    roles,
    teamIds: teams.map((t) => t.id),
    tierOneServices: tierOne.map((s) => ({ id: s.id, name: s.name })),
    orgUnitIds: units.map((u) => u.id),
    directory,
  });
}
