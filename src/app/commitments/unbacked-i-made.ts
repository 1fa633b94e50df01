import type { Ctx } from '../context.js';
import type { Repositories } from '../ports.js';
import type { CommitmentProvider } from '../ownership/my-commitments.js';
import { viewsOf } from './commitment-rules.js';

/** "My commitments": the open promises I made that the delivering party has not accepted. */
export const unbackedCommitmentsIMade: CommitmentProvider = {
  key: 'unbacked_commitments_i_made',
  title: 'Unbacked commitments I made',
  async items(repos: Repositories, ctx: Ctx) {
    const page = await repos.commitments.list(
      { makerId: ctx.actor.personId, backing: 'unbacked' },
      { limit: 200, sort: { field: 'dueAt', desc: false } },
    );
    const views = await viewsOf(repos, page.items, ctx.env.now());
    return views.map((c) => ({
      id: c.id,
      title: `${c.what} — for ${c.toName}`,
      detail:
        c.backing === 'rejected'
          ? `Rejected by ${c.delivererName}: ${c.rejectionReason ?? ''}`
          : `Not accepted by ${c.delivererName}; on their behalf since ${c.createdAt.slice(0, 10)}`,
      due: c.dueAt,
      link: `/commitments/unbacked`,
    }));
  },
};
