import { z } from 'zod';
import { periods } from '../core/sla/attainment.js';
import { metrics, origins, priorities } from '../core/sla/targets.js';
import { Instant } from './common.js';

const kinds = ['counted', 'paused', 'closed', 'not_started'] as const;
const states = ['running', 'paused', 'met', 'breached', 'stopped'] as const;

export const SlaInterval = z.object({
  from: Instant,
  to: Instant,
  kind: z.enum(kinds).describe('counted, paused (held), closed (resolved…reopened) or not_started'),
  status: z.string(),
  seconds: z.number().describe('business seconds of the calendar within the interval'),
});

export const SlaTimer = z
  .object({
    metric: z.enum(metrics),
    origin: z.enum(origins),
    teamId: z.string().nullable().describe('the team whose assignment starts an OLA clock'),
    targetId: z.string(),
    targetVersion: z.number().int(),
    calendarId: z.string(),
    calendarName: z.string(),
    calendarVersion: z.number().int(),
    timeZone: z.string(),
    state: z.enum(states),
    start: Instant.nullable(),
    stop: Instant.nullable(),
    deadline: Instant.nullable(),
    targetSeconds: z.number(),
    elapsedSeconds: z.number().describe('business seconds counted'),
    pausedSeconds: z.number().describe('business seconds held by pause statuses or while resolved'),
    remainingSeconds: z.number().describe('negative when over the target'),
    breached: z.boolean(),
    breachAt: Instant.nullable(),
    percentUsed: z.number(),
    explanation: z.object({ rule: z.string(), intervals: z.array(SlaInterval) }),
  })
  .meta({ id: 'SlaTimer' });
export type SlaTimer = z.infer<typeof SlaTimer>;

export const TicketSla = z.object({
  ticketId: z.string(),
  number: z.string(),
  at: Instant.describe('the instant the timers were derived at'),
  timers: z.array(SlaTimer),
});
export type TicketSla = z.infer<typeof TicketSla>;

const day = /^\d{4}-\d{2}-\d{2}$/;
const instantOrDay = z
  .string()
  .trim()
  .refine((s) => day.test(s) || !Number.isNaN(Date.parse(s)), {
    message: 'must be a date (YYYY-MM-DD) or an ISO-8601 instant',
  });

export const AttainmentQuery = z.object({
  from: instantOrDay.describe('first day (UTC) or instant, inclusive'),
  to: instantOrDay.describe('last day (UTC, inclusive) or instant (exclusive)'),
  period: z.enum(periods).default('month'),
  service: z.string().trim().min(1).max(200).optional().describe('service slug or id'),
  priority: z.enum(priorities).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export type AttainmentQuery = z.input<typeof AttainmentQuery>;

const figures = {
  tickets: z.number().int(),
  met: z.number().int(),
  breached: z.number().int(),
  open: z.number().int().describe('still running within target'),
  noTarget: z.number().int().describe('no target applied, or cancelled'),
  attainmentPercent: z.number().nullable().describe('met / (met + breached) × 100'),
  meanRespondSeconds: z.number().nullable(),
  p90RespondSeconds: z.number().nullable(),
  meanResolveSeconds: z.number().nullable(),
  p90ResolveSeconds: z.number().nullable(),
};

export const AttainmentRow = z
  .object({
    period: z.string(),
    serviceId: z.string().nullable(),
    serviceSlug: z.string().nullable(),
    serviceName: z.string().nullable(),
    priority: z.enum(priorities),
    ...figures,
  })
  .meta({ id: 'AttainmentRow' });
export type AttainmentRow = z.infer<typeof AttainmentRow>;

export const AttainmentReport = z
  .object({
    from: Instant,
    to: Instant,
    period: z.enum(periods),
    at: Instant.describe('timers of open tickets are judged at this instant'),
    rows: z.array(AttainmentRow),
    trend: z.array(
      z.object({ period: z.string(), priority: z.enum([...priorities, 'all']), ...figures }),
    ),
    totals: z.object(figures),
  })
  .meta({ id: 'AttainmentReport' });
export type AttainmentReport = z.infer<typeof AttainmentReport>;

/** The CSV columns of the report (one line per row). */
export const attainmentCsvColumns = [
  'period',
  'serviceSlug',
  'serviceName',
  'priority',
  'tickets',
  'met',
  'breached',
  'open',
  'noTarget',
  'attainmentPercent',
  'meanRespondSeconds',
  'p90RespondSeconds',
  'meanResolveSeconds',
  'p90ResolveSeconds',
] as const satisfies readonly (keyof AttainmentRow)[];
