/**
 * Imports services from CSV, one row per service, matched by slug (so re-importing updates).
 * The columns line up with the CSV export (GET /api/v1/services?format=csv): an exported file
 * imports as it is. Only the columns present are written; lists are separated by `;`.
 */
import { requireAdmin } from '../../core/actor.js';
import type { PortfolioItem, ServiceSpec } from '../../core/portfolio.js';
import {
  dependencyTypes,
  serviceKinds,
  slugify,
  type DependencyType,
  type Lifecycle,
  type ServiceKind,
} from '../../core/services.js';
import type { ImportReport } from '../../contract/portfolio.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { writePortfolio } from './write-portfolio.js';
import { readCsvTable } from '../csv-table.js';

/** Columns read. `team`/`customers` take names; the export's `teamId`/`orgUnitIds` take ids. */
export const servicesCsvColumns = [
  'slug',
  'name',
  'kind',
  'lifecycle',
  'tier',
  'team',
  'teamId',
  'customers',
  'orgUnitIds',
  'tags',
  'system',
  'domain',
  'description',
  'depends_on',
] as const;
/** Export columns that are recorded by Charter itself and ignored on import. */
const ignored = ['id', 'liveAt', 'retiredAt', 'createdAt', 'updatedAt'];
export const maxServiceRows = 20_000;

const list = (v: string) =>
  v
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
const text = (v: string | undefined) => (v === undefined ? undefined : v === '' ? null : v);

export function readServicesCsv(csv: string): PortfolioItem[] {
  const { rows } = readCsvTable(csv, {
    known: [...servicesCsvColumns, ...ignored],
    required: ['name', 'kind'],
    maxRows: maxServiceRows,
  });
  return rows.map(({ values, line }): PortfolioItem => {
    const get = (c: string) => values.get(c);
    const slug = get('slug') || slugify(get('name') ?? '');
    const origin = { line: line, ref: `Service/${slug || '?'}` };
    const kind = get('kind') ?? '';
    if (!(serviceKinds as readonly string[]).includes(kind))
      return {
        kind: 'Invalid',
        origin,
        reason: `kind: must be one of ${serviceKinds.join(', ')} (got ${JSON.stringify(kind)})`,
      };
    const badType = list(get('depends_on') ?? '')
      .map((d) => d.split(':')[1])
      .find((t) => t !== undefined && !(dependencyTypes as readonly string[]).includes(t));
    if (badType !== undefined)
      return {
        kind: 'Invalid',
        origin,
        reason: `depends_on: unknown dependency type ${JSON.stringify(badType)}; use slug or slug:${dependencyTypes.join('|')}`,
      };
    const tier = get('tier');
    const spec: ServiceSpec = {
      slug,
      name: get('name') ?? '',
      kind: kind as ServiceKind,
      lifecycle: (get('lifecycle') || undefined) as Lifecycle | undefined,
      tier: tier ? Number(tier) : undefined,
      team: text(get('team')),
      teamId: get('team') === undefined ? text(get('teamId')) : undefined,
      customers: values.has('customers') ? list(get('customers')!) : undefined,
      customerIds:
        values.has('orgUnitIds') && !values.has('customers') ? list(get('orgUnitIds')!) : undefined,
      tags: values.has('tags') ? list(get('tags')!) : undefined,
      system: text(get('system')),
      domain: text(get('domain')),
      description: text(get('description')),
      dependsOn: values.has('depends_on')
        ? list(get('depends_on')!).map((s) => {
            const [target = '', type = 'uses'] = s.split(':');
            return { target: { slug: target }, type: type as DependencyType };
          })
        : undefined,
    };
    return { kind: 'Service', origin, spec };
  });
}

export async function importServicesCsv(
  uow: UnitOfWork,
  ctx: Ctx,
  csv: string,
  options: { dryRun: boolean; atomic: boolean },
): Promise<ImportReport> {
  requireAdmin(ctx.actor, 'import services');
  return writePortfolio(uow, ctx, readServicesCsv(csv), { ...options, prune: true });
}
