import type { Brand, Instant, OrgUnitId, PersonId, TeamId } from './ids.js';
import type { ServiceId } from './services.js';

export type CommitmentId = Brand<string, 'CommitmentId'>;

/** Whom a commitment is made to: a person, a team or an organisation unit. */
export const recipientTypes = ['person', 'team', 'org_unit'] as const;
export type RecipientType = (typeof recipientTypes)[number];

/** Who delivers a commitment: a person or a team (the maker, unless made on someone's behalf). */
export const delivererTypes = ['person', 'team'] as const;
export type DelivererType = (typeof delivererTypes)[number];

export const commitmentStatuses = ['open', 'done', 'withdrawn'] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

/**
 * Where a commitment came from when the system made it for a record of another area. Manual
 * commitments have no source. Later areas add their own types here.
 */
export const commitmentSourceTypes = ['sla_target', 'ola', 'improvement_action', 'review'] as const;
export type CommitmentSourceType = (typeof commitmentSourceTypes)[number];

/**
 * How a commitment is backed at an instant:
 * - `self`: the maker delivers it personally (nobody else has to accept it);
 * - `accepted`: the delivering party accepted it;
 * - `pending`: the delivering party has not answered — unbacked;
 * - `rejected`: the delivering party refused it — unbacked ("rejected — unbacked").
 */
export const backings = ['self', 'accepted', 'pending', 'rejected'] as const;
export type Backing = (typeof backings)[number];

export interface Commitment {
  id: CommitmentId;
  /** Who made it: always the person who recorded it. */
  makerId: PersonId;
  toType: RecipientType;
  toId: PersonId | TeamId | OrgUnitId;
  /** Who will deliver it ("on behalf of"); the maker when made for oneself. */
  delivererType: DelivererType;
  delivererId: PersonId | TeamId;
  what: string;
  dueAt: Instant;
  serviceId: ServiceId | null;
  status: CommitmentStatus;
  acceptedAt: Instant | null;
  acceptedById: PersonId | null;
  rejectedAt: Instant | null;
  rejectedById: PersonId | null;
  rejectionReason: string | null;
  doneAt: Instant | null;
  withdrawnAt: Instant | null;
  sourceType: CommitmentSourceType | null;
  sourceId: string | null;
  version: number;
  createdAt: Instant;
  updatedAt: Instant;
}

/** The facts the backing rule reads; every other field is irrelevant to it. */
export type BackingFacts = Pick<
  Commitment,
  | 'makerId'
  | 'delivererType'
  | 'delivererId'
  | 'acceptedAt'
  | 'rejectedAt'
  | 'doneAt'
  | 'withdrawnAt'
  | 'createdAt'
>;

const atOrBefore = (t: Instant | null, at: Instant): boolean => t !== null && t <= at;

/** The maker delivers it personally. */
export const isSelfCommitment = (
  c: Pick<BackingFacts, 'makerId' | 'delivererType' | 'delivererId'>,
) => c.delivererType === 'person' && c.delivererId === c.makerId;

/**
 * How the commitment was backed at `at` (instants compare as ISO-8601 UTC strings), or null
 * when it had not been made yet.
 */
export function backingAt(c: BackingFacts, at: Instant): Backing | null {
  if (c.createdAt > at) return null;
  if (isSelfCommitment(c)) return 'self';
  if (atOrBefore(c.acceptedAt, at)) return 'accepted';
  if (atOrBefore(c.rejectedAt, at)) return 'rejected';
  return 'pending';
}

/** The commitment was open at `at`: made by then, and neither done nor withdrawn by then. */
export function isOpenAt(c: BackingFacts, at: Instant): boolean {
  return c.createdAt <= at && !atOrBefore(c.doneAt, at) && !atOrBefore(c.withdrawnAt, at);
}

/**
 * The unbacked rule: at `at`, an open commitment whose delivering party is not its maker and
 * had not accepted it (it had not answered, or it had rejected it).
 */
export function isUnbackedAt(c: BackingFacts, at: Instant): boolean {
  if (!isOpenAt(c, at)) return false;
  const backing = backingAt(c, at);
  return backing === 'pending' || backing === 'rejected';
}

/** Why a commitment in this state cannot be answered (accepted or rejected), or null. */
export function answerProblem(c: Commitment): string | null {
  if (c.status !== 'open') return `this commitment is ${c.status}; only open ones can be answered`;
  if (isSelfCommitment(c))
    return 'the maker delivers this commitment personally; it needs no acceptance';
  if (c.acceptedAt) return 'this commitment was already accepted';
  if (c.rejectedAt) return 'this commitment was already rejected';
  return null;
}

export interface UnbackedGroup<T extends BackingFacts> {
  makerId: PersonId;
  count: number;
  /** When the oldest unbacked commitment of this maker was made. */
  oldest: Instant;
  items: T[];
}

/**
 * The unbacked report: commitments unbacked at `at`, grouped by who made them; the makers with
 * the most first (then the oldest), each group's items oldest first.
 */
export function unbackedByMaker<T extends BackingFacts>(
  commitments: T[],
  at: Instant,
): UnbackedGroup<T>[] {
  const groups = new Map<PersonId, T[]>();
  for (const c of commitments) {
    if (!isUnbackedAt(c, at)) continue;
    groups.set(c.makerId, [...(groups.get(c.makerId) ?? []), c]);
  }
  return [...groups]
    .map(([makerId, items]) => {
      const sorted = [...items].sort((a, b) =>
        a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
      );
      return { makerId, count: sorted.length, oldest: sorted[0]!.createdAt, items: sorted };
    })
    .sort((a, b) => b.count - a.count || (a.oldest < b.oldest ? -1 : a.oldest > b.oldest ? 1 : 0));
}
