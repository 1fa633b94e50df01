import type { Kysely } from 'kysely';

/** The service portfolio: services, their customers, tags and dependencies. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('services')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('lifecycle', 'varchar(20)', (c) => c.notNull())
    .addColumn('live_at', 'varchar(30)')
    .addColumn('retired_at', 'varchar(30)')
    .addColumn('tier', 'integer', (c) => c.notNull())
    .addColumn('team_id', 'varchar(36)', (c) => c.references('teams.id'))
    .addColumn('value_statement', 'text')
    .addColumn('monthly_cost_minor', 'bigint')
    .addColumn('currency', 'varchar(3)')
    .addColumn('links_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('system', 'varchar(200)')
    .addColumn('domain', 'varchar(200)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('services_name_idx').on('services').columns(['name', 'id']).execute();
  await db.schema.createIndex('services_team_idx').on('services').column('team_id').execute();
  await db.schema
    .createIndex('services_kind_idx')
    .on('services')
    .columns(['kind', 'lifecycle'])
    .execute();
  await db.schema.createIndex('services_tier_idx').on('services').columns(['tier', 'id']).execute();

  await db.schema
    .createTable('service_org_units')
    .addColumn('service_id', 'varchar(36)', (c) => c.notNull().references('services.id'))
    .addColumn('org_unit_id', 'varchar(36)', (c) => c.notNull().references('org_units.id'))
    .addPrimaryKeyConstraint('service_org_units_pk', ['service_id', 'org_unit_id'])
    .execute();
  await db.schema
    .createIndex('service_org_units_unit_idx')
    .on('service_org_units')
    .columns(['org_unit_id', 'service_id'])
    .execute();

  await db.schema
    .createTable('service_tags')
    .addColumn('service_id', 'varchar(36)', (c) => c.notNull().references('services.id'))
    .addColumn('tag', 'varchar(50)', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_tags_pk', ['service_id', 'tag'])
    .execute();
  await db.schema
    .createIndex('service_tags_tag_idx')
    .on('service_tags')
    .columns(['tag', 'service_id'])
    .execute();

  await db.schema
    .createTable('service_dependencies')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('from_id', 'varchar(36)', (c) => c.notNull().references('services.id'))
    .addColumn('to_id', 'varchar(36)', (c) => c.notNull().references('services.id'))
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('service_dependencies_pair', ['from_id', 'to_id'])
    .execute();
  await db.schema
    .createIndex('service_dependencies_to_idx')
    .on('service_dependencies')
    .columns(['to_id', 'from_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['service_dependencies', 'service_tags', 'service_org_units', 'services']) {
    await db.schema.dropTable(t).execute();
  }
}
