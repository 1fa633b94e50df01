/**
 * Teams and organisation units declared in a portfolio file, inside the import's transaction,
 * through the same use cases as single changes (same checks, same audit entries).
 */
import {
  changedFields,
  type FieldChange,
  type OrgUnitSpec,
  type TeamSpec,
} from '../../core/portfolio.js';
import type { Ctx } from '../context.js';
import { insertOrgUnit } from '../org-units/create-org-unit.js';
import { applyOrgUnitUpdate } from '../org-units/update-org-unit.js';
import type { Repositories } from '../ports.js';
import { insertTeam } from '../teams/create-team.js';
import { applyTeamUpdate } from '../teams/update-team.js';

export interface GroupOutcome {
  outcome: 'created' | 'updated' | 'unchanged';
  changes: FieldChange[];
}

export async function writeTeam(
  repos: Repositories,
  ctx: Ctx,
  spec: TeamSpec,
): Promise<GroupOutcome> {
  const before = await repos.teams.findByName(spec.name);
  if (!before) {
    await insertTeam(repos, ctx, {
      name: spec.name,
      description: spec.description ?? null,
      leadId: null,
      memberIds: [],
    });
    return { outcome: 'created', changes: [] };
  }
  const changes = changedFields(before, { description: spec.description });
  if (changes.length === 0) return { outcome: 'unchanged', changes };
  await applyTeamUpdate(repos, ctx, before.id, before.version, {
    description: spec.description ?? null,
  });
  return { outcome: 'updated', changes };
}

export async function writeOrgUnit(
  repos: Repositories,
  ctx: Ctx,
  spec: OrgUnitSpec,
): Promise<GroupOutcome> {
  const before = await repos.orgUnits.findByName(spec.name);
  if (!before) {
    await insertOrgUnit(repos, ctx, {
      name: spec.name,
      description: spec.description ?? null,
      headId: null,
    });
    return { outcome: 'created', changes: [] };
  }
  const changes = changedFields(before, { description: spec.description });
  if (changes.length === 0) return { outcome: 'unchanged', changes };
  await applyOrgUnitUpdate(repos, ctx, before.id, before.version, {
    description: spec.description ?? null,
  });
  return { outcome: 'updated', changes };
}
