import { systemActor } from '../../core/actor.js';
import type { Instant, PersonId } from '../../core/ids.js';
import {
  addDays,
  reminderDays,
  roleKindLabels,
  type RoleAssignment,
} from '../../core/ownership.js';
import type { Ctx } from '../context.js';
import { notify } from '../notifications/notify.js';
import type { Environment, Repositories, UnitOfWork } from '../ports.js';
import { scopeLabel, scopeNames } from './ownership-rules.js';

/** How far back lapses are still announced (a scheduler down for a while catches up). */
const lapseLookbackDays = 30;

async function label(repos: Repositories, role: RoleAssignment) {
  return `${roleKindLabels[role.kind]} of ${scopeLabel(role.kind, await scopeNames(repos, role.scope))}`;
}

/**
 * Reminds holders 30 and 7 days before their term ends and tells them when a role lapsed.
 * Idempotent: each notice has an event key naming the role, the term end and the notice, so
 * repeated runs (or several instances) send each one once.
 */
export async function remindRoles(
  uow: UnitOfWork,
  env: Environment,
  now: Instant,
): Promise<number> {
  const ctx: Ctx = {
    actor: systemActor('system' as PersonId, 'Charter'),
    requestId: null,
    env,
  };
  let sent = 0;
  await uow.transaction(async (repos) => {
    for (const days of reminderDays) {
      const smaller = reminderDays.filter((d) => d < days);
      const lower = addDays(now, smaller.length ? Math.max(...smaller) : 0);
      const ending = await repos.ownership.termsEndingBetween(lower, addDays(now, days));
      for (const role of ending) {
        await notify(repos, ctx, {
          eventKey: `role-reminder:${role.id}:${role.termEndsAt}:${days}`,
          recipientId: role.personId,
          subject: `Re-affirm your role as ${await label(repos, role)} by ${role.termEndsAt.slice(0, 10)}`,
          body: `Your term as ${await label(repos, role)} ends on ${role.termEndsAt.slice(0, 10)}. Re-affirm it on My commitments, or resign it so a successor can be nominated.`,
          link: '/my-commitments',
        });
        sent++;
      }
    }
    const lapsed = await repos.ownership.termsEndingBetween(addDays(now, -lapseLookbackDays), now);
    for (const role of lapsed) {
      await notify(repos, ctx, {
        eventKey: `role-lapsed:${role.id}:${role.termEndsAt}`,
        recipientId: role.personId,
        subject: `Your role as ${await label(repos, role)} lapsed`,
        body: `Your term ended on ${role.termEndsAt.slice(0, 10)} without re-affirmation. Re-affirm it on My commitments if you still hold it.`,
        link: '/my-commitments',
      });
      sent++;
    }
  });
  return sent;
}
