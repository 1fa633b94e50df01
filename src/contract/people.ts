import { z } from 'zod';
import { roles, seniorities } from '../core/people.js';
import { Email, Id, Instant, Name, OptionalText, listQuery, page, Boolish } from './common.js';

export const Seniority = z.enum(seniorities);
export const Role = z.enum(roles);

export const Person = z
  .object({
    id: Id,
    name: z.string(),
    email: z.string(),
    title: z.string().nullable(),
    seniority: Seniority,
    managerId: Id.nullable(),
    orgUnitId: Id.nullable(),
    role: Role.nullable().describe(
      'global role of the account; null when the person cannot sign in',
    ),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof Person>;

export const CreatePerson = z
  .object({
    name: Name,
    email: Email,
    title: OptionalText(200),
    seniority: Seniority.default('staff'),
    managerId: Id.nullable().optional(),
    orgUnitId: Id.nullable().optional(),
  })
  .strict();
export type CreatePerson = z.input<typeof CreatePerson>;

export const UpdatePerson = z
  .object({
    name: Name,
    email: Email,
    title: OptionalText(200),
    seniority: Seniority,
    managerId: Id.nullable(),
    orgUnitId: Id.nullable(),
    active: z.boolean(),
    role: Role.nullable().describe('admins only; null removes sign-in'),
  })
  .partial()
  .strict();
export type UpdatePerson = z.input<typeof UpdatePerson>;

export const PeopleQuery = listQuery(['name', 'email', 'seniority', 'createdAt'] as const).extend({
  teamId: Id.optional(),
  orgUnitId: Id.optional(),
  seniority: Seniority.optional(),
  active: Boolish,
});
export type PeopleQuery = z.output<typeof PeopleQuery>;
export const PeoplePage = page(Person);

export const PeopleImportRow = z.object({
  line: z.number().int(),
  email: z.string().nullable(),
  outcome: z.enum(['created', 'updated', 'unchanged', 'rejected']),
  reason: z.string().nullable(),
});
export const PeopleImportReport = z
  .object({
    dryRun: z.boolean(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    rows: z.array(PeopleImportRow),
  })
  .meta({ id: 'PeopleImportReport' });
export type PeopleImportReport = z.infer<typeof PeopleImportReport>;
