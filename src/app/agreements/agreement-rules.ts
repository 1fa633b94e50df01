/**
 * The rules every agreement use case shares: finding an agreement by id or code, who holds
 * the roles that sign and acknowledge, checking content, refusals that are audited, activation
 * once every signature and acknowledgement is present, and notices to the people concerned.
 */
import type { z } from 'zod';
import type { Actor } from '../../core/actor.js';
import type { AgreementContent, AgreementId, OlaTerm } from '../../core/agreements/content.js';
import type { Agreement, AgreementVersion } from '../../core/agreements/records.js';
import type { partyLabels } from '../../core/agreements/signing.js';
import { contentProblems, olaDescription } from '../../core/agreements/signing.js';
import { versionProgress } from '../../core/agreements/signing.js';
import {
  throwIssues,
  ticketTermKey,
  validateTerms,
  type ServiceLevelTerms,
} from '../../core/agreements/terms.js';
import type { ErrorIssue } from '../../core/errors.js';
import { DomainError, conflict, invalid, notFound } from '../../core/errors.js';
import type { Instant, OrgUnitId, PersonId, TeamId } from '../../core/ids.js';
import type { RoleAssignment } from '../../core/ownership.js';
import type { CalendarId } from '../../core/sla/targets.js';
import type { ServiceId } from '../../core/services.js';
import type {
  OlaTerm as WireOla,
  ServiceLevelTerms as WireTerms,
} from '../../contract/sl-terms.js';
import { recordChange, recordEntityChange, type Ctx } from '../context.js';
import { notifyOthers } from '../notifications/notify.js';
import {
  activeHolder,
  canEditService,
  isServiceLevelManager,
  serviceScope,
} from '../ownership/ownership-rules.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { durationOf } from '../targets/create-target.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An agreement by id or code (SLA-0001). */
export async function findAgreement(repos: Repositories, ref: string): Promise<Agreement> {
  const found = uuid.test(ref)
    ? await repos.agreements.get(ref as AgreementId)
    : await repos.agreements.getByCode(ref);
  if (!found) throw notFound(`Agreement ${ref}`);
  return found;
}

/** Every version of an agreement, oldest first. */
export const versionsOf = (repos: Repositories, a: Agreement) =>
  repos.agreements.versionsOf([a.id]);

export async function findVersion(
  repos: Repositories,
  a: Agreement,
  n: number,
): Promise<AgreementVersion> {
  const v = (await versionsOf(repos, a)).find((x) => x.number === n);
  if (!v) throw notFound(`Version ${n} of ${a.code}`);
  return v;
}

export const today = (now: Instant): string => now.slice(0, 10);

// ---------------------------------------------------------------------------------------------
// Roles

export const customerScope = (serviceId: ServiceId, orgUnitId: OrgUnitId) => ({
  serviceId,
  orgUnitId,
  practiceId: null,
  teamId: null,
});
export const deliveryScope = (serviceId: ServiceId, teamId: TeamId) => ({
  serviceId,
  teamId,
  practiceId: null,
  orgUnitId: null,
});

export const serviceOwnerRole = (repos: Repositories, serviceId: ServiceId, now: Instant) =>
  activeHolder(repos, 'service_owner', serviceScope(serviceId), now);
export const customerRepRole = (
  repos: Repositories,
  a: Pick<Agreement, 'serviceId' | 'orgUnitId'>,
  now: Instant,
) => activeHolder(repos, 'customer_representative', customerScope(a.serviceId, a.orgUnitId), now);
export const deliveryLeadRole = (
  repos: Repositories,
  serviceId: ServiceId,
  teamId: TeamId,
  now: Instant,
) => activeHolder(repos, 'delivery_lead', deliveryScope(serviceId, teamId), now);

/** The role that signs as `party` for this agreement now, if anyone holds it. */
export function signingRole(
  repos: Repositories,
  a: Pick<Agreement, 'serviceId' | 'orgUnitId'>,
  party: keyof typeof partyLabels,
  now: Instant,
): Promise<RoleAssignment | null> {
  return party === 'service_owner'
    ? serviceOwnerRole(repos, a.serviceId, now)
    : customerRepRole(repos, a, now);
}

/** The service owner, a deputy, the service level manager or an admin may draw up versions. */
export async function canRevise(
  repos: Repositories,
  actor: Actor,
  serviceId: ServiceId,
  now: Instant,
): Promise<boolean> {
  if (actor.role === 'viewer' || actor.scope !== 'write') return false;
  return (
    (await canEditService(repos, actor, serviceId, now)) ||
    (await isServiceLevelManager(repos, actor.personId, now))
  );
}

