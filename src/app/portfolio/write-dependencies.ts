/**
 * The dependencies declared with services, inside the import's transaction. Edges go through
 * insertDependency, so self-edges, retired services and cycles are refused per edge.
 */
import { DomainError, invalid } from '../../core/errors.js';
import { show, type Origin, type ServiceSpec, type ServiceTarget } from '../../core/portfolio.js';
import type { Dependency, Service } from '../../core/services.js';
import type { ImportItem } from '../../contract/portfolio.js';
import { recordChange, type Ctx } from '../context.js';
import type { Repositories } from '../ports.js';
import { insertDependency } from '../services/add-dependency.js';

export interface DeclaredService {
  origin: Origin;
  spec: ServiceSpec;
  service: Service;
}

export const targetKey = (t: ServiceTarget) =>
  'slug' in t ? `slug:${t.slug}` : `ref:${t.sourceRef}`;
const targetName = (t: ServiceTarget) => ('slug' in t ? t.slug : t.sourceRef);

export interface DependencyWriter {
  /** Services written by this import, by target key. */
  written: Map<string, Service>;
  /** Services of this import that were rejected, by target key. */
  rejected: Set<string>;
  report(item: Omit<ImportItem, 'changes'> & { changes?: ImportItem['changes'] }): void;
}

async function resolve(
  repos: Repositories,
  w: DependencyWriter,
  target: ServiceTarget,
): Promise<Service | null> {
  const known = w.written.get(targetKey(target));
  if (known) return known;
  return 'slug' in target
    ? repos.services.getBySlug(target.slug)
    : repos.services.getBySourceRef(target.sourceRef);
}

async function removeEdge(repos: Repositories, ctx: Ctx, edge: Dependency): Promise<void> {
  await repos.services.deleteDependency(edge.id);
  await recordChange(repos.audit, ctx, {
    action: 'dependency.removed',
    entityType: 'dependency',
    entityId: edge.id,
    before: edge,
  });
}

/**
 * Writes every declared dependency. With `prune`, a service's dependencies not listed in its
 * declaration are removed first (so reversing an edge does not look like a cycle).
 */
export async function writeDependencies(
  repos: Repositories,
  ctx: Ctx,
  declared: DeclaredService[],
  w: DependencyWriter,
  prune: boolean,
): Promise<void> {
  const managed = declared.filter((d) => d.spec.dependsOn !== undefined);
  if (prune) {
    for (const d of managed) {
      const wanted = new Set<string>();
      for (const dep of d.spec.dependsOn ?? []) {
        const to = await resolve(repos, w, dep.target);
        if (to) wanted.add(to.id);
      }
      for (const edge of (await repos.services.dependenciesOf(d.service.id)).outgoing) {
        if (wanted.has(edge.toId)) continue;
        const to = await repos.services.get(edge.toId);
        await removeEdge(repos, ctx, edge);
        w.report({
          line: d.origin.line,
          kind: 'Dependency',
          ref: `${d.service.slug} -> ${to?.slug ?? edge.toId}`,
          outcome: 'removed',
          reason: null,
        });
      }
    }
  }
  for (const d of managed) {
    const listed = new Set<string>();
    for (const dep of d.spec.dependsOn ?? []) {
      const ref = `${d.service.slug} -> ${targetName(dep.target)}`;
      const item = { line: d.origin.line, kind: 'Dependency', ref };
      const reject = (reason: string) => w.report({ ...item, outcome: 'rejected', reason });
      if (listed.has(targetKey(dep.target))) {
        reject(`${targetName(dep.target)} is listed twice`);
        continue;
      }
      listed.add(targetKey(dep.target));
      const to = await resolve(repos, w, dep.target);
      if (!to) {
        reject(
          w.rejected.has(targetKey(dep.target))
            ? `${targetName(dep.target)} was rejected (see its own entry)`
            : `no service ${targetName(dep.target)} in this file or in Charter`,
        );
        continue;
      }
      const input = { fromId: d.service.id, toId: to.id, type: dep.type, note: dep.note ?? null };
      try {
        const existing = await repos.services.findDependency(d.service.id, to.id);
        if (!existing) {
          await insertDependency(repos, ctx, input);
          w.report({
            ...item,
            ref: `${d.service.slug} -> ${to.slug}`,
            outcome: 'created',
            reason: null,
          });
          continue;
        }
        const changes = [];
        if (existing.type !== dep.type)
          changes.push({ field: 'type', from: show(existing.type), to: show(dep.type) });
        if (dep.note !== undefined && existing.note !== dep.note)
          changes.push({ field: 'note', from: show(existing.note), to: show(dep.note) });
        if (changes.length > 0) {
          const retired = [d.service, to].find((s) => s.lifecycle === 'retired');
          if (retired) throw invalid('dependsOn', `${retired.name} is retired`);
          if (dep.note === undefined) input.note = existing.note;
          await removeEdge(repos, ctx, existing);
          await insertDependency(repos, ctx, input);
        }
        w.report({
          ...item,
          ref: `${d.service.slug} -> ${to.slug}`,
          outcome: changes.length > 0 ? 'updated' : 'unchanged',
          changes,
          reason: null,
        });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        reject(error.message);
      }
    }
  }
}
