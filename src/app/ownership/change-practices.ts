import { requireAdmin } from '../../core/actor.js';
import { conflict, notFound } from '../../core/errors.js';
import type { Practice, PracticeId } from '../../core/ownership.js';
import { recordChange, type Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { staleWrite } from '../records.js';
import { findPractice } from './ownership-rules.js';

/** Admins add practices to the editable list. */
export async function createPractice(
  uow: UnitOfWork,
  ctx: Ctx,
  input: { key: string; name: string },
): Promise<Practice> {
  requireAdmin(ctx.actor, 'add practices');
  return uow.transaction(async (repos) => {
    if (await repos.ownership.getPracticeByKey(input.key))
      throw conflict('key', `a practice with the key ${input.key} already exists`);
    const lower = input.name.trim().toLowerCase();
    const all = await repos.ownership.listPractices({});
    if (all.some((p) => p.name.toLowerCase() === lower))
      throw conflict('name', `a practice named ${input.name} already exists`);
    const practice: Practice = {
      id: ctx.env.newId() as PracticeId,
      key: input.key,
      name: input.name.trim(),
      active: true,
      createdAt: ctx.env.now(),
      version: 1,
    };
    await repos.ownership.insertPractice(practice);
    await recordChange(repos.audit, ctx, {
      action: 'practice.created',
      entityType: 'practice',
      entityId: practice.id,
      after: practice,
    });
    return practice;
  });
}

/** Admins rename or (de)activate a practice; the key never changes. */
export async function updatePractice(
  uow: UnitOfWork,
  ctx: Ctx,
  ref: string,
  expectedVersion: number,
  input: { name?: string | undefined; active?: boolean | undefined },
): Promise<Practice> {
  requireAdmin(ctx.actor, 'change practices');
  return uow.transaction(async (repos) => {
    const before = await findPractice(repos, ref);
    if (!before) throw notFound('Practice');
    if (before.version !== expectedVersion) throw staleWrite('This practice');
    const name = input.name?.trim() ?? before.name;
    if (name.toLowerCase() !== before.name.toLowerCase()) {
      const all = await repos.ownership.listPractices({});
      if (all.some((p) => p.id !== before.id && p.name.toLowerCase() === name.toLowerCase()))
        throw conflict('name', `a practice named ${name} already exists`);
    }
    const active = input.active ?? before.active;
    if (
      !(await repos.ownership.updatePractice(
        before.id,
        { name, active },
        expectedVersion,
        ctx.env.now(),
      ))
    )
      throw staleWrite('This practice');
    const after: Practice = { ...before, name, active, version: expectedVersion + 1 };
    await recordChange(repos.audit, ctx, {
      action:
        active === before.active
          ? 'practice.updated'
          : active
            ? 'practice.reactivated'
            : 'practice.deactivated',
      entityType: 'practice',
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}
