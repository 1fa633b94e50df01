import { z } from 'zod';
import { impacts, priorities, ticketStatuses, ticketTypes } from '../core/tickets.js';
import { Boolish, Id, Instant, OptionalText, listQuery, page } from './common.js';

export const TicketType = z.enum(ticketTypes);
export const TicketPriority = z.enum(priorities, { message: 'must be one of P1, P2, P3, P4' });
export const TicketImpact = z.enum(impacts);
export const TicketStatus = z.enum(ticketStatuses, {
  message: `must be one of ${ticketStatuses.join(', ')}`,
});

/** An ISO-8601 instant with an offset or Z; normalised to UTC with milliseconds. */
export const InstantInput = z.iso
  .datetime({ offset: true, message: 'must be an ISO-8601 instant with Z or an offset' })
  .transform((v) => new Date(v).toISOString());

const Title = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(300, 'must be at most 300 characters');

export const TicketTimer = z
  .object({
    metric: z.enum(['response', 'resolution']),
    origin: z
      .enum(['created', 'assigned_to_team'])
      .describe('created: the service level target; assigned_to_team: a team OLA'),
    teamId: z.string().nullable().describe('the team of an OLA timer'),
    state: z.enum(['running', 'paused', 'met', 'breached', 'stopped']),
    deadline: Instant.nullable(),
    remainingSeconds: z.number().describe('business seconds left; negative when over'),
    pausedSeconds: z.number(),
    percentUsed: z.number(),
    breached: z.boolean(),
    breachAt: Instant.nullable(),
    rule: z.string().describe('the target that applies, in words'),
  })
  .meta({ id: 'TicketTimer' });

export const Ticket = z
  .object({
    id: Id,
    number: z.string().describe('INC-000123 or REQ-000045'),
    type: TicketType,
    serviceId: Id.nullable(),
    serviceSlug: z.string().nullable(),
    serviceName: z.string().nullable(),
    priority: TicketPriority,
    impact: TicketImpact,
    title: z.string(),
    description: z.string().nullable(),
    requesterId: Id.nullable(),
    teamId: Id.nullable(),
    assigneeId: Id.nullable(),
    status: TicketStatus,
    nextStatuses: z.array(TicketStatus).describe('where the status may move from here'),
    timers: z
      .array(TicketTimer)
      .describe('SLA timers from the service level targets that apply (none without a target)'),
    createdAt: Instant,
    firstResponseAt: Instant.nullable(),
    resolvedAt: Instant.nullable(),
    closedAt: Instant.nullable(),
    externalRef: z.object({ source: z.string(), id: z.string() }).nullable(),
    version: z.number().int(),
    updatedAt: Instant,
  })
  .meta({ id: 'Ticket' });
export type Ticket = z.infer<typeof Ticket>;

export const TicketEvent = z
  .object({
    seq: z.number().int().describe('0 is the creation'),
    at: Instant,
    status: TicketStatus,
    teamId: Id.nullable(),
    assigneeId: Id.nullable(),
    priority: TicketPriority,
    impact: TicketImpact,
    actorId: Id.nullable().describe('who made the change; null for imported history'),
    note: z.string().nullable(),
  })
  .meta({ id: 'TicketEvent' });
export type TicketEvent = z.infer<typeof TicketEvent>;
export const TicketHistory = z.object({ items: z.array(TicketEvent) });

export const CreateTicket = z
  .object({
    type: TicketType.default('incident'),
    serviceId: Id.nullable().optional(),
    priority: TicketPriority.default('P3'),
    impact: TicketImpact.default('none'),
    title: Title,
    description: OptionalText(20_000),
    requesterId: Id.nullable().optional().describe('defaults to the caller'),
    teamId: Id.nullable().optional(),
    assigneeId: Id.nullable().optional(),
  })
  .strict();
export type CreateTicket = z.input<typeof CreateTicket>;

/** Fields changed in place. Priority and impact changes are recorded in the history. */
export const UpdateTicket = z
  .object({
    type: TicketType,
    serviceId: Id.nullable(),
    priority: TicketPriority,
    impact: TicketImpact,
    title: Title,
    description: OptionalText(20_000),
    requesterId: Id.nullable(),
    note: OptionalText(2000).describe('recorded with the history entry'),
  })
  .partial()
  .strict();
export type UpdateTicket = z.input<typeof UpdateTicket>;

export const ChangeStatus = z.object({ status: TicketStatus, note: OptionalText(2000) }).strict();
export const AssignTicket = z
  .object({
    teamId: Id.nullable(),
    assigneeId: Id.nullable().optional(),
    note: OptionalText(2000),
  })
  .strict();
export const RecordFirstResponse = z.object({ note: OptionalText(2000) }).strict();

