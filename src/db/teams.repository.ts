import type { Kysely, Selectable } from 'kysely';
import type { Instant, PersonId, TeamId } from '../core/ids.js';
import type { Team } from '../core/people.js';
import type { PageRequest, TeamFields, TeamFilter, TeamsRepository } from '../app/ports.js';
import { containsPattern, keysetPage, likeInsensitive } from './pagination.js';
import type { Database, TeamsTable } from './schema.js';

const toTeam = (r: Selectable<TeamsTable>, memberIds: PersonId[]): Team => ({
  id: r.id as TeamId,
  name: r.name,
  description: r.description,
  leadId: r.lead_id as PersonId | null,
  memberIds,
  active: Number(r.active) === 1,
  version: Number(r.version),
  createdAt: r.created_at as Instant,
  updatedAt: r.updated_at as Instant,
});

export const nameKey = (name: string) => name.trim().toLowerCase();

export function teamsRepository(db: Kysely<Database>): TeamsRepository {
  async function membersOf(teamIds: string[]): Promise<Map<string, PersonId[]>> {
    const map = new Map<string, PersonId[]>(teamIds.map((id) => [id, []]));
    if (teamIds.length === 0) return map;
    const rows = await db
      .selectFrom('team_members')
      .innerJoin('people', 'people.id', 'team_members.person_id')
      .select(['team_members.team_id', 'team_members.person_id'])
      .where('team_members.team_id', 'in', teamIds)
      .orderBy('people.name')
      .execute();
    for (const r of rows) map.get(r.team_id)?.push(r.person_id as PersonId);
    return map;
  }

  async function withMembers(rows: Selectable<TeamsTable>[]): Promise<Team[]> {
    const members = await membersOf(rows.map((r) => r.id));
    return rows.map((r) => toTeam(r, members.get(r.id) ?? []));
  }

  async function setMembers(teamId: string, memberIds: PersonId[]) {
    await db.deleteFrom('team_members').where('team_id', '=', teamId).execute();
    if (memberIds.length > 0) {
      await db
        .insertInto('team_members')
        .values([...new Set(memberIds)].map((person_id) => ({ team_id: teamId, person_id })))
        .execute();
    }
  }

  return {
    async get(id) {
      const row = await db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? (await withMembers([row]))[0]! : null;
    },
    async findByName(name) {
      const row = await db
        .selectFrom('teams')
        .selectAll()
        .where('name_key', '=', nameKey(name))
        .executeTakeFirst();
      return row ? (await withMembers([row]))[0]! : null;
    },
    async list(filter: TeamFilter, page: PageRequest) {
      let q = db.selectFrom('teams').selectAll();
      if (filter.q) {
        const p = containsPattern(filter.q);
        q = q.where((eb) =>
          eb.or([likeInsensitive('teams.name', p), likeInsensitive('teams.description', p)]),
        );
      }
      if (filter.memberId) {
        const memberId = filter.memberId;
        q = q.where('teams.id', 'in', (eb) =>
          eb
            .selectFrom('team_members')
            .select('team_members.team_id')
            .where('team_members.person_id', '=', memberId),
        );
      }
      if (filter.active !== undefined) q = q.where('teams.active', '=', filter.active ? 1 : 0);
      const result = await keysetPage(
        q,
        page,
        { name: 'teams.name', createdAt: 'teams.created_at' },
        'teams.id',
        (r) => r,
      );
      return { items: await withMembers(result.items), nextCursor: result.nextCursor };
    },
    async insert(t) {
      await db
        .insertInto('teams')
        .values({
          id: t.id,
          name: t.name,
          name_key: nameKey(t.name),
          description: t.description,
          lead_id: t.leadId,
          active: t.active ? 1 : 0,
          version: t.version,
          created_at: t.createdAt,
          updated_at: t.updatedAt,
        })
        .execute();
      await setMembers(t.id, t.memberIds);
    },
    async update(id, f: TeamFields, expectedVersion: number, at: Instant) {
      const result = await db
        .updateTable('teams')
        .set({
          name: f.name,
          name_key: nameKey(f.name),
          description: f.description,
          lead_id: f.leadId,
          active: f.active ? 1 : 0,
          version: expectedVersion + 1,
          updated_at: at,
        })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await setMembers(id, f.memberIds);
      return true;
    },
  };
}
