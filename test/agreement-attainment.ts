/**
 * An agreement with a history of tickets and an outage, for attainment tests: the versions are
 * inserted straight through the repository (already active or superseded), so the tests do not
 * depend on the signing workflow.
 */
import { CreateOrgUnit } from '../src/contract/teams.js';
import { createOrgUnit } from '../src/app/org-units/create-org-unit.js';
import type { Environment, UnitOfWork } from '../src/app/ports.js';
import { insertTicket } from '../src/app/tickets/create-ticket.js';
import {
  contentHash,
  type AgreementContent,
  type AgreementId,
  type AgreementVersionId,
} from '../src/core/agreements/content.js';
import type { AgreementVersion, VersionStatus } from '../src/core/agreements/records.js';
import type { ServiceLevelTerms } from '../src/core/agreements/terms.js';
import type { Instant } from '../src/core/ids.js';
import type { CalendarId } from '../src/core/sla/targets.js';
import type { Priority, TicketStatus } from '../src/core/tickets.js';
import { slaWorld } from './sla.js';

export const hour = 3600;

export async function attainmentWorld(uow: UnitOfWork, env: Environment) {
  const w = await slaWorld(uow, env);
  const customer = await createOrgUnit(uow, w.admin, CreateOrgUnit.parse({ name: 'Sales' }));
  const agreementId = env.newId() as AgreementId;
  await uow.read.agreements.insert({
    id: agreementId,
    code: 'SLA-0001',
    serviceId: w.service.id,
    orgUnitId: customer.id,
    requirementId: null,
    createdAt: '2025-12-01T00:00:00.000Z' as Instant,
  });
  const terms: ServiceLevelTerms = {
    availabilityPercent: 99.5,
    calendarId: w.allDay as CalendarId,
    tickets: [
      { priority: 'P1', metric: 'response', duration: { businessSeconds: hour }, goalPercent: 100 },
      {
        priority: 'P1',
        metric: 'resolution',
        duration: { businessSeconds: 4 * hour },
        goalPercent: 50,
      },
      {
        priority: 'P2',
        metric: 'resolution',
        duration: { businessSeconds: 8 * hour },
        goalPercent: 100,
      },
    ],
  };
  const content = (over: Partial<AgreementContent> = {}): AgreementContent => ({
    code: 'SLA-0001',
    title: 'Shop for Sales',
    service: { id: w.service.id, name: w.service.name, slug: w.service.slug },
    customer: { id: customer.id, name: customer.name },
    serviceOwner: { id: w.manager.id, name: w.manager.name },
    customerRepresentative: { id: w.lead.id, name: w.lead.name },
    terms,
    calendarName: '24x7',
    olas: [],
    money: {
      currency: 'EUR',
      monthlyCostMinor: 5000_00,
      bands: [
        { minCompliancePercent: 0, kind: 'penalty', amountMinor: 1000_00 },
        { minCompliancePercent: 50, kind: 'none', amountMinor: 0 },
        { minCompliancePercent: 100, kind: 'reward', amountMinor: 300_00 },
      ],
      costPerMissedTargetMinor: 100_00,
    },
    reviewPeriod: 'month',
    effectiveFrom: '2026-01-01',
    expiresOn: '2026-12-31',
    notes: '',
    ...over,
  });
  const version = async (
    number: number,
    status: VersionStatus,
    c: AgreementContent,
    activatedAt: string,
    endedAt: string | null = null,
  ) => {
    const v: AgreementVersion = {
      id: env.newId() as AgreementVersionId,
      agreementId,
      number,
      status,
      content: c,
      contentHash: contentHash(c),
      optionId: null,
      createdById: w.manager.id,
      changeNote: number === 1 ? 'First version' : 'Changed',
      createdAt: activatedAt as Instant,
      activatedAt: activatedAt as Instant,
      endedAt: endedAt as Instant | null,
    };
    await uow.read.agreements.insertVersion(v);
    return v;
  };
  /** A ticket with explicit past history: [at, status] after creation. */
  const ticket = (
    priority: Priority,
    createdAt: string,
    changes: [string, TicketStatus][],
    impact: 'none' | 'outage' = 'none',
  ) =>
    uow.transaction((repos) =>
      insertTicket(repos, w.admin, {
        type: 'incident',
        serviceId: w.service.id,
        priority,
        impact,
        title: `Ticket of ${createdAt}`,
        description: null,
        requesterId: null,
        teamId: null,
        assigneeId: null,
        createdAt: createdAt as Instant,
        changes: changes.map(([at, status]) => ({
          at: at as Instant,
          status,
          teamId: w.team.id,
          assigneeId: null,
          priority,
          impact,
          actorId: null,
          note: null,
        })),
        creatorId: null,
      }),
    );
  return { ...w, customer, agreementId, terms, content, version, ticket };
}

/**
 * The tickets of the worked example in docs/sla-money.md (24x7 calendar):
 * March — P1 response 2 of 3, resolution 1 of 3 (an open ticket breached), P2 resolution 2 of
 * 2 (one paused a day), one cancelled, a 2 h outage; April — one P1 met on both, one P2 paused
 * and not yet breached; May — one P1 outside the range.
 */
export async function exampleTickets(w: Awaited<ReturnType<typeof attainmentWorld>>) {
  await w.ticket('P1', '2026-03-02T10:00:00Z', [
    ['2026-03-02T10:30:00Z', 'in_progress'],
    ['2026-03-02T12:00:00Z', 'resolved'],
  ]);
  await w.ticket('P1', '2026-03-03T10:00:00Z', [
    ['2026-03-03T11:30:00Z', 'in_progress'],
    ['2026-03-03T17:00:00Z', 'resolved'],
  ]);
  await w.ticket('P2', '2026-03-04T09:00:00Z', [['2026-03-04T15:00:00Z', 'resolved']]);
  await w.ticket('P2', '2026-03-05T09:00:00Z', [
    ['2026-03-05T10:00:00Z', 'pending_customer'],
    ['2026-03-06T09:00:00Z', 'in_progress'],
    ['2026-03-06T13:00:00Z', 'resolved'],
  ]);
  await w.ticket('P2', '2026-03-07T09:00:00Z', [['2026-03-07T09:10:00Z', 'cancelled']]);
  await w.ticket('P1', '2026-03-30T10:00:00Z', [['2026-03-30T10:10:00Z', 'in_progress']]);
  await w.ticket(
    'P3',
    '2026-03-10T00:00:00Z',
    [
      ['2026-03-10T00:05:00Z', 'in_progress'],
      ['2026-03-10T02:00:00Z', 'resolved'],
    ],
    'outage',
  );
  await w.ticket('P1', '2026-04-01T08:00:00Z', [
    ['2026-04-01T08:20:00Z', 'in_progress'],
    ['2026-04-01T09:00:00Z', 'resolved'],
  ]);
  await w.ticket('P2', '2026-04-30T22:00:00Z', [['2026-04-30T22:30:00Z', 'pending_customer']]);
  await w.ticket('P1', '2026-05-02T08:00:00Z', [['2026-05-02T12:00:00Z', 'resolved']]);
}
