import { requireWrite } from '../../core/actor.js';
import { conflict, forbidden } from '../../core/errors.js';
import { reaffirmedTermEnd, type RoleAssignment } from '../../core/ownership.js';
import { recordChange, type Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { loadRole } from './ownership-rules.js';

/**
 * The holder re-affirms a role not ended: a new affirmation whose term counts from the later
 * of now and the current term end (early re-affirmation loses no time; after a lapse the term
 * restarts now and the lapse stays in history).
 */
export async function reaffirmRole(uow: UnitOfWork, ctx: Ctx, id: string): Promise<RoleAssignment> {
  requireWrite(ctx.actor, 're-affirm a role');
  return uow.transaction(async (repos) => {
    const role = await loadRole(repos, id);
    if (role.personId !== ctx.actor.personId)
      throw forbidden('Only the holder can re-affirm a role; nobody re-affirms for someone else.');
    if (role.endedAt !== null)
      throw conflict(
        'role',
        `this role ended on ${role.endedAt.slice(0, 10)} (${role.endReason ?? 'ended'}); it cannot be re-affirmed, a new nomination is needed`,
      );
    const now = ctx.env.now();
    const termEndsAt = reaffirmedTermEnd(now, role.termEndsAt, role.termMonths);
    await repos.ownership.affirm({ roleId: role.id, at: now, termEndsAt });
    const after: RoleAssignment = { ...role, termEndsAt };
    await recordChange(repos.audit, ctx, {
      action: 'role.reaffirmed',
      entityType: 'role',
      entityId: role.id,
      before: role,
      after,
    });
    return after;
  });
}
