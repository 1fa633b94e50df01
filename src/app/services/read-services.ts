import type { OrgUnitId, TeamId } from '../../core/ids.js';
import type { Dependency, Service } from '../../core/services.js';
import type { ServicesQuery } from '../../contract/services.js';
import { parseSort, type Ctx } from '../context.js';
import type { Page, UnitOfWork } from '../ports.js';
import { findService } from './service-rules.js';

/** Every signed-in role may read the portfolio. */
export function getService(uow: UnitOfWork, _ctx: Ctx, ref: string): Promise<Service> {
  return findService(uow.read, ref);
}

export function listServices(
  uow: UnitOfWork,
  _ctx: Ctx,
  query: Omit<ServicesQuery, 'format'>,
): Promise<Page<Service>> {
  return uow.read.services.list(
    {
      q: query.q,
      kind: query.kind,
      lifecycle: query.lifecycle,
      tier: query.tier,
      teamId: query.teamId as TeamId | undefined,
      orgUnitId: query.orgUnitId as OrgUnitId | undefined,
      tag: query.tag,
      includeRetired: query.includeRetired,
    },
    { limit: query.limit, cursor: query.cursor, sort: parseSort(query.sort) },
  );
}

export async function listDependencies(
  uow: UnitOfWork,
  _ctx: Ctx,
  ref: string,
): Promise<{ outgoing: Dependency[]; incoming: Dependency[] }> {
  const service = await findService(uow.read, ref);
  return uow.read.services.dependenciesOf(service.id);
}
