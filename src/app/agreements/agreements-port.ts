/** Storage of agreements, their versions, signatures and OLA acknowledgements. */
import type { AgreementId, AgreementVersionId } from '../../core/agreements/content.js';
import type {
  Agreement,
  AgreementVersion,
  OlaAcknowledgement,
  Signature,
  VersionStatus,
} from '../../core/agreements/records.js';
import type { Instant, OrgUnitId } from '../../core/ids.js';
import type { ServiceId } from '../../core/services.js';

export interface AgreementFilter {
  serviceId?: ServiceId | undefined;
  orgUnitId?: OrgUnitId | undefined;
}

export interface AgreementsRepository {
  insert(agreement: Agreement): Promise<void>;
  get(id: AgreementId): Promise<Agreement | null>;
  getByCode(code: string): Promise<Agreement | null>;
  /** The agreement of a service with a customer (one per pair). */
  find(serviceId: ServiceId, orgUnitId: OrgUnitId): Promise<Agreement | null>;
  /** Ordered by code, at most `limit`. */
  list(filter: AgreementFilter, limit: number): Promise<Agreement[]>;
  /** The next free code: SLA-0001, SLA-0002 … */
  nextCode(): Promise<string>;

  /**
   * Inserts a version. A pending one holds the agreement's pending key (unique: a second
   * pending version of the same agreement is a conflict).
   */
  insertVersion(version: AgreementVersion): Promise<void>;
  getVersion(id: AgreementVersionId): Promise<AgreementVersion | null>;
  /** Every version of the agreements, oldest first per agreement. */
  versionsOf(ids: readonly AgreementId[]): Promise<AgreementVersion[]>;
  /**
   * Moves a version from `from` to `to` only if it is still `from` (false otherwise), keeping
   * the pending/active keys right; `to = active` sets activatedAt, superseded/withdrawn endedAt.
   * A second active version of one agreement is a conflict.
   */
  moveVersion(
    id: AgreementVersionId,
    from: VersionStatus,
    to: VersionStatus,
    at: Instant,
  ): Promise<boolean>;
  /**
   * Versions that were active at some time in [fromDate, toDate) (dates YYYY-MM-DD): activated,
   * effective before `toDate`, not expired before `fromDate`, not ended before `fromDate`.
   */
  versionsInEffect(fromDate: string, toDate: string): Promise<AgreementVersion[]>;
  /** Active versions expiring on a date in [fromDate, toDate]. */
  activeExpiring(fromDate: string, toDate: string): Promise<AgreementVersion[]>;
  /** Pending versions (for "agreements to sign" and "OLAs to acknowledge"). */
  pendingVersions(): Promise<AgreementVersion[]>;

  /** Unique per version and party: a second signature for the same party is a conflict. */
  insertSignature(signature: Signature): Promise<void>;
  signaturesOf(versionIds: readonly AgreementVersionId[]): Promise<Signature[]>;
  /** Unique per version and OLA key. */
  insertAcknowledgement(ack: OlaAcknowledgement): Promise<void>;
  acknowledgementsOf(versionIds: readonly AgreementVersionId[]): Promise<OlaAcknowledgement[]>;
}
