/**
 * RACI views derived from data, never typed in: who is Responsible, Accountable, Consulted and
 * Informed for a service or a practice, each entry with the basis it was derived from.
 * Accountable is always a person who accepted the role; when nobody did, the view says so.
 */
import { serviceLevelManagementKey, type RoleAssignment } from './ownership.js';

export const raciRoles = ['responsible', 'accountable', 'consulted', 'informed'] as const;
export type RaciRole = (typeof raciRoles)[number];

export type RaciPartyType = 'person' | 'team' | 'org_unit' | 'none';

export interface RaciEntry {
  role: RaciRole;
  partyType: RaciPartyType;
  partyId: string | null;
  /** The party's name, or "none — …" for a missing accountable party. */
  party: string;
  /** The person who answers for the party (the person, the team's lead, the unit's head). */
  personId: string | null;
  person: string | null;
  email: string | null;
  /** Why this entry is here, in words. */
  basis: string;
}

export interface RaciView {
  subject: { type: 'service' | 'practice'; id: string; name: string };
  entries: RaciEntry[];
  /** Gaps worth acting on, e.g. "no accepted owner". */
  flags: string[];
}

/** The roles the view reads: active (accepted, term running) at the instant of the view. */
export type ActiveRole = Pick<RoleAssignment, 'kind' | 'personId' | 'scope'>;

export interface Directory {
  people: ReadonlyMap<string, { name: string; email: string }>;
  teams: ReadonlyMap<string, { name: string; leadId: string | null }>;
  orgUnits: ReadonlyMap<string, { name: string; headId: string | null }>;
  practices: ReadonlyMap<string, { key: string; name: string }>;
}

/** Practices whose process owners are consulted about every service. */
export const consultedPracticeKeys = [
  'incident_management',
  'change_enablement',
  'service_level_management',
] as const;

export const noAccountable = 'none — no accepted owner';

const roleOrder: Record<RaciRole, number> = {
  accountable: 0,
  responsible: 1,
  consulted: 2,
  informed: 3,
};

function personEntry(dir: Directory, role: RaciRole, personId: string, basis: string): RaciEntry {
  const p = dir.people.get(personId);
  return {
    role,
    partyType: 'person',
    partyId: personId,
    party: p?.name ?? 'Unknown person',
    personId,
    person: p?.name ?? null,
    email: p?.email ?? null,
    basis,
  };
}

function groupEntry(
  dir: Directory,
  role: RaciRole,
  type: 'team' | 'org_unit',
  id: string,
  personId: string | null,
  basis: string,
): RaciEntry {
  const group = type === 'team' ? dir.teams.get(id) : dir.orgUnits.get(id);
  const p = personId ? dir.people.get(personId) : undefined;
  return {
    role,
    partyType: type,
    partyId: id,
    party: group?.name ?? (type === 'team' ? 'Unknown team' : 'Unknown organisation unit'),
    personId: p ? personId : null,
    person: p?.name ?? null,
    email: p?.email ?? null,
    basis,
  };
}

const noneEntry = (basis: string): RaciEntry => ({
  role: 'accountable',
  partyType: 'none',
  partyId: null,
  party: noAccountable,
  personId: null,
  person: null,
  email: null,
  basis,
});

