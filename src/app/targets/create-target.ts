import type { z } from 'zod';
import { requireAdmin } from '../../core/actor.js';
import {
  defaultPauseStatuses,
  type ServiceLevelTarget,
  type TargetDuration,
  type TargetFields,
  type TargetId,
} from '../../core/sla/targets.js';
import type { CreateTarget } from '../../contract/targets.js';
import { recordChange, type Ctx } from '../context.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { newRecord } from '../records.js';
import { checkTarget, ids } from './target-rules.js';

export type CreateTargetInput = z.output<typeof CreateTarget>;

/** The wire's duration object as the core's union. */
export function durationOf(d: {
  businessSeconds?: number | undefined;
  workingDays?: number | undefined;
  endOfWorkingDay?: boolean | undefined;
}): TargetDuration {
  return d.workingDays !== undefined
    ? { workingDays: d.workingDays, endOfWorkingDay: d.endOfWorkingDay ?? false }
    : { businessSeconds: d.businessSeconds ?? 0 };
}

export const escalationsOf = (
  levels: CreateTargetInput['escalations'],
): TargetFields['escalations'] =>
  levels.map((l) => ({
    at:
      l.at.percent !== undefined
        ? { percent: l.at.percent }
        : { offsetSeconds: l.at.offsetSeconds ?? 0 },
    actions: l.actions,
    businessHoursOnly: l.businessHoursOnly,
  }));

/** Inside a transaction: validates, inserts and audits a target. */
export async function insertTarget(
  repos: Repositories,
  ctx: Ctx,
  input: CreateTargetInput,
): Promise<ServiceLevelTarget> {
  const fields: TargetFields = {
    serviceId: ids.service(input.serviceId),
    priority: input.priority,
    metric: input.metric,
    origin: input.origin,
    teamId: ids.team(input.teamId),
    duration: durationOf(input.duration),
    calendarId: ids.calendar(input.calendarId),
    pauseStatuses: input.pauseStatuses ?? defaultPauseStatuses(input.metric),
    escalations: escalationsOf(input.escalations),
  };
  await checkTarget(repos, fields, { calendarChanged: true });
  const { active: _active, ...record } = newRecord(ctx);
  const target: ServiceLevelTarget = { id: ctx.env.newId() as TargetId, ...fields, ...record };
  await repos.targets.insert(target);
  await recordChange(repos.audit, ctx, {
    action: 'target.created',
    entityType: 'service_level_target',
    entityId: target.id,
    after: target,
  });
  return target;
}

export async function createTarget(
  uow: UnitOfWork,
  ctx: Ctx,
  input: CreateTargetInput,
): Promise<ServiceLevelTarget> {
  requireAdmin(ctx.actor, 'set service level targets');
  return uow.transaction((repos) => insertTarget(repos, ctx, input));
}
