/**
 * Feasibility of a requirement and its options (read only): the facts are loaded once per
 * request — the service's tickets of the last 12 months with their histories, its outages,
 * the dependency graph below it, the active agreements and the operational level targets —
 * and judged by the pure core (src/core/agreements/feasibility.ts). Anyone signed in may read.
 */
import {
  assessFeasibility,
  type CalendarInfo,
  type FeasibilityInput,
  type FeasibilityReport,
  type OlaRef,
} from '../../core/agreements/feasibility.js';
import type { AgreementVersion, Requirement } from '../../core/agreements/records.js';
import type { CalendarId, ServiceLevelTerms } from '../../core/agreements/terms.js';
import {
  monthsBefore,
  TicketHistory,
  type HistoryTicket,
} from '../../core/agreements/ticket-history.js';
import { outageIntervals } from '../../core/availability.js';
import { epochMsOf } from '../../core/calendar/units.js';
import type { Instant, TeamId } from '../../core/ids.js';
import type { ServiceId } from '../../core/services.js';
import { targetFor, type ServiceLevelTarget } from '../../core/sla/targets.js';
import type { Ctx } from '../context.js';
import { compiledCalendar } from '../calendars/compiled-calendars.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { findRequirement } from './requirement-rules.js';

export interface RequirementFeasibility extends FeasibilityReport {
  requirementId: string;
  serviceId: string;
  revision: number;
  /** The instant everything was judged at. */
  at: string;
}

/** Every ticket of the service created in [from, to) with its status changes, in one bulk read. */
export async function historyTickets(
  repos: Repositories,
  serviceId: ServiceId,
  from: Instant,
  to: Instant,
): Promise<HistoryTicket[]> {
  const tickets = await repos.tickets.timerFactsOf([serviceId], from, to);
  return tickets.map((t) => ({
    priority: t.priority,
    cancelled: t.status === 'cancelled',
    facts: {
      createdAt: epochMsOf(t.createdAt),
      changes: t.changes.map((c) => ({ at: epochMsOf(c.at), status: c.status })),
      firstResponseAt: t.firstResponseAt ? epochMsOf(t.firstResponseAt) : null,
    },
  }));
}

