/**
 * Writes a parsed portfolio (from any format) in one transaction and reports every item:
 * teams and organisation units first, then services, then their dependencies, then the
 * services the file retires. A rejected item changes nothing; the rest is applied — unless
 * the write is atomic (then nothing is) or a dry run (rolled back, reported as it would be).
 */
import { requireAdmin } from '../../core/actor.js';
import { DomainError } from '../../core/errors.js';
import type { PortfolioItem } from '../../core/portfolio.js';
import type { ImportItem, ImportReport } from '../../contract/portfolio.js';
import type { Ctx } from '../context.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { applyServiceUpdate } from '../services/update-service.js';
import {
  writeDependencies,
  type DeclaredService,
  type DependencyWriter,
} from './write-dependencies.js';
import { writeOrgUnit, writeTeam } from './write-groups.js';
import { writeService } from './write-service.js';

export interface WriteOptions {
  dryRun: boolean;
  atomic: boolean;
  /** Remove dependencies a declared service no longer lists (declarative formats). */
  prune: boolean;
}

const outcomes = ['created', 'updated', 'unchanged', 'removed', 'skipped', 'rejected'] as const;

export async function writePortfolio(
  uow: UnitOfWork,
  ctx: Ctx,
  items: PortfolioItem[],
  options: WriteOptions,
): Promise<ImportReport> {
  requireAdmin(ctx.actor, 'import into the portfolio');
  const report: ImportReport = {
    dryRun: options.dryRun,
    atomic: options.atomic,
    applied: false,
    created: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    skipped: 0,
    rejected: 0,
    items: [],
  };
  const rollback = new Error('roll back');
  try {
    await uow.transaction(async (repos) => {
      await writeAll(repos, ctx, items, report, options.prune);
      if (options.dryRun || (options.atomic && report.items.some((i) => i.outcome === 'rejected')))
        throw rollback;
      report.applied = true;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  report.items.sort((a, b) => a.line - b.line);
  for (const o of outcomes) report[o] = report.items.filter((i) => i.outcome === o).length;
  return report;
}

const nameKey = (s: string) => s.trim().toLowerCase();

async function writeAll(
  repos: Repositories,
  ctx: Ctx,
  items: PortfolioItem[],
  report: ImportReport,
  prune: boolean,
): Promise<void> {
  const push: DependencyWriter['report'] = (item) => report.items.push({ changes: [], ...item });
  const firstLine = new Map<string, number>();
  /** The line an earlier item with the same identity was declared on, if any. */
  const duplicateOf = (key: string, line: number) => {
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, line);
    return first;
  };
  const guard = async (
    item: PortfolioItem,
    key: string,
    work: () => Promise<Pick<ImportItem, 'outcome' | 'changes'> & { note?: string | null }>,
  ): Promise<boolean> => {
    const base = { line: item.origin.line, kind: item.kind, ref: item.origin.ref };
    const first = duplicateOf(key, item.origin.line);
    if (first !== undefined) {
      push({ ...base, outcome: 'rejected', reason: `already declared on line ${first}` });
      return false;
    }
    try {
      const { outcome, changes, note } = await work();
      push({ ...base, outcome, changes, reason: note ?? null });
      return true;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      push({ ...base, outcome: 'rejected', reason: error.message });
      return false;
    }
  };

  for (const item of items) {
    const base = { line: item.origin.line, kind: item.kind, ref: item.origin.ref };
    if (item.kind === 'Invalid') push({ ...base, outcome: 'rejected', reason: item.reason });
    if (item.kind === 'Skipped') push({ ...base, outcome: 'skipped', reason: item.note });
    if (item.kind === 'Team')
      await guard(item, `team:${nameKey(item.spec.name)}`, () => writeTeam(repos, ctx, item.spec));
    if (item.kind === 'OrgUnit')
      await guard(item, `unit:${nameKey(item.spec.name)}`, () =>
        writeOrgUnit(repos, ctx, item.spec),
      );
  }

  const declared: DeclaredService[] = [];
  const toRetire: DeclaredService[] = [];
  const w: DependencyWriter = { written: new Map(), rejected: new Set(), report: push };
  for (const item of items) {
    if (item.kind !== 'Service') continue;
    const { spec } = item;
    const keys = [`slug:${spec.slug}`, ...(spec.sourceRef ? [`ref:${spec.sourceRef}`] : [])];
    const ok = await guard(item, `service:${keys.at(-1)}`, async () => {
      const result = await writeService(repos, ctx, spec);
      const d = { origin: item.origin, spec, service: result.service };
      declared.push(d);
      if (result.retire && result.service.lifecycle !== 'retired') toRetire.push(d);
      for (const k of keys) w.written.set(k, result.service);
      return result;
    });
    if (!ok) for (const k of keys) w.rejected.add(k);
  }

  await writeDependencies(repos, ctx, declared, w, prune);

  for (const d of toRetire) {
    const current = await repos.services.get(d.service.id);
    if (!current || current.lifecycle === 'retired') continue;
    await applyServiceUpdate(
      repos,
      ctx,
      current.id,
      current.version,
      { lifecycle: 'retired' },
      'service.retired',
    );
  }
}
