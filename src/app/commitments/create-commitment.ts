import type { z } from 'zod';
import { requireWrite } from '../../core/actor.js';
import type {
  Commitment,
  CommitmentId,
  CommitmentSourceType,
  DelivererType,
  RecipientType,
} from '../../core/commitments.js';
import { invalid } from '../../core/errors.js';
import type { Instant, OrgUnitId, PersonId, TeamId } from '../../core/ids.js';
import type { ServiceId } from '../../core/services.js';
import type { CreateCommitment } from '../../contract/commitments.js';
import { recordChange, type Ctx } from '../context.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { viewsOf, type CommitmentView } from './commitment-rules.js';

export type CreateCommitmentInput = z.output<typeof CreateCommitment>;

/** Where a commitment made by the system for another area's record comes from. */
export interface CommitmentSource {
  type: CommitmentSourceType;
  id: string;
}

/** The party must exist and be active; the message names the field. */
async function checkParty(
  repos: Repositories,
  type: RecipientType,
  id: string,
  path: string,
): Promise<void> {
  const found =
    type === 'person'
      ? await repos.people.get(id as PersonId)
      : type === 'team'
        ? await repos.teams.get(id as TeamId)
        : await repos.orgUnits.get(id as OrgUnitId);
  const noun = type === 'org_unit' ? 'organisation unit' : type;
  if (!found) throw invalid(path, `no ${noun} has this id`);
  if (!found.active) throw invalid(path, `${found.name} is inactive; choose an active ${noun}`);
}

/**
 * Inside a transaction: records a commitment made by the caller (never by anyone else), to a
 * person, team or organisation unit, delivered by the caller or on behalf of a person or team.
 */
export async function insertCommitment(
  repos: Repositories,
  ctx: Ctx,
  input: CreateCommitmentInput,
  source: CommitmentSource | null = null,
): Promise<Commitment> {
  const now = ctx.env.now();
  const delivererType: DelivererType = input.delivererType ?? 'person';
  const delivererId = input.delivererId ?? ctx.actor.personId;
  await checkParty(repos, input.toType, input.toId, 'toId');
  await checkParty(repos, delivererType, delivererId, 'delivererId');
  if (input.dueAt <= now)
    throw invalid('dueAt', 'is not in the future; a commitment is due after it is made');
  if (input.serviceId) {
    const service = await repos.services.get(input.serviceId as ServiceId);
    if (!service) throw invalid('serviceId', 'no service has this id');
    if (service.lifecycle === 'retired')
      throw invalid('serviceId', `${service.name} is retired; commitments need a current service`);
  }
  const commitment: Commitment = {
    id: ctx.env.newId() as CommitmentId,
    makerId: ctx.actor.personId,
    toType: input.toType,
    toId: input.toId as PersonId | TeamId | OrgUnitId,
    delivererType,
    delivererId: delivererId as PersonId | TeamId,
    what: input.what,
    dueAt: input.dueAt as Instant,
    serviceId: (input.serviceId ?? null) as ServiceId | null,
    status: 'open',
    acceptedAt: null,
    acceptedById: null,
    rejectedAt: null,
    rejectedById: null,
    rejectionReason: null,
    doneAt: null,
    withdrawnAt: null,
    sourceType: source?.type ?? null,
    sourceId: source?.id ?? null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await repos.commitments.insert(commitment);
  await recordChange(repos.audit, ctx, {
    action: 'commitment.created',
    entityType: 'commitment',
    entityId: commitment.id,
    after: commitment,
  });
  return commitment;
}

/** Any member makes commitments, always in their own name. */
export async function createCommitment(
  uow: UnitOfWork,
  ctx: Ctx,
  input: CreateCommitmentInput,
): Promise<CommitmentView> {
  requireWrite(ctx.actor, 'make commitments');
  return uow.transaction(async (repos) => {
    const c = await insertCommitment(repos, ctx, input);
    return (await viewsOf(repos, [c], ctx.env.now()))[0]!;
  });
}
