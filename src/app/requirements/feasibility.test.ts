import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash, type AgreementContent } from '../../core/agreements/content.js';
import type { AgreementId, AgreementVersionId } from '../../core/agreements/content.js';
import type { Instant } from '../../core/ids.js';
import type { TicketStatus } from '../../core/tickets.js';
import { CreateOption } from '../../contract/requirements.js';
import { CreateService } from '../../contract/services.js';
import { CreateTarget } from '../../contract/targets.js';
import { CreateTeam } from '../../contract/teams.js';
import type { Feasibility } from '../../contract/feasibility.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { testEnvironment } from '../../../test/factories.js';
import { negotiationWorld } from '../../../test/negotiation.js';
import { startWithAdminAndViewer } from '../../../test/server.js';
import { createService } from '../services/create-service.js';
import { insertDependency } from '../services/add-dependency.js';
import { createTarget } from '../targets/create-target.js';
import { createTeam } from '../teams/create-team.js';
import { insertTicket } from '../tickets/create-ticket.js';
import { addOption } from './add-option.js';
import { requirementFeasibility } from './feasibility.js';

type World = Awaited<ReturnType<typeof negotiationWorld>>;

/** A service with history, dependencies, an OLA and a requirement with two options. */
async function feasibilityWorld(t: TestDatabase, env: ReturnType<typeof testEnvironment>) {
  const w: World = await negotiationWorld(t.uow, env);
  const ticket = (created: string, changes: [string, TicketStatus][]) =>
    t.uow.transaction((repos) =>
      insertTicket(repos, w.admin, {
        type: 'incident',
        serviceId: w.service.id,
        priority: 'P1',
        impact: 'none',
        title: `Ticket of ${created}`,
        description: null,
        requesterId: null,
        teamId: null,
        assigneeId: null,
        createdAt: created as Instant,
        changes: changes.map(([at, status]) => ({
          at: at as Instant,
          status,
          teamId: null,
          assigneeId: null,
          priority: 'P1',
          impact: 'none',
          actorId: null,
          note: null,
        })),
        creatorId: null,
      }),
    );
  // Office hours 08:00–18:00 Amsterdam = 07:00–17:00 UTC in February.
  await ticket('2026-02-02T08:00:00.000Z', [['2026-02-02T10:00:00.000Z', 'resolved']]); // 2 h
  await ticket('2026-02-03T08:00:00.000Z', [['2026-02-03T14:00:00.000Z', 'resolved']]); // 6 h
  await ticket('2026-02-04T08:00:00.000Z', [
    ['2026-02-04T08:30:00.000Z', 'in_progress'],
    ['2026-02-04T11:00:00.000Z', 'resolved'],
  ]); // 3 h
  await ticket('2026-02-05T08:00:00.000Z', [['2026-02-06T08:00:00.000Z', 'cancelled']]);

  // The service runs on a database with an active agreement (99.95 %) and uses an identity
  // service with neither an agreement nor an OLA.
  const component = (name: string) =>
    createService(t.uow, w.admin, CreateService.parse({ name, kind: 'component' }));
  const db = await component('Marketplace database');
  const identity = await component('Identity');
  await t.uow.transaction(async (repos) => {
    for (const [to, type] of [
      [db.id, 'runs_on'],
      [identity.id, 'uses'],
    ] as const)
      await insertDependency(repos, w.admin, {
        fromId: w.service.id,
        toId: to,
        type,
        note: null,
      });
    const agreementId = env.newId() as AgreementId;
    await repos.agreements.insert({
      id: agreementId,
      code: 'SLA-0900',
      serviceId: db.id,
      orgUnitId: w.unit.id,
      requirementId: null,
      createdAt: env.now(),
    });
    const content: AgreementContent = {
      code: 'SLA-0900',
      title: 'Database for the marketplace',
      service: { id: db.id, name: db.name, slug: db.slug },
      customer: { id: w.unit.id, name: 'Sales' },
      serviceOwner: { id: w.owner.id, name: w.owner.name },
      customerRepresentative: { id: w.rep.id, name: w.rep.name },
      terms: { availabilityPercent: 99.95, calendarId: w.office.id, tickets: [] },
      calendarName: 'Office hours',
      olas: [],
      money: { currency: 'EUR', monthlyCostMinor: 1, bands: [], costPerMissedTargetMinor: 0 },
      reviewPeriod: 'month',
      effectiveFrom: '2026-01-01',
      expiresOn: '2026-12-31',
      notes: '',
    };
    await repos.agreements.insertVersion({
      id: env.newId() as AgreementVersionId,
      agreementId,
      number: 1,
      status: 'active',
      content,
      contentHash: contentHash(content),
      optionId: null,
      createdById: w.owner.id,
      changeNote: 'first',
      createdAt: env.now(),
      activatedAt: env.now(),
      endedAt: null,
    });
  });

  // The network team's OLA: P1 resolved within 2 business hours on a 24x7 calendar.
  const team = await createTeam(t.uow, w.admin, CreateTeam.parse({ name: 'Network team' }));
  await createTarget(
    t.uow,
    w.admin,
    CreateTarget.parse({
      serviceId: w.service.id,
      priority: 'P1',
      metric: 'resolution',
      origin: 'assigned_to_team',
      teamId: team.id,
      duration: { businessSeconds: 2 * 3600 },
      calendarId: w.office.id,
    }),
  );

  const requirement = await w.requirement();
  const option = (label: string, availability: number, p1Hours: number, cost: number) => {
    env.advance(1000);
    return addOption(
      t.uow,
      w.as(w.owner),
      requirement.id,
      CreateOption.parse({
        label,
        terms: w.terms(availability, p1Hours),
        currency: 'EUR',
        monthlyCostMinor: cost,
        delivery: 'On-call rota',
      }),
    );
  };
  await option('Gold', 99.99, 4, 1_200_000);
  await option('Rush', 99.5, 1, 1_000_000);
  return { w, requirement, db, identity };
}

