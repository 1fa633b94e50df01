import { requireRole } from '../../core/actor.js';
import { ChainVerifier } from '../../core/audit-chain.js';
import { type Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';

export interface Verification {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  problem: string | null;
}

/** Walks the whole chain in order, recomputing every hash and link. */
export async function verifyAudit(
  uow: UnitOfWork,
  onProgress?: (checked: number, total: number) => void,
): Promise<Verification> {
  const verifier = new ChainVerifier();
  const head = await uow.read.audit.head();
  let after = 0;
  for (;;) {
    const batch = await uow.read.audit.scan(after, 2000);
    if (batch.length === 0) break;
    for (const entry of batch) if (!verifier.next(entry)) break;
    if (verifier.problem) break;
    after = batch.at(-1)!.seq;
    onProgress?.(verifier.checked, head.seq);
  }
  const problem = verifier.finish(head);
  return {
    ok: !problem,
    checked: verifier.checked,
    firstBadSeq: problem?.seq ?? null,
    problem: problem?.message ?? null,
  };
}

/** The API's entry point: admins and members may verify the chain. */
export function verifyAuditAs(uow: UnitOfWork, ctx: Ctx): Promise<Verification> {
  requireRole(ctx.actor, 'member', 'verify the audit log');
  return verifyAudit(uow);
}
