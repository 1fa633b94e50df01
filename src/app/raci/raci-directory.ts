import type { Instant, OrgUnitId, PersonId, TeamId } from '../../core/ids.js';
import type { RoleAssignment, RoleKind } from '../../core/ownership.js';
import type { Directory } from '../../core/raci.js';
import type { ServiceId } from '../../core/services.js';
import type { Page, PageRequest, Repositories } from '../ports.js';

/** Every page of a keyset-paginated list. */
export async function allPages<T>(fetch: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch({ limit: 200, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** Roles active at `at`, narrowed by kind or service. */
export const activeRoles = (
  repos: Repositories,
  at: Instant,
  filter: { kind?: RoleKind; serviceId?: ServiceId } = {},
): Promise<RoleAssignment[]> =>
  allPages((page) => repos.ownership.listRoles({ ...filter, activeAt: at }, page));

/** Names of the people, teams, organisation units and practices a RACI view mentions. */
export async function directoryFor(
  repos: Repositories,
  ids: { people: string[]; teams: string[]; orgUnits: string[] },
): Promise<Directory> {
  const teams = new Map<string, { name: string; leadId: string | null }>();
  for (const id of new Set(ids.teams)) {
    const t = await repos.teams.get(id as TeamId);
    if (t) teams.set(id, { name: t.name, leadId: t.leadId });
  }
  const orgUnits = new Map<string, { name: string; headId: string | null }>();
  for (const id of new Set(ids.orgUnits)) {
    const u = await repos.orgUnits.get(id as OrgUnitId);
    if (u) orgUnits.set(id, { name: u.name, headId: u.headId });
  }
  const personIds = new Set([
    ...ids.people,
    ...[...teams.values()].flatMap((t) => (t.leadId ? [t.leadId] : [])),
    ...[...orgUnits.values()].flatMap((u) => (u.headId ? [u.headId] : [])),
  ]);
  const people = new Map(
    (await repos.people.getMany([...personIds] as PersonId[])).map((p) => [
      p.id as string,
      { name: p.name, email: p.email },
    ]),
  );
  const practices = new Map(
    (await repos.ownership.listPractices({})).map((p) => [
      p.id as string,
      { key: p.key, name: p.name },
    ]),
  );
  return { people, teams, orgUnits, practices };
}
