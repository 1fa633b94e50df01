import { z } from 'zod';
import { dependencyTypes, lifecycles, serviceKinds, slugPattern } from '../core/services.js';
import { Boolish, Id, Instant, Name, OptionalText, listQuery, page } from './common.js';

export const ServiceKind = z.enum(serviceKinds);
export const Lifecycle = z.enum(lifecycles);
export const Tier = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  message: 'must be a tier from 1 (most critical) to 4',
});
export const DependencyType = z.enum(dependencyTypes);

export const Slug = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(80, 'must be at most 80 characters')
  .regex(
    slugPattern,
    'must be lower-case letters, digits and single hyphens, e.g. online-marketplace',
  );

export const Money = z
  .object({
    amountMinor: z.number().int('must be a whole number of cents').min(0).max(1e13),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
  })
  .strict();

export const ServiceLink = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(200),
    url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000),
  })
  .strict();

const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'must not be empty')
  .max(50, 'must be at most 50 characters')
  .regex(/^[a-z0-9][a-z0-9:._-]*$/, 'must be letters, digits and : . _ -');

export const Service = z
  .object({
    id: Id,
    slug: z.string(),
    name: z.string(),
    kind: ServiceKind,
    description: z.string().nullable(),
    lifecycle: Lifecycle,
    liveAt: Instant.nullable(),
    retiredAt: Instant.nullable(),
    tier: z.number().int(),
    teamId: Id.nullable(),
    orgUnitIds: z.array(Id),
    valueStatement: z.string().nullable(),
    monthlyCost: Money.nullable(),
    links: z.array(ServiceLink),
    tags: z.array(z.string()),
    system: z.string().nullable(),
    domain: z.string().nullable(),
    version: z.number().int(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Service' });
export type Service = z.infer<typeof Service>;

const fields = {
  name: Name,
  slug: Slug,
  kind: ServiceKind,
  description: OptionalText(5000),
  lifecycle: z.enum(['pipeline', 'live'], {
    message: 'must be pipeline or live (retire with POST …/retire)',
  }),
  tier: Tier,
  teamId: Id.nullable(),
  orgUnitIds: z.array(Id).max(100),
  valueStatement: OptionalText(2000),
  monthlyCost: Money.nullable(),
  links: z.array(ServiceLink).max(50),
  tags: z.array(Tag).max(50),
  system: OptionalText(200),
  domain: OptionalText(200),
};

export const CreateService = z
  .object({
    ...fields,
    slug: Slug.optional().describe('derived from the name when left out'),
    lifecycle: fields.lifecycle.default('pipeline'),
    tier: Tier.default(3),
    teamId: Id.nullable().optional(),
    orgUnitIds: fields.orgUnitIds.default([]),
    monthlyCost: Money.nullable().optional(),
    links: fields.links.default([]),
    tags: fields.tags.default([]),
  })
  .strict();
export type CreateService = z.input<typeof CreateService>;

export const UpdateService = z.object(fields).partial().strict();
export type UpdateService = z.input<typeof UpdateService>;

export const ServicesQuery = listQuery([
  'name',
  'slug',
  'tier',
  'kind',
  'lifecycle',
  'createdAt',
] as const).extend({
  kind: ServiceKind.optional(),
  lifecycle: Lifecycle.optional(),
  tier: z.coerce.number().int().min(1).max(4).optional(),
  teamId: Id.optional(),
  orgUnitId: Id.optional(),
  tag: z.string().trim().toLowerCase().max(50).optional(),
  includeRetired: Boolish.describe(
    'retired services are listed only when asked for or filtered by lifecycle',
  ),
});
export type ServicesQuery = z.output<typeof ServicesQuery>;
export const ServicesPage = page(Service);

export const Dependency = z
  .object({
    id: Id,
    fromId: Id.describe('the service that depends'),
    toId: Id.describe('the service it depends on'),
    type: DependencyType,
    note: z.string().nullable(),
    createdAt: Instant,
  })
  .meta({ id: 'Dependency' });
export type Dependency = z.infer<typeof Dependency>;

export const CreateDependency = z
  .object({
    fromId: Id,
    toId: Id,
    type: DependencyType.default('uses'),
    note: OptionalText(1000),
  })
  .strict();
export type CreateDependency = z.input<typeof CreateDependency>;

export const ServiceSummary = z
  .object({
    id: Id,
    slug: z.string(),
    name: z.string(),
    kind: ServiceKind,
    lifecycle: Lifecycle,
    tier: z.number().int(),
    teamId: Id.nullable(),
    orgUnitIds: z.array(Id),
  })
  .meta({ id: 'ServiceSummary' });

const Reached = ServiceSummary.extend({
  depth: z.number().int().describe('hops from the service'),
});

export const Impact = z
  .object({
    service: ServiceSummary,
    dependents: z.array(Reached).describe('every service that depends on it, transitively'),
    dependencies: z.array(Reached).describe('every service it depends on, transitively'),
    businessServicesAffected: z
      .array(Reached)
      .describe('business services among the dependents (and itself)'),
    teams: z
      .array(z.object({ teamId: Id, services: z.number().int() }))
      .describe('teams involved, upstream and downstream'),
    orgUnitsAffected: z.array(Id).describe('customers of the affected business services'),
  })
  .meta({ id: 'Impact' });
export type Impact = z.infer<typeof Impact>;

export const ServiceView = z
  .object({
    root: ServiceSummary,
    nodes: z.array(Reached),
    edges: z.array(Dependency),
  })
  .meta({ id: 'ServiceView' });
export type ServiceView = z.infer<typeof ServiceView>;

export const ServiceRefParams = z.object({
  id: z.string().min(1).max(80).describe('service id or slug'),
});
