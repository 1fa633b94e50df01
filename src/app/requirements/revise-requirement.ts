import type { z } from 'zod';
import { requireWrite } from '../../core/actor.js';
import type { RequirementRevision } from '../../core/agreements/records.js';
import { forbidden } from '../../core/errors.js';
import type { RequirementDetail, ReviseRequirement } from '../../contract/requirements.js';
import type { Ctx } from '../context.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { staleWrite } from '../records.js';
import { requirementDetail } from './read-requirements.js';
import {
  findRequirement,
  isCustomerRepresentative,
  recordRequirementChange,
  requireOpen,
  requirementLabel,
  serviceOwnerOf,
  tell,
  termsOf,
} from './requirement-rules.js';

export type ReviseRequirementInput = z.output<typeof ReviseRequirement>;

/** Refuses anyone but the customer representative, and a requirement that is not open. */
export async function requireRepresentative(
  repos: Repositories,
  ctx: Ctx,
  id: string,
  doing: string,
) {
  const r = await findRequirement(repos, id);
  if (!(await isCustomerRepresentative(repos, ctx.actor, r, ctx.env.now())))
    throw forbidden(
      `Only the customer representative of ${await requirementLabel(repos, r)} can ${doing}.`,
    );
  requireOpen(r);
  return r;
}

/**
 * Inside a transaction: appends a revision (the new terms, business value and justification,
 * with a note saying why) and makes it current; audits it and tells the service owner.
 */
export async function insertRevision(
  repos: Repositories,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: ReviseRequirementInput,
  how: { doing: string; action: string } = { doing: 'revise this requirement', action: 'revised' },
): Promise<RequirementDetail> {
  const before = await requireRepresentative(repos, ctx, id, how.doing);
  if (before.version !== expectedVersion) throw staleWrite('This requirement');
  const terms = await termsOf(repos, input.terms);
  const revision: RequirementRevision = {
    requirementId: before.id,
    revision: before.revision + 1,
    terms,
    businessValue: input.businessValue,
    justification: input.justification,
    authorId: ctx.actor.personId,
    note: input.note,
    createdAt: ctx.env.now(),
  };
  if (!(await repos.requirements.addRevision(revision, expectedVersion)))
    throw staleWrite('This requirement');
  const after = await findRequirement(repos, before.id);
  await recordRequirementChange(repos, ctx, after.id, how.action, {
    before,
    after: { ...after, current: revision },
  });
  await tell(repos, ctx, await serviceOwnerOf(repos, after.serviceId, revision.createdAt), {
    eventKey: `requirement:${after.id}:revision:${revision.revision}`,
    subject: `Requirement revised (revision ${revision.revision}): ${after.title}`,
    body: `${ctx.actor.name} revised the service level requirement "${after.title}" for ${await requirementLabel(repos, after)}: ${revision.note}. Options answering an earlier revision are now outdated.`,
    requirementId: after.id,
  });
  return requirementDetail(repos, ctx, after);
}

/** The customer representative changes what is asked: a new revision, never an edit. */
export async function reviseRequirement(
  uow: UnitOfWork,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: ReviseRequirementInput,
): Promise<RequirementDetail> {
  requireWrite(ctx.actor, 'revise requirements');
  return uow.transaction((repos) => insertRevision(repos, ctx, id, expectedVersion, input));
}
