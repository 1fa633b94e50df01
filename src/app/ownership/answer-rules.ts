import { DomainError, conflict } from '../../core/errors.js';
import type { Instant } from '../../core/ids.js';
import { nominationState, type Nomination } from '../../core/ownership.js';
import { recordChange, type Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { loadNomination } from './ownership-rules.js';

/** Refuses an answer to a nomination that is no longer open, saying why. */
export function requireOpen(n: Nomination, now: Instant): void {
  const state = nominationState(n, now);
  if (state === 'expired')
    throw conflict(
      'nomination',
      `this nomination expired on ${n.expiresAt.slice(0, 10)}; ask for a new nomination`,
    );
  if (state !== 'pending')
    throw conflict('nomination', `this nomination was already ${state}; nothing was changed`);
}

/**
 * Only the nominee answers a nomination. Anyone else is refused with 403, and the attempt is
 * recorded in the audit log in a transaction of its own (it commits although the answer does not).
 */
export async function requireNominee(
  uow: UnitOfWork,
  ctx: Ctx,
  id: string,
  answer: 'accept' | 'decline',
): Promise<Nomination> {
  const n = await loadNomination(uow.read, id);
  if (n.nomineeId === ctx.actor.personId) return n;
  await uow.transaction((repos) =>
    recordChange(repos.audit, ctx, {
      action: `nomination.${answer}_refused`,
      entityType: 'nomination',
      entityId: n.id,
      after: {
        nomineeId: n.nomineeId,
        attemptedBy: ctx.actor.personId,
        reason: `only the nominee can ${answer} a nomination`,
      },
    }),
  );
  throw new DomainError(
    'forbidden',
    `Only the nominee can ${answer} this nomination; nobody can ${answer} on someone else's behalf. The attempt was recorded in the audit log.`,
  );
}
