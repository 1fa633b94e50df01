import { z } from 'zod';
import { raciRoles } from '../core/raci.js';

export const RaciEntry = z.object({
  role: z.enum(raciRoles),
  partyType: z.enum(['person', 'team', 'org_unit', 'none']),
  partyId: z.string().nullable(),
  party: z.string(),
  personId: z.string().nullable().describe('who answers for the party: the person, lead or head'),
  person: z.string().nullable(),
  email: z.string().nullable(),
  basis: z.string().describe('why this entry is here'),
});

export const RaciView = z
  .object({
    subject: z.object({ type: z.enum(['service', 'practice']), id: z.string(), name: z.string() }),
    entries: z.array(RaciEntry),
    flags: z.array(z.string()).describe('gaps worth acting on, e.g. no accepted owner'),
  })
  .meta({ id: 'RaciView' });
export type RaciView = z.infer<typeof RaciView>;

export const RaciQuery = z.object({
  format: z
    .enum(['json', 'csv'])
    .default('json')
    .describe('csv: rows role,party_type,party,person,email,basis'),
});

export const PracticeRefParams = z.object({
  id: z.string().min(1).max(64).describe('practice id or key, e.g. incident_management'),
});
