import type { z } from 'zod';
import { requireWrite } from '../../core/actor.js';
import { DomainError, conflict, forbidden, invalid } from '../../core/errors.js';
import type { PersonId } from '../../core/ids.js';
import {
  addDays,
  holderKey,
  nominationOpenDays,
  nominationRefusal,
  nominationState,
  normaliseScope,
  roleKindLabels,
  scopeProblems,
  termProblem,
  type Nomination,
  type NominationId,
  type RoleScope,
} from '../../core/ownership.js';
import type { ServiceId } from '../../core/services.js';
import type { CreateNomination } from '../../contract/ownership.js';
import { notify } from '../notifications/notify.js';
import { recordChange, type Ctx } from '../context.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import {
  activeHolder,
  checkScopeTargets,
  findPractice,
  isServiceLevelManager,
  practiceScope,
  scopeLabel,
  scopeNames,
  serviceScope,
} from './ownership-rules.js';

export type NominateInput = z.output<typeof CreateNomination>;

/** Resolves a practice key or service slug in the scope to ids. */
async function resolveScope(repos: Repositories, input: NominateInput): Promise<RoleScope> {
  const raw = input.scope;
  let practiceId = raw.practiceId ?? null;
  if (practiceId) {
    const p = await findPractice(repos, practiceId);
    if (!p) throw invalid('scope.practiceId', 'no practice has this id or key');
    practiceId = p.id;
  }
  const scope = normaliseScope(input.kind, {
    serviceId: (raw.serviceId ?? null) as ServiceId | null,
    practiceId: practiceId as RoleScope['practiceId'],
    orgUnitId: (raw.orgUnitId ?? null) as RoleScope['orgUnitId'],
    teamId: (raw.teamId ?? null) as RoleScope['teamId'],
  });
  const problems = scopeProblems(input.kind, {
    serviceId: (raw.serviceId ?? null) as ServiceId | null,
    practiceId: practiceId as RoleScope['practiceId'],
    orgUnitId: (raw.orgUnitId ?? null) as RoleScope['orgUnitId'],
    teamId: (raw.teamId ?? null) as RoleScope['teamId'],
  });
  if (problems.length > 0) {
    throw new DomainError(
      'invalid',
      problems.map((p) => `${p.path}: ${p.message}`).join('; '),
      problems,
    );
  }
  return scope;
}

/** Inside a transaction: nominates a person for a role; notifies the nominee. */
export async function insertNomination(
  repos: Repositories,
  ctx: Ctx,
  input: NominateInput,
): Promise<Nomination> {
  requireWrite(ctx.actor, 'nominate people for roles');
  const term = termProblem(input.termMonths);
  if (term) throw invalid('termMonths', term);
  const scope = await resolveScope(repos, input);
  await checkScopeTargets(repos, scope);
  const nominee = await repos.people.get(input.nomineeId as PersonId);
  if (!nominee) throw invalid('nomineeId', 'no person has this id');
  if (!nominee.active)
    throw invalid('nomineeId', `${nominee.name} is inactive; nominate someone active`);

  const now = ctx.env.now();
  const createdAt = now;
  const ownsService = scope.serviceId
    ? (await activeHolder(repos, 'service_owner', serviceScope(scope.serviceId), now))?.personId ===
      ctx.actor.personId
    : false;
  const ownsPractice = scope.practiceId
    ? (await activeHolder(repos, 'process_owner', practiceScope(scope.practiceId), now))
        ?.personId === ctx.actor.personId
    : false;
  const refusal = nominationRefusal(input.kind, {
    isAdmin: ctx.actor.role === 'admin',
    isServiceLevelManager: await isServiceLevelManager(repos, ctx.actor.personId, now),
    ownsService,
    ownsPractice,
  });
  if (refusal) throw forbidden(refusal);

  const key = holderKey(input.kind, scope, nominee.id);
  const held = await repos.ownership.heldRole(key);
  if (held?.personId === nominee.id) {
    throw conflict(
      'nomineeId',
      `${nominee.name} already holds this role; they re-affirm it on My commitments instead`,
    );
  }
  const open = await repos.ownership.openNomination(key);
  if (open) {
    if (nominationState(open, now) === 'expired') {
      await repos.ownership.releaseNomination(open.id);
    } else {
      const who = await repos.people.get(open.nomineeId);
      throw conflict(
        'nomineeId',
        `a nomination of ${who?.name ?? 'someone'} for this role has been open since ${open.createdAt.slice(0, 10)}; wait for the answer or withdraw it first`,
      );
    }
  }

  const nomination: Nomination = {
    id: ctx.env.newId() as NominationId,
    kind: input.kind,
    scope,
    nomineeId: nominee.id,
    nominatedById: ctx.actor.personId,
    message: input.message,
    createdAt,
    expiresAt: addDays(createdAt, nominationOpenDays),
    status: 'pending',
    answeredAt: null,
    declineReason: null,
    roleId: null,
    termMonths: input.termMonths,
  };
  await repos.ownership.insertNomination(nomination, key);
  await recordChange(repos.audit, ctx, {
    action: 'nomination.created',
    entityType: 'nomination',
    entityId: nomination.id,
    after: nomination,
  });
  const label = scopeLabel(input.kind, await scopeNames(repos, scope));
  await notify(repos, ctx, {
    eventKey: `nomination:${nomination.id}:created`,
    recipientId: nominee.id,
    subject: `You are nominated as ${roleKindLabels[input.kind]} of ${label}`,
    body: `${ctx.actor.name} nominated you as ${roleKindLabels[input.kind]} of ${label} for ${input.termMonths} months.\n\n${input.message}\n\nAccept or decline it on My commitments.`,
    link: '/my-commitments',
  });
  return nomination;
}

export async function nominate(
  uow: UnitOfWork,
  ctx: Ctx,
  input: NominateInput,
): Promise<Nomination> {
  requireWrite(ctx.actor, 'nominate people for roles');
  return uow.transaction((repos) => insertNomination(repos, ctx, input));
}
