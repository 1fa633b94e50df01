/**
 * The content of an agreement version: exactly what the parties sign. It is stored as written
 * and hashed in a canonical form (keys sorted, no whitespace), so the same content always has
 * the same SHA-256, in the database, in every exported document and in `charter sla verify`.
 */
import { createHash } from 'node:crypto';
import type { Brand, OrgUnitId, PersonId, TeamId } from '../ids.js';
import type { ServiceId } from '../services.js';
import type { Priority } from '../tickets.js';
import type {
  CalendarId,
  ServiceLevelTerms,
  TargetDuration,
  TermKey,
  TicketMetric,
} from './terms.js';

export type RequirementId = Brand<string, 'RequirementId'>;
export type OptionId = Brand<string, 'OptionId'>;
export type AgreementId = Brand<string, 'AgreementId'>;
export type AgreementVersionId = Brand<string, 'AgreementVersionId'>;

export const reviewPeriods = ['month', 'quarter'] as const;
export type ReviewPeriod = (typeof reviewPeriods)[number];

/** A band of the agreement's compliance % in a review period: a reward, a penalty, or neither. */
export interface MoneyBand {
  /** The band applies when compliance % ≥ this (the highest band reached wins). */
  minCompliancePercent: number;
  kind: 'reward' | 'penalty' | 'none';
  /** Minor units of the agreement's currency (cents); 0 for kind none. */
  amountMinor: number;
}

export interface AgreementMoney {
  /** ISO 4217, e.g. EUR. */
  currency: string;
  /** What the service costs the customer each month at these levels (the chosen option's cost). */
  monthlyCostMinor: number;
  bands: MoneyBand[];
  /** Charged for each target missed in a review period. */
  costPerMissedTargetMinor: number;
}

/**
 * An operational level agreement: an internal target of a supporting team that underpins
 * targets of the agreement ("network restores within 2 business hours"), acknowledged by the
 * team's delivery lead for the service.
 */
export interface OlaTerm {
  /** Stable within the version, e.g. `ola-1`. */
  key: string;
  teamId: TeamId;
  teamName: string;
  /** The team's target, in words as the team reads it. */
  description: string;
  priority: Priority;
  metric: TicketMetric;
  duration: TargetDuration;
  calendarId: CalendarId;
  /** The agreement targets it underpins (keys of `terms`). */
  underpins: TermKey[];
}

export interface PartyRef {
  id: string;
  name: string;
}

export interface AgreementContent {
  /** Readable reference, e.g. SLA-0003. */
  code: string;
  title: string;
  service: PartyRef & { id: ServiceId; slug: string };
  customer: PartyRef & { id: OrgUnitId };
  /** Who signs: the accepted service owner and customer representative when it was drawn up. */
  serviceOwner: PartyRef & { id: PersonId };
  customerRepresentative: PartyRef & { id: PersonId };
  terms: ServiceLevelTerms;
  /** The service hours calendar as it is named when drawn up. */
  calendarName: string;
  olas: OlaTerm[];
  money: AgreementMoney;
  reviewPeriod: ReviewPeriod;
  /** Calendar dates (YYYY-MM-DD), UTC. */
  effectiveFrom: string;
  expiresOn: string;
  /** Free text: scope, exclusions, what the customer does. */
  notes: string;
}

/** JSON with object keys sorted at every level and no whitespace: the signed bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort())
      out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** `sha256:<hex>` of the canonical content. */
export function contentHash(content: AgreementContent): string {
  return `sha256:${createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex')}`;
}
