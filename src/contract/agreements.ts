/**
 * Wire schemas of agreements: choosing an option, new versions, signatures, OLA
 * acknowledgements, and the views of agreements and their versions.
 */
import { z } from 'zod';
import { signingParties, versionStatuses } from '../core/agreements/records.js';
import { Id, Instant, listQuery, page } from './common.js';
import {
  CalendarDate,
  Currency,
  MinorAmount,
  MoneyBand,
  OlaTerm,
  ReviewPeriod,
  ServiceLevelTerms,
} from './sl-terms.js';

export const ContentHash = z
  .string()
  .regex(/^sha256:[0-9a-f]{64}$/, 'must be the content hash you read, like sha256:…');

const Notes = z.string().trim().max(10_000, 'must be at most 10,000 characters');
const Title = z.string().trim().min(1, 'must not be empty').max(200);

export const ChooseOption = z
  .object({
    title: Title.optional().describe('default: "<service> for <customer>"'),
    reviewPeriod: ReviewPeriod.default('month'),
    effectiveFrom: CalendarDate.optional().describe('default: today'),
    expiresOn: CalendarDate.optional().describe(
      'default: one year after effectiveFrom, less a day',
    ),
    bands: z.array(MoneyBand).max(20).default([]),
    costPerMissedTargetMinor: MinorAmount.default(0),
    notes: Notes.default(''),
    olas: z
      .array(OlaTerm)
      .max(60)
      .optional()
      .describe("default: drafted from the service's team (OLA) targets"),
  })
  .strict()
  .meta({ id: 'ChooseOption' });
export type ChooseOption = z.output<typeof ChooseOption>;

export const MoneyChanges = z
  .object({
    currency: Currency.optional(),
    monthlyCostMinor: MinorAmount.optional(),
    bands: z.array(MoneyBand).max(20).optional(),
    costPerMissedTargetMinor: MinorAmount.optional(),
  })
  .strict();

export const NewVersion = z
  .object({
    basedOn: z.number().int().min(1).describe('the number of the latest version you read'),
    changes: z
      .object({
        title: Title.optional(),
        terms: ServiceLevelTerms.optional(),
        olas: z.array(OlaTerm).max(60).optional(),
        money: MoneyChanges.optional(),
        reviewPeriod: ReviewPeriod.optional(),
        effectiveFrom: CalendarDate.optional(),
        expiresOn: CalendarDate.optional(),
        notes: Notes.optional(),
      })
      .strict(),
    changeNote: z.string().trim().min(1, 'say why this version is made').max(1000),
  })
  .strict()
  .meta({ id: 'NewAgreementVersion' });
export type NewVersion = z.output<typeof NewVersion>;

export const SignVersion = z
  .object({
    party: z.enum(signingParties),
    password: z.string().min(1, 'enter your password to sign').max(500),
    contentHash: ContentHash,
  })
  .strict()
  .meta({ id: 'SignAgreementVersion' });
export type SignVersion = z.output<typeof SignVersion>;

export const AcknowledgeOla = z
  .object({
    olaKey: z.string().min(1).max(40),
    contentHash: ContentHash,
  })
  .strict()
  .meta({ id: 'AcknowledgeOla' });
export type AcknowledgeOla = z.output<typeof AcknowledgeOla>;

export const WithdrawVersion = z
  .object({ reason: z.string().trim().max(1000).default('') })
  .strict();

// ---------------------------------------------------------------------------------------------
// Views (loose: they describe what the server sends)

const Ref = z.object({ id: z.string(), name: z.string() });
const DurationView = z.union([
  z.object({ businessSeconds: z.number() }),
  z.object({ workingDays: z.number(), endOfWorkingDay: z.boolean() }),
]);
const TermsView = z.object({
  availabilityPercent: z.number().nullable(),
  calendarId: z.string(),
  tickets: z.array(
    z.object({
      priority: z.string(),
      metric: z.string(),
      duration: DurationView,
      goalPercent: z.number(),
    }),
  ),
});

export const AgreementContentView = z
  .object({
    code: z.string(),
    title: z.string(),
    service: Ref.extend({ slug: z.string() }),
    customer: Ref,
    serviceOwner: Ref,
    customerRepresentative: Ref,
    terms: TermsView,
    calendarName: z.string(),
    olas: z.array(
      z.object({
        key: z.string(),
        teamId: z.string(),
        teamName: z.string(),
        description: z.string(),
        priority: z.string(),
        metric: z.string(),
        duration: DurationView,
        calendarId: z.string(),
        underpins: z.array(z.string()),
      }),
    ),
    money: z.object({
      currency: z.string(),
      monthlyCostMinor: z.number(),
      bands: z.array(
        z.object({ minCompliancePercent: z.number(), kind: z.string(), amountMinor: z.number() }),
      ),
      costPerMissedTargetMinor: z.number(),
    }),
    reviewPeriod: z.string(),
    effectiveFrom: z.string(),
    expiresOn: z.string(),
    notes: z.string(),
  })
  .meta({ id: 'AgreementContent' });

