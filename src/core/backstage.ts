/**
 * Backstage catalogue entities (catalog-info.yaml) mapped to a Charter portfolio. Pure.
 * The mapping, documented in docs/portfolio-yaml.md:
 * - Group → team (matched by name: profile.displayName, else metadata.name);
 * - Component → technical service (type library → component); Resource → component;
 *   API → technical service; a System is the `system` grouping of its members and becomes a
 *   business service only when spec.type is business-service, business or product (it then
 *   uses its members); Domain is the `domain` grouping; User is skipped (people are managed
 *   in Charter). The annotation `charter.dev/kind` overrides the service kind.
 * - lifecycle experimental → pipeline, production → live, deprecated → live + tag deprecated.
 * - dependsOn / dependencyOf → uses (runs_on when the target is a Resource); consumesApis →
 *   uses the API; providesApis → the API runs_on the component.
 */
import type { DependencySpec, PortfolioItem, ServiceSpec } from './portfolio.js';
import { serviceKinds, slugify, type Lifecycle, type ServiceKind } from './services.js';

export interface EntityRef {
  kind: string;
  namespace: string;
  name: string;
}

/** `[kind:][namespace/]name`, lower-cased, with the given default kind. */
export function parseEntityRef(ref: string, defaultKind: string): EntityRef {
  const colon = ref.indexOf(':');
  const kind = colon > 0 ? ref.slice(0, colon) : defaultKind;
  const rest = colon > 0 ? ref.slice(colon + 1) : ref;
  const slash = rest.indexOf('/');
  return {
    kind: kind.toLowerCase(),
    namespace: (slash >= 0 ? rest.slice(0, slash) : 'default').toLowerCase(),
    name: (slash >= 0 ? rest.slice(slash + 1) : rest).toLowerCase(),
  };
}

export const formatRef = (r: EntityRef) => `${r.kind}:${r.namespace}/${r.name}`;

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

interface Entity {
  line: number;
  ref: EntityRef;
  refText: string;
  metadata: Record<string, unknown>;
  spec: Record<string, unknown>;
}

const serviceKindsOf = new Set(['component', 'resource', 'api']);
const businessTypes = new Set(['business-service', 'business_service', 'business', 'product']);
const knownKinds = ['Domain', 'System', 'Component', 'Resource', 'API', 'Group', 'User'];

const lifecycleOf = (v: string | undefined): { lifecycle?: Lifecycle; deprecated: boolean } =>
  v === 'production'
    ? { lifecycle: 'live', deprecated: false }
    : v === 'deprecated'
      ? { lifecycle: 'live', deprecated: true }
      : v === 'experimental'
        ? { lifecycle: 'pipeline', deprecated: false }
        : { deprecated: false };

const isBusinessSystem = (e: Entity) =>
  e.ref.kind === 'system' && businessTypes.has(str(e.spec.type)?.toLowerCase() ?? '');

function kindOf(e: Entity): ServiceKind {
  const override = str(obj(e.metadata.annotations)['charter.dev/kind']);
  if (override && (serviceKinds as readonly string[]).includes(override))
    return override as ServiceKind;
  if (e.ref.kind === 'system') return 'business_service';
  if (e.ref.kind === 'resource') return 'component';
  if (e.ref.kind === 'component' && str(e.spec.type) === 'library') return 'component';
  return 'technical_service';
}

