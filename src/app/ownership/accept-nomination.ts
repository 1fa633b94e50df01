import { requireWrite } from '../../core/actor.js';
import { conflict, invalid } from '../../core/errors.js';
import {
  holderKey,
  roleKindLabels,
  type RoleAssignment,
  type RoleId,
} from '../../core/ownership.js';
import { notify } from '../notifications/notify.js';
import { recordChange, type Ctx } from '../context.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { requireNominee, requireOpen } from './answer-rules.js';
import { checkScopeTargets, loadNomination, scopeLabel, scopeNames } from './ownership-rules.js';
import { statementFor } from './statement.js';

/**
 * The nominee accepts, confirming the exact accountability statement. Creates the role with
 * its first affirmation; for single-holder roles the previous holder's role ends (handed over)
 * in the same transaction. A second accept (two tabs) finds the nomination answered: 409.
 */
export async function acceptNomination(
  uow: UnitOfWork,
  ctx: Ctx,
  id: string,
  input: { statement: string },
): Promise<RoleAssignment> {
  await requireNominee(uow, ctx, id, 'accept');
  requireWrite(ctx.actor, 'accept a nomination');
  return uow.transaction((repos) => applyAcceptance(repos, ctx, id, input));
}

/** Inside a transaction, for the nominee acting as `ctx.actor` (checked by the caller). */
export async function applyAcceptance(
  repos: Repositories,
  ctx: Ctx,
  id: string,
  input: { statement: string },
): Promise<RoleAssignment> {
  {
    const n = await loadNomination(repos, id);
    const now = ctx.env.now();
    requireOpen(n, now);
    await checkScopeTargets(repos, n.scope);
    const { statement, termEndsAt } = await statementFor(repos, n, now);
    if (input.statement.trim() !== statement) {
      throw invalid(
        'statement',
        'does not match the accountability statement for this role today; read it again and confirm it exactly as shown',
      );
    }
    const role: RoleAssignment = {
      id: ctx.env.newId() as RoleId,
      kind: n.kind,
      scope: n.scope,
      personId: n.nomineeId,
      nominationId: n.id,
      statement,
      acceptedAt: now,
      termMonths: n.termMonths,
      termEndsAt,
      endedAt: null,
      endReason: null,
      endNote: null,
    };
    // The conditional answer first: a concurrent accept waits here and then finds it answered.
    const answered = await repos.ownership.answerNomination(n.id, {
      status: 'accepted',
      answeredAt: now,
      declineReason: null,
      roleId: role.id,
    });
    if (!answered) throw conflict('nomination', 'this nomination was already answered');
    const key = holderKey(n.kind, n.scope, n.nomineeId);
    const label = scopeLabel(n.kind, await scopeNames(repos, n.scope));
    const previous = await repos.ownership.heldRole(key);
    if (previous) {
      const endNote = `handed over to ${ctx.actor.name}`;
      await repos.ownership.endRole(previous.id, {
        endedAt: now,
        endReason: 'handed_over',
        endNote,
      });
      await recordChange(repos.audit, ctx, {
        action: 'role.handed_over',
        entityType: 'role',
        entityId: previous.id,
        before: previous,
        after: { ...previous, endedAt: now, endReason: 'handed_over', endNote },
      });
      await notify(repos, ctx, {
        eventKey: `role:${previous.id}:handed_over`,
        recipientId: previous.personId,
        subject: `${ctx.actor.name} is now ${roleKindLabels[n.kind]} of ${label}`,
        body: `${ctx.actor.name} accepted the role of ${roleKindLabels[n.kind]} of ${label}; your role was handed over to them.`,
        link: '/my-commitments',
      });
    }
    await repos.ownership.insertRole(role, key);
    await recordChange(repos.audit, ctx, {
      action: 'nomination.accepted',
      entityType: 'nomination',
      entityId: n.id,
      before: n,
      after: { ...n, status: 'accepted', answeredAt: now, roleId: role.id, statement, role },
    });
    await notify(repos, ctx, {
      eventKey: `nomination:${n.id}:accepted`,
      recipientId: n.nominatedById,
      subject: `${ctx.actor.name} accepted the role of ${roleKindLabels[n.kind]} of ${label}`,
      body: `${ctx.actor.name} accepted: "${statement}"`,
      link: '/my-commitments',
    });
    return role;
  }
}
