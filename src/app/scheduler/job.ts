import type { Instant } from '../../core/ids.js';

/**
 * A background job. The scheduler runs it about every `everyMs` on one instance at a time (a
 * lease per job name); `run` must still make each of its effects idempotent with unique keys
 * (outbox dedupe keys, `claimOnce`), which is what makes effects happen exactly once when a
 * lease expires mid-run or a run is repeated after a crash.
 */
export interface Job {
  /** Unique and permanent: the lease row's key. */
  name: string;
  everyMs: number;
  /** How long a run may take before another instance may start it (default 60 s; renewed while running). */
  leaseMs?: number;
  run(now: Instant): Promise<void>;
}
