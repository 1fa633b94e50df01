import { requireWrite } from '../../core/actor.js';
import { answerProblem, type Commitment } from '../../core/commitments.js';
import { DomainError, conflict, forbidden } from '../../core/errors.js';
import type { TeamId } from '../../core/ids.js';
import { recordChange, type Ctx } from '../context.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import {
  answererOf,
  findCommitment,
  recordedView,
  type CommitmentView,
} from './commitment-rules.js';

type Answer = 'accept' | 'reject';

/** Who may answer, in words, for the refusal message. */
async function whoMayAnswer(repos: Repositories, c: Commitment): Promise<string> {
  if (c.delivererType === 'person') {
    const person = await repos.people.get(c.delivererId as never);
    return person ? person.name : 'the delivering person';
  }
  const team = await repos.teams.get(c.delivererId as TeamId);
  if (!team) return 'the delivering team’s lead';
  if (!team.leadId) return `the lead of ${team.name} (the team has no lead yet)`;
  const lead = await repos.people.get(team.leadId);
  return `${lead?.name ?? 'the lead'}, lead of ${team.name}`;
}

/**
 * Only the delivering party answers: the person, or the team's lead. Anyone else — an admin
 * included — is refused, and the attempt is recorded in the audit log in a transaction of its
 * own (the refusal itself changes nothing).
 */
async function guardAnswerer(uow: UnitOfWork, ctx: Ctx, c: Commitment, answer: Answer) {
  const answerer = await answererOf(uow.read, c);
  if (answerer === ctx.actor.personId) return;
  const who = await whoMayAnswer(uow.read, c);
  await uow.transaction((repos) =>
    recordChange(repos.audit, ctx, {
      action: `commitment.${answer}_refused`,
      entityType: 'commitment',
      entityId: c.id,
      after: {
        attemptedBy: ctx.actor.personId,
        attemptedByName: ctx.actor.name,
        role: ctx.actor.role,
        delivererType: c.delivererType,
        delivererId: c.delivererId,
      },
    }),
  );
  throw forbidden(
    `Only ${who} can ${answer} this commitment; nobody can ${answer} a commitment on someone else's behalf. The attempt was recorded in the audit log.`,
  );
}

async function answerCommitment(
  uow: UnitOfWork,
  ctx: Ctx,
  id: string,
  answer: Answer,
  reason: string | null,
): Promise<CommitmentView> {
  const found = await findCommitment(uow.read, id);
  await guardAnswerer(uow, ctx, found, answer);
  requireWrite(ctx.actor, `${answer} commitments`);
  return uow.transaction(async (repos) => {
    const before = await findCommitment(repos, id);
    // The lead may have changed since the check above.
    if ((await answererOf(repos, before)) !== ctx.actor.personId)
      throw forbidden(`Only the delivering party can ${answer} this commitment.`);
    const problem = answerProblem(before);
    if (problem) throw conflict('status', problem);
    const now = ctx.env.now();
    const done =
      answer === 'accept'
        ? await repos.commitments.accept(before.id, ctx.actor.personId, now)
        : await repos.commitments.reject(before.id, ctx.actor.personId, now, reason ?? '');
    // Two answers racing: the conditional update lets exactly one through.
    if (!done)
      throw new DomainError('conflict', 'status: this commitment was already answered', [
        { path: 'status', message: 'this commitment was already answered' },
      ]);
    return recordedView(
      repos,
      ctx,
      before,
      answer === 'accept' ? 'commitment.accepted' : 'commitment.rejected',
      now,
    );
  });
}

/** The delivering party accepts the commitment personally: from now on it is backed. */
export const acceptCommitment = (uow: UnitOfWork, ctx: Ctx, id: string) =>
  answerCommitment(uow, ctx, id, 'accept', null);

/** The delivering party refuses it with a reason: it stays visible as "rejected — unbacked". */
export const rejectCommitment = (uow: UnitOfWork, ctx: Ctx, id: string, reason: string) =>
  answerCommitment(uow, ctx, id, 'reject', reason);
