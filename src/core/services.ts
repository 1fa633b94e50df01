import type { Instant, OrgUnitId, TeamId } from './ids.js';
import type { Brand } from './ids.js';

export type ServiceId = Brand<string, 'ServiceId'>;
export type DependencyId = Brand<string, 'DependencyId'>;

/** What a customer recognises, what holds it up, and the parts below. */
export const serviceKinds = ['business_service', 'technical_service', 'component'] as const;
export type ServiceKind = (typeof serviceKinds)[number];

export const lifecycles = ['pipeline', 'live', 'retired'] as const;
export type Lifecycle = (typeof lifecycles)[number];

/** Tier 1 is the most critical. */
export const tiers = [1, 2, 3, 4] as const;
export type Tier = (typeof tiers)[number];

export const dependencyTypes = ['runs_on', 'uses', 'data_from'] as const;
export type DependencyType = (typeof dependencyTypes)[number];

export interface Money {
  /** Minor units (cents) so sums are exact. */
  amountMinor: number;
  /** ISO 4217 code, e.g. EUR. */
  currency: string;
}

export interface ServiceLink {
  title: string;
  url: string;
}

export interface Service {
  id: ServiceId;
  slug: string;
  name: string;
  kind: ServiceKind;
  description: string | null;
  lifecycle: Lifecycle;
  /** When the service went live, and when it was retired. */
  liveAt: Instant | null;
  retiredAt: Instant | null;
  tier: Tier;
  teamId: TeamId | null;
  orgUnitIds: OrgUnitId[];
  valueStatement: string | null;
  monthlyCost: Money | null;
  links: ServiceLink[];
  tags: string[];
  /** Grouping carried over from catalogues such as Backstage (system, domain). */
  system: string | null;
  domain: string | null;
  version: number;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface Dependency {
  id: DependencyId;
  /** The service that depends... */
  fromId: ServiceId;
  /** ...on this one. */
  toId: ServiceId;
  type: DependencyType;
  note: string | null;
  createdAt: Instant;
}

/** Slugs: lower-case letters, digits and single hyphens, 2–80 characters. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

/**
 * Lifecycle moves forward only: pipeline → live → retired. Returns the reason a move is not
 * allowed, or null.
 */
export function lifecycleMoveProblem(from: Lifecycle, to: Lifecycle): string | null {
  if (from === to) return null;
  const order = lifecycles.indexOf(to) - lifecycles.indexOf(from);
  if (order < 0) return `a ${from} service cannot go back to ${to}`;
  return null;
}
