import { randomUUID } from 'node:crypto';
import type { UnitOfWork } from '../../src/app/ports.js';
import { progressBar } from '../../src/cli/progress.js';
import type { Instant, OrgUnitId, PersonId } from '../../src/core/ids.js';
import {
  holderKey,
  type EndReason,
  type Nomination,
  type NominationId,
  type NominationStatus,
  type PracticeId,
  type RoleAffirmation,
  type RoleAssignment,
  type RoleId,
  type RoleKind,
  type RoleScope,
} from '../../src/core/ownership.js';
import type { Seniority } from '../../src/core/people.js';
import { slugify, type Service, type ServiceId, type Tier } from '../../src/core/services.js';
import { mulberry32 } from '../../test/random.js';

/**
 * Three years of ownership history for 10,000 services and 2,000 people, generated with a
 * seeded PRNG and written through the repositories: nominations (accepted, declined,
 * withdrawn, left to expire, still pending), acceptances with 12-month terms, early and late
 * re-affirmations, lapses, hand-overs (the new acceptance ends the old role), resignations,
 * roles ended when a service retires; process owners of ten practices; deputies.
 */
export const SERVICES = 10_000;
export const PEOPLE = 2_000;
export const ORG_UNITS = 12;
export const YEARS = 3;
const DAY = 86_400_000;
const BATCH = 500;
const SEED = 20_261_127;

export interface CommitmentHistory {
  start: number;
  end: number;
  people: number;
  services: number;
  nominations: number;
  roles: number;
  affirmations: number;
  orgUnitIds: OrgUnitId[];
  seconds: number;
}

const iso = (ms: number) => new Date(ms).toISOString() as Instant;

