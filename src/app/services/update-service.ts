import type { z } from 'zod';
import { requireAdmin, requireWrite } from '../../core/actor.js';
import { conflict, invalid } from '../../core/errors.js';
import type { OrgUnitId, TeamId } from '../../core/ids.js';
import {
  lifecycleMoveProblem,
  type Lifecycle,
  type Service,
  type ServiceId,
} from '../../core/services.js';
import type { UpdateService } from '../../contract/services.js';
import { recordChange, type Ctx } from '../context.js';
import type { Repositories, ServiceFields, UnitOfWork } from '../ports.js';
import { current, staleWrite } from '../records.js';
import { requireServiceEditor } from '../ownership/ownership-rules.js';
import { checkServiceReferences } from './service-rules.js';

export type UpdateServiceInput = Omit<z.output<typeof UpdateService>, 'lifecycle'> & {
  lifecycle?: Lifecycle | undefined;
};

/** Inside a transaction: a partial update at `expectedVersion`, audited. */
export async function applyServiceUpdate(
  repos: Repositories,
  ctx: Ctx,
  id: ServiceId,
  expectedVersion: number,
  input: UpdateServiceInput,
  action = 'service.updated',
): Promise<Service> {
  const before = current(await repos.services.get(id), expectedVersion, 'Service');
  if (before.lifecycle === 'retired' && action !== 'service.retired') {
    throw invalid(
      'lifecycle',
      'this service is retired; retired services are kept for history and cannot be changed',
    );
  }
  if (input.slug !== undefined && input.slug !== before.slug) {
    const other = await repos.services.getBySlug(input.slug);
    if (other) throw conflict('slug', `another service already has the slug ${input.slug}`);
  }
  const lifecycle = input.lifecycle ?? before.lifecycle;
  const problem = lifecycleMoveProblem(before.lifecycle, lifecycle);
  if (problem) throw invalid('lifecycle', problem);
  await checkServiceReferences(
    repos,
    input.teamId as TeamId | null | undefined,
    input.orgUnitIds as OrgUnitId[] | undefined,
  );
  const now = ctx.env.now();
  const pick = <K extends keyof UpdateServiceInput & keyof Service>(k: K) =>
    (input[k] === undefined ? before[k] : input[k]) as Service[K];
  const fields: ServiceFields = {
    slug: pick('slug'),
    name: pick('name'),
    kind: pick('kind'),
    description: pick('description'),
    lifecycle,
    liveAt: lifecycle === 'live' && !before.liveAt ? now : before.liveAt,
    retiredAt: lifecycle === 'retired' ? (before.retiredAt ?? now) : null,
    tier: pick('tier'),
    teamId: pick('teamId'),
    orgUnitIds: [...new Set(pick('orgUnitIds'))],
    valueStatement: pick('valueStatement'),
    monthlyCost: pick('monthlyCost'),
    links: pick('links'),
    tags: [...new Set(pick('tags'))].sort(),
    system: pick('system'),
    domain: pick('domain'),
  };
  if (!(await repos.services.update(id, fields, expectedVersion, now)))
    throw staleWrite('This service');
  const after: Service = { ...before, ...fields, version: expectedVersion + 1, updatedAt: now };
  await recordChange(repos.audit, ctx, {
    action,
    entityType: 'service',
    entityId: id,
    before,
    after,
  });
  return after;
}

export async function updateService(
  uow: UnitOfWork,
  ctx: Ctx,
  id: ServiceId,
  expectedVersion: number,
  input: UpdateServiceInput,
): Promise<Service> {
  requireWrite(ctx.actor, 'change services');
  return uow.transaction(async (repos) => {
    await requireServiceEditor(repos, ctx.actor, id, ctx.env.now(), 'change it');
    return applyServiceUpdate(repos, ctx, id, expectedVersion, input);
  });
}

/** Retires a service: it stays visible in history, its dependencies stay on record. */
export async function retireService(
  uow: UnitOfWork,
  ctx: Ctx,
  id: ServiceId,
  expectedVersion: number,
): Promise<Service> {
  requireAdmin(ctx.actor, 'retire services');
  return uow.transaction(async (repos) => {
    const service = current(await repos.services.get(id), expectedVersion, 'Service');
    if (service.lifecycle === 'retired')
      throw invalid('lifecycle', 'this service is already retired');
    return applyServiceUpdate(
      repos,
      ctx,
      id,
      expectedVersion,
      { lifecycle: 'retired' },
      'service.retired',
    );
  });
}
