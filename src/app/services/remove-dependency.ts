import { requireAdmin } from '../../core/actor.js';
import { notFound } from '../../core/errors.js';
import type { DependencyId } from '../../core/services.js';
import { recordChange, type Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';

export async function removeDependency(uow: UnitOfWork, ctx: Ctx, id: DependencyId): Promise<void> {
  requireAdmin(ctx.actor, 'change dependencies');
  await uow.transaction(async (repos) => {
    const dependency = await repos.services.getDependency(id);
    if (!dependency) throw notFound('Dependency');
    await repos.services.deleteDependency(id);
    await recordChange(repos.audit, ctx, {
      action: 'dependency.removed',
      entityType: 'dependency',
      entityId: id,
      before: dependency,
    });
  });
}
