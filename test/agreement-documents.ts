/** A signed agreement version as a document payload, for document and verification tests. */
import { CreateTeam } from '../src/contract/teams.js';
import type { Environment, UnitOfWork } from '../src/app/ports.js';
import { activeHolder, serviceScope } from '../src/app/ownership/ownership-rules.js';
import { createTeam } from '../src/app/teams/create-team.js';
import type {
  AgreementContent,
  AgreementId,
  AgreementVersionId,
} from '../src/core/agreements/content.js';
import { contentHash } from '../src/core/agreements/content.js';
import type {
  AcknowledgementId,
  SignatureId,
  SigningParty,
} from '../src/core/agreements/records.js';
import type { RoleId } from '../src/core/ownership.js';
import type { Person } from '../src/core/people.js';
import { documentPayload, type AgreementDocumentPayload } from '../src/core/agreements/document.js';
import type { CalendarId } from '../src/core/agreements/terms.js';
import type { Instant, OrgUnitId, PersonId, TeamId } from '../src/core/ids.js';
import type { ServiceId } from '../src/core/services.js';
import { negotiationWorld } from './negotiation.js';

const hours = (h: number) => ({ businessSeconds: h * 3600 });

export function sampleContent(overrides: Partial<AgreementContent> = {}): AgreementContent {
  return {
    code: 'SLA-0001',
    title: 'Marketplace for Sales',
    service: { id: 'svc-1' as ServiceId, name: 'Marketplace', slug: 'marketplace' },
    customer: { id: 'ou-1' as OrgUnitId, name: 'Sales & Marketing' },
    serviceOwner: { id: 'p-1' as PersonId, name: 'Olga Owner' },
    customerRepresentative: { id: 'p-2' as PersonId, name: 'Carl Customer' },
    terms: {
      availabilityPercent: 99.5,
      calendarId: 'cal-office' as CalendarId,
      tickets: [
        { priority: 'P2', metric: 'response', duration: hours(2), goalPercent: 90 },
        { priority: 'P1', metric: 'resolution', duration: hours(8), goalPercent: 95 },
        {
          priority: 'P3',
          metric: 'resolution',
          duration: { workingDays: 3, endOfWorkingDay: true },
          goalPercent: 85,
        },
      ],
    },
    calendarName: 'Office hours',
    olas: [
      {
        key: 'ola-1',
        teamId: 't-1' as TeamId,
        teamName: 'Network',
        description: 'Network restores <core> links within 2 business hours',
        priority: 'P1',
        metric: 'resolution',
        duration: hours(2),
        calendarId: 'cal-office' as CalendarId,
        underpins: ['P1.resolution', 'availability'],
      },
      {
        key: 'ola-2',
        teamId: 't-2' as TeamId,
        teamName: 'Payments',
        description: 'Payments answers P2 within 1 business hour',
        priority: 'P2',
        metric: 'response',
        duration: hours(1),
        calendarId: 'cal-office' as CalendarId,
        underpins: ['P2.response'],
      },
    ],
    money: {
      currency: 'EUR',
      monthlyCostMinor: 1_234_567,
      bands: [
        { minCompliancePercent: 0, kind: 'penalty', amountMinor: 50_000 },
        { minCompliancePercent: 95, kind: 'none', amountMinor: 0 },
        { minCompliancePercent: 99, kind: 'reward', amountMinor: 25_000 },
      ],
      costPerMissedTargetMinor: 10_000,
    },
    reviewPeriod: 'quarter',
    effectiveFrom: '2026-01-01',
    expiresOn: '2026-12-31',
    notes:
      'Scope: the public shop. Excludes *planned* maintenance | announced 5 days ahead.\n\n- The customer reports incidents through the service desk.\n<!-- not a comment --> ünïcødé — “quotes”',
    ...overrides,
  };
}

