import type { Dependency } from '../../core/services.js';
import type { Ctx } from '../context.js';
import type { ReachedService, ServiceSummary, UnitOfWork } from '../ports.js';
import { summarise } from './analyse-impact.js';
import { findService } from './service-rules.js';

export interface ServiceView {
  root: ServiceSummary;
  nodes: ReachedService[];
  edges: Dependency[];
}

/** A service and everything under it, with the edges between them: the service view graph. */
export async function viewService(uow: UnitOfWork, _ctx: Ctx, ref: string): Promise<ServiceView> {
  const service = await findService(uow.read, ref);
  const below = await uow.read.services.reach(service.id, 'down');
  const edges = await uow.read.services.edgesAmong([service.id, ...below.map((s) => s.id)]);
  return { root: summarise(service), nodes: below, edges };
}
