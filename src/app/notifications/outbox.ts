import { requireAdmin, requireRole } from '../../core/actor.js';
import { DomainError, notFound } from '../../core/errors.js';
import type { PersonId } from '../../core/ids.js';
import type { OutboxEntry, OutboxId } from '../../core/notifications.js';
import type { OutboxQuery } from '../../contract/notifications.js';
import { parseSort, recordChange, type Ctx } from '../context.js';
import type { Page, UnitOfWork } from '../ports.js';

/** Every email Charter sent, will send, holds or gave up on: admins only. */
export function listOutbox(
  uow: UnitOfWork,
  ctx: Ctx,
  query: Omit<OutboxQuery, 'format'>,
): Promise<Page<OutboxEntry>> {
  requireRole(ctx.actor, 'admin', 'see the email outbox');
  return uow.read.notifications.listOutbox(
    {
      q: query.q,
      status: query.status,
      kind: query.kind,
      recipientId: query.recipientId as PersonId | undefined,
    },
    { limit: query.limit, cursor: query.cursor, sort: parseSort(query.sort) },
  );
}

/** Queues a held or failed email again with fresh attempts (admins); audited. */
export async function retryOutboxEmail(
  uow: UnitOfWork,
  ctx: Ctx,
  id: OutboxId,
): Promise<OutboxEntry> {
  requireAdmin(ctx.actor, 'retry emails');
  return uow.transaction(async (repos) => {
    const before = await repos.notifications.getOutbox(id);
    if (!before) throw notFound('This email');
    const at = ctx.env.now();
    if (!(await repos.notifications.requeueOutbox(id, at))) {
      throw new DomainError(
        'conflict',
        `status: only held or failed emails can be retried; this one is ${before.status}.`,
        [{ path: 'status', message: `is ${before.status}, not held or failed` }],
      );
    }
    const after = (await repos.notifications.getOutbox(id))!;
    await recordChange(repos.audit, ctx, {
      action: 'email.retried',
      entityType: 'email',
      entityId: id,
      before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
      after: { status: after.status, attempts: after.attempts },
    });
    return after;
  });
}