export const TicketRefParams = z.object({
  id: z.string().min(1).max(80).describe('ticket id or number (INC-000123)'),
});

export const TicketsQuery = listQuery([
  'createdAt',
  'number',
  'priority',
  'status',
  'updatedAt',
  'title',
  'timeLeft',
] as const).extend({
  sla: z
    .enum(['breached', 'at_risk', 'running', 'paused', 'met', 'none'])
    .optional()
    .describe(
      'SLA state: any timer breached; at risk (running, 75 % used or more); running; paused; all met; no target',
    ),
  service: z.string().max(80).optional().describe('service id or slug'),
  type: TicketType.optional(),
  priority: TicketPriority.optional(),
  impact: TicketImpact.optional(),
  status: TicketStatus.optional(),
  teamId: Id.optional(),
  assigneeId: Id.optional(),
  open: Boolish.describe('true: not resolved, closed or cancelled; false: one of those'),
  createdFrom: InstantInput.optional(),
  createdTo: InstantInput.optional().describe('exclusive'),
});
export type TicketsQuery = z.output<typeof TicketsQuery>;
export const TicketsPage = page(Ticket);

/** One line of a JSON Lines import. */
export const ImportLine = z
  .object({
    externalId: z.string().trim().min(1).max(200).optional(),
    type: TicketType.default('incident'),
    service: z.string().trim().min(1).max(80).optional().describe('service slug'),
    priority: TicketPriority.default('P3'),
    impact: TicketImpact.default('none'),
    title: Title.optional(),
    description: OptionalText(20_000),
    createdAt: InstantInput,
    firstResponseAt: InstantInput.optional(),
    history: z
      .array(
        z
          .object({
            at: InstantInput,
            status: z.string().min(1).max(40),
            team: z.string().trim().min(1).max(200).optional().describe('team name'),
            note: OptionalText(2000),
          })
          .strict(),
      )
      .max(1000)
      .default([]),
  })
  .strict();
export type ImportLine = z.output<typeof ImportLine>;

export const TicketImportQuery = z.object({
  source: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{0,49}$/, 'must be a short lower-case name such as zammad')
    .default('import')
    .describe('where the tickets come from; with externalId it identifies a ticket'),
  firstLine: z.coerce
    .number()
    .int()
    .min(1)
    .default(1)
    .describe('line number of the first line of the body (when a file is sent in parts)'),
});

export const TicketImportReport = z
  .object({
    imported: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
    failures: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
  })
  .meta({ id: 'TicketImportReport' });
export type TicketImportReport = z.infer<typeof TicketImportReport>;

export const AvailabilityQuery = z.object({
  from: InstantInput,
  to: InstantInput,
  granularity: z.literal('month', { message: 'must be month' }).default('month'),
});

const Figures = z.object({
  totalSeconds: z.number(),
  downSeconds: z.number(),
  availability: z.number().nullable().describe('percent up; null for an empty period'),
});
export const Availability = z
  .object({
    serviceId: Id,
    from: Instant,
    to: Instant,
    serviceHoursCalendar: z
      .string()
      .nullable()
      .describe('the calendar of the service hours; null while the service has none'),
    periods: z.array(
      z.object({
        from: Instant,
        to: Instant,
        allHours: Figures,
        serviceHours: Figures.nullable(),
        outages: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'Availability' });
export type Availability = z.infer<typeof Availability>;

/** Alertmanager's webhook payload (version 4); fields Charter does not use are ignored. */
export const AlertmanagerPayload = z
  .object({
    version: z.string().optional(),
    status: z.string().optional(),
    alerts: z
      .array(
        z.looseObject({
          status: z.enum(['firing', 'resolved']),
          labels: z.record(z.string(), z.string()).default({}),
          annotations: z.record(z.string(), z.string()).default({}),
          startsAt: InstantInput,
          endsAt: z.string().optional(),
          generatorURL: z.string().optional(),
          fingerprint: z.string().trim().min(1).max(100),
        }),
      )
      .max(1000),
  })
  .loose();
export type AlertmanagerPayload = z.output<typeof AlertmanagerPayload>;

export const AlertResult = z.object({
  index: z.number().int(),
  fingerprint: z.string(),
  outcome: z.enum(['opened', 'deduplicated', 'resolved', 'ignored', 'failed']),
  ticket: z.string().nullable().describe('the incident number'),
  field: z.string().nullable(),
  message: z.string().nullable(),
});
export const AlertmanagerResult = z
  .object({ failed: z.number().int(), results: z.array(AlertResult) })
  .meta({ id: 'AlertmanagerResult' });
export type AlertmanagerResult = z.infer<typeof AlertmanagerResult>;
