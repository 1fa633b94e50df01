import { requireWrite } from '../../core/actor.js';
import { conflict, forbidden } from '../../core/errors.js';
import type { Nomination } from '../../core/ownership.js';
import { recordChange, type Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { loadNomination } from './ownership-rules.js';

/** The nominator or an admin withdraws an open (or expired) nomination. */
export async function withdrawNomination(
  uow: UnitOfWork,
  ctx: Ctx,
  id: string,
): Promise<Nomination> {
  requireWrite(ctx.actor, 'withdraw a nomination');
  return uow.transaction(async (repos) => {
    const n = await loadNomination(repos, id);
    if (n.nominatedById !== ctx.actor.personId && ctx.actor.role !== 'admin')
      throw forbidden('Only the person who made the nomination or an admin can withdraw it.');
    if (n.status !== 'pending')
      throw conflict('nomination', `this nomination was already ${n.status}; nothing was changed`);
    const now = ctx.env.now();
    const answered = await repos.ownership.answerNomination(n.id, {
      status: 'withdrawn',
      answeredAt: now,
      declineReason: null,
      roleId: null,
    });
    if (!answered) throw conflict('nomination', 'this nomination was already answered');
    const after: Nomination = { ...n, status: 'withdrawn', answeredAt: now };
    await recordChange(repos.audit, ctx, {
      action: 'nomination.withdrawn',
      entityType: 'nomination',
      entityId: n.id,
      before: n,
      after,
    });
    return after;
  });
}