export async function seedCommitmentHistory(
  uow: UnitOfWork,
  now: number,
): Promise<CommitmentHistory> {
  const started = performance.now();
  const r = mulberry32(SEED);
  const int = (n: number) => Math.floor(r() * n);
  const end = now - 3_600_000;
  const start = end - YEARS * 365 * DAY;
  const at = iso(start - 400 * DAY);

  // People: a CEO, executives, senior managers, managers, staff and externals, in a tree.
  const orgUnitIds = Array.from({ length: ORG_UNITS }, () => randomUUID() as OrgUnitId);
  const people: { id: PersonId; seniority: Seniority; managerId: PersonId | null }[] = [];
  const bySeniority = new Map<Seniority, PersonId[]>();
  const add = (seniority: Seniority, managers: PersonId[]) => {
    const id = randomUUID() as PersonId;
    people.push({
      id,
      seniority,
      managerId: managers.length ? managers[int(managers.length)]! : null,
    });
    bySeniority.set(seniority, [...(bySeniority.get(seniority) ?? []), id]);
    return id;
  };
  const ceo = add('executive', []);
  for (let i = 0; i < 15; i++) add('executive', [ceo]);
  const execs = bySeniority.get('executive')!.slice(1);
  for (let i = 0; i < 120; i++) add('senior_manager', execs);
  for (let i = 0; i < 400; i++) add('manager', bySeniority.get('senior_manager')!);
  for (let i = 0; i < 1_325; i++) add('staff', bySeniority.get('manager')!);
  while (people.length < PEOPLE) add('external', []);
  const pick = (xs: PersonId[]) => xs[int(xs.length)]!;
  const ownerFor = (tier: number): PersonId => {
    const x = r();
    if (x < 0.03) return pick(bySeniority.get('external')!);
    if (tier === 1)
      return x < 0.35
        ? pick(execs)
        : x < 0.8
          ? pick(bySeniority.get('senior_manager')!)
          : pick(bySeniority.get('manager')!);
    if (tier === 2)
      return x < 0.4 ? pick(bySeniority.get('senior_manager')!) : pick(bySeniority.get('manager')!);
    return x < 0.5 ? pick(bySeniority.get('manager')!) : pick(bySeniority.get('staff')!);
  };

  const bar = progressBar('people and services', PEOPLE + SERVICES);
  await uow.transaction(async (repos) => {
    for (const [i, id] of orgUnitIds.entries())
      await repos.orgUnits.insert({
        id,
        name: `Business unit ${i + 1}`,
        description: null,
        headId: null,
        active: true,
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
  });
  for (let b = 0; b < people.length; b += BATCH) {
    await uow.transaction(async (repos) => {
      for (const [k, p] of people.slice(b, b + BATCH).entries())
        await repos.people.insert({
          id: p.id,
          name: `Person ${b + k + 1}`,
          email: `person${b + k + 1}@bench.test`,
          title: null,
          seniority: p.seniority,
          managerId: p.managerId,
          orgUnitId: orgUnitIds[(b + k) % ORG_UNITS]!,
          active: true,
          version: 1,
          createdAt: at,
          updatedAt: at,
        });
    });
    bar.update(Math.min(people.length, b + BATCH));
  }
  // The CEO heads the first unit.
  await uow.transaction((repos) =>
    repos.orgUnits
      .update(
        orgUnitIds[0]!,
        { name: 'Business unit 1', description: null, headId: ceo, active: true },
        1,
        at,
      )
      .then(() => undefined),
  );

  // Services: tiers 5/15/40/40 %; most live before or during the three years, some retire.
  const services: { id: ServiceId; tier: Tier; liveAt: number | null; retiredAt: number | null }[] =
    [];
  for (let i = 0; i < SERVICES; i++) {
    const x = r();
    const tier = i === 0 ? 1 : x < 0.05 ? 1 : x < 0.2 ? 2 : x < 0.6 ? 3 : 4;
    const y = r();
    const liveAt =
      y < 0.05
        ? null
        : i === 0
          ? start - 100 * DAY
          : start - 365 * DAY + int(YEARS * 365 + 300) * DAY;
    const retiredAt =
      liveAt !== null && liveAt < end && r() < 0.1 ? liveAt + (30 + int(700)) * DAY : null;
    services.push({
      id: randomUUID() as ServiceId,
      tier,
      liveAt,
      retiredAt: retiredAt !== null && retiredAt < end ? retiredAt : null,
    });
  }
  for (let b = 0; b < SERVICES; b += BATCH) {
    await uow.transaction(async (repos) => {
      for (let i = b; i < Math.min(SERVICES, b + BATCH); i++) {
        const s = services[i]!;
        const name = `Service ${i + 1}`;
        const lifecycle =
          s.liveAt === null || s.liveAt > end
            ? 'pipeline'
            : s.retiredAt !== null
              ? 'retired'
              : 'live';
        const service: Service = {
          id: s.id,
          slug: slugify(name),
          name,
          kind: i % 10 === 0 ? 'business_service' : i % 3 === 0 ? 'component' : 'technical_service',
          description: null,
          lifecycle,
          liveAt: s.liveAt === null || lifecycle === 'pipeline' ? null : iso(s.liveAt),
          retiredAt: s.retiredAt === null ? null : iso(s.retiredAt),
          tier: s.tier,
          teamId: null,
          orgUnitIds: [
            orgUnitIds[i % ORG_UNITS]!,
            ...(i % 4 === 0 ? [orgUnitIds[(i + 5) % ORG_UNITS]!] : []),
          ],
          valueStatement: null,
          monthlyCost: null,
          links: [],
          tags: [],
          system: null,
          domain: null,
          version: 1,
          createdAt: at,
          updatedAt: at,
        };
        await repos.services.insert(service);
        if (lifecycle === 'pipeline') s.liveAt = null;
      }
    });
    bar.update(PEOPLE + Math.min(SERVICES, b + BATCH));
  }
  bar.done(`${PEOPLE} people, ${SERVICES} services`);

  // Practices with history: ten created before the three years (the seeded ones are retired).
  const practiceIds: PracticeId[] = [];
  await uow.transaction(async (repos) => {
    for (const p of await repos.ownership.listPractices({}))
      await repos.ownership.updatePractice(
        p.id,
        { name: p.name, active: false },
        p.version,
        iso(now),
      );
    for (let i = 0; i < 10; i++) {
      const id = randomUUID() as PracticeId;
      practiceIds.push(id);
      await repos.ownership.insertPractice({
        id,
        key: `practice_${i + 1}`,
        name: `Practice ${i + 1}`,
        active: true,
        createdAt: iso(start - 30 * DAY),
        version: 1,
      });
    }
  });

  // Role histories, simulated per scope.
  const nominations: { n: Nomination; openKey: string; release: boolean }[] = [];
  const roles: RoleAssignment[] = [];
  const affirmations: RoleAffirmation[] = [];
  const scopeOf = (s: Partial<RoleScope>): RoleScope => ({
    serviceId: null,
    practiceId: null,
    orgUnitId: null,
    teamId: null,
    ...s,
  });

  /** One scope's history from `from` to `until`: nominate, answer, hold, re-affirm or lapse, hand over. */
  const simulate = (
    kind: RoleKind,
    scope: RoleScope,
    from: number,
    until: number,
    choose: () => PersonId,
    fixed?: PersonId[],
  ) => {
    let t = from + int(60) * DAY;
    let holder: RoleAssignment | null = null;
    let turn = 0;
    while (t < end && t < until) {
      const nominee = fixed?.[turn] ?? choose();
      turn++;
      const id = randomUUID() as NominationId;
      const key = holderKey(kind, scope, nominee);
      const x = r();
      const base = {
        id,
        kind,
        scope,
        nomineeId: nominee,
        nominatedById: ceo,
        message: 'Please take this on.',
        createdAt: iso(t),
        expiresAt: iso(t + 90 * DAY),
        declineReason: null,
        roleId: null,
        termMonths: 12,
      };
      if (x < 0.12) {
        // Declined or withdrawn after some days.
        const answeredAt = t + (1 + int(20)) * DAY;
        const status: NominationStatus = x < 0.09 ? 'declined' : 'withdrawn';
        if (answeredAt < end) {
          nominations.push({
            n: {
              ...base,
              status,
              answeredAt: iso(answeredAt),
              declineReason: status === 'declined' ? 'Not now' : null,
            },
            openKey: key,
            release: false,
          });
          t = answeredAt + int(30) * DAY;
          continue;
        }
      }
      if (x >= 0.12 && x < 0.2) {
        // Left unanswered: it expires (or is still pending at the end).
        nominations.push({
          n: { ...base, status: 'pending', answeredAt: null },
          openKey: key,
          release: t + 90 * DAY <= end,
        });
        t += (90 + int(30)) * DAY;
        continue;
      }
      const acceptedAt = t + int(25) * DAY;
      if (acceptedAt >= end || acceptedAt >= until) {
        nominations.push({
          n: { ...base, status: 'pending', answeredAt: null },
          openKey: key,
          release: t + 90 * DAY <= end,
        });
        break;
      }
      if (holder && holder.endedAt === null) {
        holder.endedAt = iso(acceptedAt);
        holder.endReason = 'handed_over';
      }
      const roleId = randomUUID() as RoleId;
      nominations.push({
        n: { ...base, status: 'accepted', answeredAt: iso(acceptedAt), roleId },
        openKey: key,
        release: false,
      });
      let termEnds = acceptedAt + 365 * DAY;
      const role: RoleAssignment = {
        id: roleId,
        kind,
        scope,
        personId: nominee,
        nominationId: id,
        statement: 'I accept personal accountability.',
        acceptedAt: iso(acceptedAt),
        termMonths: 12,
        termEndsAt: iso(termEnds),
        endedAt: null,
        endReason: null,
        endNote: null,
      };
      roles.push(role);
      holder = role;
      // Hold the role: re-affirm early, re-affirm late after a lapse, lapse and stay lapsed, resign, or hand over.
      let next = acceptedAt;
      for (;;) {
        const y = r();
        const endHere = (when: number, reason: EndReason) => {
          role.endedAt = iso(when);
          role.endReason = reason;
        };
        if (y < 0.06) {
          const when = next + int(300) * DAY;
          if (when < end && when < until) endHere(when, 'resigned');
          next = when + int(60) * DAY;
          break;
        }
        if (y < 0.2) {
          next = next + (60 + int(300)) * DAY; // a hand-over: the next acceptance ends this role
          break;
        }
        const early = y < 0.72;
        const affirmAt = early ? termEnds - int(30) * DAY : termEnds + (3 + int(80)) * DAY;
        if (y > 0.92 || affirmAt >= end || affirmAt >= until) {
          next = termEnds + (20 + int(200)) * DAY; // lapses; someone else is nominated later
          break;
        }
        termEnds = Math.max(affirmAt, termEnds) + 365 * DAY;
        next = affirmAt;
        affirmations.push({ roleId, at: iso(affirmAt), termEndsAt: iso(termEnds) });
        role.termEndsAt = iso(termEnds);
      }
      t = next;
    }
    // A retired service's roles end (revoked) when it retires.
    if (until < end && holder && holder.endedAt === null) {
      holder.endedAt = iso(until);
      holder.endReason = 'revoked';
    }
  };

  for (const [i, s] of services.entries()) {
    if (s.liveAt === null) continue;
    const until = s.retiredAt ?? Infinity;
    if (i > 0 && r() < 0.12) continue; // never owned
    const fixed = i === 0 ? [ceo, execs[0]!, ceo] : undefined;
    simulate(
      'service_owner',
      scopeOf({ serviceId: s.id }),
      Math.max(start - 200 * DAY, s.liveAt),
      until,
      () => ownerFor(s.tier),
      fixed,
    );
    if (r() < 0.15)
      simulate('deputy', scopeOf({ serviceId: s.id }), Math.max(start, s.liveAt), until, () =>
        ownerFor(4),
      );
  }
  for (const p of practiceIds)
    simulate('process_owner', scopeOf({ practiceId: p }), start - 20 * DAY, Infinity, () =>
      pick([...execs, ...bySeniority.get('senior_manager')!]),
    );

  const total = nominations.length + roles.length + affirmations.length;
  const written = progressBar('ownership history', total);
  let done = 0;
  for (let b = 0; b < nominations.length; b += BATCH) {
    await uow.transaction(async (repos) => {
      for (const { n, openKey, release } of nominations.slice(b, b + BATCH)) {
        await repos.ownership.insertNomination(
          n,
          n.status === 'pending' && release ? `${openKey}|${n.id}` : openKey,
        );
        if (release) await repos.ownership.releaseNomination(n.id);
      }
    });
    written.update((done += Math.min(BATCH, nominations.length - b)));
  }
  const affirmationsOf = new Map<string, RoleAffirmation[]>();
  for (const a of affirmations)
    affirmationsOf.set(a.roleId, [...(affirmationsOf.get(a.roleId) ?? []), a]);
  for (let b = 0; b < roles.length; b += BATCH) {
    await uow.transaction(async (repos) => {
      for (const role of roles.slice(b, b + BATCH)) {
        const later = affirmationsOf.get(role.id) ?? [];
        // Inserted with its first term; each re-affirmation appended as it happened.
        const first = { ...role, termEndsAt: iso(Date.parse(role.acceptedAt) + 365 * DAY) };
        await repos.ownership.insertRole(first, holderKey(role.kind, role.scope, role.personId));
        for (const a of later) await repos.ownership.affirm(a);
        done += 1 + later.length;
      }
    });
    written.update(done);
  }
  written.done(
    `${nominations.length} nominations, ${roles.length} roles, ${affirmations.length} re-affirmations`,
  );
  return {
    start,
    end,
    people: PEOPLE,
    services: SERVICES,
    nominations: nominations.length,
    roles: roles.length,
    affirmations: affirmations.length,
    orgUnitIds,
    seconds: (performance.now() - started) / 1000,
  };
}
