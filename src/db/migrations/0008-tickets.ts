import type { Kysely } from 'kysely';

/**
 * Tickets (incidents and service requests) and their append-only history. The ticket row is the
 * current state, rewritten from the history in the same transaction as every new event.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ticket_counters')
    .addColumn('prefix', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('ticket_counters' as never)
    .values([
      { prefix: 'INC', value: 0 },
      { prefix: 'REQ', value: 0 },
    ])
    .execute();

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('number', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('service_id', 'varchar(36)', (c) => c.references('services.id'))
    .addColumn('priority', 'varchar(2)', (c) => c.notNull())
    .addColumn('impact', 'varchar(10)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('requester_id', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('team_id', 'varchar(36)', (c) => c.references('teams.id'))
    .addColumn('assignee_id', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('first_response_at', 'varchar(30)')
    .addColumn('resolved_at', 'varchar(30)')
    .addColumn('closed_at', 'varchar(30)')
    .addColumn('external_source', 'varchar(50)')
    .addColumn('external_id', 'varchar(200)')
    .addColumn('import_hash', 'varchar(64)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('tickets_external_ref', ['external_source', 'external_id'])
    .execute();
  for (const [name, columns] of [
    ['tickets_created_idx', ['created_at', 'id']],
    ['tickets_service_idx', ['service_id', 'created_at']],
    ['tickets_status_idx', ['status', 'created_at']],
    ['tickets_team_idx', ['team_id', 'created_at']],
    ['tickets_assignee_idx', ['assignee_id', 'created_at']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('tickets')
      .columns([...columns])
      .execute();
  }

  await db.schema
    .createTable('ticket_events')
    .addColumn('ticket_id', 'varchar(36)', (c) => c.notNull().references('tickets.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('team_id', 'varchar(36)', (c) => c.references('teams.id'))
    .addColumn('assignee_id', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('priority', 'varchar(2)', (c) => c.notNull())
    .addColumn('impact', 'varchar(10)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('ticket_events_pk', ['ticket_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['ticket_events', 'tickets', 'ticket_counters']) {
    await db.schema.dropTable(t).execute();
  }
}
