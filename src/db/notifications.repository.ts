import { sql, type Kysely, type Selectable } from 'kysely';
import type { Instant, PersonId } from '../core/ids.js';
import type {
  EmailPreference,
  Notification,
  NotificationId,
  OutboxEntry,
  OutboxId,
  OutboxKind,
  OutboxStatus,
} from '../core/notifications.js';
import type { NotificationsRepository } from '../app/ports.js';
import { containsPattern, keysetPage, likeInsensitive } from './pagination.js';
import type { Database, EmailOutboxTable, NotificationsTable } from './schema.js';

const toNotification = (r: Selectable<NotificationsTable>): Notification => ({
  id: r.id as NotificationId,
  eventKey: r.event_key,
  recipientId: r.recipient_id as PersonId,
  subject: r.subject,
  body: r.body,
  link: r.link,
  createdAt: r.created_at as Instant,
  readAt: r.read_at as Instant | null,
});

const toOutbox = (r: Selectable<EmailOutboxTable>): OutboxEntry => ({
  id: r.id as OutboxId,
  dedupeKey: r.dedupe_key,
  kind: r.kind as OutboxKind,
  recipientId: r.recipient_id as PersonId | null,
  to: r.to_address,
  subject: r.subject,
  body: r.body,
  link: r.link,
  status: r.status as OutboxStatus,
  attempts: Number(r.attempts),
  nextAttemptAt: r.next_attempt_at as Instant,
  claimedBy: r.claimed_by,
  leaseUntil: r.lease_until as Instant | null,
  lastError: r.last_error,
  messageId: r.message_id,
  smtpResponse: r.smtp_response,
  createdAt: r.created_at as Instant,
  updatedAt: r.updated_at as Instant,
  sentAt: r.sent_at as Instant | null,
});

const notificationSort = { createdAt: 'created_at' };
const outboxSort = {
  createdAt: 'created_at',
  status: 'status',
  attempts: 'attempts',
  nextAttemptAt: 'next_attempt_at',
  to: 'to_address',
  subject: 'subject',
};

/** Rows written by the statement: PostgreSQL gives bigint, SQLite a number. */
const affected = (r: { numUpdatedRows?: bigint; numInsertedOrUpdatedRows?: bigint | undefined }) =>
  Number(r.numUpdatedRows ?? r.numInsertedOrUpdatedRows ?? 0);

