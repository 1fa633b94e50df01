import type { Kysely } from 'kysely';

/**
 * Commitments: who promised what to whom, by when, on whose behalf, and whether the delivering
 * party accepted it. `source_type`/`source_id` link commitments made for records of other areas
 * (SLA targets, OLAs, improvement actions, reviews).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('commitments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('maker_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('to_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('to_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('deliverer_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('deliverer_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('due_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('service_id', 'varchar(36)', (c) => c.references('services.id'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('accepted_at', 'varchar(30)')
    .addColumn('accepted_by', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('rejected_at', 'varchar(30)')
    .addColumn('rejected_by', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('rejection_reason', 'text')
    .addColumn('done_at', 'varchar(30)')
    .addColumn('withdrawn_at', 'varchar(30)')
    .addColumn('source_type', 'varchar(40)')
    .addColumn('source_id', 'varchar(36)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  const index = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('commitments').columns(columns).execute();
  await index('commitments_maker_idx', ['maker_id', 'created_at']);
  await index('commitments_deliverer_idx', ['deliverer_id', 'status']);
  await index('commitments_to_idx', ['to_id']);
  await index('commitments_service_idx', ['service_id']);
  await index('commitments_due_idx', ['due_at', 'id']);
  await index('commitments_created_idx', ['created_at', 'id']);
  await index('commitments_source_idx', ['source_type', 'source_id']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('commitments').execute();
}
