import { requireWrite } from '../../core/actor.js';
import type { NegotiationEntryId } from '../../core/agreements/records.js';
import { conflict, notFound } from '../../core/errors.js';
import type { RequirementDetail } from '../../contract/requirements.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { adoptionNotePrefix } from './read-requirements.js';
import { insertRevision, requireRepresentative } from './revise-requirement.js';

/**
 * The customer representative adopts a counter-proposal: a new revision with its terms (the
 * business value and justification stay), noted as "adopted the counter-proposal of <author>
 * on <date>". `expectedVersion` (If-Match) is optional: without it, the current version.
 */
export async function adoptCounterProposal(
  uow: UnitOfWork,
  ctx: Ctx,
  id: string,
  entryId: string,
  expectedVersion: number | null,
): Promise<RequirementDetail> {
  requireWrite(ctx.actor, 'adopt counter-proposals');
  return uow.transaction(async (repos) => {
    const r = await requireRepresentative(repos, ctx, id, 'adopt a counter-proposal');
    const entry = (await repos.requirements.entries(r.id)).find((e) => e.id === entryId);
    if (!entry) throw notFound(`Entry ${entryId as NegotiationEntryId} of this requirement`);
    if (entry.kind !== 'counter_proposal' || !entry.terms)
      throw conflict('entryId', 'this entry is a comment; only a counter-proposal can be adopted');
    const current = await repos.requirements.revision(r.id, r.revision);
    if (!current) throw notFound('The current revision');
    if (JSON.stringify(current.terms) === JSON.stringify(entry.terms))
      throw conflict('entryId', 'the current revision already has exactly these terms');
    const author = await repos.people.get(entry.authorId);
    const detail = await insertRevision(
      repos,
      ctx,
      r.id,
      expectedVersion ?? r.version,
      {
        terms: entry.terms,
        businessValue: current.businessValue,
        justification: current.justification,
        note: `${adoptionNotePrefix} ${author?.name ?? 'someone'} on ${entry.createdAt.slice(0, 10)}`,
      },
      { doing: 'adopt a counter-proposal', action: 'counter_proposal_adopted' },
    );
    return detail;
  });
}
