/**
 * The rules every negotiation use case shares: who is the customer representative and who
 * answers for the service, terms from the wire checked against the calendars, the requirement
 * must still be open, and how a change is audited and announced.
 */
import type { z } from 'zod';
import type { Actor } from '../../core/actor.js';
import type { RequirementId } from '../../core/agreements/content.js';
import type { Requirement } from '../../core/agreements/records.js';
import { validateTerms, type ServiceLevelTerms } from '../../core/agreements/terms.js';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.js';
import type { Instant, PersonId } from '../../core/ids.js';
import type { RoleAssignment } from '../../core/ownership.js';
import type { CalendarId } from '../../core/sla/targets.js';
import type { ServiceId } from '../../core/services.js';
import type { ServiceLevelTerms as WireTerms } from '../../contract/sl-terms.js';
import { recordEntityChange, type Ctx } from '../context.js';
import { notifyOthers } from '../notifications/notify.js';
import { activeHolder, canEditService, serviceScope } from '../ownership/ownership-rules.js';
import type { Repositories } from '../ports.js';
import { durationOf } from '../targets/create-target.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findRequirement(repos: Repositories, id: string): Promise<Requirement> {
  const found = uuid.test(id) ? await repos.requirements.get(id as RequirementId) : null;
  if (!found) throw notFound(`Requirement ${id}`);
  return found;
}

/** The accepted customer representative of {orgUnitId, serviceId} at `now`, if any. */
export function customerRepresentative(
  repos: Repositories,
  r: Pick<Requirement, 'orgUnitId' | 'serviceId'>,
  now: Instant,
): Promise<RoleAssignment | null> {
  return activeHolder(
    repos,
    'customer_representative',
    { serviceId: r.serviceId, orgUnitId: r.orgUnitId, practiceId: null, teamId: null },
    now,
  );
}

export async function isCustomerRepresentative(
  repos: Repositories,
  actor: Actor,
  r: Pick<Requirement, 'orgUnitId' | 'serviceId'>,
  now: Instant,
): Promise<boolean> {
  return (await customerRepresentative(repos, r, now))?.personId === actor.personId;
}

/** The active service owner or a deputy of the service (an admin role alone is not enough). */
export function isOwnerOrDeputy(
  repos: Repositories,
  actor: Actor,
  serviceId: ServiceId,
  now: Instant,
): Promise<boolean> {
  return canEditService(repos, { ...actor, role: 'member' }, serviceId, now);
}

export async function serviceOwnerOf(
  repos: Repositories,
  serviceId: ServiceId,
  now: Instant,
): Promise<PersonId | null> {
  return (
    (await activeHolder(repos, 'service_owner', serviceScope(serviceId), now))?.personId ?? null
  );
}

/** Negotiation happens only while the requirement is open. */
export function requireOpen(r: Requirement): void {
  if (r.status !== 'open')
    throw conflict(
      'status',
      `this requirement is ${r.status}; it takes no more changes — state a new requirement instead`,
    );
}

/**
 * Refuses anyone but the service owner or a deputy (`refusal` says so, given the requirement's
 * label), and a requirement that is not open.
 */
export async function requireOwnerOrDeputy(
  repos: Repositories,
  ctx: Ctx,
  r: Requirement,
  refusal: (label: string) => string,
): Promise<void> {
  if (!(await isOwnerOrDeputy(repos, ctx.actor, r.serviceId, ctx.env.now())))
    throw forbidden(refusal(await requirementLabel(repos, r)));
  requireOpen(r);
}

/** Terms from the wire as the core's terms, validated, with a calendar that exists. */
export async function termsOf(
  repos: Repositories,
  wire: z.output<typeof WireTerms>,
  at = 'terms',
): Promise<ServiceLevelTerms> {
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
  if (!calendar)
    throw invalid(`${at}.calendarId`, 'no calendar has this id; choose the service hours calendar');
  if (!calendar.active)
    throw invalid(`${at}.calendarId`, `${calendar.name} is inactive; choose an active calendar`);
  return terms;
}

/** Audits a change of a requirement (its options and thread included) in the caller's transaction. */
export function recordRequirementChange(
  repos: Repositories,
  ctx: Ctx,
  requirementId: RequirementId,
  action: string,
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  return recordEntityChange(repos.audit, ctx, 'requirement', requirementId, action, change);
}

/** Tells a person (never the actor themself) about a change of a requirement. */
export function tell(
  repos: Repositories,
  ctx: Ctx,
  recipientId: PersonId | null,
  notice: { eventKey: string; subject: string; body: string; requirementId: RequirementId },
): Promise<void> {
  const { requirementId, ...rest } = notice;
  return notifyOthers(repos, ctx, [recipientId], {
    ...rest,
    link: `/requirements/${requirementId}`,
  });
}

/** "Online marketplace for Sales". */
export async function requirementLabel(repos: Repositories, r: Requirement): Promise<string> {
  const [service, unit] = await Promise.all([
    repos.services.get(r.serviceId),
    repos.orgUnits.get(r.orgUnitId),
  ]);
  return `${service?.name ?? 'a service'} for ${unit?.name ?? 'a customer'}`;
}
