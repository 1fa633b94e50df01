import type { Kysely } from 'kysely';
import type { OrgUnitId, TeamId } from '../core/ids.js';
import type { Lifecycle, ServiceId, ServiceKind, Tier } from '../core/services.js';
import type { ReachedService, ServiceSummary } from '../app/ports.js';
import type { Database } from './schema.js';

/**
 * What one transaction changed in the graph, in order, and the versions it moved the graph
 * between. Applied to the in-memory index after commit, so the writing instance need not reload.
 */
export class GraphChanges {
  fromVersion: number | null = null;
  toVersion = 0;
  readonly ops: (
    | { op: 'service'; service: ServiceSummary }
    | { op: 'link' | 'unlink'; fromId: string; toId: string }
  )[] = [];
}

/** Every change to services or dependencies bumps the graph version, in the same transaction. */
export async function bumpGraphVersion(
  db: Kysely<Database>,
  changes?: GraphChanges,
): Promise<void> {
  const row = await db
    .updateTable('graph_state')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .returning('version')
    .executeTakeFirstOrThrow();
  if (!changes) return;
  const version = Number(row.version);
  changes.fromVersion ??= version - 1;
  changes.toVersion = version;
}

/** Services by position in name order; adjacency as lists of positions. */
interface Graph {
  version: number;
  services: ServiceSummary[];
  position: Map<string, number>;
  down: number[][];
  up: number[][];
}

/**
 * The whole dependency graph in memory, rebuilt when the graph version moves: an impact walk
 * is then a breadth-first search over arrays instead of a recursive query. Only for committed
 * reads; transactions walk the graph in SQL so they see their own changes.
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
    const start = graph.position.get(id);
    if (start === undefined) return [];
    const adjacency = direction === 'down' ? graph.down : graph.up;
    // Each service once, at its shortest depth.
    const depth = new Int32Array(graph.services.length).fill(-1);
    const queue = new Int32Array(graph.services.length);
    let head = 0;
    let tail = 0;
    let deepest = 0;
    depth[start] = 0;
    queue[tail++] = start;
    while (head < tail) {
      const at = queue[head++]!;
      const next = depth[at]! + 1;
      for (const to of adjacency[at]!) {
        if (depth[to] === -1) {
          depth[to] = next;
          deepest = next;
          queue[tail++] = to;
        }
      }
    }
    // Positions follow name order, so bucketing by depth keeps each level sorted by name.
    const levels: ReachedService[][] = Array.from({ length: deepest + 1 }, () => []);
    for (let i = 0; i < depth.length; i += 1) {
      const d = depth[i]!;
      if (d > 0) {
        const x = graph.services[i]!;
        levels[d]!.push({
          id: x.id,
          slug: x.slug,
          name: x.name,
          kind: x.kind,
          lifecycle: x.lifecycle,
          tier: x.tier,
          teamId: x.teamId,
          orgUnitIds: x.orgUnitIds,
          depth: d,
        });
      }
    }
    return levels.flat();
  }

  /**
   * After a commit: applies the transaction's changes when the index is exactly at the version
   * the transaction started from (the version row lock makes its changes the only ones between
   * the two versions). Otherwise the index is left to reload on its next use.
   */
  apply(changes: GraphChanges): void {
    const graph = this.graph;
    if (changes.fromVersion === null || !graph || graph.version !== changes.fromVersion) return;
    const services = new Map(graph.services.map((x) => [x.id as string, x]));
    const edges = new Set<string>();
    graph.down.forEach((targets, from) => {
      for (const to of targets) edges.add(`${graph.services[from]!.id} ${graph.services[to]!.id}`);
    });
    for (const change of changes.ops) {
      if (change.op === 'service') services.set(change.service.id, change.service);
      else if (change.op === 'link') edges.add(`${change.fromId} ${change.toId}`);
      else edges.delete(`${change.fromId} ${change.toId}`);
    }
    const pairs = [...edges].map((e) => e.split(' ') as [string, string]);
    this.graph = build(changes.toVersion, [...services.values()], pairs);
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
    this.loading ??= load(db, version).finally(() => {
      this.loading = null;
    });
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
  const unitsOf = new Map<string, OrgUnitId[]>();
  for (const u of units) {
    const list = unitsOf.get(u.service_id);
    if (list) list.push(u.org_unit_id as OrgUnitId);
    else unitsOf.set(u.service_id, [u.org_unit_id as OrgUnitId]);
  }
  const summaries = services.map((s): ServiceSummary => ({
    id: s.id as ServiceId,
    slug: s.slug,
    name: s.name,
    kind: s.kind as ServiceKind,
    lifecycle: s.lifecycle as Lifecycle,
    tier: Number(s.tier) as Tier,
    teamId: s.team_id as TeamId | null,
    orgUnitIds: unitsOf.get(s.id) ?? [],
  }));
  return build(
    version,
    summaries,
    edges.map((e) => [e.from_id, e.to_id]),
  );
}

/** Positions in name order and adjacency lists over them. */
function build(version: number, summaries: ServiceSummary[], edges: [string, string][]): Graph {
  const services = summaries.sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1,
  );
  const graph: Graph = {
    version,
    services,
    position: new Map(services.map((x, i) => [x.id, i])),
    down: services.map(() => []),
    up: services.map(() => []),
  };
  for (const [fromId, toId] of edges) {
    const from = graph.position.get(fromId);
    const to = graph.position.get(toId);
    if (from === undefined || to === undefined) continue;
    graph.down[from]!.push(to);
    graph.up[to]!.push(from);
  }
  return graph;
}
