import { unbackedByMaker } from '../../core/commitments.js';
import type { Instant } from '../../core/ids.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { viewsOf, type CommitmentView } from './commitment-rules.js';

export interface UnbackedReport {
  at: Instant;
  total: number;
  makers: {
    maker: { id: string; name: string; email: string };
    count: number;
    oldest: Instant;
    items: CommitmentView[];
  }[];
}

/**
 * Commitments unbacked at `at` (now by default), grouped by who made them: most first. Read
 * from the commitments' own timestamps, so a past date shows the report as it stood then.
 */
export async function unbackedReport(
  uow: UnitOfWork,
  ctx: Ctx,
  at?: Instant,
): Promise<UnbackedReport> {
  const when = at ?? ctx.env.now();
  const candidates = await uow.read.commitments.unbackedCandidates(when);
  const groups = unbackedByMaker(candidates, when);
  const views = new Map(
    (
      await viewsOf(
        uow.read,
        groups.flatMap((g) => g.items),
        when,
      )
    ).map((v) => [v.id, v]),
  );
  const makers = await uow.read.people.getMany(groups.map((g) => g.makerId));
  const byId = new Map(makers.map((p) => [p.id as string, p]));
  return {
    at: when,
    total: groups.reduce((n, g) => n + g.count, 0),
    makers: groups.map((g) => ({
      maker: {
        id: g.makerId,
        name: byId.get(g.makerId)?.name ?? 'Unknown person',
        email: byId.get(g.makerId)?.email ?? '',
      },
      count: g.count,
      oldest: g.oldest,
      items: g.items.map((c) => views.get(c.id)!),
    })),
  };
}
