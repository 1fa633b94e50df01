import { requireWrite } from '../../core/actor.js';
import { conflict, forbidden, invalid } from '../../core/errors.js';
import type { RoleAssignment } from '../../core/ownership.js';
import { recordChange, type Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { loadRole } from './ownership-rules.js';

/** The holder resigns a role, with a reason. */
export async function resignRole(
  uow: UnitOfWork,
  ctx: Ctx,
  id: string,
  input: { reason: string },
): Promise<RoleAssignment> {
  requireWrite(ctx.actor, 'resign a role');
  const reason = input.reason.trim();
  if (!reason) throw invalid('reason', 'say why you resign, so a successor can be found');
  return uow.transaction(async (repos) => {
    const role = await loadRole(repos, id);
    if (role.personId !== ctx.actor.personId)
      throw forbidden('Only the holder can resign a role; nobody resigns for someone else.');
    const now = ctx.env.now();
    const ended = await repos.ownership.endRole(role.id, {
      endedAt: now,
      endReason: 'resigned',
      endNote: reason,
    });
    if (!ended) throw conflict('role', 'this role has already ended; nothing was changed');
    const after: RoleAssignment = { ...role, endedAt: now, endReason: 'resigned', endNote: reason };
    await recordChange(repos.audit, ctx, {
      action: 'role.resigned',
      entityType: 'role',
      entityId: role.id,
      before: role,
      after,
    });
    return after;
  });
}
