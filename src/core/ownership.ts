/**
 * Accepted ownership: nominations become roles only when the nominee accepts them personally,
 * with a statement of accountability. Roles run for a term and must be re-affirmed or they
 * lapse. Everything here is pure: state at any instant is derived from stored facts.
 */
import type { Brand, Instant, OrgUnitId, PersonId, TeamId } from './ids.js';
import type { ServiceId } from './services.js';

export type PracticeId = Brand<string, 'PracticeId'>;
export type NominationId = Brand<string, 'NominationId'>;
export type RoleId = Brand<string, 'RoleId'>;

export const roleKinds = [
  'service_owner',
  'process_owner',
  'customer_representative',
  'delivery_lead',
  'deputy',
] as const;
export type RoleKind = (typeof roleKinds)[number];

export const roleKindLabels: Record<RoleKind, string> = {
  service_owner: 'service owner',
  process_owner: 'process owner',
  customer_representative: 'customer representative',
  delivery_lead: 'delivery lead',
  deputy: 'deputy service owner',
};

/** Kinds with one holder per scope at a time; deputies may be several. */
export const singleHolderKinds: readonly RoleKind[] = [
  'service_owner',
  'process_owner',
  'customer_representative',
  'delivery_lead',
];

export interface Practice {
  id: PracticeId;
  /** Stable key, e.g. `service_level_management`; never changes once created. */
  key: string;
  name: string;
  active: boolean;
  createdAt: Instant;
  version: number;
}

/** The practices every Charter starts with (the list is editable afterwards). */
export const defaultPractices: readonly { key: string; name: string }[] = [
  { key: 'incident_management', name: 'Incident management' },
  { key: 'problem_management', name: 'Problem management' },
  { key: 'change_enablement', name: 'Change enablement' },
  { key: 'service_level_management', name: 'Service level management' },
  { key: 'service_request_management', name: 'Service request management' },
  { key: 'availability_management', name: 'Availability management' },
  { key: 'capacity_management', name: 'Capacity and performance management' },
  { key: 'information_security_management', name: 'Information security management' },
  { key: 'continual_improvement', name: 'Continual improvement' },
  { key: 'configuration_management', name: 'Service configuration management' },
];

/** The practice whose process owner is the service level manager. */
export const serviceLevelManagementKey = 'service_level_management';

/**
 * What a role is about, by kind: service_owner {serviceId}; process_owner {practiceId};
 * customer_representative {orgUnitId, serviceId}; delivery_lead {teamId, serviceId};
 * deputy {serviceId} (deputy of the service owner). Unused fields are null.
 */
export interface RoleScope {
  serviceId: ServiceId | null;
  practiceId: PracticeId | null;
  orgUnitId: OrgUnitId | null;
  teamId: TeamId | null;
}

export type NominationStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';
/** As reported: a pending nomination past its expiry is 'expired' (derived, never stored). */
export type NominationState = NominationStatus | 'expired';

export interface Nomination {
  id: NominationId;
  kind: RoleKind;
  scope: RoleScope;
  nomineeId: PersonId;
  nominatedById: PersonId;
  message: string;
  createdAt: Instant;
  expiresAt: Instant;
  status: NominationStatus;
  answeredAt: Instant | null;
  declineReason: string | null;
  roleId: RoleId | null;
  termMonths: number;
}

export const endReasons = ['handed_over', 'resigned', 'revoked'] as const;
export type EndReason = (typeof endReasons)[number];

export interface RoleAssignment {
  id: RoleId;
  kind: RoleKind;
  scope: RoleScope;
  personId: PersonId;
  nominationId: NominationId;
  /** The exact statement the holder confirmed when accepting. */
  statement: string;
  acceptedAt: Instant;
  /** The term length of each affirmation, in months (from the nomination). */
  termMonths: number;
  /** Latest term end (of the latest affirmation). */
  termEndsAt: Instant;
  endedAt: Instant | null;
  endReason: EndReason | null;
  endNote: string | null;
}

