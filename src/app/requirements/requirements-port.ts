/** Storage of requirements, their revisions, the negotiation around them and the options. */
import type { OptionId, RequirementId } from '../../core/agreements/content.js';
import type {
  NegotiationEntry,
  OptionStatus,
  Requirement,
  RequirementRevision,
  RequirementStatus,
  SlaOption,
} from '../../core/agreements/records.js';
import type { Instant, OrgUnitId, PersonId } from '../../core/ids.js';
import type { ServiceId } from '../../core/services.js';

export interface RequirementFilter {
  serviceId?: ServiceId | undefined;
  orgUnitId?: OrgUnitId | undefined;
  status?: RequirementStatus | undefined;
  createdById?: PersonId | undefined;
  /** In the title. */
  q?: string | undefined;
}

export interface RequirementsRepository {
  /** Inserts the requirement with its first revision. */
  insert(requirement: Requirement, first: RequirementRevision): Promise<void>;
  get(id: RequirementId): Promise<Requirement | null>;
  /** Newest first, at most `limit`. */
  list(filter: RequirementFilter, limit: number): Promise<Requirement[]>;
  /**
   * Appends a revision and makes it current, when the stored version is `expectedVersion`
   * (false when stale); bumps the version.
   */
  addRevision(revision: RequirementRevision, expectedVersion: number): Promise<boolean>;
  /** Moves the status when the stored version is `expectedVersion`; false when stale. */
  setStatus(
    id: RequirementId,
    status: RequirementStatus,
    expectedVersion: number,
    at: Instant,
  ): Promise<boolean>;
  /** Every revision, oldest first. */
  revisions(id: RequirementId): Promise<RequirementRevision[]>;
  /** The current (or a given) revision. */
  revision(id: RequirementId, revision: number): Promise<RequirementRevision | null>;

  insertEntry(entry: NegotiationEntry): Promise<void>;
  /** Oldest first. */
  entries(id: RequirementId): Promise<NegotiationEntry[]>;

  insertOption(option: SlaOption): Promise<void>;
  getOption(id: OptionId): Promise<SlaOption | null>;
  /** Oldest first, withdrawn included. */
  optionsOf(id: RequirementId): Promise<SlaOption[]>;
  /** Moves an option's status when the stored version is `expectedVersion`; false when stale. */
  setOptionStatus(
    id: OptionId,
    status: OptionStatus,
    expectedVersion: number,
    at: Instant,
  ): Promise<boolean>;
}
