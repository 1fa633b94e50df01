/**
 * The stored facts of service level management: requirements (with their revisions and the
 * negotiation around them), costed options, agreements with their versions, signatures and
 * OLA acknowledgements. Plain data; the rules live beside it (requirements.ts, signing.ts …).
 */
import type { Brand, Instant, OrgUnitId, PersonId, TeamId } from '../ids.js';
import type { RoleId } from '../ownership.js';
import type { ServiceId } from '../services.js';
import type {
  AgreementContent,
  AgreementId,
  AgreementVersionId,
  OptionId,
  RequirementId,
} from './content.js';
import type { ServiceLevelTerms } from './terms.js';

export type NegotiationEntryId = Brand<string, 'NegotiationEntryId'>;
export type SignatureId = Brand<string, 'SignatureId'>;
export type AcknowledgementId = Brand<string, 'AcknowledgementId'>;

/** What the business loses when the service is down, behind what it asks for. */
export interface BusinessValue {
  currency: string;
  /** Revenue (or cost) lost per hour of outage, in minor units. */
  lossPerOutageHourMinor: number;
  /** In words: who is affected and how. */
  description: string;
}

/** open: being negotiated; agreed: an option was chosen; withdrawn by the customer. */
export const requirementStatuses = ['open', 'agreed', 'withdrawn'] as const;
export type RequirementStatus = (typeof requirementStatuses)[number];

export interface Requirement {
  id: RequirementId;
  serviceId: ServiceId;
  /** The customer: the organisation unit whose representative states the need. */
  orgUnitId: OrgUnitId;
  title: string;
  status: RequirementStatus;
  /** The current revision's number (1 on creation). */
  revision: number;
  createdById: PersonId;
  createdAt: Instant;
  updatedAt: Instant;
  version: number;
}

/** One revision of what the business asks for; a change is a new revision, never an edit. */
export interface RequirementRevision {
  requirementId: RequirementId;
  revision: number;
  terms: ServiceLevelTerms;
  businessValue: BusinessValue;
  justification: string;
  authorId: PersonId;
  /** Why it changed (e.g. "adopted the counter-proposal of 3 May"); empty for the first. */
  note: string;
  createdAt: Instant;
}

export const negotiationKinds = ['comment', 'counter_proposal'] as const;
export type NegotiationKind = (typeof negotiationKinds)[number];

/** A comment, or a counter-proposal (other terms) on a revision of a requirement. */
export interface NegotiationEntry {
  id: NegotiationEntryId;
  requirementId: RequirementId;
  revision: number;
  authorId: PersonId;
  kind: NegotiationKind;
  body: string;
  terms: ServiceLevelTerms | null;
  createdAt: Instant;
}

export const optionStatuses = ['proposed', 'chosen', 'withdrawn'] as const;
export type OptionStatus = (typeof optionStatuses)[number];

/** The service owner's answer: a full set of targets, what it costs and what it takes. */
export interface SlaOption {
  id: OptionId;
  requirementId: RequirementId;
  /** The requirement revision it answers. */
  revision: number;
  label: string;
  terms: ServiceLevelTerms;
  currency: string;
  monthlyCostMinor: number;
  /** What it takes to deliver (e.g. "24x7 on-call rota of 6 engineers"). */
  delivery: string;
  status: OptionStatus;
  createdById: PersonId;
  createdAt: Instant;
  updatedAt: Instant;
  version: number;
}

export interface Agreement {
  id: AgreementId;
  code: string;
  serviceId: ServiceId;
  orgUnitId: OrgUnitId;
  requirementId: RequirementId | null;
  createdAt: Instant;
}

/**
 * pending: awaiting signatures and acknowledgements; active: all present (at most one per
 * agreement); superseded: replaced by a later version (before or after it was active);
 * withdrawn: taken back before it became active. Expiry is derived from the content's dates.
 */
export const versionStatuses = ['pending', 'active', 'superseded', 'withdrawn'] as const;
export type VersionStatus = (typeof versionStatuses)[number];

export interface AgreementVersion {
  id: AgreementVersionId;
  agreementId: AgreementId;
  number: number;
  status: VersionStatus;
  content: AgreementContent;
  contentHash: string;
  optionId: OptionId | null;
  createdById: PersonId;
  /** Why this version was made (first draft, changed bands, renewal …). */
  changeNote: string;
  createdAt: Instant;
  activatedAt: Instant | null;
  endedAt: Instant | null;
}

export const signingParties = ['service_owner', 'customer_representative'] as const;
export type SigningParty = (typeof signingParties)[number];

export interface Signature {
  id: SignatureId;
  versionId: AgreementVersionId;
  party: SigningParty;
  personId: PersonId;
  /** The accepted role the signer held when signing. */
  roleId: RoleId;
  contentHash: string;
  signedAt: Instant;
}

export interface OlaAcknowledgement {
  id: AcknowledgementId;
  versionId: AgreementVersionId;
  olaKey: string;
  teamId: TeamId;
  personId: PersonId;
  /** The delivery-lead role (team × service) the person held. */
  roleId: RoleId;
  contentHash: string;
  acknowledgedAt: Instant;
}
