import type { z } from 'zod';
import { requireWrite } from '../../core/actor.js';
import { DomainError, conflict, invalid } from '../../core/errors.js';
import { cycleThrough } from '../../core/graph.js';
import type { Dependency, DependencyId, ServiceId } from '../../core/services.js';
import type { CreateDependency } from '../../contract/services.js';
import { recordChange, type Ctx } from '../context.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { requireServiceEditor } from '../ownership/ownership-rules.js';

export type AddDependencyInput = z.output<typeof CreateDependency>;

/**
 * Inside a transaction: records that `fromId` depends on `toId`. Refuses self-edges, edges to
 * missing or retired services, duplicates and any edge that would close a cycle, naming it.
 */
export async function insertDependency(
  repos: Repositories,
  ctx: Ctx,
  input: AddDependencyInput,
): Promise<Dependency> {
  const fromId = input.fromId as ServiceId;
  const toId = input.toId as ServiceId;
  if (fromId === toId) throw invalid('toId', 'a service cannot depend on itself');
  await repos.services.lockGraph();
  const [from, to] = await Promise.all([repos.services.get(fromId), repos.services.get(toId)]);
  if (!from) throw invalid('fromId', 'no service has this id');
  if (!to) throw invalid('toId', 'no service has this id');
  if (from.lifecycle === 'retired') throw invalid('fromId', `${from.name} is retired`);
  if (to.lifecycle === 'retired') throw invalid('toId', `${to.name} is retired`);
  if (await repos.services.findDependency(fromId, toId)) {
    throw conflict('toId', `${from.name} already depends on ${to.name}`);
  }
  const below = await repos.services.reach(toId, 'down');
  if (below.some((s) => s.id === fromId)) {
    const names = new Map([
      ...below.map((s) => [s.id, s.name] as const),
      [toId, to.name],
      [fromId, from.name],
    ]);
    const edges = await repos.services.edgesAmong([toId, ...below.map((s) => s.id)]);
    const cycle = cycleThrough(edges, fromId, toId) ?? [fromId, toId, fromId];
    const path = cycle.map((id) => names.get(id) ?? id).join(' → ');
    throw new DomainError('conflict', `toId: this dependency would create a cycle: ${path}`, [
      { path: 'toId', message: `would create a cycle: ${path}` },
    ]);
  }
  const dependency: Dependency = {
    id: ctx.env.newId() as DependencyId,
    fromId,
    toId,
    type: input.type,
    note: input.note ?? null,
    createdAt: ctx.env.now(),
  };
  await repos.services.insertDependency(dependency);
  await recordChange(repos.audit, ctx, {
    action: 'dependency.created',
    entityType: 'dependency',
    entityId: dependency.id,
    after: { ...dependency, from: from.slug, to: to.slug },
  });
  return dependency;
}

export async function addDependency(
  uow: UnitOfWork,
  ctx: Ctx,
  input: AddDependencyInput,
): Promise<Dependency> {
  requireWrite(ctx.actor, 'change dependencies');
  return uow.transaction(async (repos) => {
    await requireServiceEditor(
      repos,
      ctx.actor,
      input.fromId as ServiceId,
      ctx.env.now(),
      'change what it depends on',
    );
    return insertDependency(repos, ctx, input);
  });
}
