/**
 * The management commitment index: its inputs (plain facts from history, times in epoch
 * milliseconds UTC), the point-in-time state of roles and nominations, and the components.
 * The definition is written down in docs/commitment-index.md; keep the two in step.
 *
 * A component scores one aspect at an instant (`score`) and may also score a whole series of
 * instants in one sweep over its events (`trend`); both must give the same numerator and
 * denominator at every instant (a randomised test checks it). To add a component, append it to
 * `commitmentComponents` (a component without `trend` is recomputed per point: correct, slower).
 */
import type { Seniority } from './people.js';

export const DAY_MS = 86_400_000;
/** A nomination pending this long (or longer) counts against the index. */
export const LONG_OPEN_MS = 30 * DAY_MS;

/** Criticality weight per tier (tier 1 is the most critical). */
export const tierWeights: Record<number, number> = { 1: 8, 2: 4, 3: 2, 4: 1 };
/** Owner seniority factor in hundredths (integers keep every sum exact). */
export const seniorityFactors: Record<Seniority, number> = {
  executive: 100,
  senior_manager: 100,
  manager: 85,
  staff: 60,
  external: 40,
};

export type RoleKindName =
  'service_owner' | 'process_owner' | 'customer_representative' | 'delivery_lead' | 'deputy';

export interface ServiceFacts {
  id: string;
  /** Current tier (no history kept). */
  tier: number;
  /** Counted from liveAt until retiredAt; null liveAt = never live (pipeline). */
  liveAt: number | null;
  retiredAt: number | null;
  /** Current organisation units (customers). */
  orgUnitIds: readonly string[];
}

export interface PersonFacts {
  id: string;
  /** Current seniority (no history kept). */
  seniority: Seniority;
  managerId: string | null;
  orgUnitId: string | null;
  active: boolean;
}

export interface OrgUnitFacts {
  id: string;
  headId: string | null;
}

export interface PracticeFacts {
  id: string;
  /** Counted from createdAt when currently active. */
  active: boolean;
  createdAt: number;
}

export interface RoleTerm {
  /** When the term was granted: the acceptance, then each re-affirmation. */
  at: number;
  endsAt: number;
}

export interface RoleFacts {
  id: string;
  kind: RoleKindName;
  serviceId: string | null;
  practiceId: string | null;
  orgUnitId: string | null;
  personId: string;
  acceptedAt: number;
  endedAt: number | null;
  /** Every term, including the first one granted at acceptance; order of equal `at`s matters (last wins). */
  terms: readonly RoleTerm[];
}

export interface NominationFacts {
  id: string;
  kind: RoleKindName;
  serviceId: string | null;
  practiceId: string | null;
  orgUnitId: string | null;
  createdAt: number;
  expiresAt: number;
  /** When it was accepted, declined or withdrawn; null while unanswered. */
  answeredAt: number | null;
}

export interface CommitmentInputs {
  services: readonly ServiceFacts[];
  people: readonly PersonFacts[];
  orgUnits: readonly OrgUnitFacts[];
  practices: readonly PracticeFacts[];
  roles: readonly RoleFacts[];
  nominations: readonly NominationFacts[];
}

export type CommitmentScope =
  { kind: 'portfolio' } | { kind: 'org_unit'; id: string } | { kind: 'service'; id: string };

/** A scope with the facts it needs resolved once: its services and the top executive. */
export interface ResolvedScope {
  scope: CommitmentScope;
  /** Services in scope (null: every service). */
  serviceIds: ReadonlySet<string> | null;
  /** The top executive (see `topExecutive`), and the units they head or belong to. */
  leaderId: string | null;
  leaderUnitIds: ReadonlySet<string>;
  servicesById: ReadonlyMap<string, ServiceFacts>;
  peopleById: ReadonlyMap<string, PersonFacts>;
}

export interface Counts {
  numerator: number;
  denominator: number;
}

export interface ComponentScore extends Counts {
  /** 0..1, or null when the component does not apply (nothing to measure). */
  value: number | null;
  detail: string;
}

export interface CommitmentComponent {
  key: string;
  label: string;
  weight: number;
  /** Whether the component measures anything for this kind of scope. */
  appliesTo(scope: ResolvedScope): boolean;
  score(inputs: CommitmentInputs, at: number, scope: ResolvedScope): ComponentScore;
  /** The numerator and denominator at each point (ascending), by one sweep. Optional. */
  trend?(inputs: CommitmentInputs, points: readonly number[], scope: ResolvedScope): Counts[];
  /** The value from the counts (null = does not apply); shared by `score` and the trend. */
  valueOf(counts: Counts): number | null;
}

