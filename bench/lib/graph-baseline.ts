import type { ReachedService } from '../../src/app/ports.js';
import type { OrgUnitId, TeamId } from '../../src/core/ids.js';
import type { Lifecycle, ServiceId, ServiceKind, Tier } from '../../src/core/services.js';
import type { Db } from '../../src/db/database.js';

/**
 * The naive baseline for impact analysis: load the whole graph (services, org units, edges)
 * from the database and walk it breadth-first in memory. Also the reference for correctness.
 */
interface Graph {
  services: Map<string, ReachedService>;
  up: Map<string, string[]>;
  down: Map<string, string[]>;
}

const push = <V>(m: Map<string, V[]>, k: string, v: V) => {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
};

async function loadGraph(db: Db): Promise<Graph> {
  const [rows, edges, units] = await Promise.all([
    db.kysely
      .selectFrom('services')
      .select(['id', 'slug', 'name', 'kind', 'lifecycle', 'tier', 'team_id'])
      .execute(),
    db.kysely.selectFrom('service_dependencies').select(['from_id', 'to_id']).execute(),
    db.kysely.selectFrom('service_org_units').select(['service_id', 'org_unit_id']).execute(),
  ]);
  const unitsOf = new Map<string, OrgUnitId[]>();
  for (const u of units) push(unitsOf, u.service_id, u.org_unit_id as OrgUnitId);
  const services = new Map<string, ReachedService>();
  for (const r of rows)
    services.set(r.id, {
      id: r.id as ServiceId,
      slug: r.slug,
      name: r.name,
      kind: r.kind as ServiceKind,
      lifecycle: r.lifecycle as Lifecycle,
      tier: Number(r.tier) as Tier,
      teamId: r.team_id as TeamId | null,
      orgUnitIds: unitsOf.get(r.id) ?? [],
      depth: 0,
    });
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  for (const e of edges) {
    push(down, e.from_id, e.to_id);
    push(up, e.to_id, e.from_id);
  }
  return { services, up, down };
}

/** Every service reachable from `id`, each once at its shortest depth. */
function walk(graph: Graph, id: string, direction: 'up' | 'down'): ReachedService[] {
  const adjacency = direction === 'up' ? graph.up : graph.down;
  const seen = new Set<string>([id]);
  const out: ReachedService[] = [];
  let frontier = [id];
  for (let d = 1; frontier.length > 0; d++) {
    const next: string[] = [];
    for (const s of frontier)
      for (const t of adjacency.get(s) ?? [])
        if (!seen.has(t)) {
          seen.add(t);
          next.push(t);
          out.push({ ...graph.services.get(t)!, depth: d });
        }
    frontier = next;
  }
  return out;
}

export async function baselineImpact(db: Db, id: string) {
  const graph = await loadGraph(db);
  const dependents = walk(graph, id, 'up');
  const dependencies = walk(graph, id, 'down');
  return { dependents, dependencies };
}

/** Differences between two (id → depth) results, described; empty when they agree. */
export function compare(
  what: string,
  expected: ReachedService[],
  actual: ReachedService[],
): string[] {
  const want = new Map(expected.map((s) => [s.id as string, s.depth]));
  const got = new Map(actual.map((s) => [s.id as string, s.depth]));
  const problems: string[] = [];
  if (got.size !== actual.length) problems.push(`${what}: ${actual.length - got.size} duplicates`);
  const missing = [...want.keys()].filter((k) => !got.has(k));
  const extra = [...got.keys()].filter((k) => !want.has(k));
  const depth = [...want].filter(([k, d]) => got.has(k) && got.get(k) !== d);
  if (missing.length) problems.push(`${what}: ${missing.length} missing`);
  if (extra.length) problems.push(`${what}: ${extra.length} not expected`);
  if (depth.length) problems.push(`${what}: ${depth.length} at another depth`);
  return problems;
}