/** Append-only: acceptance writes the first one; each re-affirmation adds one. */
export interface RoleAffirmation {
  roleId: RoleId;
  at: Instant;
  termEndsAt: Instant;
}

export type RoleState = 'pending' | 'active' | 'lapsed' | 'ended';

export const defaultTermMonths = 12;
export const minTermMonths = 1;
export const maxTermMonths = 36;
/** How long a nomination stays open before it expires. */
export const nominationOpenDays = 90;
/** Days before the term end at which holders are reminded. */
export const reminderDays = [30, 7] as const;

// ---------------------------------------------------------------------------------------------
// Scope

/** Which scope fields a kind needs. */
export const scopeFields: Record<RoleKind, (keyof RoleScope)[]> = {
  service_owner: ['serviceId'],
  process_owner: ['practiceId'],
  customer_representative: ['orgUnitId', 'serviceId'],
  delivery_lead: ['teamId', 'serviceId'],
  deputy: ['serviceId'],
};

/** Problems with a scope for a kind: missing required fields and fields that do not belong. */
export function scopeProblems(
  kind: RoleKind,
  scope: RoleScope,
): { path: string; message: string }[] {
  const needed = scopeFields[kind];
  const problems: { path: string; message: string }[] = [];
  for (const field of ['serviceId', 'practiceId', 'orgUnitId', 'teamId'] as const) {
    const has = scope[field] !== null && scope[field] !== undefined;
    if (needed.includes(field) && !has)
      problems.push({
        path: `scope.${field}`,
        message: `is required for a ${roleKindLabels[kind]}`,
      });
    if (!needed.includes(field) && has)
      problems.push({
        path: `scope.${field}`,
        message: `does not apply to a ${roleKindLabels[kind]}; leave it out`,
      });
  }
  return problems;
}

/** The scope with only the fields the kind uses. */
export function normaliseScope(kind: RoleKind, scope: Partial<RoleScope>): RoleScope {
  const needed = scopeFields[kind];
  const pick = <K extends keyof RoleScope>(k: K): RoleScope[K] =>
    needed.includes(k) ? (scope[k] ?? null) : null;
  return {
    serviceId: pick('serviceId'),
    practiceId: pick('practiceId'),
    orgUnitId: pick('orgUnitId'),
    teamId: pick('teamId'),
  };
}

/** A stable text key of kind + scope, e.g. `service_owner|s:abc|p:|o:|t:`. */
export function scopeKey(kind: RoleKind, scope: RoleScope): string {
  return `${kind}|s:${scope.serviceId ?? ''}|p:${scope.practiceId ?? ''}|o:${scope.orgUnitId ?? ''}|t:${scope.teamId ?? ''}`;
}

/**
 * The key under which at most one role may be held (not ended) and one nomination be open at
 * a time: kind + scope, and for deputies also the person (several deputies are allowed).
 */
export function holderKey(kind: RoleKind, scope: RoleScope, personId: PersonId): string {
  return singleHolderKinds.includes(kind)
    ? scopeKey(kind, scope)
    : `${scopeKey(kind, scope)}|${personId}`;
}

// ---------------------------------------------------------------------------------------------
// Time

const dayMs = 86_400_000;

