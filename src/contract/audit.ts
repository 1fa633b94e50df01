import { z } from 'zod';
import { Id, Instant, listQuery, page } from './common.js';

export const AuditEntry = z
  .object({
    seq: z.number().int(),
    at: Instant,
    actorId: Id.nullable(),
    actorName: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = listQuery(['seq'] as const).extend({
  actorId: Id.optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('entries at or after this instant'),
  to: z.iso.datetime({ offset: true }).optional().describe('entries before this instant'),
});
export type AuditQuery = z.output<typeof AuditQuery>;
export const AuditPage = page(AuditEntry);

export const AuditVerification = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    firstBadSeq: z.number().int().nullable(),
    problem: z.string().nullable(),
  })
  .meta({ id: 'AuditVerification' });
