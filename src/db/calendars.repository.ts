import type { Kysely, Selectable } from 'kysely';
import type { Instant } from '../core/ids.js';
import type { CalendarId } from '../core/sla/targets.js';
import type { BusinessCalendar, Holiday } from '../core/calendar/calendar.js';
import type { CalendarFields, CalendarRecord } from '../app/calendars/calendar-record.js';
import type { CalendarFilter, CalendarsRepository, PageRequest } from '../app/ports.js';
import { containsPattern, keysetPage, likeInsensitive } from './pagination.js';
import type { CalendarsTable, Database } from './schema.js';

const toCalendar = (r: Selectable<CalendarsTable>): CalendarRecord => ({
  id: r.id as CalendarId,
  name: r.name,
  description: r.description,
  timeZone: r.time_zone,
  week: JSON.parse(r.week_json) as BusinessCalendar['week'],
  holidays: JSON.parse(r.holidays_json) as Holiday[],
  builtIn: Number(r.built_in) === 1,
  active: Number(r.active) === 1,
  version: Number(r.version),
  createdAt: r.created_at as Instant,
  updatedAt: r.updated_at as Instant,
});

const nameKey = (name: string) => name.trim().toLowerCase();

const columns = (f: CalendarFields) => ({
  name: f.name,
  name_key: nameKey(f.name),
  description: f.description,
  time_zone: f.timeZone,
  week_json: JSON.stringify(f.week),
  holidays_json: JSON.stringify(f.holidays),
  active: f.active ? 1 : 0,
});

const sortColumns = {
  name: 'calendars.name',
  timeZone: 'calendars.time_zone',
  createdAt: 'calendars.created_at',
  updatedAt: 'calendars.updated_at',
};

export function calendarsRepository(db: Kysely<Database>): CalendarsRepository {
  return {
    async get(id) {
      const row = await db
        .selectFrom('calendars')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toCalendar(row) : null;
    },
    async findByName(name) {
      const row = await db
        .selectFrom('calendars')
        .selectAll()
        .where('name_key', '=', nameKey(name))
        .executeTakeFirst();
      return row ? toCalendar(row) : null;
    },
    async getMany(ids) {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('calendars').selectAll().where('id', 'in', ids).execute();
      return rows.map(toCalendar);
    },
    async list(filter: CalendarFilter, page: PageRequest) {
      let q = db.selectFrom('calendars').selectAll();
      if (filter.q) {
        const p = containsPattern(filter.q);
        q = q.where((eb) =>
          eb.or([
            likeInsensitive('calendars.name', p),
            likeInsensitive('calendars.description', p),
            likeInsensitive('calendars.time_zone', p),
          ]),
        );
      }
      if (filter.active !== undefined) q = q.where('calendars.active', '=', filter.active ? 1 : 0);
      if (filter.timeZone) q = q.where('calendars.time_zone', '=', filter.timeZone);
      return keysetPage(q, page, sortColumns, 'calendars.id', toCalendar);
    },
    async insert(c) {
      await db
        .insertInto('calendars')
        .values({
          id: c.id,
          ...columns(c),
          built_in: c.builtIn ? 1 : 0,
          version: c.version,
          created_at: c.createdAt,
          updated_at: c.updatedAt,
        })
        .execute();
    },
    async update(id, f, expectedVersion, at) {
      const result = await db
        .updateTable('calendars')
        .set({ ...columns(f), version: expectedVersion + 1, updated_at: at })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .where('built_in', '=', 0)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
