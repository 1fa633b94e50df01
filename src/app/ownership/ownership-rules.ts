import type { Actor } from '../../core/actor.js';
import { forbidden, invalid, notFound } from '../../core/errors.js';
import type { Instant, PersonId } from '../../core/ids.js';
import {
  holderKey,
  nominationState,
  roleStateAt,
  serviceLevelManagementKey,
  type Nomination,
  type Practice,
  type PracticeId,
  type RoleAssignment,
  type RoleKind,
  type RoleScope,
  type StatementSubject,
} from '../../core/ownership.js';
import type { ServiceId } from '../../core/services.js';
import type { Nomination as NominationView, Role as RoleView } from '../../contract/ownership.js';
import type { Repositories } from '../ports.js';

/** The practice by id or by key. */
export async function findPractice(repos: Repositories, ref: string): Promise<Practice | null> {
  return (
    (await repos.ownership.getPractice(ref as PracticeId)) ??
    (await repos.ownership.getPracticeByKey(ref))
  );
}

/** The role held under kind + scope if it is active at `now`. */
export async function activeHolder(
  repos: Repositories,
  kind: RoleKind,
  scope: RoleScope,
  now: Instant,
): Promise<RoleAssignment | null> {
  const role = await repos.ownership.heldRole(holderKey(kind, scope, '' as PersonId));
  return role &&
    roleStateAt(role, [{ at: role.acceptedAt, termEndsAt: role.termEndsAt }], now) === 'active'
    ? role
    : null;
}

export const serviceScope = (serviceId: ServiceId): RoleScope => ({
  serviceId,
  practiceId: null,
  orgUnitId: null,
  teamId: null,
});
export const practiceScope = (practiceId: PracticeId): RoleScope => ({
  serviceId: null,
  practiceId,
  orgUnitId: null,
  teamId: null,
});

/** Is `personId` the service level manager (active process owner of that practice)? */
export async function isServiceLevelManager(
  repos: Repositories,
  personId: PersonId,
  now: Instant,
): Promise<boolean> {
  const slm = await repos.ownership.getPracticeByKey(serviceLevelManagementKey);
  if (!slm) return false;
  const role = await activeHolder(repos, 'process_owner', practiceScope(slm.id), now);
  return role?.personId === personId;
}

/** Admins, the active service owner and the active deputies of the service may edit it. */
export async function canEditService(
  repos: Repositories,
  actor: Actor,
  serviceId: ServiceId,
  now: Instant,
): Promise<boolean> {
  if (actor.role === 'admin') return true;
  const owner = await activeHolder(repos, 'service_owner', serviceScope(serviceId), now);
  if (owner?.personId === actor.personId) return true;
  const deputy = await repos.ownership.heldRole(
    holderKey('deputy', serviceScope(serviceId), actor.personId),
  );
  return (
    deputy !== null &&
    deputy.personId === actor.personId &&
    roleStateAt(deputy, [{ at: deputy.acceptedAt, termEndsAt: deputy.termEndsAt }], now) ===
      'active'
  );
}

/** Refuses unless the actor may edit the service (write scope checked by the caller). */
export async function requireServiceEditor(
  repos: Repositories,
  actor: Actor,
  serviceId: ServiceId,
  now: Instant,
  doing: string,
): Promise<void> {
  if (await canEditService(repos, actor, serviceId, now)) return;
  const service = await repos.services.get(serviceId);
  throw forbidden(
    `Only an admin, the service owner or a deputy of ${service?.name ?? 'this service'} can ${doing}.`,
  );
}

/** Names of what a scope points at, for labels and statements. */
export interface ScopeNames {
  serviceName: string | null;
  serviceSlug: string | null;
  practiceName: string | null;
  orgUnitName: string | null;
  teamName: string | null;
}

export async function scopeNames(repos: Repositories, scope: RoleScope): Promise<ScopeNames> {
  const [service, practice, unit, team] = await Promise.all([
    scope.serviceId ? repos.services.get(scope.serviceId) : null,
    scope.practiceId ? repos.ownership.getPractice(scope.practiceId) : null,
    scope.orgUnitId ? repos.orgUnits.get(scope.orgUnitId) : null,
    scope.teamId ? repos.teams.get(scope.teamId) : null,
  ]);
  return {
    serviceName: service?.name ?? null,
    serviceSlug: service?.slug ?? null,
    practiceName: practice?.name ?? null,
    orgUnitName: unit?.name ?? null,
    teamName: team?.name ?? null,
  };
}

