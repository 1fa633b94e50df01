import type { Instant } from '../../core/ids.js';
import type { Repositories } from '../ports.js';

/**
 * The once-only action ledger: true only the first time `key` is claimed, ever. Runs inside
 * the caller's transaction, so the claim commits together with the action it guards (or rolls
 * back with it); a unique key makes concurrent claims from several instances yield one true.
 * Use keys that name the action and its subject, e.g. `escalation:<ticket>:<target>:75`.
 */
export function claimOnce(repos: Repositories, key: string, at?: Instant): Promise<boolean> {
  return repos.scheduler.claimOnce(key, at ?? (new Date().toISOString() as Instant));
}