// ---------------------------------------------------------------------------------------------
// State at an instant, straight from the definition (used by `score` and the naive reference).

export const isLiveAt = (s: ServiceFacts, at: number): boolean =>
  s.liveAt !== null && s.liveAt <= at && (s.retiredAt === null || at < s.retiredAt);

export type RoleState = 'none' | 'active' | 'lapsed' | 'ended';

/**
 * A role is active at D when accepted by D, not ended by D, and the latest term granted at or
 * before D runs past D; lapsed when accepted, not ended, and that term ended at or before D (or
 * no term was granted by D). Same rule as `roleStateAt` in ownership.ts, on epoch milliseconds.
 */
export function roleStateAt(role: RoleFacts, at: number): RoleState {
  if (at < role.acceptedAt) return 'none';
  if (role.endedAt !== null && role.endedAt <= at) return 'ended';
  let latest: RoleTerm | null = null;
  for (const term of role.terms)
    if (term.at <= at && (!latest || term.at >= latest.at)) latest = term;
  if (!latest) return 'lapsed';
  return latest.endsAt > at ? 'active' : 'lapsed';
}

export const isPendingAt = (n: NominationFacts, at: number): boolean =>
  n.createdAt <= at && (n.answeredAt === null || at < n.answeredAt) && at < n.expiresAt;

export const isLongOpenAt = (n: NominationFacts, at: number): boolean =>
  isPendingAt(n, at) && at - n.createdAt >= LONG_OPEN_MS;

/** Roles and nominations about a retired service stop counting when it retires. */
export function retiredAtOf(scope: ResolvedScope, serviceId: string | null): number {
  if (serviceId === null) return Infinity;
  return scope.servicesById.get(serviceId)?.retiredAt ?? Infinity;
}

/** Is a role or nomination about something in scope? */
export function concerns(
  scope: ResolvedScope,
  item: { serviceId: string | null; orgUnitId: string | null },
): boolean {
  const s = scope.scope;
  if (s.kind === 'portfolio') return true;
  if (s.kind === 'service') return item.serviceId === s.id;
  return (
    (item.serviceId !== null && scope.serviceIds!.has(item.serviceId)) || item.orgUnitId === s.id
  );
}

// ---------------------------------------------------------------------------------------------
// The same state as half-open intervals [start, end), for sweeps.

export interface Interval {
  start: number;
  end: number;
}

/** Where a role is active, and where it is lapsed. Agrees with `roleStateAt` at every instant. */
export function roleIntervals(role: RoleFacts): { active: Interval[]; lapsed: Interval[] } {
  const terms = role.terms
    .map((term, i) => ({ term, i }))
    .sort((a, b) => a.term.at - b.term.at || a.i - b.i)
    .map((x) => x.term);
  const active: Interval[] = [];
  const lapsed: Interval[] = [];
  const ended = role.endedAt ?? Infinity;
  // Accepted but no term granted yet: lapsed (a role always has its first term at acceptance).
  const firstTerm = Math.min(terms[0]?.at ?? Infinity, ended);
  if (role.acceptedAt < firstTerm) lapsed.push({ start: role.acceptedAt, end: firstTerm });
  for (let k = 0; k < terms.length; k++) {
    const term = terms[k]!;
    const start = Math.max(term.at, role.acceptedAt);
    const stop = Math.min(terms[k + 1]?.at ?? Infinity, ended);
    const activeEnd = Math.min(stop, term.endsAt);
    if (start < activeEnd) active.push({ start, end: activeEnd });
    const lapsedStart = Math.max(start, term.endsAt);
    if (lapsedStart < stop) lapsed.push({ start: lapsedStart, end: stop });
  }
  return { active, lapsed };
}

/** An event for a sweep: at `t`, add `delta` to counter `slot` of entity `index`. */
export interface SweepEvent {
  t: number;
  index: number;
  slot: number;
  delta: number;
}

export function pushInterval(
  events: SweepEvent[],
  interval: Interval,
  index: number,
  slot: number,
): void {
  if (!(interval.start < interval.end)) return;
  events.push({ t: interval.start, index, slot, delta: 1 });
  if (interval.end !== Infinity) events.push({ t: interval.end, index, slot, delta: -1 });
}

