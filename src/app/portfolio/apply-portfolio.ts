/**
 * `charter apply`: Charter's own portfolio YAML (docs/portfolio-yaml.md), applied
 * declaratively. Each document is a Team, an OrgUnit or a Service; a Service document is the
 * whole truth about that service, its dependencies included.
 */
import type { z } from 'zod';
import { requireAdmin } from '../../core/actor.js';
import type { PortfolioItem } from '../../core/portfolio.js';
import { OrgUnitDoc, ServiceDoc, TeamDoc, type ImportReport } from '../../contract/portfolio.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { asObject, readYamlStream } from './read-yaml.js';
import { writePortfolio } from './write-portfolio.js';

const kinds = ['Team', 'OrgUnit', 'Service'];

const problems = (error: z.ZodError) =>
  error.issues
    .map((i) => `${i.path.length ? i.path.join('.') : '(document)'}: ${i.message}`)
    .join('; ');

/** One YAML document as a portfolio item (pure apart from the schemas). */
export function portfolioItemOf(line: number, value: unknown): PortfolioItem {
  const doc = asObject(value);
  const kind = doc?.kind;
  const label = (name: unknown) => `${String(kind)}/${typeof name === 'string' ? name : '?'}`;
  const origin = { line, ref: label(doc?.slug ?? doc?.name) };
  if (!doc) return { kind: 'Invalid', origin, reason: 'a document must be a mapping with a kind' };
  if (typeof kind !== 'string' || !kinds.includes(kind))
    return {
      kind: 'Invalid',
      origin,
      reason: `kind: unknown kind ${JSON.stringify(kind ?? null)}; expected ${kinds.join(', ')}`,
    };
  if (kind === 'Team' || kind === 'OrgUnit') {
    const parsed = (kind === 'Team' ? TeamDoc : OrgUnitDoc).safeParse(doc);
    if (!parsed.success) return { kind: 'Invalid', origin, reason: problems(parsed.error) };
    const spec = { name: parsed.data.name, description: parsed.data.description ?? null };
    return kind === 'Team' ? { kind, origin, spec } : { kind, origin, spec };
  }
  const parsed = ServiceDoc.safeParse(doc);
  if (!parsed.success) return { kind: 'Invalid', origin, reason: problems(parsed.error) };
  const s = parsed.data;
  return {
    kind: 'Service',
    origin,
    spec: {
      slug: s.slug,
      name: s.name,
      kind: s.serviceKind,
      description: s.description ?? null,
      lifecycle: s.lifecycle,
      tier: s.tier,
      team: s.team ?? null,
      customers: s.customers,
      valueStatement: s.valueStatement ?? null,
      monthlyCost: s.monthlyCost ?? null,
      links: s.links,
      tags: s.tags,
      system: s.system ?? null,
      domain: s.domain ?? null,
      dependsOn: s.dependsOn.map((d) => ({
        target: { slug: d.service },
        type: d.type,
        note: d.note ?? null,
      })),
    },
  };
}

/** Parses every document of every file, in order. */
export function readPortfolio(text: string): PortfolioItem[] {
  return readYamlStream(text).map((d) =>
    d.error === null
      ? portfolioItemOf(d.line, d.value)
      : { kind: 'Invalid' as const, origin: { line: d.line, ref: 'document' }, reason: d.error },
  );
}

export async function applyPortfolio(
  uow: UnitOfWork,
  ctx: Ctx,
  yaml: string,
  options: { dryRun: boolean; atomic: boolean },
): Promise<ImportReport> {
  requireAdmin(ctx.actor, 'apply portfolio files');
  return writePortfolio(uow, ctx, readPortfolio(yaml), { ...options, prune: true });
}
