import { recordChange, type Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { sha256Hex } from './secrets.js';

export async function logout(uow: UnitOfWork, ctx: Ctx, sessionToken: string): Promise<void> {
  await uow.transaction(async (repos) => {
    await repos.sessions.delete(sha256Hex(sessionToken));
    await recordChange(repos.audit, ctx, {
      action: 'auth.logout',
      entityType: 'person',
      entityId: ctx.actor.personId,
    });
  });
}
