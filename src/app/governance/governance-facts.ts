import type { CommitmentInputs } from '../../core/commitment-index.js';

/** A service as the governance page names it. */
export interface ServiceLabel {
  slug: string;
  name: string;
  kind: string;
  lifecycle: string;
}

/**
 * Everything the commitment index and the governance page are computed from: the index's
 * inputs (history as facts, times in epoch milliseconds) and the names to show.
 */
export interface GovernanceFacts {
  inputs: CommitmentInputs;
  services: ReadonlyMap<string, ServiceLabel>;
  people: ReadonlyMap<string, string>;
  orgUnits: ReadonlyMap<string, string>;
  practices: ReadonlyMap<string, string>;
}

/** Read-only queries over services, people, practices and the ownership history. */
export interface GovernanceRepository {
  facts(): Promise<GovernanceFacts>;
}
