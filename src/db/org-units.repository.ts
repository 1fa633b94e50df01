import type { Kysely, Selectable } from 'kysely';
import type { Instant, OrgUnitId, PersonId } from '../core/ids.js';
import type { OrgUnit } from '../core/people.js';
import type {
  OrgUnitFields,
  OrgUnitFilter,
  OrgUnitsRepository,
  PageRequest,
} from '../app/ports.js';
import { containsPattern, keysetPage, likeInsensitive } from './pagination.js';
import type { Database, OrgUnitsTable } from './schema.js';
import { nameKey } from './teams.repository.js';

const toOrgUnit = (r: Selectable<OrgUnitsTable>): OrgUnit => ({
  id: r.id as OrgUnitId,
  name: r.name,
  description: r.description,
  headId: r.head_id as PersonId | null,
  active: Number(r.active) === 1,
  version: Number(r.version),
  createdAt: r.created_at as Instant,
  updatedAt: r.updated_at as Instant,
});

export function orgUnitsRepository(db: Kysely<Database>): OrgUnitsRepository {
  return {
    async get(id) {
      const row = await db
        .selectFrom('org_units')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toOrgUnit(row) : null;
    },
    async findByName(name) {
      const row = await db
        .selectFrom('org_units')
        .selectAll()
        .where('name_key', '=', nameKey(name))
        .executeTakeFirst();
      return row ? toOrgUnit(row) : null;
    },
    list(filter: OrgUnitFilter, page: PageRequest) {
      let q = db.selectFrom('org_units').selectAll();
      if (filter.q) {
        const p = containsPattern(filter.q);
        q = q.where((eb) =>
          eb.or([
            likeInsensitive('org_units.name', p),
            likeInsensitive('org_units.description', p),
          ]),
        );
      }
      if (filter.active !== undefined) q = q.where('org_units.active', '=', filter.active ? 1 : 0);
      return keysetPage(
        q,
        page,
        { name: 'org_units.name', createdAt: 'org_units.created_at' },
        'org_units.id',
        toOrgUnit,
      );
    },
    async insert(u) {
      await db
        .insertInto('org_units')
        .values({
          id: u.id,
          name: u.name,
          name_key: nameKey(u.name),
          description: u.description,
          head_id: u.headId,
          active: u.active ? 1 : 0,
          version: u.version,
          created_at: u.createdAt,
          updated_at: u.updatedAt,
        })
        .execute();
    },
    async update(id, f: OrgUnitFields, expectedVersion, at) {
      const result = await db
        .updateTable('org_units')
        .set({
          name: f.name,
          name_key: nameKey(f.name),
          description: f.description,
          head_id: f.headId,
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
