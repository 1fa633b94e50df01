import type { Kysely, Selectable } from 'kysely';
import type { Instant, OrgUnitId, PersonId } from '../core/ids.js';
import type { Person, Role, Seniority } from '../core/people.js';
import type { PageRequest, PeopleRepository, PersonFields, PersonFilter } from '../app/ports.js';
import { containsPattern, keysetPage, likeInsensitive } from './pagination.js';
import type { Database, PeopleTable } from './schema.js';

type Row = Selectable<PeopleTable> & { role: string | null };

const toPerson = (r: Row): Person => ({
  id: r.id as PersonId,
  name: r.name,
  email: r.email,
  title: r.title,
  seniority: r.seniority as Seniority,
  managerId: r.manager_id as PersonId | null,
  orgUnitId: r.org_unit_id as OrgUnitId | null,
  active: Number(r.active) === 1,
  role: (r.role as Role | null) ?? null,
  version: Number(r.version),
  createdAt: r.created_at as Instant,
  updatedAt: r.updated_at as Instant,
});

const sortColumns = {
  name: 'people.name',
  email: 'people.email',
  seniority: 'people.seniority',
  createdAt: 'people.created_at',
};

export function peopleRepository(db: Kysely<Database>): PeopleRepository {
  const base = () =>
    db
      .selectFrom('people')
      .leftJoin('accounts', 'accounts.person_id', 'people.id')
      .selectAll('people')
      .select('accounts.role');

  return {
    async get(id) {
      const row = await base().where('people.id', '=', id).executeTakeFirst();
      return row ? toPerson(row) : null;
    },
    async getMany(ids) {
      if (ids.length === 0) return [];
      const rows = await base().where('people.id', 'in', ids).execute();
      return rows.map(toPerson);
    },
    async findByEmail(email) {
      const row = await base().where('people.email', '=', email).executeTakeFirst();
      return row ? toPerson(row) : null;
    },
    async managerOf(id) {
      const row = await db
        .selectFrom('people')
        .select('manager_id')
        .where('id', '=', id)
        .executeTakeFirst();
      return (row?.manager_id ?? null) as PersonId | null;
    },
    list(filter: PersonFilter, page: PageRequest) {
      let q = base();
      if (filter.q) {
        const p = containsPattern(filter.q);
        q = q.where((eb) =>
          eb.or([
            likeInsensitive('people.name', p),
            likeInsensitive('people.email', p),
            likeInsensitive('people.title', p),
          ]),
        );
      }
      if (filter.teamId) {
        const teamId = filter.teamId;
        q = q.where('people.id', 'in', (eb) =>
          eb
            .selectFrom('team_members')
            .select('team_members.person_id')
            .where('team_members.team_id', '=', teamId),
        );
      }
      if (filter.orgUnitId) q = q.where('people.org_unit_id', '=', filter.orgUnitId);
      if (filter.seniority) q = q.where('people.seniority', '=', filter.seniority);
      if (filter.active !== undefined) q = q.where('people.active', '=', filter.active ? 1 : 0);
      return keysetPage(q, page, sortColumns, 'people.id', toPerson);
    },
    async insert(p) {
      await db
        .insertInto('people')
        .values({
          id: p.id,
          name: p.name,
          email: p.email,
          title: p.title,
          seniority: p.seniority,
          manager_id: p.managerId,
          org_unit_id: p.orgUnitId,
          active: p.active ? 1 : 0,
          version: p.version,
          created_at: p.createdAt,
          updated_at: p.updatedAt,
        })
        .execute();
    },
    async update(id, f: PersonFields, expectedVersion, at) {
      const result = await db
        .updateTable('people')
        .set({
          name: f.name,
          email: f.email,
          title: f.title,
          seniority: f.seniority,
          manager_id: f.managerId,
          org_unit_id: f.orgUnitId,
          active: f.active ? 1 : 0,
          version: expectedVersion + 1,
          updated_at: at,
        })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
