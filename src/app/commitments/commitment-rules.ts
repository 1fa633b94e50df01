import {
  backingAt,
  isUnbackedAt,
  type Backing,
  type Commitment,
  type CommitmentId,
} from '../../core/commitments.js';
import { notFound } from '../../core/errors.js';
import type { Instant, OrgUnitId, PersonId, TeamId } from '../../core/ids.js';
import type { ServiceId } from '../../core/services.js';
import { recordChange, type Ctx } from '../context.js';
import type { Repositories } from '../ports.js';

/** A commitment with the names of its parties and how it is backed at the instant it was read. */
export interface CommitmentView extends Commitment {
  makerName: string;
  toName: string;
  delivererName: string;
  serviceName: string | null;
  backing: Backing;
  unbacked: boolean;
}

export async function findCommitment(repos: Repositories, id: string): Promise<Commitment> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const found = uuid.test(id) ? await repos.commitments.get(id as CommitmentId) : null;
  if (!found) throw notFound(`Commitment ${id}`);
  return found;
}

/** Names of people, teams, organisation units and services, each looked up once. */
export interface Names {
  person(id: string): string;
  team(id: string): string;
  orgUnit(id: string): string;
  service(id: string): string;
}

export async function namesFor(repos: Repositories, commitments: Commitment[]): Promise<Names> {
  const people = new Set<string>();
  const teams = new Set<string>();
  const units = new Set<string>();
  const services = new Set<string>();
  for (const c of commitments) {
    people.add(c.makerId);
    if (c.toType === 'person') people.add(c.toId);
    if (c.toType === 'team') teams.add(c.toId);
    if (c.toType === 'org_unit') units.add(c.toId);
    (c.delivererType === 'person' ? people : teams).add(c.delivererId);
    if (c.serviceId) services.add(c.serviceId);
  }
  const personNames = new Map(
    (await repos.people.getMany([...people] as PersonId[])).map((p) => [p.id as string, p.name]),
  );
  const lookup = async <T extends { name: string }>(
    ids: Set<string>,
    get: (id: string) => Promise<T | null>,
  ) => {
    const map = new Map<string, string>();
    for (const id of ids) {
      const found = await get(id);
      if (found) map.set(id, found.name);
    }
    return map;
  };
  const [teamNames, unitNames, serviceNames] = await Promise.all([
    lookup(teams, (id) => repos.teams.get(id as TeamId)),
    lookup(units, (id) => repos.orgUnits.get(id as OrgUnitId)),
    lookup(services, (id) => repos.services.get(id as ServiceId)),
  ]);
  return {
    person: (id) => personNames.get(id) ?? 'Unknown person',
    team: (id) => teamNames.get(id) ?? 'Unknown team',
    orgUnit: (id) => unitNames.get(id) ?? 'Unknown organisation unit',
    service: (id) => serviceNames.get(id) ?? 'Unknown service',
  };
}

export function viewOf(c: Commitment, names: Names, at: Instant): CommitmentView {
  return {
    ...c,
    makerName: names.person(c.makerId),
    toName:
      c.toType === 'person'
        ? names.person(c.toId)
        : c.toType === 'team'
          ? names.team(c.toId)
          : names.orgUnit(c.toId),
    delivererName:
      c.delivererType === 'person' ? names.person(c.delivererId) : names.team(c.delivererId),
    serviceName: c.serviceId ? names.service(c.serviceId) : null,
    backing: backingAt(c, at) ?? 'pending',
    unbacked: isUnbackedAt(c, at),
  };
}

export async function viewsOf(
  repos: Repositories,
  commitments: Commitment[],
  at: Instant,
): Promise<CommitmentView[]> {
  const names = await namesFor(repos, commitments);
  return commitments.map((c) => viewOf(c, names, at));
}

/**
 * Who answers for the delivering party: the person, or the team's lead (at the time of asking).
 * Null when a team has no lead.
 */
export async function answererOf(repos: Repositories, c: Commitment): Promise<PersonId | null> {
  if (c.delivererType === 'person') return c.delivererId as PersonId;
  const team = await repos.teams.get(c.delivererId as TeamId);
  return team?.leadId ?? null;
}

/**
 * After a change to `before` inside the caller's transaction: reads the commitment again,
 * records the change (`action`, with before and after) in the audit log in the same
 * transaction, and returns how it reads at `now`.
 */
export async function recordedView(
  repos: Repositories,
  ctx: Ctx,
  before: Commitment,
  action: string,
  now: Instant,
): Promise<CommitmentView> {
  const after = await findCommitment(repos, before.id);
  await recordChange(repos.audit, ctx, {
    action,
    entityType: 'commitment',
    entityId: after.id,
    before,
    after,
  });
  return (await viewsOf(repos, [after], now))[0]!;
}
