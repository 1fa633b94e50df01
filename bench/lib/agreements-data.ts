/**
 * Data for bench:agreements, generated deterministically (seeded PRNG) and written through the
 * repositories on top of the 10,000-service portfolio of bench:portfolio: five calendars,
 * 1,000 active agreements (9 agreement targets — availability and P1–P4 response/resolution —
 * and 11 OLAs each, on several calendars), stored operational level targets, a year of tickets
 * with status histories on the agreements' services, outages, and one requirement with an option
 * on a busy business service deep in the graph (the feasibility case).
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { UnitOfWork } from '../../src/app/ports.js';
import type { CalendarRecord } from '../../src/app/calendars/calendar-record.js';
import { progressBar } from '../../src/cli/progress.js';
import {
  contentHash,
  type AgreementContent,
  type AgreementId,
  type AgreementVersionId,
  type OlaTerm,
  type OptionId,
  type RequirementId,
} from '../../src/core/agreements/content.js';
import type { ServiceLevelTerms, TermKey, TicketTerm } from '../../src/core/agreements/terms.js';
import { ticketTermKey } from '../../src/core/agreements/terms.js';
import type { Instant, PersonId, TeamId } from '../../src/core/ids.js';
import type { ServiceId } from '../../src/core/services.js';
import type { CalendarId, TargetDuration, TargetId } from '../../src/core/sla/targets.js';
import {
  formatTicketNumber,
  priorities,
  stateFromHistory,
  type Impact,
  type Priority,
  type TicketId,
  type TicketStatus,
} from '../../src/core/tickets.js';
import type { Database } from '../../src/db/schema.js';
import { mulberry32 } from '../../test/random.js';
import { seedPortfolio, type Portfolio } from './portfolio-data.js';

export const AGREEMENTS = 1_000;
export const AGREEMENT_SERVICES = 700;
/** Tickets over the year on the agreements' services (BENCH_TICKETS), and on the feasibility service. */
export const TICKETS = Number(process.env.BENCH_TICKETS ?? 40_000);
export const FEASIBILITY_TICKETS = Number(process.env.BENCH_FEASIBILITY_TICKETS ?? 10_000);
export const OUTAGES_PER_SERVICE = 4;
/** The bench judges at a fixed instant so runs compare; tickets cover the year before it. */
export const NOW = '2026-11-27T12:00:00.000Z' as Instant;
const NOW_MS = Date.parse(NOW);
const YEAR_MS = 365 * 86_400_000;
const BATCH = 1_000;
const SEED = 20_261_127;

const H = 3600;
const hoursOf = (h: number): TargetDuration => ({ businessSeconds: Math.round(h * H) });
const days = (n: number, end = false): TargetDuration => ({ workingDays: n, endOfWorkingDay: end });

const weekdays = (ranges: [string, string][]) => ({
  mon: ranges,
  tue: ranges,
  wed: ranges,
  thu: ranges,
  fri: ranges,
});
const CALENDARS: Omit<CalendarRecord, 'id' | 'version' | 'createdAt' | 'updatedAt'>[] = [
  {
    name: 'Berlin office',
    description: 'Weekdays 08:00–18:00, German holidays',
    timeZone: 'Europe/Berlin',
    week: weekdays([['08:00', '18:00']]),
    holidays: [
      { date: '2020-01-01', yearly: true, name: 'New Year' },
      { date: '2020-05-01', yearly: true, name: 'Labour Day' },
      { date: '2020-10-03', yearly: true, name: 'German Unity Day' },
      { date: '2020-12-25', yearly: true, name: 'Christmas Day' },
      { date: '2020-12-26', yearly: true, name: 'Boxing Day' },
    ],
    builtIn: false,
    active: true,
  },
  {
    name: 'Round the clock',
    description: '24x7',
    timeZone: 'UTC',
    week: {
      ...weekdays([['00:00', '24:00']]),
      sat: [['00:00', '24:00']],
      sun: [['00:00', '24:00']],
    },
    holidays: [],
    builtIn: false,
    active: true,
  },
  {
    name: 'London extended',
    description: 'Monday to Saturday 07:00–22:00',
    timeZone: 'Europe/London',
    week: { ...weekdays([['07:00', '22:00']]), sat: [['07:00', '22:00']] },
    holidays: [{ date: '2020-12-25', yearly: true, name: 'Christmas Day' }],
    builtIn: false,
    active: true,
  },
  {
    name: 'New York office',
    description: 'Weekdays 09:00–12:30 and 13:30–17:00',
    timeZone: 'America/New_York',
    week: weekdays([
      ['09:00', '12:30'],
      ['13:30', '17:00'],
    ]),
    holidays: [{ date: '2020-07-04', yearly: true, name: 'Independence Day' }],
    builtIn: false,
    active: true,
  },
  {
    name: 'Platform on-call',
    description: 'Weekdays 07:00–19:00 (the platform teams)',
    timeZone: 'Europe/Berlin',
    week: weekdays([['07:00', '19:00']]),
    holidays: [],
    builtIn: false,
    active: true,
  },
];

