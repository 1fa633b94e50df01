import { sql, type Kysely, type Selectable } from 'kysely';
import type { Instant, OrgUnitId, TeamId } from '../core/ids.js';
import type {
  Dependency,
  DependencyId,
  DependencyType,
  Lifecycle,
  Service,
  ServiceId,
  ServiceKind,
  Tier,
} from '../core/services.js';
import type {
  PageRequest,
  ReachedService,
  ServiceFields,
  ServiceFilter,
  ServicesRepository,
  ServiceSummary,
} from '../app/ports.js';
import { containsPattern, keysetPage, likeInsensitive } from './pagination.js';
import type { Database, ServiceDependenciesTable, ServicesTable } from './schema.js';
import { bumpGraphVersion, type GraphChanges, type ServiceGraphIndex } from './service-graph.js';

const summaryOf = (s: ServiceFields & { id: ServiceId }): ServiceSummary => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  kind: s.kind,
  lifecycle: s.lifecycle,
  tier: s.tier,
  teamId: s.teamId,
  orgUnitIds: [...new Set(s.orgUnitIds)],
});

/** Impact walks stop here; real portfolios are a handful of layers deep. */
const maxDepth = 40;

const toDependency = (r: Selectable<ServiceDependenciesTable>): Dependency => ({
  id: r.id as DependencyId,
  fromId: r.from_id as ServiceId,
  toId: r.to_id as ServiceId,
  type: r.type as DependencyType,
  note: r.note,
  createdAt: r.created_at as Instant,
});

const sortColumns = {
  name: 'services.name',
  slug: 'services.slug',
  tier: 'services.tier',
  kind: 'services.kind',
  lifecycle: 'services.lifecycle',
  createdAt: 'services.created_at',
};

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * `graph` is given for committed reads only: impact walks then use the in-memory index.
 * Inside transactions walks run in SQL and see the transaction's own changes.
 */
