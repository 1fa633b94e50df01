import { requireWrite } from '../../core/actor.js';
import type { OptionId } from '../../core/agreements/content.js';
import { conflict, notFound } from '../../core/errors.js';
import type { RequirementDetail } from '../../contract/requirements.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { staleWrite } from '../records.js';
import { requirementDetail } from './read-requirements.js';
import {
  findRequirement,
  recordRequirementChange,
  requirementLabel,
  requireOwnerOrDeputy,
  serviceOwnerOf,
  tell,
} from './requirement-rules.js';
import { requireRepresentative } from './revise-requirement.js';

/** The service owner or a deputy takes back a proposed option of an open requirement. */
export async function withdrawOption(
  uow: UnitOfWork,
  ctx: Ctx,
  id: string,
  optionId: string,
): Promise<RequirementDetail> {
  requireWrite(ctx.actor, 'withdraw options');
  return uow.transaction(async (repos) => {
    const now = ctx.env.now();
    const r = await findRequirement(repos, id);
    const option = await repos.requirements.getOption(optionId as OptionId);
    if (!option || option.requirementId !== r.id) throw notFound(`Option ${optionId}`);
    await requireOwnerOrDeputy(
      repos,
      ctx,
      r,
      (label) => `Only the service owner or a deputy of ${label} can withdraw its options.`,
    );
    if (option.status !== 'proposed')
      throw conflict(
        'status',
        `this option is ${option.status}; only a proposed one can be withdrawn`,
      );
    if (!(await repos.requirements.setOptionStatus(option.id, 'withdrawn', option.version, now)))
      throw staleWrite('This option');
    const after = await repos.requirements.getOption(option.id);
    await recordRequirementChange(repos, ctx, r.id, 'option_withdrawn', {
      before: option,
      after,
    });
    return requirementDetail(repos, ctx, r);
  });
}

/**
 * The customer representative withdraws an open requirement: the negotiation ends and the
 * service owner is told. `expectedVersion` (If-Match) is optional.
 */
export async function withdrawRequirement(
  uow: UnitOfWork,
  ctx: Ctx,
  id: string,
  expectedVersion: number | null,
): Promise<RequirementDetail> {
  requireWrite(ctx.actor, 'withdraw requirements');
  return uow.transaction(async (repos) => {
    const now = ctx.env.now();
    const before = await requireRepresentative(repos, ctx, id, 'withdraw this requirement');
    const version = expectedVersion ?? before.version;
    if (before.version !== version) throw staleWrite('This requirement');
    if (!(await repos.requirements.setStatus(before.id, 'withdrawn', version, now)))
      throw staleWrite('This requirement');
    const after = await findRequirement(repos, before.id);
    await recordRequirementChange(repos, ctx, after.id, 'withdrawn', { before, after });
    await tell(repos, ctx, await serviceOwnerOf(repos, after.serviceId, now), {
      eventKey: `requirement:${after.id}:withdrawn`,
      subject: `Requirement withdrawn: ${after.title}`,
      body: `${ctx.actor.name} withdrew the service level requirement "${after.title}" for ${await requirementLabel(repos, after)}; the negotiation is closed.`,
      requirementId: after.id,
    });
    return requirementDetail(repos, ctx, after);
  });
}
