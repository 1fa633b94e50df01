import { notFound } from '../../core/errors.js';
import type { OrgUnitId } from '../../core/ids.js';
import type { OrgUnit } from '../../core/people.js';
import { parseSort, type Ctx } from '../context.js';
import type { Page, UnitOfWork } from '../ports.js';

export async function getOrgUnit(uow: UnitOfWork, _ctx: Ctx, id: OrgUnitId): Promise<OrgUnit> {
  const unit = await uow.read.orgUnits.get(id);
  if (!unit) throw notFound('Organisation unit');
  return unit;
}

export function listOrgUnits(
  uow: UnitOfWork,
  _ctx: Ctx,
  query: {
    q?: string | undefined;
    active?: boolean | undefined;
    limit: number;
    cursor?: string | undefined;
    sort?: string | undefined;
  },
): Promise<Page<OrgUnit>> {
  return uow.read.orgUnits.list(
    { q: query.q, active: query.active },
    { limit: query.limit, cursor: query.cursor, sort: parseSort(query.sort) },
  );
}
