import { z } from 'zod';
import { emailPreferences, outboxKinds, outboxStatuses } from '../core/notifications.js';
import { Boolish, Id, Instant, listQuery, page } from './common.js';

export const Notification = z
  .object({
    id: Id,
    eventKey: z.string(),
    recipientId: Id,
    subject: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    createdAt: Instant,
    readAt: Instant.nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

export const NotificationsQuery = listQuery(['createdAt'] as const).extend({
  unread: Boolish.describe('true: only unread notifications'),
});
export type NotificationsQuery = z.output<typeof NotificationsQuery>;
export const NotificationsPage = page(Notification);

export const UnreadCount = z.object({ unread: z.number().int() }).meta({ id: 'UnreadCount' });
export const ReadAllResult = z.object({ marked: z.number().int() });

export const EmailPreference = z.enum(emailPreferences, {
  message: 'must be immediate, digest or none',
});
export const NotificationPreferences = z
  .object({
    email: EmailPreference.describe(
      'immediate: one email per notification; digest: one daily email; none: in-app only',
    ),
  })
  .strict()
  .meta({ id: 'NotificationPreferences' });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const OutboxStatus = z.enum(outboxStatuses);
export const OutboxEntry = z
  .object({
    id: Id,
    dedupeKey: z.string(),
    kind: z.enum(outboxKinds),
    recipientId: Id.nullable(),
    to: z.string(),
    subject: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    status: OutboxStatus,
    attempts: z.number().int(),
    nextAttemptAt: Instant,
    claimedBy: z.string().nullable(),
    leaseUntil: Instant.nullable(),
    lastError: z.string().nullable(),
    messageId: z.string().nullable(),
    smtpResponse: z.string().nullable(),
    createdAt: Instant,
    updatedAt: Instant,
    sentAt: Instant.nullable(),
  })
  .meta({ id: 'OutboxEntry' });
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export const OutboxQuery = listQuery([
  'createdAt',
  'status',
  'attempts',
  'nextAttemptAt',
  'to',
  'subject',
] as const).extend({
  status: OutboxStatus.optional(),
  kind: z.enum(outboxKinds).optional(),
  recipientId: Id.optional(),
});
export type OutboxQuery = z.output<typeof OutboxQuery>;
export const OutboxPage = page(OutboxEntry);
