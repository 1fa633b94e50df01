import { requireWrite } from '../../core/actor.js';
import { conflict, forbidden } from '../../core/errors.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import {
  answererOf,
  findCommitment,
  recordedView,
  type CommitmentView,
} from './commitment-rules.js';

async function closeCommitment(
  uow: UnitOfWork,
  ctx: Ctx,
  id: string,
  status: 'done' | 'withdrawn',
): Promise<CommitmentView> {
  requireWrite(ctx.actor, status === 'done' ? 'mark commitments done' : 'withdraw commitments');
  return uow.transaction(async (repos) => {
    const before = await findCommitment(repos, id);
    const me = ctx.actor.personId;
    if (status === 'withdrawn' && before.makerId !== me)
      throw forbidden('Only the person who made a commitment can withdraw it.');
    if (status === 'done' && before.makerId !== me && (await answererOf(repos, before)) !== me)
      throw forbidden(
        'Only the maker or the delivering party (the person, or the team’s lead) can mark a commitment done.',
      );
    if (before.status !== 'open')
      throw conflict('status', `this commitment is already ${before.status}`);
    const now = ctx.env.now();
    if (!(await repos.commitments.close(before.id, status, now)))
      throw conflict('status', 'this commitment was closed meanwhile');
    return recordedView(
      repos,
      ctx,
      before,
      status === 'done' ? 'commitment.done' : 'commitment.withdrawn',
      now,
    );
  });
}

/** The maker or the delivering party records that it was delivered. */
export const markCommitmentDone = (uow: UnitOfWork, ctx: Ctx, id: string) =>
  closeCommitment(uow, ctx, id, 'done');

/** The maker takes the promise back; it stays in history. */
export const withdrawCommitment = (uow: UnitOfWork, ctx: Ctx, id: string) =>
  closeCommitment(uow, ctx, id, 'withdrawn');