const tagOf = (t: string) =>
  t
    .toLowerCase()
    .replace(/[^a-z0-9:._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '');

/** Reads entity documents; `docs` are the parsed YAML values with their first line. */
export function mapBackstage(docs: { line: number; value: unknown }[]): PortfolioItem[] {
  const items: PortfolioItem[] = [];
  const entities: Entity[] = [];
  for (const { line, value } of docs) {
    const doc = obj(value);
    const kind = str(doc.kind);
    const metadata = obj(doc.metadata);
    const name = str(metadata.name);
    const origin = { line, ref: `${kind ?? '?'}:${name ?? '?'}` };
    if (!kind || !knownKinds.some((k) => k.toLowerCase() === kind.toLowerCase())) {
      items.push({
        kind: 'Invalid',
        origin,
        reason: `kind: unknown kind ${JSON.stringify(doc.kind ?? null)}; expected ${knownKinds.join(', ')}`,
      });
      continue;
    }
    if (!name) {
      items.push({ kind: 'Invalid', origin, reason: 'metadata.name: must be a non-empty string' });
      continue;
    }
    const namespace = str(metadata.namespace) ?? 'default';
    const ref = parseEntityRef(`${kind}:${namespace}/${name}`, kind);
    entities.push({ line, ref, refText: formatRef(ref), metadata, spec: obj(doc.spec) });
  }

  const byRef = new Map(entities.map((e) => [e.refText, e]));
  const teamName = (e: Entity) => str(obj(e.spec.profile).displayName) ?? str(e.metadata.name)!;
  const producesService = (e: Entity) => serviceKindsOf.has(e.ref.kind) || isBusinessSystem(e);
  const services = entities.filter(producesService);

  // Slugs: the entity name; other namespaces prefix it; clashes add the kind (not Components).
  const base = (e: Entity) =>
    slugify(e.ref.namespace === 'default' ? e.ref.name : `${e.ref.namespace}-${e.ref.name}`);
  const counts = new Map<string, number>();
  for (const e of services) counts.set(base(e), (counts.get(base(e)) ?? 0) + 1);
  const slugOf = (e: Entity) =>
    (counts.get(base(e)) ?? 0) > 1 && e.ref.kind !== 'component'
      ? `${base(e)}-${e.ref.kind}`
      : base(e);

  // Edges, keyed by the depending entity's reference.
  const edges = new Map<string, DependencySpec[]>();
  const addEdge = (from: string, to: EntityRef) =>
    edges.set(from, [
      ...(edges.get(from) ?? []),
      {
        target: { sourceRef: formatRef(to) },
        type: to.kind === 'resource' ? 'runs_on' : 'uses',
      },
    ]);
  for (const e of entities) {
    for (const r of strs(e.spec.dependsOn)) addEdge(e.refText, parseEntityRef(r, 'component'));
    for (const r of strs(e.spec.consumesApis)) addEdge(e.refText, parseEntityRef(r, 'api'));
    for (const r of strs(e.spec.dependencyOf))
      addEdge(formatRef(parseEntityRef(r, 'component')), e.ref);
    for (const r of strs(e.spec.providesApis)) {
      const api = formatRef(parseEntityRef(r, 'api'));
      edges.set(api, [
        ...(edges.get(api) ?? []),
        { target: { sourceRef: e.refText }, type: 'runs_on' },
      ]);
    }
    const system = str(e.spec.system);
    const owner = system ? byRef.get(formatRef(parseEntityRef(system, 'system'))) : undefined;
    if (owner && isBusinessSystem(owner) && producesService(e)) addEdge(owner.refText, e.ref);
  }

  for (const e of entities) {
    const origin = { line: e.line, ref: e.refText };
    if (e.ref.kind === 'group') {
      items.push({
        kind: 'Team',
        origin,
        spec: { name: teamName(e), description: str(e.metadata.description) },
      });
    } else if (e.ref.kind === 'user') {
      const email = str(obj(e.spec.profile).email);
      items.push({
        kind: 'Skipped',
        origin,
        note: `people are managed in Charter (import them with charter people import${email ? `, e.g. ${email}` : ''})`,
      });
    } else if (!producesService(e)) {
      const members = entities.filter((m) => {
        const s = str(e.ref.kind === 'domain' ? m.spec.domain : m.spec.system);
        return s !== undefined && formatRef(parseEntityRef(s, e.ref.kind)) === e.refText;
      }).length;
      items.push({
        kind: 'Skipped',
        origin,
        note: `grouping only: the ${e.ref.kind} of ${members} entities (give a System spec.type business-service to import it as a business service)`,
      });
    } else {
      items.push({ kind: 'Service', origin, spec: serviceSpec(e) });
    }
  }
  return items;

  function serviceSpec(e: Entity): ServiceSpec {
    const { lifecycle, deprecated } = lifecycleOf(str(e.spec.lifecycle));
    const tags = [...strs(e.metadata.tags).map(tagOf), ...(deprecated ? ['deprecated'] : [])];
    const systemRef = str(e.spec.system);
    const system = systemRef ? byRef.get(formatRef(parseEntityRef(systemRef, 'system'))) : null;
    const domainRef = e.ref.kind === 'system' ? str(e.spec.domain) : str(system?.spec.domain);
    const ownerText = str(e.spec.owner);
    const owner = ownerText ? parseEntityRef(ownerText, 'group') : null;
    const group = owner ? byRef.get(formatRef(owner)) : undefined;
    return {
      slug: slugOf(e),
      sourceRef: e.refText,
      name: str(e.metadata.title) ?? e.ref.name,
      kind: kindOf(e),
      description: str(e.metadata.description) ?? null,
      lifecycle,
      tags: [...new Set(tags.filter((t) => t !== ''))].sort(),
      links: (Array.isArray(e.metadata.links) ? e.metadata.links : []).map((l) => ({
        title: str(obj(l).title) ?? str(obj(l).url) ?? '',
        url: str(obj(l).url) ?? '',
      })),
      team: owner?.kind === 'group' ? (group ? teamName(group) : owner.name) : undefined,
      teamIfExists: owner?.kind === 'group' && !group,
      system:
        e.ref.kind === 'system'
          ? e.ref.name
          : systemRef
            ? parseEntityRef(systemRef, 'system').name
            : null,
      domain: domainRef ? parseEntityRef(domainRef, 'domain').name : null,
      dependsOn: edges.get(e.refText) ?? [],
    };
  }
}
