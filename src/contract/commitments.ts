import { z } from 'zod';
import {
  backings,
  commitmentSourceTypes,
  commitmentStatuses,
  delivererTypes,
  recipientTypes,
} from '../core/commitments.js';
import { Id, Instant, listQuery, page } from './common.js';

export const CommitmentStatus = z.enum(commitmentStatuses);
export const Backing = z.enum(backings);
export const RecipientType = z.enum(recipientTypes, {
  message: 'must be person, team or org_unit',
});
export const DelivererType = z.enum(delivererTypes, { message: 'must be person or team' });

const What = z
  .string()
  .trim()
  .min(3, 'must say what is promised (at least 3 characters)')
  .max(2000, 'must be at most 2000 characters');
const DueAt = z.iso
  .datetime({ offset: true, message: 'must be an ISO-8601 date-time, e.g. 2026-06-30T17:00:00Z' })
  .transform((v) => new Date(v).toISOString());

/** A commitment as the API shows it, with the parties' names and how it is backed now. */
export const Commitment = z
  .object({
    id: Id,
    makerId: Id,
    makerName: z.string(),
    toType: RecipientType,
    toId: Id,
    toName: z.string(),
    delivererType: DelivererType,
    delivererId: Id,
    delivererName: z.string(),
    what: z.string(),
    dueAt: Instant,
    serviceId: Id.nullable(),
    serviceName: z.string().nullable(),
    status: CommitmentStatus,
    backing: Backing.describe(
      'self: the maker delivers it; accepted; pending: not answered (unbacked); rejected (unbacked)',
    ),
    unbacked: z.boolean().describe('open, delivered by someone else, and not accepted'),
    acceptedAt: Instant.nullable(),
    acceptedById: Id.nullable(),
    rejectedAt: Instant.nullable(),
    rejectedById: Id.nullable(),
    rejectionReason: z.string().nullable(),
    doneAt: Instant.nullable(),
    withdrawnAt: Instant.nullable(),
    sourceType: z.enum(commitmentSourceTypes).nullable(),
    sourceId: z.string().nullable(),
    version: z.number().int(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Commitment' });
export type Commitment = z.infer<typeof Commitment>;

/** The maker is always the caller; there is no field to name another maker. */
export const CreateCommitment = z
  .object({
    toType: RecipientType,
    toId: Id,
    delivererType: DelivererType.optional().describe(
      'who will deliver it ("on behalf of"); leave out to deliver it yourself',
    ),
    delivererId: Id.optional(),
    what: What,
    dueAt: DueAt,
    serviceId: Id.nullable().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.delivererType === undefined) !== (v.delivererId === undefined)) {
      const path = v.delivererType === undefined ? 'delivererType' : 'delivererId';
      ctx.addIssue({
        code: 'custom',
        path: [path],
        message: 'give delivererType and delivererId together, or neither to deliver it yourself',
      });
    }
  });
export type CreateCommitment = z.input<typeof CreateCommitment>;

export const UpdateCommitment = z
  .object({ what: What, dueAt: DueAt })
  .partial()
  .strict()
  .describe('only while nobody has answered it');
export type UpdateCommitment = z.input<typeof UpdateCommitment>;

export const RejectCommitment = z
  .object({
    reason: z
      .string()
      .trim()
      .min(3, 'must say why (at least 3 characters)')
      .max(2000, 'must be at most 2000 characters'),
  })
  .strict();

export const CommitmentsQuery = listQuery(['dueAt', 'createdAt', 'status'] as const).extend({
  maker: z.string().trim().max(254).optional().describe('the maker: a person id or email address'),
  delivererId: Id.optional().describe('the delivering person or team'),
  toId: Id.optional().describe('the person, team or organisation unit it is made to'),
  serviceId: Id.optional(),
  status: CommitmentStatus.optional(),
  backing: z.enum(['backed', 'unbacked']).optional(),
  dueBefore: z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time' }).optional(),
  awaitingMe: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('only those waiting for my answer (mine, or my team’s as its lead)'),
});
export type CommitmentsQuery = z.output<typeof CommitmentsQuery>;
export const CommitmentsPage = page(Commitment);

export const UnbackedReportQuery = z.object({
  at: z.iso
    .datetime({ offset: true, message: 'must be an ISO-8601 date-time' })
    .optional()
    .describe('the report as it stood at this instant (default: now)'),
  format: z.enum(['json', 'csv']).default('json'),
});

export const UnbackedReport = z
  .object({
    at: Instant,
    total: z.number().int(),
    makers: z.array(
      z.object({
        maker: z.object({ id: Id, name: z.string(), email: z.string() }),
        count: z.number().int(),
        oldest: Instant.describe('when the oldest of them was made'),
        items: z.array(Commitment),
      }),
    ),
  })
  .meta({ id: 'UnbackedReport' });
export type UnbackedReport = z.infer<typeof UnbackedReport>;
