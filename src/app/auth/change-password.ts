import { DomainError, invalid } from '../../core/errors.js';
import { recordChange, type Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { hashPassword, sha256Hex, verifyPassword } from './secrets.js';

/**
 * Changes the caller's own password (never someone else's) and signs out their other sessions.
 */
export async function changePassword(
  uow: UnitOfWork,
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string },
  currentSessionToken: string | null,
): Promise<void> {
  if (ctx.actor.via !== 'session')
    throw new DomainError(
      'forbidden',
      'Change your password from a signed-in session, not with an API token.',
    );
  const account = await uow.read.accounts.get(ctx.actor.personId);
  if (!(await verifyPassword(account?.passwordHash ?? null, input.currentPassword))) {
    throw invalid('currentPassword', 'is not your current password');
  }
  if (input.newPassword === input.currentPassword)
    throw invalid('newPassword', 'must differ from the current password');
  const passwordHash = await hashPassword(input.newPassword);
  await uow.transaction(async (repos) => {
    await repos.accounts.setPassword(ctx.actor.personId, passwordHash, ctx.env.now());
    await repos.sessions.deleteForPerson(
      ctx.actor.personId,
      currentSessionToken ? sha256Hex(currentSessionToken) : undefined,
    );
    await recordChange(repos.audit, ctx, {
      action: 'account.password_changed',
      entityType: 'person',
      entityId: ctx.actor.personId,
    });
  });
}
