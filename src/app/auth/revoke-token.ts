import { forbidden, notFound } from '../../core/errors.js';
import type { TokenId } from '../../core/ids.js';
import { recordChange, type Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';

export async function revokeToken(uow: UnitOfWork, ctx: Ctx, id: TokenId): Promise<void> {
  // Anyone may revoke their own tokens, viewers included; a read-only token may not.
  if (ctx.actor.via === 'token' && ctx.actor.scope !== 'write')
    throw forbidden('This token is read-only; it cannot revoke tokens.');
  await uow.transaction(async (repos) => {
    const token = await repos.tokens.get(id);
    // Someone else's token is reported as missing: its existence is not the caller's business.
    if (!token || (token.personId !== ctx.actor.personId && ctx.actor.role !== 'admin'))
      throw notFound('API token');
    if (token.revokedAt) return;
    await repos.tokens.revoke(id, ctx.env.now());
    await recordChange(repos.audit, ctx, {
      action: 'token.revoked',
      entityType: 'api_token',
      entityId: id,
      before: token,
    });
  });
}