export interface AgreementsData {
  portfolio: Portfolio;
  calendarIds: CalendarId[];
  agreementServiceIds: ServiceId[];
  feasibilityServiceId: ServiceId;
  requirementId: RequirementId;
  optionId: OptionId;
  tickets: number;
  outages: number;
  seconds: { portfolio: number; agreements: number; tickets: number };
}

const priorityWeights: [Priority, number][] = [
  ['P1', 0.05],
  ['P2', 0.15],
  ['P3', 0.4],
  ['P4', 0.4],
];

/** A ticket's life: status changes after creation, with the typical minutes between them. */
const paths: TicketStatus[][] = [
  ['assigned', 'in_progress', 'resolved', 'closed'],
  ['assigned', 'in_progress', 'pending_customer', 'in_progress', 'resolved', 'closed'],
  ['in_progress', 'pending_vendor', 'in_progress', 'resolved'],
  ['assigned', 'in_progress', 'resolved', 'reopened', 'in_progress', 'resolved', 'closed'],
  ['assigned', 'assigned', 'in_progress', 'pending_customer', 'in_progress', 'resolved'],
  ['assigned', 'cancelled'],
];
const scale: Record<Priority, number> = { P1: 0.25, P2: 0.6, P3: 1.5, P4: 3 };

/** The terms of agreement k: availability and P1–P4 response and resolution, on one calendar. */
function termsOf(k: number, calendarId: CalendarId, random: () => number): ServiceLevelTerms {
  const f = 1 + Math.floor(random() * 3) * 0.5; // 1, 1.5 or 2 × the base durations
  const goal = () => 80 + Math.floor(random() * 4) * 5; // 80 … 95
  const tickets: TicketTerm[] = [
    { priority: 'P1', metric: 'response', duration: hoursOf(0.25 * f), goalPercent: goal() },
    { priority: 'P1', metric: 'resolution', duration: hoursOf(4 * f), goalPercent: goal() },
    { priority: 'P2', metric: 'response', duration: hoursOf(1 * f), goalPercent: goal() },
    { priority: 'P2', metric: 'resolution', duration: hoursOf(8 * f), goalPercent: goal() },
    { priority: 'P3', metric: 'response', duration: hoursOf(4 * f), goalPercent: goal() },
    { priority: 'P3', metric: 'resolution', duration: days(3), goalPercent: goal() },
    { priority: 'P4', metric: 'response', duration: days(1), goalPercent: goal() },
    { priority: 'P4', metric: 'resolution', duration: days(10, true), goalPercent: goal() },
  ];
  return {
    availabilityPercent: [99, 99.5, 99.9, 99.95][k % 4]!,
    calendarId,
    tickets,
  };
}

