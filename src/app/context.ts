import type { Actor } from '../core/actor.js';
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
