import { forbidden } from '../../core/errors.js';
import type { Instant, PersonId, TokenId } from '../../core/ids.js';
import { recordChange, type Ctx } from '../context.js';
import type { Repositories, TokenRecord, UnitOfWork } from '../ports.js';
import { apiTokenPrefix, randomToken, sha256Hex } from './secrets.js';

export interface CreateTokenInput {
  name: string;
  scope: 'read' | 'write';
  expiresInDays: number | null;
}

/** Inside a transaction: issues a token to `personId`. The secret is returned once, never stored. */
export async function issueToken(
  repos: Repositories,
  ctx: Ctx,
  personId: PersonId,
  input: CreateTokenInput,
): Promise<{ token: string; info: TokenRecord }> {
  const token = `${apiTokenPrefix}${randomToken()}`;
  const now = ctx.env.now();
  const info: TokenRecord = {
    id: ctx.env.newId() as TokenId,
    personId,
    name: input.name,
    scope: input.scope,
    prefix: token.slice(0, apiTokenPrefix.length + 6),
    createdAt: now,
    expiresAt: input.expiresInDays
      ? (new Date(Date.parse(now) + input.expiresInDays * 86_400_000).toISOString() as Instant)
      : null,
    lastUsedAt: null,
    revokedAt: null,
  };
  await repos.tokens.insert(info, sha256Hex(token));
  await recordChange(repos.audit, ctx, {
    action: 'token.created',
    entityType: 'api_token',
    entityId: info.id,
    after: { ...info },
  });
  return { token, info };
}

/** Tokens are always the caller's own: nobody issues a token that acts as someone else. */
export async function createToken(uow: UnitOfWork, ctx: Ctx, input: CreateTokenInput) {
  if (ctx.actor.via === 'token')
    throw forbidden('Create API tokens from a signed-in session, not with another token.');
  if (input.scope === 'write' && ctx.actor.role === 'viewer')
    throw forbidden('Viewers can only have read tokens.');
  return uow.transaction((repos) => issueToken(repos, ctx, ctx.actor.personId, input));
}
