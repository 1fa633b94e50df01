import { defaultEmailPreference, type EmailPreference } from '../../core/notifications.js';
import { recordChange, type Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { requirePersonalWrite } from './read-notifications.js';

export async function getPreferences(
  uow: UnitOfWork,
  ctx: Ctx,
): Promise<{ email: EmailPreference }> {
  return {
    email:
      (await uow.read.notifications.getPreference(ctx.actor.personId)) ?? defaultEmailPreference,
  };
}

/** Sets the caller's own email preference (nobody sets anyone else's); audited. */
export async function setPreferences(
  uow: UnitOfWork,
  ctx: Ctx,
  input: { email: EmailPreference },
): Promise<{ email: EmailPreference }> {
  requirePersonalWrite(ctx.actor, 'change notification preferences');
  return uow.transaction(async (repos) => {
    const before =
      (await repos.notifications.getPreference(ctx.actor.personId)) ?? defaultEmailPreference;
    if (before === input.email) return { email: before };
    await repos.notifications.setPreference(ctx.actor.personId, input.email, ctx.env.now());
    await recordChange(repos.audit, ctx, {
      action: 'notification-preferences.changed',
      entityType: 'person',
      entityId: ctx.actor.personId,
      before: { email: before },
      after: { email: input.email },
    });
    return { email: input.email };
  });
}
