import { z } from 'zod';
import { endReasons, maxTermMonths, minTermMonths, roleKinds } from '../core/ownership.js';
import { Boolish, Id, Instant, Name, listQuery, page } from './common.js';

export const RoleKind = z.enum(roleKinds);
export const PracticeRef = z.string().trim().min(1).max(64).describe('practice id or key');
const Text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const Practice = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    active: z.boolean(),
    createdAt: Instant,
    version: z.number().int(),
    processOwner: z
      .object({ roleId: Id, personId: Id, name: z.string(), termEndsAt: Instant })
      .nullable()
      .describe('the person holding the active process-owner role'),
  })
  .meta({ id: 'Practice' });
export type Practice = z.infer<typeof Practice>;
export const PracticesQuery = listQuery(['name'] as const).extend({ active: Boolish });
export const PracticesPage = page(Practice);
export const PracticeParams = z.object({ id: PracticeRef });
export const CreatePractice = z
  .object({
    key: z
      .string()
      .trim()
      .regex(
        /^[a-z][a-z0-9_]{1,62}$/,
        'must be lower-case letters, digits and _, e.g. release_management',
      ),
    name: Name,
  })
  .strict();
export const UpdatePractice = z
  .object({ name: Name.optional(), active: z.boolean().optional() })
  .strict();

export const RoleScope = z
  .object({
    serviceId: Id.nullable().optional(),
    practiceId: PracticeRef.nullable().optional(),
    orgUnitId: Id.nullable().optional(),
    teamId: Id.nullable().optional(),
  })
  .strict();

const PersonRef = z.object({ id: Id, name: z.string() });

export const ScopeView = z.object({
  serviceId: Id.nullable(),
  practiceId: z.string().nullable(),
  orgUnitId: Id.nullable(),
  teamId: Id.nullable(),
  label: z.string().describe('e.g. "Online marketplace" or "Finance for Payroll"'),
  serviceSlug: z.string().nullable(),
});

export const NominationState = z.enum(['pending', 'accepted', 'declined', 'withdrawn', 'expired']);

export const Nomination = z
  .object({
    id: Id,
    kind: RoleKind,
    scope: ScopeView,
    nominee: PersonRef,
    nominatedBy: PersonRef,
    message: z.string(),
    termMonths: z.number().int(),
    createdAt: Instant,
    expiresAt: Instant,
    state: NominationState.describe('pending past expiresAt is reported as expired'),
    answeredAt: Instant.nullable(),
    declineReason: z.string().nullable(),
    roleId: Id.nullable(),
    statement: z
      .string()
      .nullable()
      .describe('while pending: the exact statement the nominee confirms to accept it today'),
  })
  .meta({ id: 'Nomination' });
export type Nomination = z.infer<typeof Nomination>;

export const CreateNomination = z
  .object({
    kind: RoleKind,
    scope: RoleScope,
    nomineeId: Id,
    message: Text(2000),
    termMonths: z.number().int().min(minTermMonths).max(maxTermMonths).default(12),
  })
  .strict();
export const AcceptNomination = z
  .object({ statement: Text(2000).describe('the statement exactly as shown') })
  .strict();
export const DeclineNomination = z.object({ reason: Text(2000) }).strict();

export const NominationsQuery = listQuery([
  'createdAt',
  'expiresAt',
  'kind',
  'status',
] as const).extend({
  kind: RoleKind.optional(),
  status: NominationState.optional(),
  nomineeId: Id.optional(),
  nominee: z
    .string()
    .trim()
    .max(254)
    .optional()
    .describe('nominee email (alternative to nomineeId)'),
  serviceId: z.string().trim().max(80).optional().describe('service id or slug'),
  practiceId: PracticeRef.optional(),
});
export const NominationsPage = page(Nomination);

export const RoleState = z.enum(['pending', 'active', 'lapsed', 'ended']);
export const Role = z
  .object({
    id: Id,
    kind: RoleKind,
    scope: ScopeView,
    person: PersonRef,
    nominationId: Id,
    statement: z.string(),
    acceptedAt: Instant,
    termMonths: z.number().int(),
    termEndsAt: Instant,
    state: RoleState.describe('now, derived from the stored facts'),
    endedAt: Instant.nullable(),
    endReason: z.enum(endReasons).nullable(),
    endNote: z.string().nullable(),
  })
  .meta({ id: 'Role' });
export type Role = z.infer<typeof Role>;
export const RolesQuery = listQuery(['acceptedAt', 'termEndsAt', 'kind'] as const).extend({
  kind: RoleKind.optional(),
  personId: Id.optional(),
  person: z.string().trim().max(254).optional().describe('holder email'),
  serviceId: z.string().trim().max(80).optional().describe('service id or slug'),
  practiceId: PracticeRef.optional(),
  held: Boolish.describe('only roles not ended'),
  activeAt: z.iso.datetime({ message: 'must be an ISO-8601 instant' }).optional(),
});
export const RolesPage = page(Role);
export const ResignRole = z.object({ reason: Text(2000) }).strict();
export const RoleAffirmations = z
  .object({
    items: z.array(
      z.object({
        at: Instant,
        termEndsAt: Instant,
        kind: z.enum(['accepted', 'reaffirmed']).describe('the first one is the acceptance'),
      }),
    ),
  })
  .meta({ id: 'RoleAffirmations' });
export type RoleAffirmations = z.infer<typeof RoleAffirmations>;

export const ServiceRoles = z
  .object({
    owner: Role.nullable(),
    deputies: z.array(Role),
    deliveryLeads: z.array(Role),
    customerRepresentatives: z.array(Role),
    lapsed: z.array(Role).describe('held but not re-affirmed in time'),
    pendingNominations: z.array(Nomination),
    canNominate: z.boolean(),
    canEdit: z.boolean(),
  })
  .meta({ id: 'ServiceRoles' });
export type ServiceRoles = z.infer<typeof ServiceRoles>;

export const CommitmentItem = z.object({
  id: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  due: Instant.nullable(),
  link: z.string().nullable(),
  nomination: Nomination.optional(),
  role: Role.optional(),
});
export type CommitmentItem = z.infer<typeof CommitmentItem>;
export const MyCommitments = z
  .object({
    sections: z.array(
      z.object({ key: z.string(), title: z.string(), items: z.array(CommitmentItem) }),
    ),
  })
  .meta({ id: 'MyCommitments' });
export type MyCommitments = z.infer<typeof MyCommitments>;
