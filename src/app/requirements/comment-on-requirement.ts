import type { z } from 'zod';
import { requireWrite } from '../../core/actor.js';
import type { NegotiationEntry, NegotiationEntryId } from '../../core/agreements/records.js';
import { forbidden } from '../../core/errors.js';
import type { CreateNegotiationEntry, RequirementDetail } from '../../contract/requirements.js';
import type { Ctx } from '../context.js';
import { isServiceLevelManager } from '../ownership/ownership-rules.js';
import type { UnitOfWork } from '../ports.js';
import { requirementDetail } from './read-requirements.js';
import {
  customerRepresentative,
  findRequirement,
  isOwnerOrDeputy,
  recordRequirementChange,
  requireOpen,
  requirementLabel,
  serviceOwnerOf,
  tell,
  termsOf,
} from './requirement-rules.js';

export type CreateNegotiationEntryInput = z.output<typeof CreateNegotiationEntry>;

/**
 * A comment or a counter-proposal (other terms) on the current revision of an open
 * requirement, by the customer representative, the service owner or a deputy, the service
 * level manager or an administrator. The other side is told.
 */
export async function commentOnRequirement(
  uow: UnitOfWork,
  ctx: Ctx,
  id: string,
  input: CreateNegotiationEntryInput,
): Promise<RequirementDetail> {
  requireWrite(ctx.actor, 'comment on requirements');
  return uow.transaction(async (repos) => {
    const now = ctx.env.now();
    const r = await findRequirement(repos, id);
    const rep = await customerRepresentative(repos, r, now);
    const isRep = rep?.personId === ctx.actor.personId;
    const allowed =
      isRep ||
      ctx.actor.role === 'admin' ||
      (await isOwnerOrDeputy(repos, ctx.actor, r.serviceId, now)) ||
      (await isServiceLevelManager(repos, ctx.actor.personId, now));
    if (!allowed)
      throw forbidden(
        `Only the customer representative, the service owner or a deputy, the service level manager or an administrator can take part in the negotiation of ${await requirementLabel(repos, r)}.`,
      );
    requireOpen(r);
    const terms = input.terms ? await termsOf(repos, input.terms) : null;
    const entry: NegotiationEntry = {
      id: ctx.env.newId() as NegotiationEntryId,
      requirementId: r.id,
      revision: r.revision,
      authorId: ctx.actor.personId,
      kind: input.kind,
      body: input.body,
      terms: input.kind === 'counter_proposal' ? terms : null,
      createdAt: now,
    };
    await repos.requirements.insertEntry(entry);
    const proposal = entry.kind === 'counter_proposal';
    await recordRequirementChange(repos, ctx, r.id, proposal ? 'counter_proposed' : 'commented', {
      after: entry,
    });
    const recipient = isRep
      ? await serviceOwnerOf(repos, r.serviceId, now)
      : (rep?.personId ?? null);
    await tell(repos, ctx, recipient, {
      eventKey: `requirement-entry:${entry.id}`,
      subject: proposal
        ? `Counter-proposal on "${r.title}" from ${ctx.actor.name}`
        : `Comment on "${r.title}" from ${ctx.actor.name}`,
      body: proposal
        ? `${ctx.actor.name} proposes other terms for the requirement "${r.title}": ${entry.body}${isRep ? '' : ' You can adopt it as a new revision.'}`
        : `${ctx.actor.name}: ${entry.body}`,
      requirementId: r.id,
    });
    return requirementDetail(repos, ctx, r);
  });
}
