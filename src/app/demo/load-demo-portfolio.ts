import type { OrgUnitId, TeamId } from '../../core/ids.js';
import type { ServiceId } from '../../core/services.js';
import type { Ctx } from '../context.js';
import type { Repositories } from '../ports.js';
import { insertDependency } from '../services/add-dependency.js';
import { insertService } from '../services/create-service.js';
import { demoDependencies, demoServices } from './demo-portfolio.js';

/** Inside a transaction: the demo portfolio, through the same use cases as any user's changes. */
export async function loadDemoPortfolio(
  repos: Repositories,
  ctx: Ctx,
): Promise<{ services: number; dependencies: number }> {
  const teams = new Map<string, TeamId | null>();
  const units = new Map<string, OrgUnitId | null>();
  const teamId = async (name: string) => {
    if (!teams.has(name)) teams.set(name, (await repos.teams.findByName(name))?.id ?? null);
    return teams.get(name) ?? null;
  };
  const unitId = async (name: string) => {
    if (!units.has(name)) units.set(name, (await repos.orgUnits.findByName(name))?.id ?? null);
    return units.get(name) ?? null;
  };
  const ids = new Map<string, ServiceId>();
  for (const s of demoServices) {
    const orgUnitIds = (await Promise.all((s.customers ?? []).map(unitId))).filter(
      (u): u is OrgUnitId => u !== null,
    );
    const created = await insertService(repos, ctx, {
      slug: s.slug,
      name: s.name,
      kind: s.kind,
      tier: s.tier,
      lifecycle: s.lifecycle ?? 'live',
      teamId: await teamId(s.team),
      orgUnitIds,
      description: s.description ?? null,
      valueStatement: s.value ?? null,
      monthlyCost: s.cost ? { amountMinor: s.cost * 100, currency: 'EUR' } : null,
      links: [],
      tags: s.tags ?? [],
      system: null,
      domain: null,
    });
    ids.set(s.slug, created.id);
  }
  for (const [from, to, type] of demoDependencies) {
    await insertDependency(repos, ctx, {
      fromId: ids.get(from)!,
      toId: ids.get(to)!,
      type: type ?? 'uses',
      note: null,
    });
  }
  return { services: demoServices.length, dependencies: demoDependencies.length };
}