/**
 * Applies every event at or before each point (events in time order), then reads the counts.
 * An interval [start, end) holds at t exactly when its start and not its end has been applied.
 */
export function sweep(
  events: SweepEvent[],
  points: readonly number[],
  apply: (event: SweepEvent) => void,
  read: () => Counts,
): Counts[] {
  events.sort((a, b) => a.t - b.t);
  const out: Counts[] = [];
  let e = 0;
  for (const point of points) {
    while (e < events.length && events[e]!.t <= point) apply(events[e++]!);
    out.push(read());
  }
  return out;
}

export const ratio = ({ numerator, denominator }: Counts): number | null =>
  denominator > 0 ? numerator / denominator : null;

export const clip = (interval: Interval, end: number): Interval => ({
  start: interval.start,
  end: Math.min(interval.end, end),
});

// ---------------------------------------------------------------------------------------------
// The components.

const seniorityOrder = Object.keys(seniorityFactors) as Seniority[];
const pct = (c: Counts) =>
  c.denominator > 0 ? Math.round((100 * c.numerator) / c.denominator) : 0;

function servicesInScope(inputs: CommitmentInputs, scope: ResolvedScope): ServiceFacts[] {
  const ids = scope.serviceIds;
  return ids === null ? [...inputs.services] : inputs.services.filter((s) => ids.has(s.id));
}

/** Seniority bucket of a role's holder (unknown people count as staff). */
function bucketOf(scope: ResolvedScope, personId: string): number {
  const seniority = scope.peopleById.get(personId)?.seniority ?? 'staff';
  return seniorityOrder.indexOf(seniority);
}

/** Live services with an active accepted owner, weighted by tier and the owner's seniority. */
export const acceptedOwnership: CommitmentComponent = {
  key: 'accepted_ownership',
  label: 'Accepted ownership',
  weight: 50,
  appliesTo: () => true,
  valueOf: ratio,
  score(inputs, at, scope) {
    const best = new Map<string, number>();
    for (const role of inputs.roles) {
      if (role.kind !== 'service_owner' || role.serviceId === null) continue;
      if (roleStateAt(role, at) !== 'active') continue;
      const factor = seniorityFactors[seniorityOrder[bucketOf(scope, role.personId)]!];
      best.set(role.serviceId, Math.max(best.get(role.serviceId) ?? 0, factor));
    }
    let num = 0;
    let den = 0;
    let live = 0;
    let owned = 0;
    for (const s of servicesInScope(inputs, scope)) {
      if (!isLiveAt(s, at)) continue;
      const w = tierWeights[s.tier] ?? 1;
      live++;
      den += 100 * w;
      const factor = best.get(s.id);
      if (factor !== undefined) {
        owned++;
        num += w * factor;
      }
    }
    const counts = { numerator: num / 100, denominator: den / 100 };
    return {
      ...counts,
      value: this.valueOf(counts),
      detail: `${owned} of ${live} live services have an accepted owner (${pct(counts)} % of criticality weight, adjusted for the owners' seniority)`,
    };
  },
  trend(inputs, points, scope) {
    const services = servicesInScope(inputs, scope);
    const position = new Map(services.map((s, i) => [s.id, i]));
    const weight = services.map((s) => tierWeights[s.tier] ?? 1);
    const live = new Int32Array(services.length);
    const owners = new Int32Array(services.length * seniorityOrder.length);
    const events: SweepEvent[] = [];
    services.forEach((s, i) => {
      if (s.liveAt !== null)
        pushInterval(events, { start: s.liveAt, end: s.retiredAt ?? Infinity }, i, -1);
    });
    for (const role of inputs.roles) {
      if (role.kind !== 'service_owner' || role.serviceId === null) continue;
      const i = position.get(role.serviceId);
      if (i === undefined) continue;
      const bucket = bucketOf(scope, role.personId);
      for (const interval of roleIntervals(role).active) pushInterval(events, interval, i, bucket);
    }
    const contribution = (i: number): number => {
      if (live[i]! <= 0) return 0;
      for (let b = 0; b < seniorityOrder.length; b++)
        if (owners[i * seniorityOrder.length + b]! > 0)
          return weight[i]! * seniorityFactors[seniorityOrder[b]!];
      return 0;
    };
    let num = 0;
    let den = 0;
    return sweep(
      events,
      points,
      (e) => {
        const before = contribution(e.index);
        if (e.slot < 0) {
          const was = live[e.index]! > 0;
          live[e.index] = live[e.index]! + e.delta;
          const is = live[e.index]! > 0;
          if (was !== is) den += (is ? 100 : -100) * weight[e.index]!;
        } else {
          const k = e.index * seniorityOrder.length + e.slot;
          owners[k] = owners[k]! + e.delta;
        }
        num += contribution(e.index) - before;
      },
      () => ({ numerator: num / 100, denominator: den / 100 }),
    );
  },
};