/** 11 OLAs: one per ticket target (the service's team) and three more from platform teams. */
function olasOf(
  terms: ServiceLevelTerms,
  teams: { id: TeamId; name: string }[],
  serviceTeam: number,
  teamCalendar: CalendarId,
): OlaTerm[] {
  const out: OlaTerm[] = terms.tickets.map((t, i) => {
    const team = teams[serviceTeam % teams.length]!;
    return {
      key: `ola-${i + 1}`,
      teamId: team.id,
      teamName: team.name,
      description: `${team.name}: ${t.priority} ${t.metric}`,
      priority: t.priority,
      metric: t.metric,
      duration:
        'businessSeconds' in t.duration
          ? { businessSeconds: Math.max(60, Math.round(t.duration.businessSeconds / 2)) }
          : t.duration,
      calendarId: teamCalendar,
      underpins: [ticketTermKey(t)],
    };
  });
  const extra: [Priority, 'response' | 'resolution', TermKey][] = [
    ['P1', 'resolution', 'P1.resolution'],
    ['P2', 'resolution', 'P2.resolution'],
    ['P1', 'response', 'P1.response'],
  ];
  extra.forEach(([priority, metric, key], j) => {
    const team = teams[j % 3]!; // the platform teams
    out.push({
      key: `ola-${out.length + 1}`,
      teamId: team.id,
      teamName: team.name,
      description: `${team.name} restores its part: ${priority} ${metric}`,
      priority,
      metric,
      duration: hoursOf(priority === 'P1' ? 2 : 6),
      calendarId: teamCalendar,
      underpins: [key, 'availability'],
    });
  });
  return out;
}

