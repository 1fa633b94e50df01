/**
 * The attainment reports as the API asks for them: the portfolio (filtered by review period,
 * service and customer), one agreement (by id or code) and the agreements of one service.
 */
import type { z } from 'zod';
import type { AgreementId } from '../../core/agreements/content.js';
import { notFound } from '../../core/errors.js';
import type { OrgUnitId } from '../../core/ids.js';
import type {
  AgreementAttainmentQuery,
  AgreementAttainmentReport,
  AgreementRangeQuery,
} from '../../contract/agreement-attainment.js';
import type { Ctx } from '../context.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { findService } from '../services/service-rules.js';
import { agreementAttainmentIn, serviceFilter } from './attainment.js';

type PortfolioQuery = Omit<z.output<typeof AgreementAttainmentQuery>, 'format' | 'detail'>;
type RangeQuery = Omit<z.output<typeof AgreementRangeQuery>, 'format' | 'detail'>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An agreement by its id or its code (SLA-0001, any case). */
export async function findAgreement(repos: Repositories, ref: string) {
  const found = uuid.test(ref)
    ? await repos.agreements.get(ref as AgreementId)
    : await repos.agreements.getByCode(ref.trim().toUpperCase());
  if (!found) throw notFound(`Agreement ${ref}`);
  return found;
}

export async function portfolioAttainment(
  uow: UnitOfWork,
  ctx: Ctx,
  query: PortfolioQuery,
): Promise<AgreementAttainmentReport> {
  return agreementAttainmentIn(uow.read, ctx, {
    from: query.from,
    to: query.to,
    period: query.period,
    serviceId: query.service ? await serviceFilter(uow.read, query.service) : undefined,
    orgUnitId: query.orgUnit as OrgUnitId | undefined,
  });
}

export async function agreementAttainmentOf(
  uow: UnitOfWork,
  ctx: Ctx,
  ref: string,
  query: RangeQuery,
): Promise<AgreementAttainmentReport> {
  const agreement = await findAgreement(uow.read, ref);
  return agreementAttainmentIn(uow.read, ctx, { ...query, agreementIds: [agreement.id] });
}

export async function serviceAgreementAttainment(
  uow: UnitOfWork,
  ctx: Ctx,
  ref: string,
  query: RangeQuery,
): Promise<AgreementAttainmentReport> {
  const service = await findService(uow.read, ref);
  return agreementAttainmentIn(uow.read, ctx, { ...query, serviceId: service.id });
}