/** Does a process-owner role cover the practice for this scope? Organisation-wide roles always do. */
const coversScope = (role: RoleFacts, scope: ResolvedScope): boolean =>
  role.orgUnitId === null || (scope.scope.kind === 'org_unit' && role.orgUnitId === scope.scope.id);

/** Active practices with an active process owner. */
export const processOwnerCoverage: CommitmentComponent = {
  key: 'process_owner_coverage',
  label: 'Process-owner coverage',
  weight: 20,
  appliesTo: (scope) => scope.scope.kind !== 'service',
  valueOf: ratio,
  score(inputs, at, scope) {
    const owned = new Set<string>();
    for (const role of inputs.roles) {
      if (role.kind !== 'process_owner' || role.practiceId === null) continue;
      if (coversScope(role, scope) && roleStateAt(role, at) === 'active')
        owned.add(role.practiceId);
    }
    let num = 0;
    let den = 0;
    for (const p of inputs.practices) {
      if (!p.active || p.createdAt > at) continue;
      den++;
      if (owned.has(p.id)) num++;
    }
    const counts = { numerator: num, denominator: den };
    return {
      ...counts,
      value: this.valueOf(counts),
      detail: `${num} of ${den} active practices have an accepted process owner`,
    };
  },
  trend(inputs, points, scope) {
    const practices = inputs.practices.filter((p) => p.active);
    const position = new Map(practices.map((p, i) => [p.id, i]));
    const counted = new Int32Array(practices.length);
    const owners = new Int32Array(practices.length);
    const events: SweepEvent[] = [];
    practices.forEach((p, i) => pushInterval(events, { start: p.createdAt, end: Infinity }, i, 0));
    for (const role of inputs.roles) {
      if (role.kind !== 'process_owner' || role.practiceId === null) continue;
      const i = position.get(role.practiceId);
      if (i === undefined || !coversScope(role, scope)) continue;
      for (const interval of roleIntervals(role).active) pushInterval(events, interval, i, 1);
    }
    let num = 0;
    let den = 0;
    const covered = (i: number) => (counted[i]! > 0 && owners[i]! > 0 ? 1 : 0);
    return sweep(
      events,
      points,
      (e) => {
        const before = covered(e.index);
        if (e.slot === 0) {
          den += e.delta;
          counted[e.index] = counted[e.index]! + e.delta;
        } else owners[e.index] = owners[e.index]! + e.delta;
        num += covered(e.index) - before;
      },
      () => ({ numerator: num, denominator: den }),
    );
  },
};

const ACTIVE = 0;
const LAPSED = 1;
const PENDING = 2;
const LONG_OPEN = 3;

