import { systemActor } from '../../core/actor.js';
import { addCalendarDays, daysUntil } from '../../core/agreements/signing.js';
import type { Instant, PersonId } from '../../core/ids.js';
import type { Ctx } from '../context.js';
import type { Environment, UnitOfWork } from '../ports.js';
import { claimOnce } from '../scheduler/claim-once.js';
import { tellAll, today } from './agreement-rules.js';

/** Days before expiry when the signers are reminded to renew. */
export const renewalReminderDays = [60, 30, 7] as const;

/**
 * Reminds both signers of an active agreement version 60, 30 and 7 days before it expires,
 * once per version and threshold (a run that finds a version already inside a smaller
 * window sends only that reminder). Idempotent across runs and instances (claimOnce).
 */
export async function remindRenewals(
  uow: UnitOfWork,
  env: Environment,
  now: Instant,
): Promise<number> {
  const ctx: Ctx = { actor: systemActor('system' as PersonId, 'Charter'), requestId: null, env };
  const day = today(now);
  const horizon = Math.max(...renewalReminderDays);
  let sent = 0;
  await uow.transaction(async (repos) => {
    const expiring = await repos.agreements.activeExpiring(day, addCalendarDays(day, horizon));
    for (const v of expiring) {
      const left = daysUntil(day, v.content.expiresOn);
      const due = renewalReminderDays.filter((d) => left <= d);
      if (due.length === 0) continue;
      const smallest = Math.min(...due);
      let fresh = false;
      for (const d of due) {
        const claimed = await claimOnce(repos, `agreement-renewal:${v.id}:${d}`, now);
        if (d === smallest) fresh = claimed;
      }
      if (!fresh) continue;
      const signers = (await repos.agreements.signaturesOf([v.id])).map((s) => s.personId);
      const c = v.content;
      await tellAll(repos, ctx, signers, {
        eventKey: `agreement-renewal:${v.id}:${smallest}`,
        subject: `${c.code} expires on ${c.expiresOn} (in ${left} day${left === 1 ? '' : 's'})`,
        body: `${c.title} (version ${v.number}) expires on ${c.expiresOn}. To renew it, the service owner draws up a new version with new dates; both parties sign it again and the delivery leads acknowledge its OLAs.`,
        code: c.code,
      });
      sent += 1;
    }
  });
  return sent;
}