/** `at` plus whole months in UTC; the day is clamped to the month's end (Jan 31 + 1 → Feb 28/29). */
export function addMonths(at: Instant, months: number): Instant {
  const d = new Date(at);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const target = new Date(Date.UTC(y, m, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  target.setUTCHours(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  return target.toISOString() as Instant;
}

export function addDays(at: Instant, days: number): Instant {
  return new Date(Date.parse(at) + days * dayMs).toISOString() as Instant;
}

/** Whole days from `from` to `to` (negative when `to` is earlier), rounded down. */
export function daysBetween(from: Instant, to: Instant): number {
  return Math.floor((Date.parse(to) - Date.parse(from)) / dayMs);
}

const later = (a: Instant, b: Instant): Instant => (Date.parse(a) >= Date.parse(b) ? a : b);
const atOrBefore = (a: Instant, b: Instant) => Date.parse(a) <= Date.parse(b);

export function termProblem(termMonths: number): string | null {
  if (!Number.isInteger(termMonths) || termMonths < minTermMonths || termMonths > maxTermMonths)
    return `must be a whole number of months from ${minTermMonths} to ${maxTermMonths}`;
  return null;
}

/**
 * The term end after a re-affirmation at `now`: the term counts from the later of now and the
 * current term end, so affirming early loses no time and affirming after a lapse restarts
 * from now (the lapse stays in history).
 */
export function reaffirmedTermEnd(
  now: Instant,
  currentTermEndsAt: Instant,
  termMonths: number,
): Instant {
  return addMonths(later(now, currentTermEndsAt), termMonths);
}

// ---------------------------------------------------------------------------------------------
// Derived state

export function nominationState(
  n: Pick<Nomination, 'status' | 'expiresAt'>,
  at: Instant,
): NominationState {
  if (n.status === 'pending' && atOrBefore(n.expiresAt, at)) return 'expired';
  return n.status;
}

/**
 * A nomination's state at a past instant `at`, from its stored facts: null when it did not
 * exist yet; its answer once answered at or before `at`; otherwise pending or expired.
 */
export function nominationStateAt(
  n: Pick<Nomination, 'status' | 'createdAt' | 'expiresAt' | 'answeredAt'>,
  at: Instant,
): NominationState | null {
  if (Date.parse(n.createdAt) > Date.parse(at)) return null;
  if (n.status !== 'pending' && n.answeredAt !== null && atOrBefore(n.answeredAt, at))
    return n.status;
  return atOrBefore(n.expiresAt, at) ? 'expired' : 'pending';
}

/**
 * The state of a role at instant `at`, from its stored facts alone:
 * - pending: not yet accepted at `at`;
 * - ended: ended at or before `at`;
 * - active: accepted, not ended, and the latest affirmation at or before `at` runs past `at`;
 * - lapsed: not ended, and that term end is at or before `at`.
 * `affirmations` are the role's own, in any order; without any, the role's termEndsAt counts
 * from acceptedAt.
 */
export function roleStateAt(
  role: Pick<RoleAssignment, 'acceptedAt' | 'endedAt' | 'termEndsAt'>,
  affirmations: readonly Pick<RoleAffirmation, 'at' | 'termEndsAt'>[],
  at: Instant,
): RoleState {
  const t = Date.parse(at);
  if (Date.parse(role.acceptedAt) > t) return 'pending';
  if (role.endedAt !== null && Date.parse(role.endedAt) <= t) return 'ended';
  const end = termEndAt(role, affirmations, at);
  return end !== null && Date.parse(end) > t ? 'active' : 'lapsed';
}

/** The term end in force at `at`: that of the latest affirmation at or before `at`. */
export function termEndAt(
  role: Pick<RoleAssignment, 'acceptedAt' | 'termEndsAt'>,
  affirmations: readonly Pick<RoleAffirmation, 'at' | 'termEndsAt'>[],
  at: Instant,
): Instant | null {
  const t = Date.parse(at);
  let best: Pick<RoleAffirmation, 'at' | 'termEndsAt'> | null = null;
  for (const a of affirmations) {
    const when = Date.parse(a.at);
    if (when <= t && (best === null || when >= Date.parse(best.at))) best = a;
  }
  if (best) return best.termEndsAt;
  return affirmations.length === 0 ? role.termEndsAt : null;
}

export const isActiveAt = (
  role: Pick<RoleAssignment, 'acceptedAt' | 'endedAt' | 'termEndsAt'>,
  affirmations: readonly Pick<RoleAffirmation, 'at' | 'termEndsAt'>[],
  at: Instant,
) => roleStateAt(role, affirmations, at) === 'active';

/** Groups affirmations by role id, for evaluating many roles at once. */
export function affirmationsByRole(
  affirmations: readonly RoleAffirmation[],
): Map<RoleId, RoleAffirmation[]> {
  const map = new Map<RoleId, RoleAffirmation[]>();
  for (const a of affirmations) {
    const list = map.get(a.roleId);
    if (list) list.push(a);
    else map.set(a.roleId, [a]);
  }
  return map;
}

/** The roles of a set that are active at `at`. */
export function activeRolesAt(
  roles: readonly RoleAssignment[],
  affirmations: readonly RoleAffirmation[],
  at: Instant,
): RoleAssignment[] {
  const by = affirmationsByRole(affirmations);
  return roles.filter((r) => isActiveAt(r, by.get(r.id) ?? [], at));
}

// ---------------------------------------------------------------------------------------------
// The accountability statement

export interface StatementSubject {
  personName: string;
  kind: RoleKind;
  /** e.g. the service name, or the practice name. */
  serviceName?: string | null;
  practiceName?: string | null;
  orgUnitName?: string | null;
  teamName?: string | null;
}

const what = (s: StatementSubject): string => {
  switch (s.kind) {
    case 'service_owner':
      return `service owner of ${s.serviceName}`;
    case 'process_owner':
      return `process owner of ${s.practiceName}`;
    case 'customer_representative':
      return `customer representative of ${s.orgUnitName} for ${s.serviceName}`;
    case 'delivery_lead':
      return `delivery lead of ${s.teamName} for ${s.serviceName}`;
    case 'deputy':
      return `deputy service owner of ${s.serviceName}`;
  }
};

const duty: Record<RoleKind, string> = {
  service_owner:
    'I answer for its outcomes, its service level agreements and its improvement, and I will not commit others on their behalf.',
  process_owner:
    'I answer for the practice, its targets and its improvement, and I will not commit others on their behalf.',
  customer_representative:
    'I speak for these customers in stating requirements, agreeing service levels and reviewing the service.',
  delivery_lead:
    'I answer for what my team has agreed to deliver for this service and I will say when it cannot be done.',
  deputy: 'I stand in for the service owner when asked and answer for what I decide in that role.',
};

/**
 * The exact text a nominee confirms: names the person, the role and the term end date (UTC),
 * e.g. "I, Ana Silva, accept personal accountability as service owner of Online marketplace
 * for 12 months, until 2027-11-27. I answer for ...".
 */
export function accountabilityStatement(
  subject: StatementSubject,
  termMonths: number,
  termEndsAt: Instant,
): string {
  const months = termMonths === 1 ? '1 month' : `${termMonths} months`;
  return `I, ${subject.personName}, accept personal accountability as ${what(subject)} for ${months}, until ${termEndsAt.slice(0, 10)}. ${duty[subject.kind]}`;
}

// ---------------------------------------------------------------------------------------------
// Who may do what

export interface NominatorFacts {
  isAdmin: boolean;
  /** Holds the active process-owner role for service level management. */
  isServiceLevelManager: boolean;
  /** Holds the active owner role of the scope's service (service-scoped kinds). */
  ownsService: boolean;
  /** Holds the active process-owner role of the scope's practice (process_owner). */
  ownsPractice: boolean;
}

/** Null when the nomination is allowed, else the message saying who can nominate. */
export function nominationRefusal(kind: RoleKind, facts: NominatorFacts): string | null {
  if (facts.isAdmin || facts.isServiceLevelManager) return null;
  if (kind === 'process_owner') {
    if (facts.ownsPractice) return null;
    return 'Only an admin, the service level manager or the current owner of this practice can nominate its process owner.';
  }
  if (facts.ownsService) return null;
  return `Only an admin, the service level manager or the current owner of this service can nominate its ${roleKindLabels[kind]}.`;
}