export const SignatureView = z.object({
  party: z.enum(signingParties),
  person: Ref,
  contentHash: z.string(),
  signedAt: Instant,
});
export const AcknowledgementView = z.object({
  olaKey: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  person: Ref,
  contentHash: z.string(),
  acknowledgedAt: Instant,
});
export const TargetBackingView = z.object({
  key: z.string(),
  label: z.string(),
  olaKeys: z.array(z.string()),
  backed: z.boolean(),
  reasons: z.array(z.string()),
});

export const AgreementVersionView = z
  .object({
    id: z.string(),
    number: z.number().int(),
    status: z.enum(versionStatuses),
    expired: z.boolean(),
    content: AgreementContentView,
    contentHash: z.string(),
    optionId: z.string().nullable(),
    createdBy: Ref,
    changeNote: z.string(),
    createdAt: Instant,
    activatedAt: Instant.nullable(),
    endedAt: Instant.nullable(),
    signatures: z.array(SignatureView),
    acknowledgements: z.array(AcknowledgementView),
    missingSignatures: z.array(z.enum(signingParties)),
    missingAcknowledgements: z.array(z.string()),
    targets: z.array(TargetBackingView),
  })
  .meta({ id: 'AgreementVersion' });
export type AgreementVersionView = z.infer<typeof AgreementVersionView>;

export const agreementStatuses = ['active', 'pending', 'expired', 'ended'] as const;

export const AgreementSummary = z
  .object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    service: Ref.extend({ slug: z.string() }),
    customer: Ref,
    requirementId: z.string().nullable(),
    status: z
      .enum(agreementStatuses)
      .describe(
        'active (in force), pending (no active version, one awaiting signatures), expired, ended',
      ),
    activeVersion: z.number().int().nullable(),
    pendingVersion: z.number().int().nullable(),
    latestVersion: z.number().int(),
    effectiveFrom: z.string(),
    expiresOn: z.string(),
    currency: z.string(),
    monthlyCostMinor: z.number(),
    serviceOwnerName: z.string(),
    customerRepresentativeName: z.string(),
    targets: z.number().int(),
    unbackedTargets: z.number().int(),
    createdAt: Instant,
  })
  .meta({ id: 'AgreementSummary' });
export type AgreementSummary = z.infer<typeof AgreementSummary>;

export const agreementSortFields = [
  'code',
  'title',
  'service',
  'customer',
  'status',
  'expiresOn',
  'monthlyCost',
  'createdAt',
] as const;

export const AgreementsQuery = listQuery(agreementSortFields).extend({
  serviceId: Id.optional(),
  orgUnitId: Id.optional(),
  status: z.enum(agreementStatuses).optional(),
});
export type AgreementsQuery = z.output<typeof AgreementsQuery>;
export const AgreementsPage = page(AgreementSummary).meta({ id: 'AgreementsPage' });

export const AgreementDetail = z
  .object({
    agreement: AgreementSummary,
    versions: z.array(AgreementVersionView).describe('newest first'),
    permissions: z.object({
      canSign: z
        .array(z.enum(signingParties))
        .describe('parties you may sign the pending version as'),
      canAcknowledge: z
        .array(z.string())
        .describe('OLA keys of the pending version you may acknowledge'),
      canRevise: z.boolean(),
      canWithdraw: z.boolean(),
    }),
  })
  .meta({ id: 'AgreementDetail' });
export type AgreementDetail = z.infer<typeof AgreementDetail>;

export const DiffEntryView = z.object({
  path: z.string(),
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export const VersionDiff = z
  .object({ from: z.number().int(), to: z.number().int(), changes: z.array(DiffEntryView) })
  .meta({ id: 'AgreementVersionDiff' });
export type VersionDiff = z.infer<typeof VersionDiff>;

export const AgreementRefParams = z.object({ ref: z.string().min(1).max(100) });
export const VersionParams = AgreementRefParams.extend({ n: z.coerce.number().int().min(1) });
export const DiffQuery = z.object({ against: z.coerce.number().int().min(1).optional() });
export const ChooseParams = z.object({ id: Id, optionId: Id });
