import type { Kysely } from 'kysely';

/**
 * Where a service was imported from, e.g. `component:default/payments-api` for a Backstage
 * entity: re-imports match on it, so they update instead of duplicating.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('services').addColumn('source_ref', 'varchar(300)').execute();
  await db.schema
    .createIndex('services_source_ref_idx')
    .on('services')
    .column('source_ref')
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('services_source_ref_idx').execute();
  await db.schema.alterTable('services').dropColumn('source_ref').execute();
}