/** Every stored operational level target (clock from assignment to a team). */
export async function olaTargets(repos: Repositories): Promise<ServiceLevelTarget[]> {
  const out: ServiceLevelTarget[] = [];
  let cursor: string | undefined;
  do {
    const page = await repos.targets.list({ origin: 'assigned_to_team' }, { limit: 500, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Active agreement versions now (in effect today and not superseded). */
export async function activeVersions(
  repos: Repositories,
  now: string,
): Promise<AgreementVersion[]> {
  const today = now.slice(0, 10);
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
  return (await repos.agreements.versionsInEffect(today, tomorrow)).filter(
    (v) => v.status === 'active',
  );
}

/** The facts of the service graph below `serviceId` the dependency bound needs. */
export async function dependencyFacts(
  repos: Repositories,
  serviceId: ServiceId,
  versions: readonly AgreementVersion[],
  olas: readonly ServiceLevelTarget[],
) {
  const reached = await repos.services.reach(serviceId, 'down');
  const ids = [serviceId, ...reached.map((s) => s.id)];
  const edges = await repos.services.edgesAmong(ids);
  const committed = new Map<string, number>();
  const withAgreement = new Set<string>();
  const withOla = new Set<string>();
  for (const v of versions) {
    const s = v.content.service.id;
    withAgreement.add(s);
    const a = v.content.terms.availabilityPercent;
    if (a !== null) committed.set(s, Math.max(a, committed.get(s) ?? 0));
    if (v.content.olas.length > 0) withOla.add(s);
  }
  const defaultOla = olas.some((t) => t.serviceId === null);
  for (const t of olas) if (t.serviceId) withOla.add(t.serviceId);
  if (defaultOla) for (const id of ids) withOla.add(id);
  return {
    edges,
    names: new Map(reached.map((s) => [s.id as string, s.name])),
    committed,
    withAgreement,
    withOla,
  };
}

/** The OLAs underneath a service: its own (else default) OLA targets per team, and its agreements' OLAs. */
export async function olasOf(
  repos: Repositories,
  serviceId: ServiceId,
  targets: readonly ServiceLevelTarget[],
  versions: readonly AgreementVersion[],
): Promise<OlaRef[]> {
  const out: OlaRef[] = [];
  const teams = [...new Set(targets.map((t) => t.teamId).filter((t): t is TeamId => !!t))];
  const names = new Map<string, string>();
  for (const id of teams) names.set(id, (await repos.teams.get(id))?.name ?? 'Unknown team');
  for (const teamId of teams)
    for (const priority of ['P1', 'P2', 'P3', 'P4'] as const)
      for (const metric of ['response', 'resolution'] as const) {
        const t = targetFor(targets, serviceId, priority, metric, {
          origin: 'assigned_to_team',
          teamId,
        });
        if (t)
          out.push({
            source: 'target',
            teamId,
            teamName: names.get(teamId)!,
            priority,
            metric,
            duration: t.duration,
            calendarId: t.calendarId,
          });
      }
  for (const v of versions) {
    if (v.content.service.id !== serviceId) continue;
    for (const o of v.content.olas)
      out.push({
        source: 'agreement',
        teamId: o.teamId,
        teamName: o.teamName,
        priority: o.priority,
        metric: o.metric,
        duration: o.duration,
        calendarId: o.calendarId,
      });
  }
  return out;
}

/** Compiled calendars by id, loaded in one query. */
export async function calendarsFor(
  repos: Repositories,
  ids: Iterable<CalendarId>,
): Promise<(id: CalendarId) => CalendarInfo | null> {
  const records = await repos.calendars.getMany([...new Set(ids)]);
  const byId = new Map<string, CalendarInfo>(
    records.map((r) => [r.id, { id: r.id, name: r.name, compiled: compiledCalendar(r) }]),
  );
  return (id) => byId.get(id) ?? null;
}

/** Everything the feasibility of a requirement is judged from, read once. */
export interface FeasibilityFacts {
  requirement: Requirement;
  tickets: HistoryTicket[];
  /** The input to assessFeasibility, without the history (built from `tickets`). */
  input: Omit<FeasibilityInput, 'history'>;
}

/** Reads the facts: the service's tickets, outages, graph, agreements, OLAs and calendars. */
export async function feasibilityFacts(
  repos: Repositories,
  id: string,
  at: Instant,
): Promise<FeasibilityFacts> {
  const requirement = await findRequirement(repos, id);
  const revision = await repos.requirements.revision(requirement.id, requirement.revision);
  if (!revision)
    throw new Error(`requirement ${requirement.id} has no revision ${requirement.revision}`);
  const options = (await repos.requirements.optionsOf(requirement.id)).filter(
    (o) => o.status !== 'withdrawn',
  );
  const now = Date.parse(at);
  const serviceId = requirement.serviceId;

  const [tickets, outageHistories, versions, olaList] = await Promise.all([
    historyTickets(repos, serviceId, new Date(monthsBefore(now, 12)).toISOString() as Instant, at),
    repos.tickets.outageHistories(serviceId, at),
    activeVersions(repos, at),
    olaTargets(repos),
  ]);
  const [dependencies, olas] = await Promise.all([
    dependencyFacts(repos, serviceId, versions, olaList),
    olasOf(repos, serviceId, olaList, versions),
  ]);
  const termsList: ServiceLevelTerms[] = [revision.terms, ...options.map((o) => o.terms)];
  const calendar = await calendarsFor(repos, [
    ...termsList.map((t) => t.calendarId),
    ...olas.map((o) => o.calendarId),
  ]);
  return {
    requirement,
    tickets,
    input: {
      now,
      serviceId,
      requirement: { terms: revision.terms, businessValue: revision.businessValue },
      options: options.map((o) => ({
        id: o.id,
        label: o.label,
        terms: o.terms,
        monthlyCostMinor: o.monthlyCostMinor,
        currency: o.currency,
      })),
      calendar,
      outages: outageHistories.flatMap((events) => outageIntervals({ events }, now)),
      dependencies,
      olas,
    },
  };
}

/** GET /requirements/:id/feasibility. */
export async function requirementFeasibility(
  uow: UnitOfWork,
  ctx: Ctx,
  id: string,
): Promise<RequirementFeasibility> {
  const at = ctx.env.now();
  const { requirement, tickets, input } = await feasibilityFacts(uow.read, id, at);
  const report = assessFeasibility({ ...input, history: new TicketHistory(tickets, input.now) });
  return {
    requirementId: requirement.id,
    serviceId: requirement.serviceId,
    revision: requirement.revision,
    at,
    ...report,
  };
}
