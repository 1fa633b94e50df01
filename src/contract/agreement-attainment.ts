/**
 * Wire schemas of agreement attainment: per agreement and review period, each target's
 * compliance, the agreement's compliance %, the money band reached and the reward, penalty,
 * cost of misses and net amount. See docs/sla-money.md.
 */
import { z } from 'zod';
import { reviewPeriods } from '../core/agreements/content.js';
import { Instant } from './common.js';

const day = /^\d{4}-\d{2}-\d{2}$/;
const dateOrInstant = z
  .string()
  .trim()
  .refine((s) => day.test(s) || !Number.isNaN(Date.parse(s)), {
    message: 'must be a date (YYYY-MM-DD) or an ISO-8601 instant',
  });

export const AgreementAttainmentQuery = z.object({
  from: dateOrInstant
    .optional()
    .describe('first day (UTC), inclusive; default: the start of the last 4 completed periods'),
  to: dateOrInstant
    .optional()
    .describe('last day (UTC), inclusive; default: the end of the last completed period'),
  period: z
    .enum(reviewPeriods)
    .optional()
    .describe('only agreements reviewed per month or per quarter'),
  service: z.string().trim().min(1).max(200).optional().describe('service slug or id'),
  orgUnit: z.string().trim().min(1).max(200).optional().describe('customer organisation unit id'),
  format: z.enum(['json', 'csv']).default('json'),
  detail: z
    .enum(['periods', 'targets'])
    .default('periods')
    .describe('CSV: one line per agreement and period, or per target as well'),
});
export type AgreementAttainmentQuery = z.input<typeof AgreementAttainmentQuery>;

export const AgreementRangeQuery = AgreementAttainmentQuery.pick({
  from: true,
  to: true,
  format: true,
  detail: true,
});

export const AttainmentBand = z.object({
  minCompliancePercent: z.number(),
  kind: z.enum(['reward', 'penalty', 'none']),
  amountMinor: z.number().int(),
});

export const TargetAttainment = z
  .object({
    key: z.string().describe('availability, or priority.metric such as P1.resolution'),
    label: z.string(),
    kind: z.enum(['tickets', 'availability']),
    goalPercent: z.number(),
    judged: z.number().int().nullable().describe('tickets judged (met + missed)'),
    met: z.number().int().nullable(),
    totalSeconds: z.number().nullable().describe('seconds of service hours measured'),
    downSeconds: z.number().nullable(),
    compliancePercent: z.number().nullable().describe('rounded down'),
    status: z.enum(['met', 'missed', 'no_data']),
  })
  .meta({ id: 'TargetAttainment' });
export type TargetAttainment = z.infer<typeof TargetAttainment>;

const money = {
  currency: z.string(),
  rewardMinor: z.number().int(),
  penaltyMinor: z.number().int(),
  costOfMissesMinor: z.number().int(),
  netMinor: z.number().int().describe('reward − penalty − cost of misses'),
};

export const AgreementPeriodAttainment = z
  .object({
    agreementId: z.string(),
    code: z.string(),
    title: z.string(),
    serviceId: z.string(),
    serviceSlug: z.string(),
    serviceName: z.string(),
    orgUnitId: z.string(),
    customerName: z.string(),
    reviewPeriod: z.enum(reviewPeriods),
    period: z.string().describe('2026-03 or 2026-Q1'),
    periodStart: Instant,
    periodEnd: Instant,
    complete: z.boolean().describe('false: the period is still running, measured up to now'),
    versionId: z.string().describe('the version in effect at the end of the period'),
    versionNumber: z.number().int(),
    versionNumbers: z.array(z.number().int()).describe('every version in effect in the period'),
    targetsMet: z.number().int(),
    targetsMissed: z.number().int(),
    targetsNoData: z.number().int(),
    compliancePercent: z.number().nullable().describe('targets met / targets measured × 100'),
    band: AttainmentBand.nullable(),
    ...money,
    targets: z.array(TargetAttainment),
  })
  .meta({ id: 'AgreementPeriodAttainment' });
export type AgreementPeriodAttainment = z.infer<typeof AgreementPeriodAttainment>;

export const AttainmentTrendPoint = z.object({
  period: z.string(),
  agreements: z.number().int(),
  targetsMet: z.number().int(),
  targetsMissed: z.number().int(),
  compliancePercent: z.number().nullable().describe('all targets met / measured × 100'),
  ...money,
});
export type AttainmentTrendPoint = z.infer<typeof AttainmentTrendPoint>;

export const AgreementAttainmentReport = z
  .object({
    from: Instant,
    to: Instant,
    period: z.enum(reviewPeriods).nullable(),
    at: Instant.describe('open tickets and outages are judged at this instant'),
    rows: z.array(AgreementPeriodAttainment),
    trend: z.array(AttainmentTrendPoint),
  })
  .meta({ id: 'AgreementAttainmentReport' });
export type AgreementAttainmentReport = z.infer<typeof AgreementAttainmentReport>;

/** CSV columns of one line per agreement and period. */
export const agreementAttainmentCsvColumns = [
  'code',
  'title',
  'serviceSlug',
  'serviceName',
  'customerName',
  'reviewPeriod',
  'period',
  'complete',
  'versionNumber',
  'targetsMet',
  'targetsMissed',
  'targetsNoData',
  'compliancePercent',
  'bandKind',
  'bandMinCompliancePercent',
  'currency',
  'rewardMinor',
  'penaltyMinor',
  'costOfMissesMinor',
  'netMinor',
] as const;

/** CSV columns of one line per agreement, period and target. */
export const targetAttainmentCsvColumns = [
  'code',
  'serviceSlug',
  'customerName',
  'period',
  'versionNumber',
  'key',
  'label',
  'goalPercent',
  'judged',
  'met',
  'totalSeconds',
  'downSeconds',
  'compliancePercent',
  'status',
] as const;

export type AttainmentCsvLine = Omit<AgreementPeriodAttainment, 'band' | 'targets'> & {
  bandKind: string | null;
  bandMinCompliancePercent: number | null;
};

/** The flat lines of the CSV export (agreement × period), as the web table shows them. */
export function attainmentCsvLines(
  rows: readonly AgreementPeriodAttainment[],
): AttainmentCsvLine[] {
  return rows.map(({ band, targets: _, ...row }) => ({
    ...row,
    bandKind: band?.kind ?? null,
    bandMinCompliancePercent: band?.minCompliancePercent ?? null,
  }));
}

export type TargetCsvLine = TargetAttainment &
  Pick<
    AgreementPeriodAttainment,
    'code' | 'serviceSlug' | 'customerName' | 'period' | 'versionNumber'
  >;

export function targetCsvLines(rows: readonly AgreementPeriodAttainment[]): TargetCsvLine[] {
  return rows.flatMap((r) =>
    r.targets.map((t) => ({
      code: r.code,
      serviceSlug: r.serviceSlug,
      customerName: r.customerName,
      period: r.period,
      versionNumber: r.versionNumber,
      ...t,
    })),
  );
}