// ---------------------------------------------------------------------------------------------
// Refusals that are audited

/** Thrown inside a transaction; `refusable` records it in a transaction of its own and answers 403. */
export class Refused extends Error {
  constructor(
    readonly action: string,
    readonly entityType: string,
    readonly entityId: string,
    readonly details: Record<string, unknown>,
    readonly publicMessage: string,
  ) {
    super(publicMessage);
  }
}

/**
 * Runs `work` in a transaction. A `Refused` thrown inside rolls the work back, is recorded in
 * the audit log on its own (it commits although the work does not) and becomes a 403.
 */
export async function refusable<T>(
  uow: UnitOfWork,
  ctx: Ctx,
  work: (repos: Repositories) => Promise<T>,
): Promise<T> {
  try {
    return await uow.transaction(work);
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    await uow.transaction((repos) =>
      recordChange(repos.audit, ctx, {
        action: error.action,
        entityType: error.entityType,
        entityId: error.entityId,
        after: { ...error.details, attemptedBy: ctx.actor.personId },
      }),
    );
    throw new DomainError(
      'forbidden',
      `${error.publicMessage} The attempt was recorded in the audit log.`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Content

/** Terms from the wire, validated, with a calendar that exists and is active. */
export async function termsFromWire(
  repos: Repositories,
  wire: z.output<typeof WireTerms>,
  at = 'terms',
): Promise<{ terms: ServiceLevelTerms; calendarName: string }> {
  const terms: ServiceLevelTerms = {
    availabilityPercent: wire.availabilityPercent,
    calendarId: wire.calendarId as CalendarId,
    tickets: wire.tickets.map((t) => ({
      priority: t.priority,
      metric: t.metric,
      duration: durationOf(t.duration),
      goalPercent: t.goalPercent,
    })),
  };
  validateTerms(terms, at);
  const calendar = await repos.calendars.get(terms.calendarId);
  if (!calendar) throw invalid(`${at}.calendarId`, 'no calendar has this id');
  if (!calendar.active)
    throw invalid(`${at}.calendarId`, `${calendar.name} is inactive; choose an active calendar`);
  return { terms, calendarName: calendar.name };
}

/** OLAs from the wire with their team names; teams and calendars must exist. */
export async function olasFromWire(
  repos: Repositories,
  wire: z.output<typeof WireOla>[],
): Promise<OlaTerm[]> {
  const issues: ErrorIssue[] = [];
  const out: OlaTerm[] = [];
  for (const [i, o] of wire.entries()) {
    const team = await repos.teams.get(o.teamId as TeamId);
    if (!team) issues.push({ path: `olas[${i}].teamId`, message: 'no team has this id' });
    else if (!team.active)
      issues.push({ path: `olas[${i}].teamId`, message: `${team.name} is inactive` });
    const calendar = await repos.calendars.get(o.calendarId as CalendarId);
    if (!calendar)
      issues.push({ path: `olas[${i}].calendarId`, message: 'no calendar has this id' });
    out.push({
      key: o.key,
      teamId: o.teamId as TeamId,
      teamName: team?.name ?? '?',
      description: o.description,
      priority: o.priority,
      metric: o.metric,
      duration: durationOf(o.duration),
      calendarId: o.calendarId as CalendarId,
      underpins: o.underpins as OlaTerm['underpins'],
    });
  }
  throwIssues(issues, 'these OLAs');
  return out;
}

/**
 * OLAs drafted from the service's team targets (origin assigned_to_team): one per team ×
 * priority × metric that matches a ticket target of the terms, underpinning that target.
 */
export async function draftOlas(
  repos: Repositories,
  serviceId: ServiceId,
  terms: ServiceLevelTerms,
): Promise<OlaTerm[]> {
  const page = await repos.targets.list({ serviceId, origin: 'assigned_to_team' }, { limit: 200 });
  const keys = new Set(terms.tickets.map(ticketTermKey));
  const olas: OlaTerm[] = [];
  const sorted = [...page.items].sort(
    (a, b) =>
      a.priority.localeCompare(b.priority) ||
      a.metric.localeCompare(b.metric) ||
      String(a.teamId).localeCompare(String(b.teamId)),
  );
  for (const t of sorted) {
    if (!t.teamId) continue;
    const key = ticketTermKey(t);
    if (!keys.has(key)) continue;
    const team = await repos.teams.get(t.teamId);
    if (!team) continue;
    const base = {
      teamId: team.id,
      teamName: team.name,
      priority: t.priority,
      metric: t.metric,
      duration: t.duration,
    };
    olas.push({
      key: `ola-${olas.length + 1}`,
      ...base,
      description: olaDescription(base),
      calendarId: t.calendarId,
      underpins: [key],
    });
  }
  return olas;
}

/** Throws an `invalid` error naming every problem with the content. */
export function validateContent(content: AgreementContent): void {
  throwIssues(contentProblems(content), 'this agreement');
}

// ---------------------------------------------------------------------------------------------
// Audit, notices, activation

export function recordAgreementChange(
  repos: Repositories,
  ctx: Ctx,
  agreementId: AgreementId,
  action: string,
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  return recordEntityChange(repos.audit, ctx, 'agreement', agreementId, action, change);
}

/** Tells people (never the actor, each once) about an agreement. */
export function tellAll(
  repos: Repositories,
  ctx: Ctx,
  recipients: (PersonId | null | undefined)[],
  notice: { eventKey: string; subject: string; body: string; code: string },
): Promise<void> {
  const { code, ...rest } = notice;
  return notifyOthers(repos, ctx, recipients, { ...rest, link: `/agreements/${code}` });
}

/** The people who sign a version and the delivery leads who acknowledge its OLAs, now. */
export async function peopleOf(
  repos: Repositories,
  a: Agreement,
  v: AgreementVersion,
  now: Instant,
): Promise<PersonId[]> {
  const leads = await Promise.all(
    [...new Set(v.content.olas.map((o) => o.teamId))].map((teamId) =>
      deliveryLeadRole(repos, a.serviceId, teamId, now),
    ),
  );
  return [
    v.content.serviceOwner.id,
    v.content.customerRepresentative.id,
    ...leads.map((r) => r?.personId ?? null).filter((x): x is PersonId => x !== null),
  ];
}

/**
 * Activates a pending version when both signatures and every OLA acknowledgement are present:
 * the active version (if any) is superseded first. Inside the caller's transaction.
 */
export async function activateIfComplete(
  repos: Repositories,
  ctx: Ctx,
  a: Agreement,
  v: AgreementVersion,
): Promise<boolean> {
  const [signatures, acks] = await Promise.all([
    repos.agreements.signaturesOf([v.id]),
    repos.agreements.acknowledgementsOf([v.id]),
  ]);
  if (!versionProgress(v, signatures, acks).complete) return false;
  const now = ctx.env.now();
  const active = (await versionsOf(repos, a)).find((x) => x.status === 'active');
  if (active && !(await repos.agreements.moveVersion(active.id, 'active', 'superseded', now)))
    throw conflict('version', 'the active version changed meanwhile; try again');
  if (!(await repos.agreements.moveVersion(v.id, 'pending', 'active', now)))
    throw conflict('version', `version ${v.number} is no longer pending; reload the agreement`);
  await recordAgreementChange(repos, ctx, a.id, 'activated', {
    before: active ? { activeVersion: active.number } : null,
    after: {
      activeVersion: v.number,
      contentHash: v.contentHash,
      superseded: active?.number ?? null,
    },
  });
  const everyone = await peopleOf(repos, a, v, now);
  await tellAll(repos, ctx, everyone, {
    eventKey: `agreement:${v.id}:activated`,
    subject: `${a.code} version ${v.number} is active`,
    body: `${v.content.title}: both parties signed and every OLA was acknowledged, so version ${v.number} is now in force${
      active ? `; it supersedes version ${active.number}` : ''
    }. Effective ${v.content.effectiveFrom} to ${v.content.expiresOn}.`,
    code: a.code,
  });
  return true;
}

/** Only a pending version takes signatures and acknowledgements; others say which state they are in. */
export function requirePending(v: AgreementVersion, doing: string): void {
  if (v.status === 'pending') return;
  const why: Record<string, string> = {
    active: 'it is already active; changes need a new version',
    superseded: 'it was superseded by a later version; open the latest version',
    withdrawn: 'it was withdrawn; open the latest version',
  };
  throw conflict(
    'status',
    `version ${v.number} is ${v.status}, so you cannot ${doing}: ${why[v.status] ?? ''}`,
  );
}

/** The content hash a signer or delivery lead read must be the stored one. */
export function requireSameHash(v: AgreementVersion, read: string): void {
  if (read !== v.contentHash)
    throw conflict(
      'contentHash',
      `the agreement changed since you read it (you read ${read.slice(0, 19)}…, version ${v.number} is ${v.contentHash.slice(0, 19)}…); read it again before signing`,
    );
}
