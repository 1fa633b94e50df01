import { z } from 'zod';
import { Name, OptionalText } from './common.js';
import {
  DependencyType,
  Lifecycle,
  Money,
  ServiceKind,
  ServiceLink,
  Slug,
  Tier,
  UpdateService,
} from './services.js';

/** The format version Charter writes and reads (`apiVersion:` is optional on input). */
export const portfolioApiVersion = 'charter/v1';
const ApiVersion = z
  .literal(portfolioApiVersion, {
    message: `must be ${portfolioApiVersion}`,
  })
  .optional();

/** `kind: Team` in Charter's portfolio YAML. Membership is managed in Charter, not here. */
export const TeamDoc = z
  .object({
    apiVersion: ApiVersion,
    kind: z.literal('Team'),
    name: Name,
    description: OptionalText(2000),
  })
  .strict();

/** `kind: OrgUnit`: an organisation unit, the customer of business services. */
export const OrgUnitDoc = z
  .object({
    apiVersion: ApiVersion,
    kind: z.literal('OrgUnit'),
    name: Name,
    description: OptionalText(2000),
  })
  .strict();

export const DependencyDoc = z
  .object({
    service: Slug.describe('slug of the service depended on'),
    type: DependencyType.default('uses'),
    note: OptionalText(1000),
  })
  .strict();

/**
 * `kind: Service`. The document is the whole truth about the service: a field left out is
 * empty (or its default), and `dependsOn` lists every dependency the service has.
 */
export const ServiceDoc = z
  .object({
    apiVersion: ApiVersion,
    kind: z.literal('Service'),
    slug: Slug,
    name: Name,
    serviceKind: ServiceKind,
    lifecycle: Lifecycle.default('pipeline'),
    tier: Tier.default(3),
    team: z.string().trim().min(1).max(200).nullable().optional(),
    customers: z.array(Name).max(100).default([]),
    description: OptionalText(5000),
    valueStatement: OptionalText(2000),
    monthlyCost: Money.nullable().optional(),
    links: z.array(ServiceLink).max(50).default([]),
    tags: UpdateService.shape.tags.default([]),
    system: OptionalText(200),
    domain: OptionalText(200),
    dependsOn: z.array(DependencyDoc).max(500).default([]),
  })
  .strict();
export type ServiceDoc = z.output<typeof ServiceDoc>;

/** The value checks every imported service passes, whichever format it came in. */
export const ServiceSpecCheck = z.object({
  slug: Slug,
  name: Name,
  kind: ServiceKind,
  description: UpdateService.shape.description,
  lifecycle: Lifecycle.optional(),
  tier: Tier.optional(),
  valueStatement: UpdateService.shape.valueStatement,
  monthlyCost: Money.nullable().optional(),
  links: UpdateService.shape.links,
  tags: UpdateService.shape.tags,
  system: UpdateService.shape.system,
  domain: UpdateService.shape.domain,
});

export const ImportOutcome = z.enum([
  'created',
  'updated',
  'unchanged',
  'removed',
  'skipped',
  'rejected',
]);

export const ImportItem = z
  .object({
    line: z.number().int().describe('line of the file where the item is declared (1-based)'),
    kind: z.string().describe('Team, OrgUnit, Service, Dependency, or the source kind'),
    ref: z.string().describe('what the item is, e.g. Service/payments or a -> b'),
    outcome: ImportOutcome,
    changes: z
      .array(z.object({ field: z.string(), from: z.string(), to: z.string() }))
      .describe('for updated items: each changed field, old and new'),
    reason: z.string().nullable().describe('why it was rejected or skipped, or a note'),
  })
  .meta({ id: 'ImportItem' });
export type ImportItem = z.infer<typeof ImportItem>;

export const ImportReport = z
  .object({
    dryRun: z.boolean(),
    atomic: z.boolean(),
    applied: z
      .boolean()
      .describe('false for a dry run, and for an atomic import with a rejected item'),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    removed: z.number().int(),
    skipped: z.number().int(),
    rejected: z.number().int(),
    items: z.array(ImportItem),
  })
  .meta({ id: 'ImportReport' });
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false'),
  atomic: z
    .enum(['true', 'false'])
    .default('false')
    .describe('apply nothing when any item is rejected'),
});
