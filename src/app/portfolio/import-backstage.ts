/**
 * Imports a Backstage catalogue (multi-document catalog-info.yaml). Entities are matched by
 * their reference (kind:namespace/name), so importing again reports them unchanged. The
 * mapping lives in core/backstage.ts and is documented in docs/portfolio-yaml.md.
 */
import { requireAdmin } from '../../core/actor.js';
import { mapBackstage } from '../../core/backstage.js';
import type { PortfolioItem } from '../../core/portfolio.js';
import type { ImportReport } from '../../contract/portfolio.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { readYamlStream } from './read-yaml.js';
import { writePortfolio } from './write-portfolio.js';

export function readBackstage(yaml: string): PortfolioItem[] {
  const docs = readYamlStream(yaml);
  const unreadable: PortfolioItem[] = docs
    .filter((d) => d.error !== null)
    .map((d) => ({ kind: 'Invalid', origin: { line: d.line, ref: 'document' }, reason: d.error! }));
  return [...unreadable, ...mapBackstage(docs.filter((d) => d.error === null))];
}

export async function importBackstage(
  uow: UnitOfWork,
  ctx: Ctx,
  yaml: string,
  options: { dryRun: boolean; atomic: boolean },
): Promise<ImportReport> {
  requireAdmin(ctx.actor, 'import into the portfolio');
  // Backstage is not the whole truth about a service's dependencies: add, never prune.
  return writePortfolio(uow, ctx, readBackstage(yaml), { ...options, prune: false });
}
