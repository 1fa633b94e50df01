import type { Kysely } from 'kysely';
import { reachable } from '../core/graph.js';
import type { OrgUnitId, TeamId } from '../core/ids.js';
import type { Lifecycle, ServiceId, ServiceKind, Tier } from '../core/services.js';
import type { ReachedService, ServiceSummary } from '../app/ports.js';
import type { Database } from './schema.js';

/** Every change to services or dependencies bumps the graph version, in the same transaction. */
export async function bumpGraphVersion(db: Kysely<Database>): Promise<void> {
  await db
    .updateTable('graph_state')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

interface Graph {
  version: number;
  services: Map<string, ServiceSummary>;
  down: Map<string, string[]>;
  up: Map<string, string[]>;
}

const push = (map: Map<string, string[]>, key: string, value: string) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * The whole dependency graph in memory, rebuilt when the graph version moves: impact walks then
 * cost a breadth-first search over adjacency lists instead of a recursive query. Only for
 * committed reads; transactions walk the graph in SQL so they see their own changes.
 */
export class ServiceGraphIndex {
  private graph: Graph | null = null;
  private loading: Promise<Graph> | null = null;

  async reach(
    db: Kysely<Database>,
    id: ServiceId,
    direction: 'down' | 'up',
  ): Promise<ReachedService[]> {
    const graph = await this.current(db);
    const adjacency = direction === 'down' ? graph.down : graph.up;
    const reached = reachable<string>(id, (n) => adjacency.get(n) ?? []);
    const out: ReachedService[] = [];
    for (const r of reached) {
      const service = graph.services.get(r.id);
      if (service) out.push({ ...service, orgUnitIds: [...service.orgUnitIds], depth: r.depth });
    }
    return out.sort(
      (a, b) =>
        a.depth - b.depth || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1),
    );
  }

  private async current(db: Kysely<Database>): Promise<Graph> {
    // Read the version before the data: a graph loaded after a newer commit is only ever
    // labelled with an older version, so it is rebuilt again, never served stale.
    const row = await db
      .selectFrom('graph_state')
      .select('version')
      .where('id', '=', 1)
      .executeTakeFirst();
    const version = Number(row?.version ?? 0);
    if (this.graph?.version === version) return this.graph;
    if (!this.loading) {
      this.loading = load(db, version).finally(() => {
        this.loading = null;
      });
    }
    const loaded = await this.loading;
    if (!this.graph || loaded.version >= this.graph.version) this.graph = loaded;
    return loaded.version >= version ? loaded : this.current(db);
  }
}

async function load(db: Kysely<Database>, version: number): Promise<Graph> {
  const [services, units, edges] = await Promise.all([
    db
      .selectFrom('services')
      .select(['id', 'slug', 'name', 'kind', 'lifecycle', 'tier', 'team_id'])
      .execute(),
    db.selectFrom('service_org_units').select(['service_id', 'org_unit_id']).execute(),
    db.selectFrom('service_dependencies').select(['from_id', 'to_id']).execute(),
  ]);
  const unitsOf = new Map<string, string[]>();
  for (const u of units) push(unitsOf, u.service_id, u.org_unit_id);
  const graph: Graph = { version, services: new Map(), down: new Map(), up: new Map() };
  for (const s of services) {
    graph.services.set(s.id, {
      id: s.id as ServiceId,
      slug: s.slug,
      name: s.name,
      kind: s.kind as ServiceKind,
      lifecycle: s.lifecycle as Lifecycle,
      tier: Number(s.tier) as Tier,
      teamId: s.team_id as TeamId | null,
      orgUnitIds: (unitsOf.get(s.id) ?? []) as OrgUnitId[],
    });
  }
  for (const e of edges) {
    push(graph.down, e.from_id, e.to_id);
    push(graph.up, e.to_id, e.from_id);
  }
  return graph;
}
