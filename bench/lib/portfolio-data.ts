import { insertOrgUnits } from './people-data.js';
import { randomUUID } from 'node:crypto';
import type { UnitOfWork } from '../../src/app/ports.js';
import { progressBar } from '../../src/cli/progress.js';
import type { OrgUnitId, TeamId } from '../../src/core/ids.js';
import {
  slugify,
  type DependencyId,
  type DependencyType,
  type Lifecycle,
  type Service,
  type ServiceId,
  type ServiceKind,
  type Tier,
} from '../../src/core/services.js';
import { systemEnvironment } from '../../src/server/environment.js';
import { mulberry32 } from '../../test/random.js';

/**
 * A realistic layered service portfolio, generated deterministically (seeded PRNG) and written
 * through the repositories: business services on top, technical services below them,
 * components at the bottom, every dependency pointing from an upper layer to a lower one — a
 * DAG by construction, so the (slow) cycle-checking use case is not needed.
 */
export const SERVICES = 10_000;
export const EDGES = 30_000;
export const TEAMS = 16;
export const ORG_UNITS = 8;
const BATCH = 1_000;
const SEED = 20_240_601;

interface Layer {
  kind: ServiceKind;
  count: number;
  label: string;
  /** Named services at the start of the layer: the widely shared ones. */
  named: string[];
}

/** Nine layers: the longest path from a business service to the foundation is 8 edges. */
export const LAYERS: Layer[] = [
  { kind: 'business_service', count: 300, label: 'Business service', named: [] },
  { kind: 'technical_service', count: 600, label: 'Channel', named: ['Customer web portal'] },
  { kind: 'technical_service', count: 1_400, label: 'Domain service', named: [] },
  { kind: 'technical_service', count: 1_000, label: 'Shared API', named: ['Identity API'] },
  { kind: 'component', count: 3_500, label: 'Application component', named: [] },
  { kind: 'component', count: 2_300, label: 'Middleware instance', named: [] },
  {
    kind: 'component',
    count: 700,
    label: 'Data platform',
    named: ['PostgreSQL cluster', 'Kafka cluster', 'Redis cache', 'Object storage'],
  },
  {
    kind: 'component',
    count: 180,
    label: 'Platform',
    named: ['Kubernetes platform', 'VM platform', 'CI/CD platform'],
  },
  {
    kind: 'component',
    count: 20,
    label: 'Foundation',
    named: ['Datacenter network', 'DNS', 'Power and cooling'],
  },
];

/** The deep, widely shared component the impact benchmark looks at, and a second one. */
export const TARGET = 'Kubernetes platform';
export const SECOND_TARGET = 'PostgreSQL cluster';

const TAGS = [
  'pci',
  'gdpr',
  'customer-facing',
  'internal',
  'payments',
  'data',
  'platform',
  'legacy',
  'cloud-native',
  'batch',
];
const DOMAINS = ['retail', 'payments', 'logistics', 'identity', 'analytics', 'hr', 'finance'];
const WORDS = [
  'Orders',
  'Billing',
  'Checkout',
  'Catalogue',
  'Accounts',
  'Shipping',
  'Returns',
  'Loyalty',
  'Pricing',
  'Search',
  'Reporting',
  'Onboarding',
  'Claims',
  'Payroll',
  'Ledger',
  'Inventory',
];

export interface Portfolio {
  ids: ServiceId[];
  names: string[];
  layerOf: number[];
  teamIds: TeamId[];
  orgUnitIds: OrgUnitId[];
  byName: Map<string, ServiceId>;
  edges: [number, number][];
  /** A team and tag that together select a realistic subset. */
  sampleTeamId: TeamId;
  sampleTag: string;
  seconds: number;
}

/** The graph alone (indexes into the services), deterministic for a seed. */
export function generateGraph(): { layerOf: number[]; edges: [number, number][] } {
  const random = mulberry32(SEED);
  const layerOf: number[] = [];
  const starts: number[] = [];
  for (const [l, layer] of LAYERS.entries()) {
    starts.push(layerOf.length);
    for (let i = 0; i < layer.count; i++) layerOf.push(l);
  }
  if (layerOf.length !== SERVICES) throw new Error(`layers add up to ${layerOf.length}`);
  const last = LAYERS.length - 1;
  // Popular services sit at the start of each layer: index = count * u^2.5.
  const pick = (l: number) =>
    starts[l]! + Math.min(LAYERS[l]!.count - 1, Math.floor(LAYERS[l]!.count * random() ** 2.5));
  const seen = new Set<number>();
  const edges: [number, number][] = [];
  const add = (from: number, to: number) => {
    const key = from * SERVICES + to;
    if (from === to || seen.has(key)) return false;
    seen.add(key);
    edges.push([from, to]);
    return true;
  };
  const at = (l: number, name: string) => starts[l]! + LAYERS[l]!.named.indexOf(name);
  // The platform spine: data platforms run on Kubernetes, which needs the network and DNS.
  add(at(7, 'Kubernetes platform'), at(8, 'Datacenter network'));
  add(at(7, 'Kubernetes platform'), at(8, 'DNS'));
  add(at(7, 'VM platform'), at(8, 'Power and cooling'));
  for (const name of LAYERS[6]!.named) add(at(6, name), at(7, 'Kubernetes platform'));
  // Every service above the foundation depends on at least one service in the next layer, so
  // chains run the whole depth.
  for (let s = 0; s < starts[last]!; s++) {
    while (!add(s, pick(layerOf[s]! + 1)));
  }
  // The rest: mostly one layer down, sometimes skipping two or three.
  while (edges.length < EDGES) {
    const from = Math.floor(random() * starts[last]!);
    const l = layerOf[from]!;
    const u = random();
    const skip = u < 0.6 ? 1 : u < 0.85 ? 2 : u < 0.95 ? 3 : 4;
    add(from, pick(Math.min(last, l + skip)));
  }
  return { layerOf, edges };
}

