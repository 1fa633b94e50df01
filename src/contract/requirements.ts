/**
 * Wire schemas of service level requirements and their negotiation: what the customer
 * representative asks for (revisions), comments and counter-proposals, and the service owner's
 * costed options. Terms, money and business value come from sl-terms.ts.
 */
import { z } from 'zod';
import {
  negotiationKinds,
  optionStatuses,
  requirementStatuses,
} from '../core/agreements/records.js';
import { Boolish, Id, Instant, listQuery, page } from './common.js';
import { BusinessValue, Currency, MinorAmount, ServiceLevelTerms } from './sl-terms.js';

export const RequirementStatus = z.enum(requirementStatuses);
export const NegotiationKind = z.enum(negotiationKinds, {
  message: 'must be comment or counter_proposal',
});
export const OptionStatus = z.enum(optionStatuses);

const text = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .min(min, `must say ${what} (at least ${min} characters)`)
    .max(max, `must be at most ${max} characters`);

const Title = text(3, 200, 'what is required');
const Justification = text(3, 5000, 'why the business needs this');

const PersonRef = z.object({ id: Id, name: z.string() });

/** One row of the requirements list. */
export const RequirementSummary = z
  .object({
    id: Id,
    title: z.string(),
    status: RequirementStatus,
    revision: z.number().int().describe('the current revision'),
    serviceId: Id,
    serviceName: z.string(),
    serviceSlug: z.string(),
    orgUnitId: Id,
    orgUnitName: z.string(),
    createdById: Id,
    createdByName: z.string(),
    availabilityPercent: z.number().nullable().describe('of the current revision'),
    proposedOptions: z.number().int().describe('options still proposed'),
    createdAt: Instant,
    updatedAt: Instant,
    version: z.number().int(),
  })
  .meta({ id: 'RequirementSummary' });
export type RequirementSummary = z.infer<typeof RequirementSummary>;

export const RequirementRevision = z
  .object({
    revision: z.number().int(),
    terms: ServiceLevelTerms,
    businessValue: BusinessValue,
    justification: z.string(),
    author: PersonRef,
    note: z.string().describe('why it changed; empty for the first revision'),
    createdAt: Instant,
  })
  .meta({ id: 'RequirementRevision' });
export type RequirementRevision = z.infer<typeof RequirementRevision>;

export const NegotiationEntry = z
  .object({
    id: Id,
    revision: z.number().int().describe('the revision it was written on'),
    author: PersonRef,
    kind: NegotiationKind,
    body: z.string(),
    terms: ServiceLevelTerms.nullable().describe('the counter-proposed terms'),
    adoptedInRevision: z
      .number()
      .int()
      .nullable()
      .describe('the revision made from this counter-proposal, if it was adopted'),
    createdAt: Instant,
  })
  .meta({ id: 'NegotiationEntry' });
export type NegotiationEntry = z.infer<typeof NegotiationEntry>;

export const RequirementOption = z
  .object({
    id: Id,
    requirementId: Id,
    revision: z.number().int().describe('the requirement revision it answers'),
    outdated: z.boolean().describe('it answers an earlier revision than the current one'),
    label: z.string(),
    terms: ServiceLevelTerms,
    currency: z.string(),
    monthlyCostMinor: z.number().int(),
    delivery: z.string(),
    status: OptionStatus,
    createdBy: PersonRef,
    createdAt: Instant,
    updatedAt: Instant,
    version: z.number().int(),
  })
  .meta({ id: 'RequirementOption' });
export type RequirementOption = z.infer<typeof RequirementOption>;

/** What the caller may do on a requirement now. */
export const RequirementCan = z.object({
  revise: z.boolean().describe('make a new revision (the customer representative)'),
  comment: z.boolean().describe('comment or counter-propose'),
  propose: z.boolean().describe('add or withdraw options (the service owner or a deputy)'),
  choose: z
    .boolean()
    .describe(
      'choose a proposed option answering the current revision (the customer representative)',
    ),
  withdraw: z.boolean().describe('withdraw the requirement (the customer representative)'),
});
export type RequirementCan = z.infer<typeof RequirementCan>;

