/**
 * A portfolio described as data (Charter's YAML, a Backstage catalogue, a CSV file): the
 * teams, organisation units and services it declares, each with where it came from, so a
 * writer can create, update or leave each one and report per item. Pure: no I/O.
 */
import type { DependencyType, Lifecycle, Money, ServiceKind, ServiceLink } from './services.js';

/** Where an item was declared: a line of the file (1-based) and a reference users recognise. */
export interface Origin {
  line: number;
  /** `Service/payments`, `component:default/payments-api`, `row 4`, ... */
  ref: string;
}

export interface TeamSpec {
  name: string;
  /** undefined: leave as it is (or none when new). */
  description?: string | null | undefined;
}

export interface OrgUnitSpec {
  name: string;
  description?: string | null | undefined;
}

/** A dependency target: a slug, or the source reference of an imported service. */
export type ServiceTarget = { slug: string } | { sourceRef: string };

export interface DependencySpec {
  target: ServiceTarget;
  type: DependencyType;
  note?: string | null | undefined;
}

/**
 * A service as declared. Fields left undefined are left as they are on update (and take the
 * usual default on create): importers set only what their source knows.
 */
export interface ServiceSpec {
  slug: string;
  /** Imported services are matched by it first (then by slug); never changes the slug. */
  sourceRef?: string | undefined;
  name: string;
  kind: ServiceKind;
  description?: string | null | undefined;
  lifecycle?: Lifecycle | undefined;
  tier?: number | undefined;
  /** Team name; null for no team. */
  team?: string | null | undefined;
  /** When the named team does not exist: leave the team as it is (with a note), not reject. */
  teamIfExists?: boolean | undefined;
  /** Team id (CSV exports carry ids); used when `team` is undefined. */
  teamId?: string | null | undefined;
  /** Organisation unit names (the customers). */
  customers?: string[] | undefined;
  customerIds?: string[] | undefined;
  valueStatement?: string | null | undefined;
  monthlyCost?: Money | null | undefined;
  links?: ServiceLink[] | undefined;
  tags?: string[] | undefined;
  system?: string | null | undefined;
  domain?: string | null | undefined;
  /** undefined: dependencies are not managed by this source. */
  dependsOn?: DependencySpec[] | undefined;
}

export type PortfolioItem =
  | { kind: 'Team'; origin: Origin; spec: TeamSpec }
  | { kind: 'OrgUnit'; origin: Origin; spec: OrgUnitSpec }
  | { kind: 'Service'; origin: Origin; spec: ServiceSpec }
  /** Understood but not imported (a Backstage User or Domain), with why. */
  | { kind: 'Skipped'; origin: Origin; note: string }
  /** Could not be read at all: the reason says why. */
  | { kind: 'Invalid'; origin: Origin; reason: string };

export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

/** A value as a short, stable string for diffs. */
export function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The fields of `wanted` (ignoring undefined) whose values differ from `current`. */
export function changedFields<T extends object>(current: T, wanted: Partial<T>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, to] of Object.entries<unknown>(wanted)) {
    if (to === undefined) continue;
    const from = (current as Record<string, unknown>)[field];
    if (JSON.stringify(from ?? null) !== JSON.stringify(to)) {
      out.push({ field, from: show(from), to: show(to) });
    }
  }
  return out;
}