describe.each(dialects)('requirement feasibility on %s', (dialect) => {
  let t: TestDatabase;
  let env: ReturnType<typeof testEnvironment>;

  beforeEach(async () => {
    env = testEnvironment('2026-03-02T09:00:00.000Z');
    t = await createTestDatabase(dialect);
  });
  afterEach(() => t.drop());

  it('judges every target of every option from the facts, with the free-lunch warnings', async () => {
    const { w, requirement } = await feasibilityWorld(t, env);
    const report = await requirementFeasibility(t.uow, w.as(w.outsider), requirement.id);
    expect(report.options.map((o) => [o.label, o.meetsRequirement])).toEqual([
      ['Gold', true],
      ['Rush', true],
    ]);
    const gold = report.options[0]!;
    const p1 = gold.targets.find((x) => x.key === 'P1.resolution')!;
    // 2 h, 6 h and 3 h (the cancelled ticket left out): 2 of 3 within 4 hours
    expect(p1.history.m12).toEqual({ percent: 66.7, tickets: 3, outages: null });
    expect(p1).toMatchObject({
      verdict: 'not_achievable',
      reason:
        'Over 12 months 66.7 % of 3 P1 resolutions took at most 4 business hours, far below the goal of 95 % in every window; 6 months 66.7 %, 3 months 66.7 %',
    });
    expect(gold.targets.find((x) => x.key === 'P2.response')).toMatchObject({
      verdict: 'stretch',
      reason: 'No P2 tickets judged in the last 12 months: no history to judge by',
    });
    expect(gold.targets.find((x) => x.key === 'availability')).toMatchObject({
      verdict: 'not_achievable',
      dependencyBound: 99.95,
      history: { m3: { percent: 100, outages: 0 } },
    });
    expect(gold.costPerYearVsValue).toMatchObject({
      costPerYearMinor: 14_400_000,
      currency: 'EUR',
      lossCurrency: 'EUR',
    });
    expect(report.dependencyBound).toBe(99.95);
    expect(report.dependencies.map((d) => [d.name, d.committedPercent, d.flagged])).toEqual([
      ['Identity', null, true],
      ['Marketplace database', 99.95, false],
    ]);
    expect(
      report.requirement.warnings.map((x) => [
        x.code,
        report.options.find((o) => o.optionId === x.optionId)?.label ?? null,
        x.targetKey,
      ]),
    ).toEqual([
      ['availability_above_dependencies', 'Gold', 'availability'],
      ['stricter_than_ola', 'Rush', 'P1.resolution'],
    ]);
  });
});

describe.each(dialects)('GET /requirements/:id/feasibility on %s', (dialect) => {
  it('answers anyone signed in; 404 for an unknown requirement; 401 without a session', async () => {
    const { s, viewer } = await startWithAdminAndViewer(dialect);
    try {
      const env = testEnvironment('2026-03-02T09:00:00.000Z');
      const { requirement } = await feasibilityWorld(s.t, env);
      const url = `/api/v1/requirements/${requirement.id}/feasibility`;
      const res = await viewer({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      const body = res.json<Feasibility>();
      expect(body.options.map((o) => o.label)).toEqual(['Gold', 'Rush']);
      expect(body.options[0]!.targets.map((x) => x.key)).toEqual([
        'availability',
        'P1.resolution',
        'P2.response',
      ]);
      expect(body.requirement.warnings.map((x) => x.code)).toContain('stricter_than_ola');
      const missing = await viewer({
        method: 'GET',
        url: '/api/v1/requirements/00000000-0000-4000-8000-000000000000/feasibility',
      });
      expect(missing.statusCode).toBe(404);
      const anonymous = await s.app.inject({ method: 'GET', url });
      expect(anonymous.statusCode).toBe(401);
    } finally {
      await s.close();
    }
  });
});
