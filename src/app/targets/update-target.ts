import type { z } from 'zod';
import { requireAdmin } from '../../core/actor.js';
import type { ServiceLevelTarget, TargetFields, TargetId } from '../../core/sla/targets.js';
import type { UpdateTarget } from '../../contract/targets.js';
import { recordChange, type Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { current, staleWrite } from '../records.js';
import { durationOf, escalationsOf } from './create-target.js';
import { checkTarget, ids } from './target-rules.js';

export type UpdateTargetInput = z.output<typeof UpdateTarget>;

/** A partial update at `expectedVersion`, checked like a new target and audited. */
export async function updateTarget(
  uow: UnitOfWork,
  ctx: Ctx,
  id: TargetId,
  expectedVersion: number,
  input: UpdateTargetInput,
): Promise<ServiceLevelTarget> {
  requireAdmin(ctx.actor, 'change service level targets');
  return uow.transaction(async (repos) => {
    const before = current(await repos.targets.get(id), expectedVersion, 'Service level target');
    const origin = input.origin ?? before.origin;
    const fields: TargetFields = {
      serviceId: input.serviceId === undefined ? before.serviceId : ids.service(input.serviceId),
      priority: input.priority ?? before.priority,
      metric: input.metric ?? before.metric,
      origin,
      // Moving the clock's start back to creation drops the team.
      teamId:
        input.teamId !== undefined
          ? ids.team(input.teamId)
          : origin === 'created'
            ? null
            : before.teamId,
      duration: input.duration ? durationOf(input.duration) : before.duration,
      calendarId: input.calendarId ? ids.calendar(input.calendarId) : before.calendarId,
      pauseStatuses: input.pauseStatuses ?? before.pauseStatuses,
      escalations: input.escalations ? escalationsOf(input.escalations) : before.escalations,
    };
    await checkTarget(repos, fields, {
      id,
      calendarChanged: fields.calendarId !== before.calendarId,
    });
    const now = ctx.env.now();
    if (!(await repos.targets.update(id, fields, expectedVersion, now)))
      throw staleWrite('This service level target');
    const after: ServiceLevelTarget = {
      ...before,
      ...fields,
      version: expectedVersion + 1,
      updatedAt: now,
    };
    await recordChange(repos.audit, ctx, {
      action: 'target.updated',
      entityType: 'service_level_target',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Deletes a target at `expectedVersion`; tickets fall back to the default target. */
export async function deleteTarget(
  uow: UnitOfWork,
  ctx: Ctx,
  id: TargetId,
  expectedVersion: number,
): Promise<void> {
  requireAdmin(ctx.actor, 'delete service level targets');
  await uow.transaction(async (repos) => {
    const before = current(await repos.targets.get(id), expectedVersion, 'Service level target');
    if (!(await repos.targets.delete(id, expectedVersion)))
      throw staleWrite('This service level target');
    await recordChange(repos.audit, ctx, {
      action: 'target.deleted',
      entityType: 'service_level_target',
      entityId: id,
      before,
    });
  });
}
