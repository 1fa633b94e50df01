import { z } from 'zod';
import { Boolish, Id, Instant, Name, OptionalText, listQuery, page } from './common.js';

export const Team = z
  .object({
    id: Id,
    name: z.string(),
    description: z.string().nullable(),
    leadId: Id.nullable(),
    memberIds: z.array(Id),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Team' });
export type Team = z.infer<typeof Team>;

const memberIds = z.array(Id).max(500, 'a team has at most 500 members');

export const CreateTeam = z
  .object({
    name: Name,
    description: OptionalText(2000),
    leadId: Id.nullable().optional(),
    memberIds: memberIds.default([]),
  })
  .strict();
export type CreateTeam = z.input<typeof CreateTeam>;

export const UpdateTeam = z
  .object({
    name: Name,
    description: OptionalText(2000),
    leadId: Id.nullable(),
    memberIds,
    active: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateTeam = z.input<typeof UpdateTeam>;

export const TeamsQuery = listQuery(['name', 'createdAt'] as const).extend({
  memberId: Id.optional(),
  active: Boolish,
});
export const TeamsPage = page(Team);

export const OrgUnit = z
  .object({
    id: Id,
    name: z.string(),
    description: z.string().nullable(),
    headId: Id.nullable(),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'OrgUnit' });
export type OrgUnit = z.infer<typeof OrgUnit>;

export const CreateOrgUnit = z
  .object({ name: Name, description: OptionalText(2000), headId: Id.nullable().optional() })
  .strict();
export type CreateOrgUnit = z.input<typeof CreateOrgUnit>;
export const UpdateOrgUnit = z
  .object({
    name: Name,
    description: OptionalText(2000),
    headId: Id.nullable(),
    active: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateOrgUnit = z.input<typeof UpdateOrgUnit>;
export const OrgUnitsQuery = listQuery(['name', 'createdAt'] as const).extend({ active: Boolish });
export const OrgUnitsPage = page(OrgUnit);
