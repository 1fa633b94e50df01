/**
 * Wire schemas shared by requirements, options and agreements: service level terms, the
 * business value behind a requirement and the money of an agreement. The core validates the
 * rules across fields (src/core/agreements/terms.ts); these check shapes and ranges.
 */
import { z } from 'zod';
import { reviewPeriods } from '../core/agreements/content.js';
import { ticketMetrics } from '../core/agreements/terms.js';
import { Id } from './common.js';
import { Duration, Priority } from './targets.js';

export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code, e.g. EUR');
/** Minor units (cents), whole and not negative. */
export const MinorAmount = z
  .number()
  .int('must be whole minor units (cents)')
  .min(0, 'must not be negative')
  .max(1e13);
export const Percent = z.number().gt(0, 'must be above 0').max(100, 'must be at most 100');
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31');

export const TicketTerm = z
  .object({
    priority: Priority,
    metric: z.enum(ticketMetrics),
    duration: Duration,
    goalPercent: Percent.describe('share of tickets that must make it'),
  })
  .strict()
  .meta({ id: 'TicketTerm' });

export const ServiceLevelTerms = z
  .object({
    availabilityPercent: Percent.nullable().describe('within the service hours; null: none'),
    calendarId: Id.describe('the service hours calendar'),
    tickets: z.array(TicketTerm).max(40),
  })
  .strict()
  .meta({ id: 'ServiceLevelTerms' });

export const BusinessValue = z
  .object({
    currency: Currency,
    lossPerOutageHourMinor: MinorAmount.describe('revenue or cost lost per hour of outage'),
    description: z.string().trim().max(2000),
  })
  .strict()
  .meta({ id: 'BusinessValue' });

export const MoneyBand = z
  .object({
    minCompliancePercent: z.number().min(0).max(100),
    kind: z.enum(['reward', 'penalty', 'none']),
    amountMinor: MinorAmount,
  })
  .strict();

export const AgreementMoney = z
  .object({
    currency: Currency,
    monthlyCostMinor: MinorAmount,
    bands: z.array(MoneyBand).max(20),
    costPerMissedTargetMinor: MinorAmount,
  })
  .strict()
  .meta({ id: 'AgreementMoney' });

export const ReviewPeriod = z.enum(reviewPeriods);

export const OlaTerm = z
  .object({
    key: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be lower-case letters, digits and dashes'),
    teamId: Id,
    description: z.string().trim().min(1).max(500),
    priority: Priority,
    metric: z.enum(ticketMetrics),
    duration: Duration,
    calendarId: Id,
    underpins: z.array(z.string()).max(40),
  })
  .strict()
  .meta({ id: 'OlaTerm' });
