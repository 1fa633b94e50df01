import { requireRole } from '../../core/actor.js';
import type { Instant } from '../../core/ids.js';
import type { AuditQuery } from '../../contract/audit.js';
import { parseSort, type Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';

export function listAudit(uow: UnitOfWork, ctx: Ctx, query: Omit<AuditQuery, 'format'>) {
  requireRole(ctx.actor, 'member', 'read the audit log');
  const iso = (s: string | undefined) => (s ? (new Date(s).toISOString() as Instant) : undefined);
  return uow.read.audit.list(
    {
      actorId: query.actorId,
      entityType: query.entityType,
      entityId: query.entityId,
      action: query.action,
      from: iso(query.from),
      to: iso(query.to),
    },
    { limit: query.limit, cursor: query.cursor, sort: parseSort(query.sort ?? '-seq') },
  );
}
