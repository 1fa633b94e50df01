import type { Kysely } from 'kysely';

/** The seeded practices (a copy, so this migration never changes with later code). */
const defaultPractices = [
  { key: 'incident_management', name: 'Incident management' },
  { key: 'problem_management', name: 'Problem management' },
  { key: 'change_enablement', name: 'Change enablement' },
  { key: 'service_level_management', name: 'Service level management' },
  { key: 'service_request_management', name: 'Service request management' },
  { key: 'availability_management', name: 'Availability management' },
  { key: 'capacity_management', name: 'Capacity and performance management' },
  { key: 'information_security_management', name: 'Information security management' },
  { key: 'continual_improvement', name: 'Continual improvement' },
  { key: 'configuration_management', name: 'Service configuration management' },
];

/**
 * Accepted ownership: practices (editable list, seeded), nominations, role assignments and
 * their append-only affirmations. `open_key` / `held_key` carry the kind + scope key while a
 * nomination is open / a role is held and are null afterwards: a unique index on them allows
 * one open nomination and one holder per kind and scope (per person for deputies).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('practices')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('key', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_key', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  await db
    .insertInto('practices' as never)
    .values(
      defaultPractices.map((p) => ({
        id: `practice-${p.key}`,
        key: p.key,
        name: p.name,
        name_key: p.name.toLowerCase(),
        active: 1,
        version: 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();

  await db.schema
    .createTable('nominations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('service_id', 'varchar(36)', (c) => c.references('services.id'))
    .addColumn('practice_id', 'varchar(64)', (c) => c.references('practices.id'))
    .addColumn('org_unit_id', 'varchar(36)', (c) => c.references('org_units.id'))
    .addColumn('team_id', 'varchar(36)', (c) => c.references('teams.id'))
    .addColumn('open_key', 'varchar(300)', (c) => c.unique())
    .addColumn('nominee_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('nominated_by_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('term_months', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('answered_at', 'varchar(30)')
    .addColumn('decline_reason', 'text')
    .addColumn('role_id', 'varchar(36)')
    .execute();
  await db.schema
    .createIndex('nominations_nominee_idx')
    .on('nominations')
    .columns(['nominee_id', 'status'])
    .execute();
  await db.schema
    .createIndex('nominations_service_idx')
    .on('nominations')
    .columns(['service_id', 'status'])
    .execute();
  await db.schema
    .createIndex('nominations_created_idx')
    .on('nominations')
    .columns(['created_at', 'id'])
    .execute();

  await db.schema
    .createTable('role_assignments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('service_id', 'varchar(36)', (c) => c.references('services.id'))
    .addColumn('practice_id', 'varchar(64)', (c) => c.references('practices.id'))
    .addColumn('org_unit_id', 'varchar(36)', (c) => c.references('org_units.id'))
    .addColumn('team_id', 'varchar(36)', (c) => c.references('teams.id'))
    .addColumn('held_key', 'varchar(300)', (c) => c.unique())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('nomination_id', 'varchar(36)', (c) => c.notNull().references('nominations.id'))
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('term_months', 'integer', (c) => c.notNull())
    .addColumn('term_ends_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('ended_at', 'varchar(30)')
    .addColumn('end_reason', 'varchar(20)')
    .addColumn('end_note', 'text')
    .execute();
  for (const [name, cols] of [
    ['role_assignments_person_idx', ['person_id', 'accepted_at']],
    ['role_assignments_service_idx', ['service_id', 'kind']],
    ['role_assignments_practice_idx', ['practice_id']],
    ['role_assignments_accepted_idx', ['accepted_at', 'id']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('role_assignments')
      .columns([...cols])
      .execute();
  }

  await db.schema
    .createTable('role_affirmations')
    .addColumn('role_id', 'varchar(36)', (c) => c.notNull().references('role_assignments.id'))
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('term_ends_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('role_affirmations_pk', ['role_id', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['role_affirmations', 'role_assignments', 'nominations', 'practices']) {
    await db.schema.dropTable(t).execute();
  }
}
