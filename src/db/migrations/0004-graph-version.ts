import type { Kysely } from 'kysely';

/**
 * One row counting changes to services and dependencies, so an in-memory index of the
 * dependency graph knows when it is stale (on every instance sharing the database).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('graph_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('graph_state' as never)
    .values({ id: 1, version: 0 })
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('graph_state').execute();
}
