import { z } from 'zod';
import {
  maxBusinessSeconds,
  maxWorkingDays,
  metrics,
  notifyTargets,
  origins,
  priorities,
  ticketStatuses,
} from '../core/sla/targets.js';
import { Id, Instant, listQuery, page } from './common.js';

export const Priority = z.enum(priorities);
export const Metric = z.enum(metrics);
export const Origin = z.enum(origins);
export const PauseStatus = z.enum(ticketStatuses, {
  message: `must be a ticket status: ${ticketStatuses.join(', ')}`,
});

/** Business seconds, or working days (optionally to the end of that working day). */
export const Duration = z
  .object({
    businessSeconds: z
      .number()
      .int('must be whole seconds')
      .min(1)
      .max(maxBusinessSeconds)
      .optional(),
    workingDays: z.number().int('must be whole days').min(1).max(maxWorkingDays).optional(),
    endOfWorkingDay: z.boolean().optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const both = d.businessSeconds !== undefined && d.workingDays !== undefined;
    const none = d.businessSeconds === undefined && d.workingDays === undefined;
    if (both || none)
      ctx.addIssue({
        code: 'custom',
        path: ['businessSeconds'],
        message: 'give either businessSeconds or workingDays',
      });
    if (d.endOfWorkingDay && d.businessSeconds !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['endOfWorkingDay'],
        message: 'applies to workingDays only',
      });
  })
  .describe('{ businessSeconds } or { workingDays, endOfWorkingDay? }')
  .meta({ id: 'TargetDuration' });

export const EscalationPoint = z
  .object({
    percent: z.number().optional().describe('of the target duration used, 1–1000'),
    offsetSeconds: z
      .number()
      .optional()
      .describe('business seconds from the deadline: negative before, positive after'),
  })
  .strict()
  .superRefine((p, ctx) => {
    if ((p.percent === undefined) === (p.offsetSeconds === undefined))
      ctx.addIssue({ code: 'custom', path: [], message: 'give either percent or offsetSeconds' });
  });

export const EscalationAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('notify'), to: z.enum(notifyTargets) }).strict(),
  z.object({ type: z.literal('raise_priority') }).strict(),
  z
    .object({
      type: z.literal('webhook'),
      url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000),
    })
    .strict(),
]);

export const EscalationLevel = z
  .object({
    at: EscalationPoint,
    actions: z.array(EscalationAction).min(1, 'must have at least one action').max(10),
    businessHoursOnly: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'EscalationLevel' });

export const Target = z
  .object({
    id: Id,
    serviceId: Id.nullable().describe('null: the default for services without their own'),
    priority: Priority,
    metric: Metric,
    origin: Origin,
    teamId: Id.nullable().describe('origin assigned_to_team: the team (an OLA)'),
    duration: z.union([
      z.object({ businessSeconds: z.number().int() }),
      z.object({ workingDays: z.number().int(), endOfWorkingDay: z.boolean() }),
    ]),
    calendarId: Id,
    pauseStatuses: z.array(z.string()),
    escalations: z.array(
      z.object({
        at: z.union([z.object({ percent: z.number() }), z.object({ offsetSeconds: z.number() })]),
        actions: z.array(EscalationAction),
        businessHoursOnly: z.boolean(),
      }),
    ),
    version: z.number().int(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'ServiceLevelTarget' });
export type Target = z.infer<typeof Target>;

const fields = {
  serviceId: Id.nullable(),
  priority: Priority,
  metric: Metric,
  origin: Origin,
  teamId: Id.nullable(),
  duration: Duration,
  calendarId: Id,
  pauseStatuses: z.array(PauseStatus).max(9),
  escalations: z.array(EscalationLevel).max(20),
};

export const CreateTarget = z
  .object({
    ...fields,
    serviceId: fields.serviceId.default(null),
    origin: Origin.default('created'),
    teamId: fields.teamId.default(null),
    pauseStatuses: fields.pauseStatuses
      .optional()
      .describe(
        'default: resolution pauses on pending_customer and pending_vendor; response never',
      ),
    escalations: fields.escalations.default([]),
  })
  .strict();
export type CreateTarget = z.input<typeof CreateTarget>;

export const UpdateTarget = z.object(fields).partial().strict();
export type UpdateTarget = z.input<typeof UpdateTarget>;

export const TargetsQuery = listQuery([
  'priority',
  'metric',
  'createdAt',
  'updatedAt',
] as const).extend({
  serviceId: z
    .union([Id, z.literal('default')])
    .optional()
    .describe('a service id, or "default" for the defaults'),
  priority: Priority.optional(),
  metric: Metric.optional(),
  origin: Origin.optional(),
  calendarId: Id.optional(),
});
export type TargetsQuery = z.output<typeof TargetsQuery>;
export const TargetsPage = page(Target);
