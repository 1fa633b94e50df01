import { invalid, notFound } from '../../core/errors.js';
import type { OrgUnitId, TeamId } from '../../core/ids.js';
import type { Service, ServiceId } from '../../core/services.js';
import type { Repositories } from '../ports.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds a service by id or slug. */
export async function findService(repos: Repositories, ref: string): Promise<Service> {
  const service = uuid.test(ref)
    ? await repos.services.get(ref as ServiceId)
    : await repos.services.getBySlug(ref);
  if (!service) throw notFound(`Service ${ref}`);
  return service;
}

/** The delivering team and every customer organisation unit must exist. */
export async function checkServiceReferences(
  repos: Repositories,
  teamId: TeamId | null | undefined,
  orgUnitIds: OrgUnitId[] | undefined,
): Promise<void> {
  if (teamId && !(await repos.teams.get(teamId))) throw invalid('teamId', 'no team has this id');
  for (const [i, id] of (orgUnitIds ?? []).entries()) {
    if (!(await repos.orgUnits.get(id)))
      throw invalid(`orgUnitIds.${i}`, 'no organisation unit has this id');
  }
}
