import type { z } from 'zod';
import { requireWrite } from '../../core/actor.js';
import type { RequirementId } from '../../core/agreements/content.js';
import type { Requirement, RequirementRevision } from '../../core/agreements/records.js';
import { forbidden, invalid } from '../../core/errors.js';
import type { OrgUnitId } from '../../core/ids.js';
import type { ServiceId } from '../../core/services.js';
import type { CreateRequirement, RequirementDetail } from '../../contract/requirements.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { requirementDetail } from './read-requirements.js';
import {
  isCustomerRepresentative,
  recordRequirementChange,
  serviceOwnerOf,
  tell,
  termsOf,
} from './requirement-rules.js';

export type CreateRequirementInput = z.output<typeof CreateRequirement>;

/**
 * The customer representative of {organisation unit, service} states what the business needs.
 * Nobody else can, administrators included: a requirement speaks for the customer.
 */
export async function createRequirement(
  uow: UnitOfWork,
  ctx: Ctx,
  input: CreateRequirementInput,
): Promise<RequirementDetail> {
  requireWrite(ctx.actor, 'state service level requirements');
  return uow.transaction(async (repos) => {
    const now = ctx.env.now();
    const service = await repos.services.get(input.serviceId as ServiceId);
    if (!service) throw invalid('serviceId', 'no service has this id');
    if (service.lifecycle === 'retired')
      throw invalid('serviceId', `${service.name} is retired; it takes no new requirements`);
    const unit = await repos.orgUnits.get(input.orgUnitId as OrgUnitId);
    if (!unit) throw invalid('orgUnitId', 'no organisation unit has this id');
    if (!unit.active) throw invalid('orgUnitId', `${unit.name} is inactive`);
    const scope = { serviceId: service.id, orgUnitId: unit.id };
    if (!(await isCustomerRepresentative(repos, ctx.actor, scope, now)))
      throw forbidden(
        `Only the customer representative of ${unit.name} for ${service.name} (an accepted role) can state its service level requirements; ask for a nomination.`,
      );
    const terms = await termsOf(repos, input.terms);
    const requirement: Requirement = {
      id: ctx.env.newId() as RequirementId,
      serviceId: service.id,
      orgUnitId: unit.id,
      title: input.title,
      status: 'open',
      revision: 1,
      createdById: ctx.actor.personId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const first: RequirementRevision = {
      requirementId: requirement.id,
      revision: 1,
      terms,
      businessValue: input.businessValue,
      justification: input.justification,
      authorId: ctx.actor.personId,
      note: '',
      createdAt: now,
    };
    await repos.requirements.insert(requirement, first);
    await recordRequirementChange(repos, ctx, requirement.id, 'created', {
      after: { ...requirement, current: first },
    });
    await tell(repos, ctx, await serviceOwnerOf(repos, service.id, now), {
      eventKey: `requirement:${requirement.id}:created`,
      subject: `New service level requirement for ${service.name}: ${requirement.title}`,
      body: `${ctx.actor.name}, customer representative of ${unit.name}, states what ${unit.name} needs from ${service.name}. Answer it with costed options.`,
      requirementId: requirement.id,
    });
    return requirementDetail(repos, ctx, requirement);
  });
}
