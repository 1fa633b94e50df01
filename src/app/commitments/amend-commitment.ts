import type { z } from 'zod';
import { requireWrite } from '../../core/actor.js';
import { conflict, forbidden, invalid } from '../../core/errors.js';
import type { Instant } from '../../core/ids.js';
import type { UpdateCommitment } from '../../contract/commitments.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { staleWrite } from '../records.js';
import { findCommitment, recordedView, type CommitmentView } from './commitment-rules.js';

export type AmendCommitmentInput = z.output<typeof UpdateCommitment>;

/**
 * The maker rewords or moves the due date of a commitment nobody has answered yet. Once the
 * delivering party accepted or rejected it, its terms are fixed: withdraw it and make a new one.
 */
export async function amendCommitment(
  uow: UnitOfWork,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: AmendCommitmentInput,
): Promise<CommitmentView> {
  requireWrite(ctx.actor, 'change commitments');
  return uow.transaction(async (repos) => {
    const before = await findCommitment(repos, id);
    if (before.makerId !== ctx.actor.personId)
      throw forbidden('Only the person who made a commitment can change it.');
    if (before.version !== expectedVersion) throw staleWrite('This commitment');
    if (before.status !== 'open') throw conflict('status', `this commitment is ${before.status}`);
    if (before.acceptedAt || before.rejectedAt)
      throw conflict(
        'status',
        'this commitment was answered; its terms are fixed — withdraw it and make a new one',
      );
    const now = ctx.env.now();
    const fields = {
      what: input.what ?? before.what,
      dueAt: (input.dueAt ?? before.dueAt) as Instant,
    };
    if (input.dueAt !== undefined && fields.dueAt <= now)
      throw invalid('dueAt', 'is not in the future');
    if (!(await repos.commitments.amend(before.id, fields, expectedVersion, now)))
      throw staleWrite('This commitment');
    return recordedView(repos, ctx, before, 'commitment.amended', now);
  });
}