/** Seeds the portfolio, the calendars, agreements, OLA targets, tickets and the requirement. */
export async function seedAgreements(
  uow: UnitOfWork,
  kysely: Kysely<Database>,
): Promise<AgreementsData> {
  const started = performance.now();
  const portfolio = await seedPortfolio(uow);
  const portfolioSeconds = (performance.now() - started) / 1000;
  const random = mulberry32(SEED);
  const now = NOW;
  const t0 = performance.now();

  const personId = randomUUID() as PersonId;
  const calendarIds: CalendarId[] = [];
  await uow.transaction(async (repos) => {
    await repos.people.insert({
      id: personId,
      name: 'Bench Owner',
      email: `bench.${personId.slice(0, 8)}@example.test`,
      title: null,
      seniority: 'manager',
      managerId: null,
      orgUnitId: null,
      active: true,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    for (const c of CALENDARS) {
      const id = randomUUID() as CalendarId;
      calendarIds.push(id);
      await repos.calendars.insert({ ...c, id, version: 1, createdAt: now, updatedAt: now });
    }
  });
  const teamCalendar = calendarIds[4]!;
  const teams = portfolio.teamIds.map((id, i) => ({ id, name: `Delivery team ${i + 1}` }));

  // The agreements' services: every business service and 400 others across the layers.
  const picked = new Set<number>();
  for (let i = 0; i < 300; i++) picked.add(i);
  while (picked.size < AGREEMENT_SERVICES)
    picked.add(300 + Math.floor(random() * (portfolio.ids.length - 300)));
  const serviceIndexes = [...picked];
  const agreementServiceIds = serviceIndexes.map((i) => portfolio.ids[i]!);

  const bar = progressBar('agreements', AGREEMENTS);
  for (let start = 0; start < AGREEMENTS; start += 100) {
    await uow.transaction(async (repos) => {
      for (let k = start; k < Math.min(AGREEMENTS, start + 100); k++) {
        const s = serviceIndexes[k % AGREEMENT_SERVICES]!;
        const serviceId = portfolio.ids[s]!;
        const orgUnitId =
          portfolio.orgUnitIds[
            (k < AGREEMENT_SERVICES ? k : k + 1 + Math.floor(k / AGREEMENT_SERVICES)) %
              portfolio.orgUnitIds.length
          ]!;
        const terms = termsOf(k, calendarIds[k % 4]!, random);
        const code = `SLA-${String(k + 1).padStart(4, '0')}`;
        const content: AgreementContent = {
          code,
          title: `${portfolio.names[s]} for customer unit ${(k % 8) + 1}`,
          service: { id: serviceId, name: portfolio.names[s]!, slug: `svc-${s}` },
          customer: { id: orgUnitId, name: `Customer unit` },
          serviceOwner: { id: personId, name: 'Bench Owner' },
          customerRepresentative: { id: personId, name: 'Bench Owner' },
          terms,
          calendarName: CALENDARS[k % 4]!.name,
          olas: olasOf(terms, teams, s, teamCalendar),
          money: {
            currency: 'EUR',
            monthlyCostMinor: 100_000 + (k % 10) * 50_000,
            bands: [
              { minCompliancePercent: 0, kind: 'penalty', amountMinor: 500_000 },
              { minCompliancePercent: 80, kind: 'none', amountMinor: 0 },
              { minCompliancePercent: 95, kind: 'reward', amountMinor: 100_000 },
            ],
            costPerMissedTargetMinor: 25_000,
          },
          reviewPeriod: 'quarter',
          effectiveFrom: '2025-01-01',
          expiresOn: '2027-12-31',
          notes: '',
        };
        const agreementId = randomUUID() as AgreementId;
        await repos.agreements.insert({
          id: agreementId,
          code,
          serviceId,
          orgUnitId,
          requirementId: null,
          createdAt: '2025-01-01T00:00:00.000Z' as Instant,
        });
        await repos.agreements.insertVersion({
          id: randomUUID() as AgreementVersionId,
          agreementId,
          number: 1,
          status: 'active',
          content,
          contentHash: contentHash(content),
          optionId: null,
          createdById: personId,
          changeNote: 'first version',
          createdAt: '2025-01-01T00:00:00.000Z' as Instant,
          activatedAt: '2025-01-01T00:00:00.000Z' as Instant,
          endedAt: null,
        });
      }
    });
    bar.update(Math.min(AGREEMENTS, start + 100));
  }
  bar.done(
    `${AGREEMENTS} agreements on ${AGREEMENT_SERVICES} services, 9 targets and 11 OLAs each`,
  );

  // The feasibility case: business service 1 (everything below it), busy, with OLA targets.
  const feasibilityServiceId = portfolio.ids[0]!;
  await uow.transaction(async (repos) => {
    const target = (
      serviceId: ServiceId,
      teamId: TeamId,
      priority: Priority,
      metric: 'response' | 'resolution',
      duration: TargetDuration,
    ) =>
      repos.targets.insert({
        id: randomUUID() as TargetId,
        serviceId,
        priority,
        metric,
        origin: 'assigned_to_team',
        teamId,
        duration,
        calendarId: teamCalendar,
        pauseStatuses: metric === 'resolution' ? ['pending_customer', 'pending_vendor'] : [],
        escalations: [],
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
    await target(feasibilityServiceId, teams[0]!.id, 'P1', 'resolution', hoursOf(2));
    await target(feasibilityServiceId, teams[1]!.id, 'P2', 'response', hoursOf(1));
    // OLA targets on 300 services across the portfolio
    const withOla = new Set<number>();
    while (withOla.size < 300)
      withOla.add(300 + Math.floor(random() * (portfolio.ids.length - 300)));
    let i = 0;
    for (const s of withOla)
      await target(
        portfolio.ids[s]!,
        teams[i++ % teams.length]!.id,
        'P1',
        'resolution',
        hoursOf(4),
      );
  });

  const requirementId = randomUUID() as RequirementId;
  const optionId = randomUUID() as OptionId;
  await uow.transaction(async (repos) => {
    const asked = termsOf(1, calendarIds[0]!, random);
    await repos.requirements.insert(
      {
        id: requirementId,
        serviceId: feasibilityServiceId,
        orgUnitId: portfolio.orgUnitIds[0]!,
        title: 'Business service 1 for the whole company',
        status: 'open',
        revision: 1,
        createdById: personId,
        createdAt: now,
        updatedAt: now,
        version: 1,
      },
      {
        requirementId,
        revision: 1,
        terms: asked,
        businessValue: { currency: 'EUR', lossPerOutageHourMinor: 5_000_000, description: '' },
        justification: 'Benchmark',
        authorId: personId,
        note: '',
        createdAt: now,
      },
    );
    await repos.requirements.insertOption({
      id: optionId,
      requirementId,
      revision: 1,
      label: 'Extended hours',
      terms: { ...termsOf(3, calendarIds[2]!, random), availabilityPercent: 99.9 },
      currency: 'EUR',
      monthlyCostMinor: 2_500_000,
      delivery: 'Two shifts',
      status: 'proposed',
      createdById: personId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
  });
  const agreementsSeconds = (performance.now() - t0) / 1000;

  // Tickets: a year on the agreements' services, and a busy year on the feasibility service.
  const t1 = performance.now();
  const total = TICKETS + FEASIBILITY_TICKETS;
  const outageTotal = AGREEMENT_SERVICES * OUTAGES_PER_SERVICE;
  const written = progressBar('tickets', total + outageTotal);
  let number = 0;
  const pickPriority = () => {
    let u = random();
    for (const [p, w] of priorityWeights) {
      if (u < w) return p;
      u -= w;
    }
    return 'P4' as Priority;
  };
  const ticketAt = (i: number): { serviceId: ServiceId; outage: boolean } =>
    i < TICKETS
      ? { serviceId: agreementServiceIds[i % AGREEMENT_SERVICES]!, outage: false }
      : i < total
        ? { serviceId: feasibilityServiceId, outage: false }
        : {
            serviceId: agreementServiceIds[(i - total) % AGREEMENT_SERVICES]!,
            outage: true,
          };
  const all = total + outageTotal;
  // Written in bulk, straight into the tables the tickets repository reads (as an import would).
  for (let start = 0; start < all; start += BATCH) {
    const ticketRows: Insertable<Database['tickets']>[] = [];
    const eventRows: Insertable<Database['ticket_events']>[] = [];
    {
      for (let i = start; i < Math.min(all, start + BATCH); i++) {
        const { serviceId, outage } = ticketAt(i);
        const created = NOW_MS - YEAR_MS + Math.floor((random() * YEAR_MS) / 1000) * 1000;
        const priority: Priority = outage ? 'P1' : pickPriority();
        const impact: Impact = outage ? 'outage' : 'none';
        const path = outage
          ? (['in_progress', 'resolved', 'closed'] as TicketStatus[])
          : paths[Math.floor(random() * paths.length)]!;
        const team = portfolio.teamIds[i % portfolio.teamIds.length]!;
        const events = [
          { at: new Date(created).toISOString() as Instant, status: 'new' as TicketStatus },
        ];
        let at = created;
        for (const [k, status] of path.entries()) {
          const pending = k > 0 && path[k - 1]!.startsWith('pending');
          const minutes = outage
            ? 5 + random() * 180
            : (pending ? 240 + random() * 3000 : 2 + random() * 600) * scale[priority];
          at += Math.max(1, Math.floor(minutes * 60)) * 1000;
          if (at >= NOW_MS) break; // still going at the end of the year
          events.push({ at: new Date(at).toISOString() as Instant, status });
        }
        const full = events.map((e) => ({
          ...e,
          teamId: team,
          assigneeId: null,
          priority,
          impact,
          actorId: null,
          note: null,
        }));
        const state = stateFromHistory(full);
        const id = randomUUID() as TicketId;
        ticketRows.push({
          id,
          number: formatTicketNumber('incident', ++number),
          type: 'incident',
          service_id: serviceId,
          priority: state.priority,
          impact: state.impact,
          title: outage ? 'Service down' : `Ticket ${number}`,
          description: null,
          requester_id: null,
          team_id: state.teamId,
          assignee_id: null,
          status: state.status,
          first_response_at: state.firstResponseAt,
          resolved_at: state.resolvedAt,
          closed_at: state.closedAt,
          updated_at: now,
          created_at: full[0]!.at,
          external_source: null,
          external_id: null,
          import_hash: null,
          version: 1,
        });
        full.forEach((e, seq) =>
          eventRows.push({
            ticket_id: id,
            seq,
            at: e.at,
            status: e.status,
            team_id: e.teamId,
            assignee_id: null,
            priority: e.priority,
            impact: e.impact,
            actor_id: null,
            note: null,
          }),
        );
      }
    }
    await kysely.transaction().execute(async (trx) => {
      for (let k = 0; k < ticketRows.length; k += 500)
        await trx
          .insertInto('tickets')
          .values(ticketRows.slice(k, k + 500))
          .execute();
      for (let k = 0; k < eventRows.length; k += 1000)
        await trx
          .insertInto('ticket_events')
          .values(eventRows.slice(k, k + 1000))
          .execute();
    });
    written.update(Math.min(all, start + BATCH));
  }
  written.done(
    `${total.toLocaleString('en-US')} tickets (${FEASIBILITY_TICKETS.toLocaleString('en-US')} on the feasibility service) and ${outageTotal.toLocaleString('en-US')} outages over the year`,
  );
  return {
    portfolio,
    calendarIds,
    agreementServiceIds,
    feasibilityServiceId,
    requirementId,
    optionId,
    tickets: total,
    outages: outageTotal,
    seconds: {
      portfolio: portfolioSeconds,
      agreements: agreementsSeconds,
      tickets: (performance.now() - t1) / 1000,
    },
  };
}

export { priorities };