function sorted(entries: RaciEntry[]): RaciEntry[] {
  const seen = new Set<string>();
  return entries
    .filter((e) => {
      const key = `${e.role}|${e.partyType}|${e.partyId ?? ''}|${e.personId ?? ''}|${e.basis}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(
      (a, b) =>
        roleOrder[a.role] - roleOrder[b.role] ||
        a.party.localeCompare(b.party) ||
        a.basis.localeCompare(b.basis),
    );
}

const list = (names: string[]) => [...new Set(names)].sort((a, b) => a.localeCompare(b)).join(', ');

export interface ServiceRaciInput {
  service: { id: string; name: string; teamId: string | null; orgUnitIds: string[] };
  /** Everything the service depends on, transitively (depth 1 = direct). */
  dependencies: { id: string; name: string; teamId: string | null; depth: number }[];
  roles: ActiveRole[];
  directory: Directory;
}

/**
 * A service's RACI:
 * - Accountable: its accepted service owner (or "none — no accepted owner", flagged);
 * - Responsible: the teams delivering it — its own team and the teams of everything it depends
 *   on — each with the delivery lead for the service when one accepted, else the team's lead;
 * - Consulted: deputies, the process owners of incident management, change enablement and
 *   service level management, and the owners of its direct dependencies;
 * - Informed: customer representatives, and the customer organisation units with their heads.
 */
export function serviceRaci({
  service,
  dependencies,
  roles,
  directory,
}: ServiceRaciInput): RaciView {
  const entries: RaciEntry[] = [];
  const flags: string[] = [];
  const of = (kind: ActiveRole['kind'], serviceId: string) =>
    roles.filter((r) => r.kind === kind && r.scope.serviceId === serviceId);

  const owners = of('service_owner', service.id);
  if (owners.length === 0) {
    entries.push(noneEntry(`nobody has accepted ownership of ${service.name}`));
    flags.push(`${service.name} has no accepted owner`);
  }
  for (const o of owners)
    entries.push(
      personEntry(directory, 'accountable', o.personId, `service owner of ${service.name}`),
    );

  // Responsible: one entry per delivering team, naming what it runs.
  const runs = new Map<string, { own: boolean; deps: string[]; serviceIds: string[] }>();
  const add = (teamId: string | null, serviceId: string, name: string, own: boolean) => {
    if (!teamId) return;
    const r = runs.get(teamId) ?? { own: false, deps: [], serviceIds: [] };
    if (own) r.own = true;
    else r.deps.push(name);
    r.serviceIds.push(serviceId);
    runs.set(teamId, r);
  };
  add(service.teamId, service.id, service.name, true);
  for (const d of dependencies) add(d.teamId, d.id, d.name, false);
  if (!service.teamId) flags.push(`${service.name} has no delivering team`);
  for (const [teamId, r] of runs) {
    const parts = [
      ...(r.own ? [`runs ${service.name}`] : []),
      ...(r.deps.length ? [`runs ${list(r.deps)} (dependencies)`] : []),
    ];
    const lead = roles.find(
      (x) =>
        x.kind === 'delivery_lead' &&
        x.scope.teamId === teamId &&
        x.scope.serviceId !== null &&
        r.serviceIds.includes(x.scope.serviceId),
    );
    const personId = lead?.personId ?? directory.teams.get(teamId)?.leadId ?? null;
    const who = lead ? 'delivery lead' : personId ? 'team lead' : 'no lead';
    entries.push(
      groupEntry(
        directory,
        'responsible',
        'team',
        teamId,
        personId,
        `${parts.join('; ')} — ${who}`,
      ),
    );
  }

  for (const d of of('deputy', service.id))
    entries.push(
      personEntry(directory, 'consulted', d.personId, `deputy service owner of ${service.name}`),
    );
  for (const key of consultedPracticeKeys) {
    const practice = [...directory.practices].find(([, p]) => p.key === key);
    if (!practice) continue;
    const [practiceId, p] = practice;
    const po = roles.filter((r) => r.kind === 'process_owner' && r.scope.practiceId === practiceId);
    if (po.length === 0) flags.push(`${p.name} has no accepted process owner`);
    for (const r of po)
      entries.push(personEntry(directory, 'consulted', r.personId, `process owner of ${p.name}`));
  }
  for (const d of dependencies.filter((x) => x.depth === 1)) {
    const depOwners = of('service_owner', d.id);
    if (depOwners.length === 0) flags.push(`${d.name} (direct dependency) has no accepted owner`);
    for (const o of depOwners)
      entries.push(
        personEntry(
          directory,
          'consulted',
          o.personId,
          `service owner of ${d.name} (direct dependency)`,
        ),
      );
  }

  for (const c of of('customer_representative', service.id)) {
    const unit = c.scope.orgUnitId ? directory.orgUnits.get(c.scope.orgUnitId)?.name : undefined;
    entries.push(
      personEntry(
        directory,
        'informed',
        c.personId,
        `customer representative${unit ? ` of ${unit}` : ''} for ${service.name}`,
      ),
    );
  }
  for (const unitId of service.orgUnitIds) {
    const headId = directory.orgUnits.get(unitId)?.headId ?? null;
    entries.push(
      groupEntry(
        directory,
        'informed',
        'org_unit',
        unitId,
        headId,
        `customer of ${service.name}${headId ? ' — unit head' : ''}`,
      ),
    );
  }
  return {
    subject: { type: 'service', id: service.id, name: service.name },
    entries: sorted(entries),
    flags,
  };
}

export interface PracticeRaciInput {
  practice: { id: string; key: string; name: string };
  roles: ActiveRole[];
  /** Active delivery teams. */
  teamIds: string[];
  /** Tier-1 services in the portfolio (not retired). */
  tierOneServices: { id: string; name: string }[];
  /** Active organisation units. */
  orgUnitIds: string[];
  directory: Directory;
}

/**
 * A practice's RACI:
 * - Accountable: its accepted process owner (or "none — no accepted owner", flagged);
 * - Responsible: every active delivery team (each performs the practice for what it runs), with
 *   its lead;
 * - Consulted: the service level manager (the process owner of service level management) and
 *   the owners of tier-1 services;
 * - Informed: the heads of the organisation units.
 */
export function practiceRaci(input: PracticeRaciInput): RaciView {
  const { practice, roles, directory } = input;
  const entries: RaciEntry[] = [];
  const flags: string[] = [];
  const owners = roles.filter(
    (r) => r.kind === 'process_owner' && r.scope.practiceId === practice.id,
  );
  if (owners.length === 0) {
    entries.push(noneEntry(`nobody has accepted ownership of ${practice.name}`));
    flags.push(`${practice.name} has no accepted process owner`);
  }
  for (const o of owners)
    entries.push(
      personEntry(directory, 'accountable', o.personId, `process owner of ${practice.name}`),
    );

  for (const teamId of input.teamIds) {
    const leadId = directory.teams.get(teamId)?.leadId ?? null;
    entries.push(
      groupEntry(
        directory,
        'responsible',
        'team',
        teamId,
        leadId,
        `delivery team performing ${practice.name}${leadId ? ' — team lead' : ' — no lead'}`,
      ),
    );
  }

  if (practice.key !== serviceLevelManagementKey) {
    const slm = [...directory.practices].find(([, p]) => p.key === serviceLevelManagementKey);
    const managers = slm
      ? roles.filter((r) => r.kind === 'process_owner' && r.scope.practiceId === slm[0])
      : [];
    if (slm && managers.length === 0) flags.push('there is no accepted service level manager');
    for (const m of managers)
      entries.push(
        personEntry(
          directory,
          'consulted',
          m.personId,
          'service level manager (process owner of service level management)',
        ),
      );
  }
  for (const s of input.tierOneServices) {
    for (const o of roles.filter((r) => r.kind === 'service_owner' && r.scope.serviceId === s.id))
      entries.push(
        personEntry(directory, 'consulted', o.personId, `service owner of ${s.name} (tier 1)`),
      );
  }

  for (const unitId of input.orgUnitIds) {
    const headId = directory.orgUnits.get(unitId)?.headId ?? null;
    if (!headId) continue;
    entries.push(
      groupEntry(directory, 'informed', 'org_unit', unitId, headId, 'organisation unit head'),
    );
  }
  return {
    subject: { type: 'practice', id: practice.id, name: practice.name },
    entries: sorted(entries),
    flags,
  };
}

/** The CSV rows of a RACI view: role, party_type, party, person, email, basis. */
export const raciCsvColumns = ['role', 'party_type', 'party', 'person', 'email', 'basis'] as const;
export function raciRows(view: RaciView): Record<(typeof raciCsvColumns)[number], string>[] {
  return view.entries.map((e) => ({
    role: e.role,
    party_type: e.partyType,
    party: e.party,
    person: e.person ?? '',
    email: e.email ?? '',
    basis: e.basis,
  }));
}
