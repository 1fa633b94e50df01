import { requireWrite } from '../../core/actor.js';
import { conflict, invalid } from '../../core/errors.js';
import { roleKindLabels, type Nomination } from '../../core/ownership.js';
import { notify } from '../notifications/notify.js';
import { recordChange, type Ctx } from '../context.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { requireNominee, requireOpen } from './answer-rules.js';
import { loadNomination, scopeLabel, scopeNames } from './ownership-rules.js';

/** The nominee declines, with a reason; the nominator is told. */
export async function declineNomination(
  uow: UnitOfWork,
  ctx: Ctx,
  id: string,
  input: { reason: string },
): Promise<Nomination> {
  await requireNominee(uow, ctx, id, 'decline');
  requireWrite(ctx.actor, 'decline a nomination');
  return uow.transaction((repos) => applyDecline(repos, ctx, id, input));
}

/** Inside a transaction, for the nominee acting as `ctx.actor` (checked by the caller). */
export async function applyDecline(
  repos: Repositories,
  ctx: Ctx,
  id: string,
  input: { reason: string },
): Promise<Nomination> {
  const reason = input.reason.trim();
  if (!reason) throw invalid('reason', 'say why you decline, so the nominator can act on it');
  {
    const n = await loadNomination(repos, id);
    const now = ctx.env.now();
    requireOpen(n, now);
    const answered = await repos.ownership.answerNomination(n.id, {
      status: 'declined',
      answeredAt: now,
      declineReason: reason,
      roleId: null,
    });
    if (!answered) throw conflict('nomination', 'this nomination was already answered');
    const after: Nomination = { ...n, status: 'declined', answeredAt: now, declineReason: reason };
    await recordChange(repos.audit, ctx, {
      action: 'nomination.declined',
      entityType: 'nomination',
      entityId: n.id,
      before: n,
      after,
    });
    const label = scopeLabel(n.kind, await scopeNames(repos, n.scope));
    await notify(repos, ctx, {
      eventKey: `nomination:${n.id}:declined`,
      recipientId: n.nominatedById,
      subject: `${ctx.actor.name} declined the role of ${roleKindLabels[n.kind]} of ${label}`,
      body: `${ctx.actor.name} declined: ${reason}`,
      link: '/my-commitments',
    });
    return after;
  }
}