export function servicesRepository(
  db: Kysely<Database>,
  graph?: ServiceGraphIndex,
  changes?: GraphChanges,
): ServicesRepository {
  /** Org units and tags of many services, in two queries. */
  async function withRelations(rows: Selectable<ServicesTable>[]): Promise<Service[]> {
    const ids = rows.map((r) => r.id);
    const units = new Map<string, OrgUnitId[]>();
    const tags = new Map<string, string[]>();
    for (const part of chunks(ids, 500)) {
      const [u, t] = await Promise.all([
        db
          .selectFrom('service_org_units')
          .select(['service_id', 'org_unit_id'])
          .where('service_id', 'in', part)
          .execute(),
        db
          .selectFrom('service_tags')
          .select(['service_id', 'tag'])
          .where('service_id', 'in', part)
          .orderBy('tag')
          .execute(),
      ]);
      for (const r of u)
        units.set(r.service_id, [...(units.get(r.service_id) ?? []), r.org_unit_id as OrgUnitId]);
      for (const r of t) tags.set(r.service_id, [...(tags.get(r.service_id) ?? []), r.tag]);
    }
    return rows.map((r) => ({
      id: r.id as ServiceId,
      slug: r.slug,
      name: r.name,
      kind: r.kind as ServiceKind,
      description: r.description,
      lifecycle: r.lifecycle as Lifecycle,
      liveAt: r.live_at as Instant | null,
      retiredAt: r.retired_at as Instant | null,
      tier: Number(r.tier) as Tier,
      teamId: r.team_id as TeamId | null,
      orgUnitIds: units.get(r.id) ?? [],
      valueStatement: r.value_statement,
      monthlyCost:
        r.monthly_cost_minor === null || r.currency === null
          ? null
          : { amountMinor: Number(r.monthly_cost_minor), currency: r.currency },
      links: JSON.parse(r.links_json) as Service['links'],
      tags: tags.get(r.id) ?? [],
      system: r.system,
      domain: r.domain,
      version: Number(r.version),
      createdAt: r.created_at as Instant,
      updatedAt: r.updated_at as Instant,
    }));
  }

  const columns = (f: ServiceFields) => ({
    slug: f.slug,
    name: f.name,
    kind: f.kind,
    description: f.description,
    lifecycle: f.lifecycle,
    live_at: f.liveAt,
    retired_at: f.retiredAt,
    tier: f.tier,
    team_id: f.teamId,
    value_statement: f.valueStatement,
    monthly_cost_minor: f.monthlyCost?.amountMinor ?? null,
    currency: f.monthlyCost?.currency ?? null,
    links_json: JSON.stringify(f.links),
    system: f.system,
    domain: f.domain,
  });

  async function setRelations(id: string, f: ServiceFields) {
    await db.deleteFrom('service_org_units').where('service_id', '=', id).execute();
    await db.deleteFrom('service_tags').where('service_id', '=', id).execute();
    const units = [...new Set(f.orgUnitIds)];
    const tags = [...new Set(f.tags)];
    if (units.length)
      await db
        .insertInto('service_org_units')
        .values(units.map((org_unit_id) => ({ service_id: id, org_unit_id })))
        .execute();
    if (tags.length)
      await db
        .insertInto('service_tags')
        .values(tags.map((tag) => ({ service_id: id, tag })))
        .execute();
  }

  return {
    async get(id) {
      const row = await db
        .selectFrom('services')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? (await withRelations([row]))[0]! : null;
    },
    async getBySlug(slug) {
      const row = await db
        .selectFrom('services')
        .selectAll()
        .where('slug', '=', slug)
        .executeTakeFirst();
      return row ? (await withRelations([row]))[0]! : null;
    },
    async getBySourceRef(sourceRef) {
      const row = await db
        .selectFrom('services')
        .selectAll()
        .where('source_ref', '=', sourceRef)
        .executeTakeFirst();
      return row ? (await withRelations([row]))[0]! : null;
    },
    async sourceRefOf(id) {
      const row = await db
        .selectFrom('services')
        .select('source_ref')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.source_ref ?? null;
    },
    async setSourceRef(id, sourceRef) {
      await db
        .updateTable('services')
        .set({ source_ref: sourceRef })
        .where('id', '=', id)
        .execute();
    },
    async list(filter: ServiceFilter, page: PageRequest) {
      let q = db.selectFrom('services').selectAll();
      if (filter.q) {
        const p = containsPattern(filter.q);
        q = q.where((eb) =>
          eb.or([
            likeInsensitive('services.name', p),
            likeInsensitive('services.slug', p),
            likeInsensitive('services.description', p),
          ]),
        );
      }
      if (filter.kind) q = q.where('services.kind', '=', filter.kind);
      if (filter.lifecycle) q = q.where('services.lifecycle', '=', filter.lifecycle);
      else if (!filter.includeRetired) q = q.where('services.lifecycle', '!=', 'retired');
      if (filter.tier) q = q.where('services.tier', '=', filter.tier);
      if (filter.teamId) q = q.where('services.team_id', '=', filter.teamId);
      if (filter.orgUnitId) {
        const unit = filter.orgUnitId;
        q = q.where('services.id', 'in', (eb) =>
          eb
            .selectFrom('service_org_units')
            .select('service_org_units.service_id')
            .where('service_org_units.org_unit_id', '=', unit),
        );
      }
      if (filter.tag) {
        const tag = filter.tag;
        q = q.where('services.id', 'in', (eb) =>
          eb
            .selectFrom('service_tags')
            .select('service_tags.service_id')
            .where('service_tags.tag', '=', tag),
        );
      }
      const result = await keysetPage(q, page, sortColumns, 'services.id', (r) => r);
      return { items: await withRelations(result.items), nextCursor: result.nextCursor };
    },
    async insert(s) {
      await bumpGraphVersion(db, changes);
      await db
        .insertInto('services')
        .values({
          id: s.id,
          ...columns(s),
          version: s.version,
          created_at: s.createdAt,
          updated_at: s.updatedAt,
        })
        .execute();
      await setRelations(s.id, s);
      changes?.ops.push({ op: 'service', service: summaryOf(s) });
    },
    async update(id, f, expectedVersion, at) {
      await bumpGraphVersion(db, changes);
      const result = await db
        .updateTable('services')
        .set({ ...columns(f), version: expectedVersion + 1, updated_at: at })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await setRelations(id, f);
      changes?.ops.push({ op: 'service', service: summaryOf({ ...f, id }) });
      return true;
    },
    async dependenciesOf(id) {
      const rows = await db
        .selectFrom('service_dependencies')
        .selectAll()
        .where((eb) => eb.or([eb('from_id', '=', id), eb('to_id', '=', id)]))
        .orderBy('created_at')
        .execute();
      const all = rows.map(toDependency);
      return {
        outgoing: all.filter((d) => d.fromId === id),
        incoming: all.filter((d) => d.toId === id),
      };
    },
    async getDependency(id) {
      const row = await db
        .selectFrom('service_dependencies')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toDependency(row) : null;
    },
    async findDependency(fromId, toId) {
      const row = await db
        .selectFrom('service_dependencies')
        .selectAll()
        .where('from_id', '=', fromId)
        .where('to_id', '=', toId)
        .executeTakeFirst();
      return row ? toDependency(row) : null;
    },
    async insertDependency(d) {
      await bumpGraphVersion(db, changes);
      await db
        .insertInto('service_dependencies')
        .values({
          id: d.id,
          from_id: d.fromId,
          to_id: d.toId,
          type: d.type,
          note: d.note,
          created_at: d.createdAt,
        })
        .execute();
      changes?.ops.push({ op: 'link', fromId: d.fromId, toId: d.toId });
    },
    async deleteDependency(id) {
      await bumpGraphVersion(db, changes);
      const gone = await db
        .deleteFrom('service_dependencies')
        .where('id', '=', id)
        .returning(['from_id', 'to_id'])
        .executeTakeFirst();
      if (gone) changes?.ops.push({ op: 'unlink', fromId: gone.from_id, toId: gone.to_id });
    },
    async reach(id, direction) {
      if (graph) return graph.reach(db, id, direction);
      // Breadth-first in SQL: (service, depth) pairs, the shortest depth of each, and the
      // service's customers joined in (one row per customer).
      const [near, far] = direction === 'down' ? ['from_id', 'to_id'] : ['to_id', 'from_id'];
      const rows = await sql<{
        id: string;
        slug: string;
        name: string;
        kind: string;
        lifecycle: string;
        tier: number;
        team_id: string | null;
        depth: number;
        org_unit_id: string | null;
      }>`
        with recursive reach(id, depth) as (
          select ${sql.ref(far)}, 1 from service_dependencies where ${sql.ref(near)} = ${id}
          union
          select d.${sql.ref(far)}, r.depth + 1
          from service_dependencies d join reach r on d.${sql.ref(near)} = r.id
          where r.depth < ${maxDepth}
        ),
        shortest(id, depth) as (select id, min(depth) from reach where id <> ${id} group by id)
        select s.id, s.slug, s.name, s.kind, s.lifecycle, s.tier, s.team_id, r.depth, u.org_unit_id
        from shortest r
        join services s on s.id = r.id
        left join service_org_units u on u.service_id = s.id
        order by r.depth, s.name, s.id`.execute(db);
      const byId = new Map<string, ReachedService>();
      for (const r of rows.rows) {
        let reached = byId.get(r.id);
        if (!reached) {
          reached = {
            id: r.id as ServiceId,
            slug: r.slug,
            name: r.name,
            kind: r.kind as ServiceKind,
            lifecycle: r.lifecycle as Lifecycle,
            tier: Number(r.tier) as Tier,
            teamId: r.team_id as TeamId | null,
            orgUnitIds: [],
            depth: Number(r.depth),
          };
          byId.set(r.id, reached);
        }
        if (r.org_unit_id) reached.orgUnitIds.push(r.org_unit_id as OrgUnitId);
      }
      return [...byId.values()];
    },
    async lockGraph() {
      // Writing the graph version row takes its row lock (PostgreSQL) until the transaction
      // ends; every other graph write takes the same lock when it bumps the version.
      await db
        .updateTable('graph_state')
        .set((eb) => ({ version: eb.ref('version') }))
        .where('id', '=', 1)
        .execute();
    },
    async edgesAmong(ids) {
      const set = new Set<string>(ids);
      const out: Dependency[] = [];
      for (const part of chunks(ids, 500)) {
        const rows = await db
          .selectFrom('service_dependencies')
          .selectAll()
          .where('from_id', 'in', part)
          .execute();
        for (const r of rows) if (set.has(r.to_id)) out.push(toDependency(r));
      }
      return out;
    },
  };
}