export function scopeLabel(kind: RoleKind, n: ScopeNames): string {
  switch (kind) {
    case 'process_owner':
      return n.practiceName ?? '?';
    case 'customer_representative':
      return `${n.orgUnitName ?? '?'} for ${n.serviceName ?? '?'}`;
    case 'delivery_lead':
      return `${n.teamName ?? '?'} for ${n.serviceName ?? '?'}`;
    default:
      return n.serviceName ?? '?';
  }
}

export const statementSubject = (
  personName: string,
  kind: RoleKind,
  n: ScopeNames,
): StatementSubject => ({ personName, kind, ...n });

/** Checks the scope's records exist and can take a new role. */
export async function checkScopeTargets(repos: Repositories, scope: RoleScope): Promise<void> {
  if (scope.serviceId) {
    const s = await repos.services.get(scope.serviceId);
    if (!s) throw invalid('scope.serviceId', 'no service has this id');
    if (s.lifecycle === 'retired')
      throw invalid('scope.serviceId', `${s.name} is retired; retired services take no new roles`);
  }
  if (scope.practiceId) {
    const p = await repos.ownership.getPractice(scope.practiceId);
    if (!p) throw invalid('scope.practiceId', 'no practice has this id');
    if (!p.active) throw invalid('scope.practiceId', `${p.name} is inactive; reactivate it first`);
  }
  if (scope.orgUnitId) {
    const u = await repos.orgUnits.get(scope.orgUnitId);
    if (!u) throw invalid('scope.orgUnitId', 'no organisation unit has this id');
    if (!u.active) throw invalid('scope.orgUnitId', `${u.name} is inactive`);
  }
  if (scope.teamId) {
    const t = await repos.teams.get(scope.teamId);
    if (!t) throw invalid('scope.teamId', 'no team has this id');
    if (!t.active) throw invalid('scope.teamId', `${t.name} is inactive`);
  }
}

/** Caches names while building many views in one request. */
export function viewBuilder(repos: Repositories, now: Instant) {
  const people = new Map<string, Promise<string>>();
  const scopes = new Map<string, Promise<ScopeNames>>();
  const personName = (id: PersonId) => {
    let p = people.get(id);
    if (!p) {
      p = repos.people.get(id).then((x) => x?.name ?? '(unknown)');
      people.set(id, p);
    }
    return p;
  };
  const names = (scope: RoleScope) => {
    const key = JSON.stringify(scope);
    let p = scopes.get(key);
    if (!p) {
      p = scopeNames(repos, scope);
      scopes.set(key, p);
    }
    return p;
  };
  const scopeView = async (kind: RoleKind, scope: RoleScope) => {
    const n = await names(scope);
    return { ...scope, label: scopeLabel(kind, n), serviceSlug: n.serviceSlug };
  };
  return {
    names,
    personName,
    async nomination(
      n: Nomination,
      statement: (n: Nomination) => Promise<string | null>,
    ): Promise<NominationView> {
      return {
        id: n.id,
        kind: n.kind,
        scope: await scopeView(n.kind, n.scope),
        nominee: { id: n.nomineeId, name: await personName(n.nomineeId) },
        nominatedBy: { id: n.nominatedById, name: await personName(n.nominatedById) },
        message: n.message,
        termMonths: n.termMonths,
        createdAt: n.createdAt,
        expiresAt: n.expiresAt,
        state: nominationState(n, now),
        answeredAt: n.answeredAt,
        declineReason: n.declineReason,
        roleId: n.roleId,
        statement: nominationState(n, now) === 'pending' ? await statement(n) : null,
      };
    },
    role: async (r: RoleAssignment): Promise<RoleView> => {
      return {
        id: r.id,
        kind: r.kind,
        scope: await scopeView(r.kind, r.scope),
        person: { id: r.personId, name: await personName(r.personId) },
        nominationId: r.nominationId,
        statement: r.statement,
        acceptedAt: r.acceptedAt,
        termMonths: r.termMonths,
        termEndsAt: r.termEndsAt,
        state: roleStateAt(r, [{ at: r.acceptedAt, termEndsAt: r.termEndsAt }], now),
        endedAt: r.endedAt,
        endReason: r.endReason,
        endNote: r.endNote,
      };
    },
  };
}

export async function loadNomination(repos: Repositories, id: string): Promise<Nomination> {
  const n = await repos.ownership.getNomination(id as Nomination['id']);
  if (!n) throw notFound('Nomination');
  return n;
}

export async function loadRole(repos: Repositories, id: string): Promise<RoleAssignment> {
  const r = await repos.ownership.getRole(id as RoleAssignment['id']);
  if (!r) throw notFound('Role');
  return r;
}