export function notificationsRepository(db: Kysely<Database>): NotificationsRepository {
  return {
    async insert(n) {
      const result = await db
        .insertInto('notifications')
        .values({
          id: n.id,
          event_key: n.eventKey,
          recipient_id: n.recipientId,
          subject: n.subject,
          body: n.body,
          link: n.link,
          created_at: n.createdAt,
          read_at: n.readAt,
          digest_key: null,
        })
        .onConflict((oc) => oc.columns(['event_key', 'recipient_id']).doNothing())
        .executeTakeFirst();
      return affected(result) === 1;
    },

    async get(id) {
      const row = await db
        .selectFrom('notifications')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toNotification(row) : null;
    },

    list(recipientId, filter, page) {
      let q = db.selectFrom('notifications').selectAll().where('recipient_id', '=', recipientId);
      if (filter.unread) q = q.where('read_at', 'is', null);
      if (filter.q) {
        const pattern = containsPattern(filter.q);
        q = q.where((eb) =>
          eb.or([likeInsensitive('subject', pattern), likeInsensitive('body', pattern)]),
        );
      }
      // Newest first unless asked otherwise.
      const sort = page.sort ?? { field: 'createdAt', desc: true };
      return keysetPage(q, { ...page, sort }, notificationSort, 'id', toNotification);
    },

    async unreadCount(recipientId) {
      const row = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('recipient_id', '=', recipientId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async markRead(id, recipientId, at) {
      const result = await db
        .updateTable('notifications')
        .set({ read_at: at })
        .where('id', '=', id)
        .where('recipient_id', '=', recipientId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return affected(result) === 1;
    },

    async markAllRead(recipientId, at) {
      const result = await db
        .updateTable('notifications')
        .set({ read_at: at })
        .where('recipient_id', '=', recipientId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return affected(result);
    },

    async undigested(recipientId, limit) {
      const rows = await db
        .selectFrom('notifications')
        .selectAll()
        .where('recipient_id', '=', recipientId)
        .where('read_at', 'is', null)
        .where('digest_key', 'is', null)
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toNotification);
    },

    async markDigested(ids, digestKey) {
      if (ids.length === 0) return;
      await db
        .updateTable('notifications')
        .set({ digest_key: digestKey })
        .where('id', 'in', ids)
        .execute();
    },

    async digestRecipients() {
      const rows = await db
        .selectFrom('notification_preferences as p')
        .select('p.person_id')
        .where('p.email', '=', 'digest')
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('notifications as n')
              .select(sql.lit(1).as('one'))
              .whereRef('n.recipient_id', '=', 'p.person_id')
              .where('n.read_at', 'is', null)
              .where('n.digest_key', 'is', null),
          ),
        )
        .orderBy('p.person_id')
        .execute();
      return rows.map((r) => r.person_id as PersonId);
    },

    async getPreference(personId) {
      const row = await db
        .selectFrom('notification_preferences')
        .select('email')
        .where('person_id', '=', personId)
        .executeTakeFirst();
      return (row?.email as EmailPreference | undefined) ?? null;
    },

    async setPreference(personId, email, at) {
      await db
        .insertInto('notification_preferences')
        .values({ person_id: personId, email, updated_at: at })
        .onConflict((oc) => oc.column('person_id').doUpdateSet({ email, updated_at: at }))
        .execute();
    },

    async insertOutbox(e) {
      const result = await db
        .insertInto('email_outbox')
        .values({
          id: e.id,
          dedupe_key: e.dedupeKey,
          kind: e.kind,
          recipient_id: e.recipientId,
          to_address: e.to,
          subject: e.subject,
          body: e.body,
          link: e.link,
          status: e.status,
          attempts: e.attempts,
          next_attempt_at: e.nextAttemptAt,
          claimed_by: e.claimedBy,
          lease_until: e.leaseUntil,
          last_error: e.lastError,
          message_id: e.messageId,
          smtp_response: e.smtpResponse,
          created_at: e.createdAt,
          updated_at: e.updatedAt,
          sent_at: e.sentAt,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .executeTakeFirst();
      return affected(result) === 1;
    },

    async getOutbox(id) {
      const row = await db
        .selectFrom('email_outbox')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toOutbox(row) : null;
    },

    listOutbox(filter, page) {
      let q = db.selectFrom('email_outbox').selectAll();
      if (filter.status) q = q.where('status', '=', filter.status);
      if (filter.kind) q = q.where('kind', '=', filter.kind);
      if (filter.recipientId) q = q.where('recipient_id', '=', filter.recipientId);
      if (filter.q) {
        const pattern = containsPattern(filter.q);
        q = q.where((eb) =>
          eb.or([likeInsensitive('to_address', pattern), likeInsensitive('subject', pattern)]),
        );
      }
      const sort = page.sort ?? { field: 'createdAt', desc: true };
      return keysetPage(q, { ...page, sort }, outboxSort, 'id', toOutbox);
    },

    async dueOutbox(now, limit) {
      const rows = await db
        .selectFrom('email_outbox')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
          ]),
        )
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id as OutboxId);
    },

    async claimOutbox(id, holder, now, leaseUntil) {
      const result = await db
        .updateTable('email_outbox')
        .set((eb) => ({
          status: 'sending',
          claimed_by: holder,
          lease_until: leaseUntil,
          attempts: eb('attempts', '+', 1),
          updated_at: now,
        }))
        .where('id', '=', id)
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
          ]),
        )
        .executeTakeFirst();
      return affected(result) === 1;
    },

    async finishOutbox(id, holder, outcome) {
      const common = {
        status: outcome.status,
        claimed_by: null,
        lease_until: null,
        updated_at: outcome.at,
        message_id: outcome.messageId,
      };
      const fields =
        outcome.status === 'sent'
          ? {
              ...common,
              sent_at: outcome.at,
              smtp_response: outcome.smtpResponse,
              last_error: null,
            }
          : outcome.status === 'pending'
            ? { ...common, last_error: outcome.error, next_attempt_at: outcome.nextAttemptAt }
            : { ...common, last_error: outcome.error };
      const result = await db
        .updateTable('email_outbox')
        .set(fields)
        .where('id', '=', id)
        .where('status', '=', 'sending')
        .where('claimed_by', '=', holder)
        .executeTakeFirst();
      return affected(result) === 1;
    },

    async holdPending(at, reason) {
      const result = await db
        .updateTable('email_outbox')
        .set({ status: 'held', last_error: reason, updated_at: at })
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return affected(result);
    },

    async requeueOutbox(id, at) {
      const result = await db
        .updateTable('email_outbox')
        .set({
          status: 'pending',
          attempts: 0,
          next_attempt_at: at,
          claimed_by: null,
          lease_until: null,
          updated_at: at,
        })
        .where('id', '=', id)
        .where('status', 'in', ['held', 'failed'])
        .executeTakeFirst();
      return affected(result) === 1;
    },
  };
}
