/**
 * `charter export`: the whole portfolio as Charter's portfolio YAML — organisation units,
 * teams, then services (retired ones included) with their dependencies. Sorted and without
 * ids or timestamps, so exporting, applying to an empty database and exporting again gives
 * the same text.
 */
import { stringify } from 'yaml';
import type { Service } from '../../core/services.js';
import { portfolioApiVersion } from '../../contract/portfolio.js';
import type { Ctx } from '../context.js';
import type { Page, PageRequest, UnitOfWork } from '../ports.js';

async function all<T>(list: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ limit: 200, cursor, sort: { field: 'name', desc: false } });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Drops null, undefined and empty lists, keeping key order. */
function compact(doc: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(doc).filter(
      ([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0),
    ),
  );
}

const byName = (a: { name: string }, b: { name: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

export async function exportPortfolio(uow: UnitOfWork, _ctx: Ctx): Promise<string> {
  const repos = uow.read;
  const [units, teams, services] = await Promise.all([
    all((p) => repos.orgUnits.list({}, p)),
    all((p) => repos.teams.list({}, p)),
    all((p) => repos.services.list({ includeRetired: true }, p)),
  ]);
  const unitName = new Map(units.map((u) => [u.id as string, u.name]));
  const teamName = new Map(teams.map((t) => [t.id as string, t.name]));
  const slugOf = new Map(services.map((s) => [s.id as string, s.slug]));
  const edges = await repos.services.edgesAmong(services.map((s) => s.id));
  const docs: Record<string, unknown>[] = [];
  for (const u of [...units].sort(byName))
    docs.push(
      compact({
        apiVersion: portfolioApiVersion,
        kind: 'OrgUnit',
        name: u.name,
        description: u.description,
      }),
    );
  for (const t of [...teams].sort(byName))
    docs.push(
      compact({
        apiVersion: portfolioApiVersion,
        kind: 'Team',
        name: t.name,
        description: t.description,
      }),
    );
  const sorted = [...services].sort((a, b) => (a.slug < b.slug ? -1 : 1));
  for (const s of sorted) docs.push(serviceDoc(s, teamName, unitName, edges, slugOf));
  return docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');
}

function serviceDoc(
  s: Service,
  teamName: Map<string, string>,
  unitName: Map<string, string>,
  edges: { fromId: string; toId: string; type: string; note: string | null }[],
  slugOf: Map<string, string>,
): Record<string, unknown> {
  const dependsOn = edges
    .filter((e) => e.fromId === s.id)
    .map((e) => compact({ service: slugOf.get(e.toId), type: e.type, note: e.note }))
    .sort((a, b) => (String(a.service) < String(b.service) ? -1 : 1));
  return compact({
    apiVersion: portfolioApiVersion,
    kind: 'Service',
    slug: s.slug,
    name: s.name,
    serviceKind: s.kind,
    lifecycle: s.lifecycle,
    tier: s.tier,
    team: s.teamId ? (teamName.get(s.teamId) ?? null) : null,
    customers: s.orgUnitIds.map((id) => unitName.get(id) ?? id).sort(),
    description: s.description,
    valueStatement: s.valueStatement,
    monthlyCost: s.monthlyCost,
    links: s.links,
    tags: s.tags,
    system: s.system,
    domain: s.domain,
    dependsOn,
  });
}
