/**
 * Wire schema of the feasibility of a requirement and its options: history per target over
 * 3, 6 and 12 months, the dependency bound, verdicts with reasons, cost against value and the
 * free-lunch warnings (src/core/agreements/feasibility.ts; rules in docs/sla-feasibility.md).
 */
import { z } from 'zod';
import { warningCodes } from '../core/agreements/feasibility.js';
import { dependencyTypes } from '../core/services.js';

export const Verdict = z.enum(['achievable', 'stretch', 'not_achievable']);

const WindowFigure = z.object({
  percent: z.number().nullable().describe('tickets: % within the duration; availability: % up'),
  tickets: z.number().int().describe('tickets judged (met + missed); 0 for availability'),
  outages: z.number().int().nullable().describe('availability: outages in the window'),
});

export const TargetFeasibility = z
  .object({
    key: z.string().describe('availability or P1.resolution …'),
    label: z.string(),
    history: z.object({ m3: WindowFigure, m6: WindowFigure, m12: WindowFigure }),
    dependencyBound: z.number().optional().describe('availability: best the dependencies allow'),
    olas: z.array(z.string()).describe('the OLAs of the same priority and metric'),
    verdict: Verdict,
    reason: z.string(),
  })
  .meta({ id: 'TargetFeasibility' });

export const CostVsValue = z.object({
  currency: z.string(),
  costPerYearMinor: z.number().int(),
  serviceHoursPerYear: z.number(),
  expectedOutageHoursPerYear: z.number().nullable(),
  expectedLossPerYearMinor: z.number().int().nullable(),
  lossCurrency: z.string(),
  totalPerYearMinor: z.number().int().nullable(),
});

export const FeasibilityWarning = z
  .object({
    code: z.enum(warningCodes),
    message: z.string(),
    optionId: z.string().nullable(),
    targetKey: z.string().nullable(),
  })
  .meta({ id: 'FeasibilityWarning' });

export const DependencyReport = z.object({
  serviceId: z.string(),
  name: z.string(),
  depth: z.number().int(),
  type: z.enum(dependencyTypes),
  committedPercent: z.number().nullable(),
  effectivePercent: z.number(),
  hasAgreement: z.boolean(),
  hasOla: z.boolean(),
  flagged: z.boolean(),
});

export const Feasibility = z
  .object({
    requirementId: z.string(),
    serviceId: z.string(),
    revision: z.number().int(),
    at: z.string(),
    options: z.array(
      z.object({
        optionId: z.string(),
        label: z.string(),
        monthlyCostMinor: z.number().int(),
        currency: z.string(),
        costPerYearVsValue: CostVsValue,
        meetsRequirement: z.boolean(),
        targets: z.array(TargetFeasibility),
      }),
    ),
    requirement: z.object({
      targets: z.array(TargetFeasibility),
      warnings: z.array(FeasibilityWarning),
    }),
    dependencyBound: z.number(),
    dependencies: z.array(DependencyReport),
  })
  .meta({ id: 'Feasibility' });
export type Feasibility = z.infer<typeof Feasibility>;
