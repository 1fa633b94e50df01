import { forbidden, notFound } from '../../core/errors.js';
import type { Actor } from '../../core/actor.js';
import type { Notification, NotificationId } from '../../core/notifications.js';
import type { NotificationsQuery } from '../../contract/notifications.js';
import { parseSort, type Ctx } from '../context.js';
import type { Page, UnitOfWork } from '../ports.js';

/** Marking one's own notifications read is personal state: any signed-in session may, read-only tokens may not. */
export function requirePersonalWrite(actor: Actor, doing: string): void {
  if (actor.via === 'token' && actor.scope !== 'write')
    throw forbidden(`This token is read-only; use a write token to ${doing}.`);
}

/** The caller's own notifications, newest first. Nobody lists anyone else's. */
export function listMyNotifications(
  uow: UnitOfWork,
  ctx: Ctx,
  query: Omit<NotificationsQuery, 'format'>,
): Promise<Page<Notification>> {
  return uow.read.notifications.list(
    ctx.actor.personId,
    { unread: query.unread, q: query.q },
    { limit: query.limit, cursor: query.cursor, sort: parseSort(query.sort) },
  );
}

export async function countUnread(uow: UnitOfWork, ctx: Ctx): Promise<{ unread: number }> {
  return { unread: await uow.read.notifications.unreadCount(ctx.actor.personId) };
}

/** Marks one of the caller's notifications read; another person's is 404, as if it did not exist. */
export async function markNotificationRead(
  uow: UnitOfWork,
  ctx: Ctx,
  id: NotificationId,
): Promise<Notification> {
  requirePersonalWrite(ctx.actor, 'mark notifications read');
  return uow.transaction(async (repos) => {
    const found = await repos.notifications.get(id);
    if (!found || found.recipientId !== ctx.actor.personId) throw notFound('This notification');
    if (found.readAt) return found;
    const at = ctx.env.now();
    await repos.notifications.markRead(id, ctx.actor.personId, at);
    return { ...found, readAt: at };
  });
}

export async function markAllNotificationsRead(
  uow: UnitOfWork,
  ctx: Ctx,
): Promise<{ marked: number }> {
  requirePersonalWrite(ctx.actor, 'mark notifications read');
  const marked = await uow.transaction((repos) =>
    repos.notifications.markAllRead(ctx.actor.personId, ctx.env.now()),
  );
  return { marked };
}
