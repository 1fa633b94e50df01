import { invalid, notFound } from '../../core/errors.js';
import type { CommitmentScope } from '../../core/commitment-index.js';
import type { UnitOfWork } from '../ports.js';
import type { GovernanceFacts } from './governance-facts.js';

/**
 * The facts are read once per data version: every change that matters (a nomination, an
 * acceptance, a service going live) moves the version, so cached facts are never stale. What
 * depends on the time of day (a term running out) is derived from the facts per request.
 */
const cache = new WeakMap<UnitOfWork, { version: number; facts: Promise<GovernanceFacts> }>();

export async function loadGovernanceFacts(uow: UnitOfWork): Promise<GovernanceFacts> {
  const version = await uow.dataVersion();
  const hit = cache.get(uow);
  if (hit && hit.version === version) return hit.facts;
  const facts = uow.read.governance.facts();
  cache.set(uow, { version, facts });
  facts.catch(() => cache.delete(uow));
  return facts;
}

export interface NamedScope {
  scope: CommitmentScope;
  /** What the scope is called: "Portfolio", the unit's or the service's name. */
  name: string;
  /** `portfolio`, `org_unit:<id>` or `service:<slug>`. */
  key: string;
}

/** Parses `portfolio`, `org_unit:<id>` or `service:<id or slug>` against the facts. */
export function parseScope(facts: GovernanceFacts, raw: string | undefined): NamedScope {
  const text = (raw ?? 'portfolio').trim();
  if (text === 'portfolio') return { scope: { kind: 'portfolio' }, name: 'Portfolio', key: text };
  const [kind, ...rest] = text.split(':');
  const ref = rest.join(':');
  if (kind === 'org_unit' && ref) {
    const name = facts.orgUnits.get(ref);
    if (name === undefined) throw notFound(`Organisation unit ${ref}`);
    return { scope: { kind: 'org_unit', id: ref }, name, key: text };
  }
  if (kind === 'service' && ref) {
    let id = facts.services.has(ref) ? ref : null;
    if (id === null)
      for (const [sid, s] of facts.services)
        if (s.slug === ref) {
          id = sid;
          break;
        }
    if (id === null) throw notFound(`Service ${ref}`);
    const label = facts.services.get(id)!;
    return { scope: { kind: 'service', id }, name: label.name, key: `service:${label.slug}` };
  }
  throw invalid('scope', 'must be portfolio, org_unit:<id> or service:<id or slug>');
}
