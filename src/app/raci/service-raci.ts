import { consultedPracticeKeys, serviceRaci, type RaciView } from '../../core/raci.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { findService } from '../services/service-rules.js';
import { activeRoles, directoryFor } from './raci-directory.js';

/**
 * The RACI of a service now, derived from accepted roles, teams, the dependency graph and the
 * service's customers. Every signed-in person may read it.
 */
export async function getServiceRaci(uow: UnitOfWork, ctx: Ctx, ref: string): Promise<RaciView> {
  const repos = uow.read;
  const at = ctx.env.now();
  const service = await findService(repos, ref);
  const dependencies = (await repos.services.reach(service.id, 'down')).filter(
    (d) => d.lifecycle !== 'retired',
  );
  // Roles of the service and its dependencies, and the process owners.
  const scoped = await Promise.all(
    [service.id, ...dependencies.map((d) => d.id)].map((serviceId) =>
      activeRoles(repos, at, { serviceId }),
    ),
  );
  const processOwners = await activeRoles(repos, at, { kind: 'process_owner' });
  const roles = [...scoped.flat(), ...processOwners];
  const directory = await directoryFor(repos, {
    people: roles.map((r) => r.personId),
    teams: [service.teamId, ...dependencies.map((d) => d.teamId)].flatMap((t) => (t ? [t] : [])),
    orgUnits: [
      ...service.orgUnitIds,
      ...roles.flatMap((r) => (r.scope.orgUnitId ? [r.scope.orgUnitId] : [])),
    ],
  });
  // Only the practices that matter here keep their process owners in the view.
  const involved = new Set(
    [...directory.practices]
      .filter(([, p]) => (consultedPracticeKeys as readonly string[]).includes(p.key))
      .map(([id]) => id),
  );
  return serviceRaci({
    service,
    dependencies,
    roles: roles.filter(
      (r) => r.kind !== 'process_owner' || involved.has(r.scope.practiceId ?? ''),
    ),
    directory,
  });
}
