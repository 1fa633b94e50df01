import { requireWrite } from '../../core/actor.js';
import { notFound } from '../../core/errors.js';
import type { DependencyId } from '../../core/services.js';
import { recordChange, type Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { requireServiceEditor } from '../ownership/ownership-rules.js';

export async function removeDependency(uow: UnitOfWork, ctx: Ctx, id: DependencyId): Promise<void> {
  requireWrite(ctx.actor, 'change dependencies');
  await uow.transaction(async (repos) => {
    const dependency = await repos.services.getDependency(id);
    if (!dependency) throw notFound('Dependency');
    await requireServiceEditor(
      repos,
      ctx.actor,
      dependency.fromId,
      ctx.env.now(),
      'change what it depends on',
    );
    await repos.services.deleteDependency(id);
    await recordChange(repos.audit, ctx, {
      action: 'dependency.removed',
      entityType: 'dependency',
      entityId: id,
      before: dependency,
    });
  });
}