/** A requirement with its revisions, the negotiation thread and the options. */
export const RequirementDetail = RequirementSummary.extend({
  current: RequirementRevision,
  revisions: z.array(RequirementRevision).describe('oldest first'),
  entries: z.array(NegotiationEntry).describe('oldest first'),
  options: z.array(RequirementOption).describe('oldest first, withdrawn included'),
  customerRepresentative: PersonRef.nullable().describe('who holds the role now'),
  serviceOwner: PersonRef.nullable().describe('who holds the role now'),
  calendars: z
    .array(z.object({ id: Id, name: z.string() }))
    .describe('the calendars named by the terms on this page'),
  can: RequirementCan,
}).meta({ id: 'RequirementDetail' });
export type RequirementDetail = z.infer<typeof RequirementDetail>;

export const CreateRequirement = z
  .object({
    serviceId: Id,
    orgUnitId: Id.describe('the customer: your organisation unit'),
    title: Title,
    terms: ServiceLevelTerms,
    businessValue: BusinessValue,
    justification: Justification,
  })
  .strict();
export type CreateRequirement = z.input<typeof CreateRequirement>;

export const ReviseRequirement = z
  .object({
    terms: ServiceLevelTerms,
    businessValue: BusinessValue,
    justification: Justification,
    note: text(3, 1000, 'what changed and why'),
  })
  .strict()
  .describe('a new revision; send If-Match with the requirement ETag');
export type ReviseRequirement = z.input<typeof ReviseRequirement>;

export const CreateNegotiationEntry = z
  .object({
    kind: NegotiationKind.default('comment'),
    body: text(1, 5000, 'something'),
    terms: ServiceLevelTerms.nullable().optional().describe('counter_proposal only: the terms'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'counter_proposal' && !v.terms)
      ctx.addIssue({
        code: 'custom',
        path: ['terms'],
        message: 'a counter-proposal states the terms it proposes',
      });
    if (v.kind === 'comment' && v.terms)
      ctx.addIssue({
        code: 'custom',
        path: ['terms'],
        message: 'a comment has no terms; make it a counter_proposal',
      });
  });
export type CreateNegotiationEntry = z.input<typeof CreateNegotiationEntry>;

export const CreateOption = z
  .object({
    label: text(1, 100, 'a name for the option'),
    terms: ServiceLevelTerms,
    currency: Currency,
    monthlyCostMinor: MinorAmount.describe('what it costs per month, in minor units (cents)'),
    delivery: text(3, 2000, 'what it takes to deliver'),
  })
  .strict();
export type CreateOption = z.input<typeof CreateOption>;

export const RequirementsQuery = listQuery([
  'createdAt',
  'updatedAt',
  'title',
  'status',
  'service',
] as const).extend({
  service: z.string().trim().max(200).optional().describe('service slug or id'),
  orgUnit: Id.optional().describe('the customer organisation unit'),
  status: RequirementStatus.optional(),
  mine: Boolish.describe(
    'only requirements I can act on: as their customer representative, service owner or deputy',
  ),
});
export type RequirementsQuery = z.output<typeof RequirementsQuery>;
export const RequirementsPage = page(RequirementSummary);

export const RevisionParams = z.object({
  id: Id,
  a: z.coerce.number().int().min(1),
  b: z.coerce.number().int().min(1),
});
export const EntryParams = z.object({ id: Id, entryId: Id });
export const OptionParams = z.object({ id: Id, optionId: Id });

export const DiffEntry = z
  .object({
    path: z.string().describe('where it changed, e.g. terms.P1.resolution.duration'),
    label: z.string().describe('the change in words'),
    before: z.string().nullable(),
    after: z.string().nullable(),
  })
  .meta({ id: 'DiffEntry' });

export const RevisionDiff = z
  .object({
    requirementId: Id,
    from: z.number().int(),
    to: z.number().int(),
    changes: z
      .array(DiffEntry)
      .describe('terms first, then business value and justification; empty when the same'),
  })
  .meta({ id: 'RequirementRevisionDiff' });
export type RevisionDiff = z.infer<typeof RevisionDiff>;
