import type { Kysely } from 'kysely';

/**
 * Notifications (in-app), email preferences, the email outbox, scheduler leases and the
 * once-only action ledger. Unique keys make every effect happen once: one notification per
 * (event, recipient), one outbox row per dedupe key, one ledger row per action key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('event_key', 'varchar(300)', (c) => c.notNull())
    .addColumn('recipient_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('subject', 'varchar(300)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'varchar(2000)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(30)')
    /** The digest email (outbox dedupe key) that carried it, for digest readers. */
    .addColumn('digest_key', 'varchar(120)')
    .addUniqueConstraint('notifications_event_recipient', ['event_key', 'recipient_id'])
    .execute();
  await db.schema
    .createIndex('notifications_recipient_idx')
    .on('notifications')
    .columns(['recipient_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('notification_preferences')
    .addColumn('person_id', 'varchar(36)', (c) => c.primaryKey().references('people.id'))
    .addColumn('email', 'varchar(20)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('email_outbox')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('dedupe_key', 'varchar(400)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('recipient_id', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('to_address', 'varchar(254)', (c) => c.notNull())
    .addColumn('subject', 'varchar(300)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'varchar(2000)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('claimed_by', 'varchar(100)')
    .addColumn('lease_until', 'varchar(30)')
    .addColumn('last_error', 'text')
    .addColumn('message_id', 'varchar(300)')
    .addColumn('smtp_response', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(30)')
    .execute();
  await db.schema
    .createIndex('email_outbox_due_idx')
    .on('email_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('email_outbox_created_idx')
    .on('email_outbox')
    .columns(['created_at', 'id'])
    .execute();

  await db.schema
    .createTable('scheduler_leases')
    .addColumn('name', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('holder', 'varchar(100)')
    .addColumn('lease_until', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_run_at', 'varchar(30)')
    .execute();

  await db.schema
    .createTable('once_ledger')
    .addColumn('key', 'varchar(400)', (c) => c.primaryKey())
    .addColumn('claimed_at', 'varchar(30)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'once_ledger',
    'scheduler_leases',
    'email_outbox',
    'notification_preferences',
    'notifications',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
