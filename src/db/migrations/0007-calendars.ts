import type { Kysely } from 'kysely';
import { builtInCalendarId } from '../../contract/calendars.js';

/** The built-in, read-only calendar that is always there: every day, all day, in UTC. */
const builtInCalendar = {
  id: builtInCalendarId,
  name: '24x7 (UTC)',
  timeZone: 'UTC',
  week: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
  ),
};

/**
 * Business calendars (weekly open ranges and holidays as JSON text, validated by the core
 * model) and service level targets per service (or default) × priority × metric × origin.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendars')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_key', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('week_json', 'text', (c) => c.notNull())
    .addColumn('holidays_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('built_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('calendars_name_idx')
    .on('calendars')
    .columns(['name', 'id'])
    .execute();

  const now = new Date().toISOString();
  await db
    .insertInto('calendars' as never)
    .values({
      id: builtInCalendar.id,
      name: builtInCalendar.name,
      name_key: builtInCalendar.name.toLowerCase(),
      description: 'Built in: open every day around the clock, no holidays. It cannot be changed.',
      time_zone: builtInCalendar.timeZone,
      week_json: JSON.stringify(builtInCalendar.week),
      holidays_json: '[]',
      built_in: 1,
      active: 1,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();

  await db.schema
    .createTable('service_level_targets')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('service_id', 'varchar(36)', (c) => c.references('services.id'))
    .addColumn('priority', 'varchar(2)', (c) => c.notNull())
    .addColumn('metric', 'varchar(20)', (c) => c.notNull())
    .addColumn('origin', 'varchar(30)', (c) => c.notNull())
    .addColumn('team_id', 'varchar(36)', (c) => c.references('teams.id'))
    /** service (or "*") | priority | metric | origin (with its team): unique, NULLs included. */
    .addColumn('scope_key', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('business_seconds', 'integer')
    .addColumn('working_days', 'integer')
    .addColumn('end_of_working_day', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('calendar_id', 'varchar(36)', (c) => c.notNull().references('calendars.id'))
    .addColumn('pause_statuses_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('escalations_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('service_level_targets_service_idx')
    .on('service_level_targets')
    .columns(['service_id', 'priority', 'metric'])
    .execute();
  await db.schema
    .createIndex('service_level_targets_calendar_idx')
    .on('service_level_targets')
    .column('calendar_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('service_level_targets').execute();
  await db.schema.dropTable('calendars').execute();
}
