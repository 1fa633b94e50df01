import { parseSort, type Ctx } from '../context.js';
import type { Page, TokenRecord, UnitOfWork } from '../ports.js';

export function listTokens(
  uow: UnitOfWork,
  ctx: Ctx,
  page: { limit: number; cursor?: string | undefined; sort?: string | undefined },
): Promise<Page<TokenRecord>> {
  return uow.read.tokens.listForPerson(ctx.actor.personId, {
    limit: page.limit,
    cursor: page.cursor,
    sort: parseSort(page.sort ?? '-createdAt'),
  });
}
