import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { NotificationId, OutboxId } from '../../core/notifications.js';
import { IdParams } from '../../contract/common.js';
import {
  Notification,
  NotificationPreferences,
  NotificationsPage,
  NotificationsQuery,
  OutboxEntry,
  OutboxPage,
  OutboxQuery,
  ReadAllResult,
  UnreadCount,
} from '../../contract/notifications.js';
import {
  countUnread,
  listMyNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '../../app/notifications/read-notifications.js';
import { getPreferences, setPreferences } from '../../app/notifications/preferences.js';
import { listOutbox, retryOutboxEmail } from '../../app/notifications/outbox.js';
import { ctxOf } from '../auth.js';
import { sendCsv } from '../csv.js';
import { errors } from '../resource-routes.js';
import type { RouteDeps } from './deps.js';

const tags = ['notifications'];
const outboxColumns: (keyof OutboxEntry)[] = [
  'id',
  'createdAt',
  'kind',
  'to',
  'subject',
  'status',
  'attempts',
  'nextAttemptAt',
  'lastError',
  'messageId',
  'smtpResponse',
  'sentAt',
  'dedupeKey',
];

/**
 * The caller's own notifications and email preference, and the email outbox for admins.
 * Personal lists are read fresh (not from the shared list cache): reading a notification is not
 * an audited change, so the data version does not move with it.
 */
export const notificationsRoutes =
  ({ uow, env }: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    app.get(
      '/notifications',
      {
        schema: {
          tags,
          summary: 'My notifications, newest first (unread=true for unread only)',
          querystring: NotificationsQuery,
          response: { 200: NotificationsPage, ...errors },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, env);
        const { format, ...query } = request.query;
        void reply.header('Cache-Control', 'private, no-store');
        if (format === 'csv')
          return sendCsv(
            reply,
            'notifications.csv',
            ['id', 'createdAt', 'subject', 'body', 'link', 'readAt', 'eventKey'],
            (cursor) => listMyNotifications(uow, ctx, { ...query, limit: 200, cursor }),
          );
        return listMyNotifications(uow, ctx, query);
      },
    );

    app.get(
      '/notifications/unread-count',
      {
        schema: {
          tags,
          summary: 'How many of my notifications are unread',
          response: { 200: UnreadCount, ...errors },
        },
      },
      (request, reply) => {
        void reply.header('Cache-Control', 'private, no-store');
        return countUnread(uow, ctxOf(request, env));
      },
    );

    app.post(
      '/notifications/:id/read',
      {
        schema: {
          tags,
          summary: 'Mark one of my notifications read',
          params: IdParams,
          response: { 200: Notification, ...errors },
        },
      },
      (request) =>
        markNotificationRead(uow, ctxOf(request, env), request.params.id as NotificationId),
    );

    app.post(
      '/notifications/read-all',
      {
        schema: {
          tags,
          summary: 'Mark all my notifications read',
          response: { 200: ReadAllResult, ...errors },
        },
      },
      (request) => markAllNotificationsRead(uow, ctxOf(request, env)),
    );

    app.get(
      '/notifications/preferences',
      {
        schema: {
          tags,
          summary: 'My email preference for notifications',
          response: { 200: NotificationPreferences, ...errors },
        },
      },
      (request) => getPreferences(uow, ctxOf(request, env)),
    );

    app.put(
      '/notifications/preferences',
      {
        schema: {
          tags,
          summary: 'Set my email preference: immediate, digest (daily) or none (in-app only)',
          body: NotificationPreferences,
          response: { 200: NotificationPreferences, ...errors },
        },
      },
      (request) => setPreferences(uow, ctxOf(request, env), request.body),
    );

    app.get(
      '/notifications/outbox',
      {
        schema: {
          tags,
          summary: 'Every email with its status, attempts and last error (admins)',
          querystring: OutboxQuery,
          response: { 200: OutboxPage, ...errors },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, env);
        const { format, ...query } = request.query;
        void reply.header('Cache-Control', 'private, no-store');
        if (format === 'csv')
          return sendCsv(reply, 'outbox.csv', outboxColumns, (cursor) =>
            listOutbox(uow, ctx, { ...query, limit: 200, cursor }),
          );
        return listOutbox(uow, ctx, query);
      },
    );

    app.post(
      '/notifications/outbox/:id/retry',
      {
        schema: {
          tags,
          summary: 'Queue a held or failed email again (admins)',
          params: IdParams,
          response: { 200: OutboxEntry, ...errors },
        },
      },
      (request) => retryOutboxEmail(uow, ctxOf(request, env), request.params.id as OutboxId),
    );
    done();
  };
