/** One declared service, inside the import's transaction: created, updated or unchanged. */
import { DomainError, conflict, invalid } from '../../core/errors.js';
import type { OrgUnitId, TeamId } from '../../core/ids.js';
import { changedFields, show, type FieldChange, type ServiceSpec } from '../../core/portfolio.js';
import type { Service } from '../../core/services.js';
import { ServiceSpecCheck } from '../../contract/portfolio.js';
import type { Ctx } from '../context.js';
import type { Repositories } from '../ports.js';
import { insertService } from '../services/create-service.js';
import { applyServiceUpdate, type UpdateServiceInput } from '../services/update-service.js';

export interface ServiceWrite {
  outcome: 'created' | 'updated' | 'unchanged';
  changes: FieldChange[];
  service: Service;
  /** The file says retired: retire it once its dependencies are written. */
  retire: boolean;
  /** Something the user should know (e.g. an owner that is not a Charter team). */
  note: string | null;
}

/** The checked values of a spec (zod issues become one invalid error naming every field). */
function check(spec: ServiceSpec) {
  const parsed = ServiceSpecCheck.safeParse({
    slug: spec.slug,
    name: spec.name,
    kind: spec.kind,
    description: spec.description,
    lifecycle: spec.lifecycle,
    tier: spec.tier,
    valueStatement: spec.valueStatement,
    monthlyCost: spec.monthlyCost,
    links: spec.links,
    tags: spec.tags,
    system: spec.system,
    domain: spec.domain,
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.join('.'),
      message: i.message,
    }));
    throw new DomainError(
      'invalid',
      issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      issues,
    );
  }
  return parsed.data;
}

async function teamOf(
  repos: Repositories,
  spec: ServiceSpec,
): Promise<{ teamId: TeamId | null | undefined; note: string | null }> {
  if (spec.team === undefined)
    return { teamId: spec.teamId as TeamId | null | undefined, note: null };
  if (spec.team === null) return { teamId: null, note: null };
  const team = await repos.teams.findByName(spec.team);
  if (team) return { teamId: team.id, note: null };
  if (spec.teamIfExists)
    return {
      teamId: undefined,
      note: `owner: no team is named "${spec.team}"; the team was left as it is`,
    };
  throw invalid('team', `no team is named "${spec.team}"; declare it or create it first`);
}

async function customerIdsOf(
  repos: Repositories,
  spec: ServiceSpec,
): Promise<OrgUnitId[] | undefined> {
  if (spec.customers === undefined) return spec.customerIds as OrgUnitId[] | undefined;
  const ids: OrgUnitId[] = [];
  for (const name of spec.customers) {
    const unit = await repos.orgUnits.findByName(name);
    if (!unit)
      throw invalid('customers', `no organisation unit is named "${name}"; declare it first`);
    ids.push(unit.id);
  }
  return ids;
}

/** The existing service this spec describes: by source reference first, then by slug. */
async function match(repos: Repositories, spec: ServiceSpec): Promise<Service | null> {
  if (spec.sourceRef) {
    const bySource = await repos.services.getBySourceRef(spec.sourceRef);
    if (bySource) return bySource;
  }
  const bySlug = await repos.services.getBySlug(spec.slug);
  if (bySlug && spec.sourceRef) {
    const other = await repos.services.sourceRefOf(bySlug.id);
    if (other && other !== spec.sourceRef)
      throw conflict('slug', `${spec.slug} is already taken by the service imported from ${other}`);
  }
  return bySlug;
}

const sorted = <T extends string>(ids: T[]): T[] => [...new Set(ids)].sort();

export async function writeService(
  repos: Repositories,
  ctx: Ctx,
  spec: ServiceSpec,
): Promise<ServiceWrite> {
  const v = check(spec);
  const { teamId, note } = await teamOf(repos, spec);
  const orgUnitIds = await customerIdsOf(repos, spec);
  const retire = v.lifecycle === 'retired';
  const before = await match(repos, spec);
  if (!before) {
    const service = await insertService(repos, ctx, {
      slug: v.slug,
      name: v.name,
      kind: v.kind,
      description: v.description ?? null,
      lifecycle: v.lifecycle === 'live' ? 'live' : 'pipeline',
      tier: v.tier ?? 3,
      teamId: teamId ?? null,
      orgUnitIds: orgUnitIds ?? [],
      valueStatement: v.valueStatement ?? null,
      monthlyCost: v.monthlyCost ?? null,
      links: v.links ?? [],
      tags: v.tags ?? [],
      system: v.system ?? null,
      domain: v.domain ?? null,
    });
    if (spec.sourceRef) await repos.services.setSourceRef(service.id, spec.sourceRef);
    return { outcome: 'created', changes: [], service, retire, note };
  }
  const wanted: UpdateServiceInput = {
    // Imported services keep their slug: references to them go by source reference.
    slug: spec.sourceRef ? undefined : v.slug,
    name: v.name,
    kind: v.kind,
    description: v.description,
    lifecycle: retire ? undefined : v.lifecycle,
    tier: v.tier,
    teamId,
    orgUnitIds: orgUnitIds && sorted(orgUnitIds),
    valueStatement: v.valueStatement,
    monthlyCost: v.monthlyCost,
    links: v.links,
    tags: v.tags && sorted(v.tags),
    system: v.system,
    domain: v.domain,
  };
  const current = { ...before, orgUnitIds: sorted(before.orgUnitIds) };
  const changes = changedFields<Record<string, unknown>>(current, { ...wanted });
  await describeReferences(repos, changes, current, wanted);
  if (retire && before.lifecycle !== 'retired')
    changes.push({ field: 'lifecycle', from: JSON.stringify(before.lifecycle), to: '"retired"' });
  const sourceRef = spec.sourceRef ? await repos.services.sourceRefOf(before.id) : null;
  if (spec.sourceRef && sourceRef !== spec.sourceRef) {
    await repos.services.setSourceRef(before.id, spec.sourceRef);
    changes.push({ field: 'sourceRef', from: '—', to: JSON.stringify(spec.sourceRef) });
  }
  const fieldChanges = changes.filter(
    (c) => c.field !== 'sourceRef' && !(retire && c.field === 'lifecycle'),
  );
  const service =
    fieldChanges.length > 0
      ? await applyServiceUpdate(repos, ctx, before.id, before.version, wanted)
      : before;
  return {
    outcome: changes.length > 0 ? 'updated' : 'unchanged',
    changes,
    service,
    retire,
    note,
  };
}

/** Diffs show team and customer names, not ids. */
async function describeReferences(
  repos: Repositories,
  changes: FieldChange[],
  current: Service,
  wanted: UpdateServiceInput,
): Promise<void> {
  const teamName = async (id: string | null | undefined) =>
    id ? ((await repos.teams.get(id as TeamId))?.name ?? id) : null;
  const unitNames = async (ids: string[] | undefined) =>
    show(
      await Promise.all(
        (ids ?? []).map(async (id) => (await repos.orgUnits.get(id as OrgUnitId))?.name ?? id),
      ),
    );
  for (const change of changes) {
    if (change.field === 'teamId') {
      change.field = 'team';
      change.from = show(await teamName(current.teamId));
      change.to = show(await teamName(wanted.teamId));
    } else if (change.field === 'orgUnitIds') {
      change.field = 'customers';
      change.from = await unitNames(current.orgUnitIds);
      change.to = await unitNames(wanted.orgUnitIds);
    }
  }
}
