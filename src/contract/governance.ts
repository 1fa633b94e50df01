import { z } from 'zod';
import { Boolish, Instant, listQuery, page } from './common.js';
import { ServiceKind } from './services.js';

const ScopeParam = z
  .string()
  .trim()
  .max(200)
  .optional()
  .describe('portfolio (default), org_unit:<id> or service:<id or slug>');

export const IndexQuery = z.object({
  at: z
    .string()
    .trim()
    .max(40)
    .optional()
    .describe('a date (YYYY-MM-DD, its end of day) or an instant; default now'),
  scope: ScopeParam,
});

export const TrendQuery = z.object({
  from: z.string().trim().max(40).optional().describe('default: 364 days before to'),
  to: z.string().trim().max(40).optional().describe('default: now'),
  scope: ScopeParam,
});

const Scope = z.object({
  key: z.string(),
  kind: z.enum(['portfolio', 'org_unit', 'service']),
  name: z.string(),
});

export const CommitmentIndex = z
  .object({
    scope: Scope,
    at: Instant,
    value: z.number().nullable().describe('0–100; null when no component applies'),
    components: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        weight: z.number(),
        applies: z.boolean(),
        value: z.number().nullable().describe('0–1'),
        numerator: z.number(),
        denominator: z.number(),
        detail: z.string(),
      }),
    ),
  })
  .meta({ id: 'CommitmentIndex' });
export type CommitmentIndex = z.infer<typeof CommitmentIndex>;

export const CommitmentTrend = z
  .object({
    scope: Scope,
    from: Instant,
    to: Instant,
    dates: z.array(z.string()).describe('UTC days; each value is the state at the end of the day'),
    values: z.array(z.number().nullable()),
    components: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        weight: z.number(),
        values: z.array(z.number().nullable()),
      }),
    ),
  })
  .meta({ id: 'CommitmentTrend' });
export type CommitmentTrend = z.infer<typeof CommitmentTrend>;

export const UnownedService = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    kind: z.string(),
    tier: z.number().int(),
    orgUnitIds: z.array(z.string()),
    liveAt: Instant.nullable(),
    ownerlessSince: Instant.nullable(),
    nominationPending: z.boolean(),
  })
  .meta({ id: 'UnownedService' });
export type UnownedService = z.infer<typeof UnownedService>;

export const UnownedServicesQuery = listQuery([
  'tier',
  'name',
  'liveAt',
  'ownerlessSince',
] as const).extend({
  tier: z.coerce.number().int().min(1).max(4).optional(),
  kind: ServiceKind.optional(),
  orgUnitId: z.string().max(64).optional(),
  nominationPending: Boolish,
});
export type UnownedServicesQuery = z.output<typeof UnownedServicesQuery>;
export const UnownedServicesPage = page(UnownedService).extend({ total: z.number().int() });

const Coverage = {
  live: z.number().int(),
  owned: z.number().int(),
  percent: z.number().nullable(),
};

export const Governance = z
  .object({
    at: Instant,
    index: CommitmentIndex,
    trend: CommitmentTrend,
    coverage: z.object({
      byTier: z.array(z.object({ tier: z.number().int(), ...Coverage })),
      byOrgUnit: z.array(
        z.object({ id: z.string(), name: z.string(), ...Coverage, index: z.number().nullable() }),
      ),
    }),
    nominationsByAge: z.object({
      under7Days: z.number().int(),
      from7To30Days: z.number().int(),
      over30Days: z.number().int().describe('pending 30 days or more'),
      total: z.number().int(),
    }),
    lapsedRoles: z.object({
      total: z.number().int(),
      items: z.array(
        z.object({
          roleId: z.string(),
          kind: z.string(),
          personId: z.string(),
          personName: z.string(),
          subject: z.string(),
          serviceSlug: z.string().nullable(),
          lapsedAt: Instant,
        }),
      ),
    }),
    unownedServices: z.object({ total: z.number().int(), items: z.array(UnownedService) }),
  })
  .meta({ id: 'Governance' });
export type Governance = z.infer<typeof Governance>;
