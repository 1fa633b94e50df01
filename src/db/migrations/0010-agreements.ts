import type { Kysely } from 'kysely';

/**
 * Service level management: requirements with their revisions and negotiation, costed options,
 * agreements with versions (content as signed, with its hash), signatures and OLA
 * acknowledgements. `pending_key`/`active_key` hold the agreement id while a version is pending
 * or active (unique: at most one of each per agreement, also under concurrent writes).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sl_requirements')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('service_id', 'varchar(36)', (c) => c.notNull().references('services.id'))
    .addColumn('org_unit_id', 'varchar(36)', (c) => c.notNull().references('org_units.id'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('sl_requirements_service_idx')
    .on('sl_requirements')
    .columns(['service_id', 'org_unit_id'])
    .execute();
  await db.schema
    .createIndex('sl_requirements_created_idx')
    .on('sl_requirements')
    .columns(['created_at', 'id'])
    .execute();

  await db.schema
    .createTable('sl_requirement_revisions')
    .addColumn('requirement_id', 'varchar(36)', (c) => c.notNull().references('sl_requirements.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('author_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('sl_requirement_revisions_pk', ['requirement_id', 'revision'])
    .execute();

  await db.schema
    .createTable('sl_negotiation_entries')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('requirement_id', 'varchar(36)', (c) => c.notNull().references('sl_requirements.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('terms_json', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sl_negotiation_entries_requirement_idx')
    .on('sl_negotiation_entries')
    .columns(['requirement_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('sl_options')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('requirement_id', 'varchar(36)', (c) => c.notNull().references('sl_requirements.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('label', 'varchar(200)', (c) => c.notNull())
    .addColumn('terms_json', 'text', (c) => c.notNull())
    .addColumn('currency', 'varchar(3)', (c) => c.notNull())
    .addColumn('monthly_cost_minor', 'bigint', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('sl_options_requirement_idx')
    .on('sl_options')
    .columns(['requirement_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('code', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('service_id', 'varchar(36)', (c) => c.notNull().references('services.id'))
    .addColumn('org_unit_id', 'varchar(36)', (c) => c.notNull().references('org_units.id'))
    .addColumn('requirement_id', 'varchar(36)', (c) => c.references('sl_requirements.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('agreements_service_customer_uq', ['service_id', 'org_unit_id'])
    .execute();

  await db.schema
    .createTable('agreement_versions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('agreement_id', 'varchar(36)', (c) => c.notNull().references('agreements.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('pending_key', 'varchar(36)', (c) => c.unique())
    .addColumn('active_key', 'varchar(36)', (c) => c.unique())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'varchar(80)', (c) => c.notNull())
    .addColumn('option_id', 'varchar(36)', (c) => c.references('sl_options.id'))
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('change_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('activated_at', 'varchar(30)')
    .addColumn('ended_at', 'varchar(30)')
    /** Denormalised from the content for period queries (YYYY-MM-DD). */
    .addColumn('effective_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('expires_on', 'varchar(10)', (c) => c.notNull())
    .addUniqueConstraint('agreement_versions_number_uq', ['agreement_id', 'number'])
    .execute();
  await db.schema
    .createIndex('agreement_versions_status_idx')
    .on('agreement_versions')
    .columns(['status', 'expires_on'])
    .execute();

  await db.schema
    .createTable('agreement_signatures')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('version_id', 'varchar(36)', (c) => c.notNull().references('agreement_versions.id'))
    .addColumn('party', 'varchar(40)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('role_id', 'varchar(36)', (c) => c.notNull().references('role_assignments.id'))
    .addColumn('content_hash', 'varchar(80)', (c) => c.notNull())
    .addColumn('signed_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('agreement_signatures_party_uq', ['version_id', 'party'])
    .execute();

  await db.schema
    .createTable('ola_acknowledgements')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('version_id', 'varchar(36)', (c) => c.notNull().references('agreement_versions.id'))
    .addColumn('ola_key', 'varchar(40)', (c) => c.notNull())
    .addColumn('team_id', 'varchar(36)', (c) => c.notNull().references('teams.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('role_id', 'varchar(36)', (c) => c.notNull().references('role_assignments.id'))
    .addColumn('content_hash', 'varchar(80)', (c) => c.notNull())
    .addColumn('acknowledged_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('ola_acknowledgements_key_uq', ['version_id', 'ola_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'ola_acknowledgements',
    'agreement_signatures',
    'agreement_versions',
    'agreements',
    'sl_options',
    'sl_negotiation_entries',
    'sl_requirement_revisions',
    'sl_requirements',
  ])
    await db.schema.dropTable(table).execute();
}
