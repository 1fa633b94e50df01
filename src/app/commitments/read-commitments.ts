import { invalid } from '../../core/errors.js';
import type { Instant, PersonId } from '../../core/ids.js';
import { normaliseEmail } from '../../core/people.js';
import type { ServiceId } from '../../core/services.js';
import type { CommitmentsQuery } from '../../contract/commitments.js';
import { parseSort, type Ctx } from '../context.js';
import type { Page, Repositories, UnitOfWork } from '../ports.js';
import { findCommitment, viewsOf, type CommitmentView } from './commitment-rules.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A person named by id or email address, for filters. */
async function personRef(repos: Repositories, ref: string, path: string): Promise<PersonId> {
  if (uuid.test(ref)) return ref as PersonId;
  if (ref.includes('@')) {
    const person = await repos.people.findByEmail(normaliseEmail(ref));
    if (!person) throw invalid(path, `no person has the email address ${ref}`);
    return person.id;
  }
  throw invalid(path, 'must be a person id or email address');
}

/** Every signed-in person may read commitments: promises are meant to be seen. */
export async function getCommitment(
  uow: UnitOfWork,
  ctx: Ctx,
  id: string,
): Promise<CommitmentView> {
  const c = await findCommitment(uow.read, id);
  return (await viewsOf(uow.read, [c], ctx.env.now()))[0]!;
}

export async function listCommitments(
  uow: UnitOfWork,
  ctx: Ctx,
  query: Omit<CommitmentsQuery, 'format'>,
): Promise<Page<CommitmentView>> {
  const makerId = query.maker ? await personRef(uow.read, query.maker, 'maker') : undefined;
  const page = await uow.read.commitments.list(
    {
      q: query.q,
      makerId,
      delivererId: query.delivererId,
      toId: query.toId,
      serviceId: query.serviceId as ServiceId | undefined,
      status: query.status,
      backing: query.backing,
      dueBefore: query.dueBefore ? (new Date(query.dueBefore).toISOString() as Instant) : undefined,
      awaitingPersonId: query.awaitingMe ? ctx.actor.personId : undefined,
    },
    { limit: query.limit, cursor: query.cursor, sort: parseSort(query.sort) },
  );
  return {
    items: await viewsOf(uow.read, page.items, ctx.env.now()),
    nextCursor: page.nextCursor,
  };
}