/** Lapsed roles and nominations pending 30 days or more, against all roles and open nominations. */
export const lapsedAndLongOpen: CommitmentComponent = {
  key: 'lapsed_and_long_open',
  label: 'Lapsed roles and long-open nominations',
  weight: 15,
  appliesTo: () => true,
  valueOf: (c) => (c.denominator > 0 ? Math.max(0, 1 - c.numerator / c.denominator) : null),
  score(inputs, at, scope) {
    const n = [0, 0, 0, 0];
    for (const role of inputs.roles) {
      if (!concerns(scope, role) || at >= retiredAtOf(scope, role.serviceId)) continue;
      const state = roleStateAt(role, at);
      if (state === 'active') n[ACTIVE]!++;
      else if (state === 'lapsed') n[LAPSED]!++;
    }
    for (const nomination of inputs.nominations) {
      if (!concerns(scope, nomination) || at >= retiredAtOf(scope, nomination.serviceId)) continue;
      if (isPendingAt(nomination, at)) n[PENDING]!++;
      if (isLongOpenAt(nomination, at)) n[LONG_OPEN]!++;
    }
    const counts = countsOf(n);
    return {
      ...counts,
      value: this.valueOf(counts),
      detail: `${n[LAPSED]} lapsed roles and ${n[LONG_OPEN]} nominations pending 30 days or more, of ${n[ACTIVE]} active and ${n[LAPSED]} lapsed roles and ${n[PENDING]} pending nominations`,
    };
  },
  trend(inputs, points, scope) {
    const events: SweepEvent[] = [];
    for (const role of inputs.roles) {
      if (!concerns(scope, role)) continue;
      const retired = retiredAtOf(scope, role.serviceId);
      const { active, lapsed } = roleIntervals(role);
      for (const interval of active) pushInterval(events, clip(interval, retired), 0, ACTIVE);
      for (const interval of lapsed) pushInterval(events, clip(interval, retired), 0, LAPSED);
    }
    for (const nomination of inputs.nominations) {
      if (!concerns(scope, nomination)) continue;
      const end = Math.min(
        nomination.answeredAt ?? Infinity,
        nomination.expiresAt,
        retiredAtOf(scope, nomination.serviceId),
      );
      pushInterval(events, { start: nomination.createdAt, end }, 0, PENDING);
      pushInterval(events, { start: nomination.createdAt + LONG_OPEN_MS, end }, 0, LONG_OPEN);
    }
    const n = [0, 0, 0, 0];
    return sweep(
      events,
      points,
      (e) => (n[e.slot] = n[e.slot]! + e.delta),
      () => countsOf(n),
    );
  },
};

function countsOf(n: number[]): Counts {
  return {
    numerator: n[LAPSED]! + n[LONG_OPEN]!,
    denominator: n[ACTIVE]! + n[LAPSED]! + n[PENDING]!,
  };
}

/** Does the top executive personally own at least one live tier-1 service? */
export const leadershipLeads: CommitmentComponent = {
  key: 'leadership_leads',
  label: 'Leadership leads',
  weight: 15,
  appliesTo(scope) {
    const s = scope.scope;
    if (scope.leaderId === null || s.kind === 'service') return false;
    if (s.kind === 'portfolio') return true;
    return scope.leaderUnitIds.has(s.id);
  },
  valueOf: (c) => (c.denominator > 0 ? c.numerator / c.denominator : null),
  score(inputs, at, scope) {
    const owned = new Set<string>();
    for (const role of inputs.roles) {
      if (role.kind !== 'service_owner' || role.personId !== scope.leaderId) continue;
      if (role.serviceId !== null && roleStateAt(role, at) === 'active') owned.add(role.serviceId);
    }
    let count = 0;
    for (const s of inputs.services)
      if (s.tier === 1 && owned.has(s.id) && isLiveAt(s, at)) count++;
    const counts = { numerator: count > 0 ? 1 : 0, denominator: 1 };
    return {
      ...counts,
      value: this.valueOf(counts),
      detail:
        count > 0
          ? `The top executive personally owns ${count} live tier-1 service${count === 1 ? '' : 's'}`
          : 'The top executive owns no live tier-1 service',
    };
  },
  trend(inputs, points, scope) {
    const tier1 = inputs.services.filter((s) => s.tier === 1);
    const position = new Map(tier1.map((s, i) => [s.id, i]));
    const live = new Int32Array(tier1.length);
    const owned = new Int32Array(tier1.length);
    const events: SweepEvent[] = [];
    tier1.forEach((s, i) => {
      if (s.liveAt !== null)
        pushInterval(events, { start: s.liveAt, end: s.retiredAt ?? Infinity }, i, 0);
    });
    for (const role of inputs.roles) {
      if (role.kind !== 'service_owner' || role.personId !== scope.leaderId) continue;
      const i = role.serviceId === null ? undefined : position.get(role.serviceId);
      if (i === undefined) continue;
      for (const interval of roleIntervals(role).active) pushInterval(events, interval, i, 1);
    }
    let count = 0;
    const both = (i: number) => (live[i]! > 0 && owned[i]! > 0 ? 1 : 0);
    return sweep(
      events,
      points,
      (e) => {
        const before = both(e.index);
        const state = e.slot === 0 ? live : owned;
        state[e.index] = state[e.index]! + e.delta;
        count += both(e.index) - before;
      },
      () => ({ numerator: count > 0 ? 1 : 0, denominator: 1 }),
    );
  },
};

/** The components, in display order. Later issues append theirs here. */
export const commitmentComponents: readonly CommitmentComponent[] = [
  acceptedOwnership,
  processOwnerCoverage,
  lapsedAndLongOpen,
  leadershipLeads,
];