/** 16 teams, 8 org units, 10,000 services and 30,000 dependencies, all through repositories. */
export async function seedPortfolio(uow: UnitOfWork): Promise<Portfolio> {
  const started = performance.now();
  const random = mulberry32(SEED + 1);
  const now = systemEnvironment.now();
  const { layerOf, edges } = generateGraph();

  const orgUnitIds: OrgUnitId[] = [];
  const teamIds: TeamId[] = [];
  await uow.transaction(async (repos) => {
    orgUnitIds.push(...(await insertOrgUnits(repos, ORG_UNITS, 'Customer unit', now)));
    for (let t = 0; t < TEAMS; t++) {
      const id = randomUUID() as TeamId;
      teamIds.push(id);
      await repos.teams.insert({
        id,
        name: `Delivery team ${t + 1}`,
        description: null,
        leadId: null,
        memberIds: [],
        active: true,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
    }
  });

  const ids: ServiceId[] = [];
  const names: string[] = [];
  const byName = new Map<string, ServiceId>();
  const perLayer = new Map<number, number>();
  const tierOf = (kind: ServiceKind): Tier => {
    const u = random();
    // Business services skew critical; components are mostly tier 2–3 in their own right.
    const cut = kind === 'business_service' ? [0.1, 0.35, 0.7] : [0.15, 0.45, 0.8];
    return u < cut[0]! ? 1 : u < cut[1]! ? 2 : u < cut[2]! ? 3 : 4;
  };
  const bar = progressBar('services', SERVICES);
  for (let start = 0; start < SERVICES; start += BATCH) {
    await uow.transaction(async (repos) => {
      for (let i = start; i < Math.min(SERVICES, start + BATCH); i++) {
        const l = layerOf[i]!;
        const layer = LAYERS[l]!;
        const n = perLayer.get(l) ?? 0;
        perLayer.set(l, n + 1);
        const named = layer.named[n];
        const name = named ?? `${WORDS[i % WORDS.length]} ${layer.label.toLowerCase()} ${n + 1}`;
        const id = randomUUID() as ServiceId;
        ids.push(id);
        names.push(name);
        if (named) byName.set(named, id);
        const u = random();
        const lifecycle: Lifecycle = named
          ? 'live'
          : u < 0.04
            ? 'pipeline'
            : u < 0.07
              ? 'retired'
              : 'live';
        const units =
          layer.kind === 'business_service'
            ? [
                ...new Set(
                  Array.from(
                    { length: 1 + Math.floor(random() * 3) },
                    () => orgUnitIds[Math.floor(random() * ORG_UNITS)]!,
                  ),
                ),
              ]
            : layer.kind === 'technical_service' && random() < 0.3
              ? [orgUnitIds[Math.floor(random() * ORG_UNITS)]!]
              : [];
        const tags = [
          ...new Set(
            Array.from(
              { length: Math.floor(random() * 4) },
              () => TAGS[Math.floor(random() * TAGS.length)]!,
            ),
          ),
        ];
        const service: Service = {
          id,
          slug: `${slugify(name)}${named ? '' : `-${i}`}`,
          name,
          kind: layer.kind,
          description: `${layer.label} in the benchmark portfolio`,
          lifecycle,
          liveAt: lifecycle === 'pipeline' ? null : now,
          retiredAt: lifecycle === 'retired' ? now : null,
          tier: named ? 1 : tierOf(layer.kind),
          // Platform layers belong to a few platform teams; the rest spread over all teams.
          teamId: l >= 6 ? teamIds[i % 3]! : teamIds[Math.floor(random() * TEAMS)]!,
          orgUnitIds: units,
          valueStatement: layer.kind === 'business_service' ? `Customers can use ${name}` : null,
          monthlyCost:
            random() < 0.5
              ? { amountMinor: Math.floor(random() * 5_000_000), currency: 'EUR' }
              : null,
          links: [],
          tags,
          system: `${WORDS[i % WORDS.length]!.toLowerCase()}-system`,
          domain: DOMAINS[i % DOMAINS.length]!,
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
        await repos.services.insert(service);
      }
    });
    bar.update(Math.min(SERVICES, start + BATCH));
  }
  bar.done(`${SERVICES.toLocaleString('en-US')} services in ${LAYERS.length} layers`);

  const deps = progressBar('dependencies', edges.length);
  for (let start = 0; start < edges.length; start += BATCH) {
    await uow.transaction(async (repos) => {
      for (const [from, to] of edges.slice(start, start + BATCH)) {
        const type: DependencyType =
          layerOf[to]! >= 6 ? 'runs_on' : (from + to) % 5 === 0 ? 'data_from' : 'uses';
        await repos.services.insertDependency({
          id: randomUUID() as DependencyId,
          fromId: ids[from]!,
          toId: ids[to]!,
          type,
          note: null,
          createdAt: now,
        });
      }
    });
    deps.update(Math.min(edges.length, start + BATCH));
  }
  deps.done(`${edges.length.toLocaleString('en-US')} dependencies, upper layers → lower layers`);

  return {
    ids,
    names,
    layerOf,
    teamIds,
    orgUnitIds,
    byName,
    edges,
    sampleTeamId: teamIds[5]!,
    sampleTag: 'customer-facing',
    seconds: (performance.now() - started) / 1000,
  };
}
