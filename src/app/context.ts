import type { Actor } from '../core/actor.js';
import { invalid } from '../core/errors.js';
import type { AuditRepository, Environment } from './ports.js';

/** Who is acting, for which request, with which clock and id source. */
export interface Ctx {
  actor: Actor;
  requestId: string | null;
  env: Environment;
}

export interface Change {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Records a change in the audit chain, inside the caller's transaction. */
export async function recordChange(
  audit: AuditRepository,
  ctx: Ctx,
  change: Change,
): Promise<void> {
  await audit.append({
    at: ctx.env.now(),
    actorId: ctx.actor.personId,
    actorName: ctx.actor.name,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: change.before ?? null,
    after: change.after ?? null,
    requestId: ctx.requestId,
  });
}

/** Records `<entityType>.<action>` for one entity, inside the caller's transaction. */
export function recordEntityChange(
  audit: AuditRepository,
  ctx: Ctx,
  entityType: string,
  entityId: string,
  action: string,
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  return recordChange(audit, ctx, {
    action: `${entityType}.${action}`,
    entityType,
    entityId,
    ...change,
  });
}

/** Turns `sort=-name` into a sort request. */
export function parseSort(sort: string | undefined): { field: string; desc: boolean } | undefined {
  if (!sort) return undefined;
  return sort.startsWith('-') ? { field: sort.slice(1), desc: true } : { field: sort, desc: false };
}

/**
 * Sorts rows read in full by `key` (ties broken by `tie`, the whole order reversed when `desc`)
 * and returns the page at `cursor`, an offset into the sorted rows.
 */
export function sortAndPage<T>(
  rows: T[],
  order: { key: (row: T) => string | number; tie: (a: T, b: T) => number; desc: boolean },
  page: { cursor?: string | undefined; limit: number },
): { items: T[]; nextCursor: string | null } {
  const sorted = [...rows].sort((x, y) => {
    const a = order.key(x);
    const b = order.key(y);
    const c = a < b ? -1 : a > b ? 1 : order.tie(x, y);
    return order.desc ? -c : c;
  });
  const offset = page.cursor ? Number(page.cursor) : 0;
  if (!Number.isInteger(offset) || offset < 0)
    throw invalid('cursor', 'must be a cursor from the previous page');
  const next = offset + page.limit;
  return {
    items: sorted.slice(offset, next),
    nextCursor: next < sorted.length ? String(next) : null,
  };
}