export function samplePayload(
  overrides: Partial<AgreementDocumentPayload> = {},
): AgreementDocumentPayload {
  const content = overrides.content ?? sampleContent();
  const hash = contentHash(content);
  return documentPayload({
    agreementId: 'agr-1',
    number: 2,
    status: 'active',
    createdAt: '2026-01-05T09:00:00.000Z' as Instant,
    content,
    contentHash: hash,
    signatures: [
      {
        party: 'customer_representative',
        personId: 'p-2',
        name: 'Carl Customer',
        signedAt: '2026-01-07T14:30:00.000Z' as Instant,
        contentHash: hash,
      },
      {
        party: 'service_owner',
        personId: 'p-1',
        name: 'Olga Owner',
        signedAt: '2026-01-06T10:15:00.000Z' as Instant,
        contentHash: hash,
      },
    ],
    acknowledgements: [
      {
        olaKey: 'ola-1',
        teamName: 'Network',
        personId: 'p-3',
        name: 'Nina Network',
        acknowledgedAt: '2026-01-08T08:00:00.000Z' as Instant,
        contentHash: hash,
      },
    ],
    ...overrides,
  });
}

/**
 * An agreement in a real database with version 1 signed by both parties and one of its two
 * OLAs acknowledged, inserted through the repositories (not the signing use cases).
 */
export async function documentWorld(
  uow: UnitOfWork,
  env: Environment & { advance(ms: number): void },
) {
  const w = await negotiationWorld(uow, env);
  const team = await createTeam(
    uow,
    w.admin,
    CreateTeam.parse({ name: `Network ${env.newId().slice(0, 4)}`, memberIds: [] }),
  );
  const now = env.now();
  const roles = await uow.transaction(async (repos) => ({
    owner: await activeHolder(repos, 'service_owner', serviceScope(w.service.id), now),
    rep: await activeHolder(
      repos,
      'customer_representative',
      { serviceId: w.service.id, orgUnitId: w.unit.id, practiceId: null, teamId: null },
      now,
    ),
  }));
  if (!roles.owner || !roles.rep) throw new Error('the world has no owner or representative role');
  const agreementId = env.newId() as AgreementId;
  const content = (code: string): AgreementContent =>
    sampleContent({
      code,
      service: { id: w.service.id, name: w.service.name, slug: w.service.slug },
      customer: { id: w.unit.id, name: w.unit.name },
      serviceOwner: { id: w.owner.id, name: w.owner.name },
      customerRepresentative: { id: w.rep.id, name: w.rep.name },
      olas: sampleContent().olas.map((o) => ({ ...o, teamId: team.id, teamName: team.name })),
    });
  const code = await uow.transaction(async (repos) => {
    const code = await repos.agreements.nextCode();
    await repos.agreements.insert({
      id: agreementId,
      code,
      serviceId: w.service.id,
      orgUnitId: w.unit.id,
      requirementId: null,
      createdAt: now,
    });
    return code;
  });
  const c = content(code);
  const hash = contentHash(c);
  const versionId = env.newId() as AgreementVersionId;
  await uow.transaction(async (repos) => {
    await repos.agreements.insertVersion({
      id: versionId,
      agreementId,
      number: 1,
      status: 'pending',
      content: c,
      contentHash: hash,
      optionId: null,
      createdById: w.owner.id,
      changeNote: 'First draft',
      createdAt: now,
      activatedAt: null,
      endedAt: null,
    });
  });
  env.advance(3_600_000);
  const sign = (party: SigningParty, person: Person, roleId: RoleId) =>
    uow.transaction((repos) =>
      repos.agreements.insertSignature({
        id: env.newId() as SignatureId,
        versionId,
        party,
        personId: person.id,
        roleId,
        contentHash: hash,
        signedAt: env.now(),
      }),
    );
  await sign('service_owner', w.owner, roles.owner.id);
  env.advance(3_600_000);
  await sign('customer_representative', w.rep, roles.rep.id);
  env.advance(3_600_000);
  await uow.transaction((repos) =>
    repos.agreements.insertAcknowledgement({
      id: env.newId() as AcknowledgementId,
      versionId,
      olaKey: 'ola-1',
      teamId: team.id,
      personId: w.deputy.id,
      roleId: roles.owner!.id,
      contentHash: hash,
      acknowledgedAt: env.now(),
    }),
  );
  return { ...w, team, agreementId, versionId, code, content: c, hash, roles };
}
