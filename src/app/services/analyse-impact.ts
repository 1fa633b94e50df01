import type { OrgUnitId, TeamId } from '../../core/ids.js';
import type { Service } from '../../core/services.js';
import type { Ctx } from '../context.js';
import type { ReachedService, ServiceSummary, UnitOfWork } from '../ports.js';
import { findService } from './service-rules.js';

export interface Impact {
  service: ServiceSummary;
  dependents: ReachedService[];
  dependencies: ReachedService[];
  businessServicesAffected: ReachedService[];
  teams: { teamId: TeamId; services: number }[];
  orgUnitsAffected: OrgUnitId[];
}

export const summarise = (s: Service): ServiceSummary => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  kind: s.kind,
  lifecycle: s.lifecycle,
  tier: s.tier,
  teamId: s.teamId,
  orgUnitIds: s.orgUnitIds,
});

const byTierThenDepth = (a: ReachedService, b: ReachedService) =>
  a.tier - b.tier || a.depth - b.depth || a.name.localeCompare(b.name);

/**
 * "If this fails, which business services suffer?" Everything that depends on the service,
 * transitively, up to the business services and their customers; and everything it depends on.
 */
export async function analyseImpact(uow: UnitOfWork, _ctx: Ctx, ref: string): Promise<Impact> {
  const service = await findService(uow.read, ref);
  const [dependents, dependencies] = await Promise.all([
    uow.read.services.reach(service.id, 'up'),
    uow.read.services.reach(service.id, 'down'),
  ]);
  const self = { ...summarise(service), depth: 0 };
  const business = [
    ...(service.kind === 'business_service' ? [self] : []),
    ...dependents.filter((s) => s.kind === 'business_service'),
  ];
  const teamCounts = new Map<TeamId, number>();
  for (const s of [self, ...dependents, ...dependencies]) {
    if (s.teamId) teamCounts.set(s.teamId, (teamCounts.get(s.teamId) ?? 0) + 1);
  }
  return {
    service: summarise(service),
    dependents,
    dependencies,
    businessServicesAffected: business.sort(byTierThenDepth),
    teams: [...teamCounts]
      .map(([teamId, services]) => ({ teamId, services }))
      .sort((a, b) => b.services - a.services),
    orgUnitsAffected: [...new Set(business.flatMap((s) => s.orgUnitIds))],
  };
}
