import { DomainError, notFound } from '../core/errors.js';
import type { Instant } from '../core/ids.js';
import type { Ctx } from './context.js';

/** The bookkeeping fields every new versioned record starts with. */
export function newRecord(ctx: Ctx): {
  active: true;
  version: 1;
  createdAt: Instant;
  updatedAt: Instant;
} {
  const now = ctx.env.now();
  return { active: true, version: 1, createdAt: now, updatedAt: now };
}

export const staleWrite = (what: string) =>
  new DomainError(
    'precondition_failed',
    `${what} was changed by someone else since you loaded it; reload it and apply your change again.`,
  );

/** The current record for an update at `expectedVersion`: missing is 404, newer is 412. */
export function current<T extends { version: number }>(
  record: T | null,
  expectedVersion: number,
  noun: string,
): T {
  if (!record) throw notFound(noun);
  if (record.version !== expectedVersion) throw staleWrite(`This ${noun.toLowerCase()}`);
  return record;
}
