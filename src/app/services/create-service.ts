import type { z } from 'zod';
import { requireAdmin } from '../../core/actor.js';
import { conflict, invalid } from '../../core/errors.js';
import type { OrgUnitId, TeamId } from '../../core/ids.js';
import { slugify, type Service, type ServiceId } from '../../core/services.js';
import type { CreateService } from '../../contract/services.js';
import { recordChange, type Ctx } from '../context.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { newRecord } from '../records.js';
import { checkServiceReferences } from './service-rules.js';

export type CreateServiceInput = z.output<typeof CreateService>;

/** Inside a transaction: validates, inserts and audits a new service. */
export async function insertService(
  repos: Repositories,
  ctx: Ctx,
  input: CreateServiceInput,
): Promise<Service> {
  const slug = input.slug ?? slugify(input.name);
  if (slug.length < 2)
    throw invalid('slug', 'cannot be derived from this name; give one, e.g. online-marketplace');
  if (await repos.services.getBySlug(slug))
    throw conflict('slug', `another service already has the slug ${slug}`);
  const teamId = (input.teamId ?? null) as TeamId | null;
  const orgUnitIds = input.orgUnitIds as OrgUnitId[];
  await checkServiceReferences(repos, teamId, orgUnitIds);
  const record = newRecord(ctx);
  const service: Service = {
    id: ctx.env.newId() as ServiceId,
    slug,
    name: input.name,
    kind: input.kind,
    description: input.description ?? null,
    lifecycle: input.lifecycle,
    liveAt: input.lifecycle === 'live' ? record.createdAt : null,
    retiredAt: null,
    tier: input.tier,
    teamId,
    orgUnitIds: [...new Set(orgUnitIds)],
    valueStatement: input.valueStatement ?? null,
    monthlyCost: input.monthlyCost ?? null,
    links: input.links,
    tags: [...new Set(input.tags)].sort(),
    system: input.system ?? null,
    domain: input.domain ?? null,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
  await repos.services.insert(service);
  await recordChange(repos.audit, ctx, {
    action: 'service.created',
    entityType: 'service',
    entityId: service.id,
    after: service,
  });
  return service;
}

export async function createService(
  uow: UnitOfWork,
  ctx: Ctx,
  input: CreateServiceInput,
): Promise<Service> {
  requireAdmin(ctx.actor, 'add services to the portfolio');
  return uow.transaction((repos) => insertService(repos, ctx, input));
}
