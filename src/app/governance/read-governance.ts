import {
  DAY_MS,
  LONG_OPEN_MS,
  commitmentIndexAt,
  isLiveAt,
  isPendingAt,
  roleIntervals,
  roleStateAt,
  type CommitmentInputs,
} from '../../core/commitment-index.js';
import { tiers } from '../../core/services.js';
import type { Instant } from '../../core/ids.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { loadGovernanceFacts } from './commitment-facts.js';
import type { GovernanceFacts } from './governance-facts.js';
import { readCommitmentIndex, readCommitmentTrend } from './read-commitment-index.js';

const iso = (ms: number) => new Date(ms).toISOString() as Instant;
const percent = (n: number, d: number) => (d > 0 ? Math.round((1000 * n) / d) / 10 : null);

export interface UnownedService {
  id: string;
  slug: string;
  name: string;
  kind: string;
  tier: number;
  orgUnitIds: string[];
  liveAt: Instant | null;
  /** Since when it has had no active owner: its live date or the end of its last owner's term. */
  ownerlessSince: Instant | null;
  /** A nomination for its owner is waiting for an answer. */
  nominationPending: boolean;
}

/** Service ids with an active accepted owner at `at`. */
function ownedAt(inputs: CommitmentInputs, at: number): Set<string> {
  const owned = new Set<string>();
  for (const r of inputs.roles)
    if (r.kind === 'service_owner' && r.serviceId && roleStateAt(r, at) === 'active')
      owned.add(r.serviceId);
  return owned;
}

/** Live services without an active accepted owner, most critical first (then by name). */
export function unownedServices(facts: GovernanceFacts, at: number): UnownedService[] {
  const { inputs } = facts;
  const owned = ownedAt(inputs, at);
  const lastOwned = new Map<string, number>();
  const pending = new Set<string>();
  for (const r of inputs.roles) {
    if (r.kind !== 'service_owner' || !r.serviceId) continue;
    for (const i of roleIntervals(r).active)
      if (i.end <= at) lastOwned.set(r.serviceId, Math.max(lastOwned.get(r.serviceId) ?? 0, i.end));
  }
  for (const n of inputs.nominations)
    if (n.kind === 'service_owner' && n.serviceId && isPendingAt(n, at)) pending.add(n.serviceId);
  const out: UnownedService[] = [];
  for (const s of inputs.services) {
    if (!isLiveAt(s, at) || owned.has(s.id)) continue;
    const label = facts.services.get(s.id)!;
    const since = Math.max(s.liveAt ?? 0, lastOwned.get(s.id) ?? 0);
    out.push({
      id: s.id,
      slug: label.slug,
      name: label.name,
      kind: label.kind,
      tier: s.tier,
      orgUnitIds: [...s.orgUnitIds],
      liveAt: s.liveAt === null ? null : iso(s.liveAt),
      ownerlessSince: since > 0 ? iso(since) : null,
      nominationPending: pending.has(s.id),
    });
  }
  return out.sort(
    (a, b) => a.tier - b.tier || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1),
  );
}

export interface UnownedQuery {
  q?: string | undefined;
  tier?: number | undefined;
  kind?: string | undefined;
  orgUnitId?: string | undefined;
  nominationPending?: boolean | undefined;
  sort?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

const sorters: Record<string, (a: UnownedService, b: UnownedService) => number> = {
  tier: (a, b) => a.tier - b.tier,
  name: (a, b) => a.name.localeCompare(b.name),
  liveAt: (a, b) => (a.liveAt ?? '').localeCompare(b.liveAt ?? ''),
  ownerlessSince: (a, b) => (a.ownerlessSince ?? '').localeCompare(b.ownerlessSince ?? ''),
};

/** The unowned-services list, filtered, sorted and paged (the cursor is the position). */
export async function listUnownedServices(uow: UnitOfWork, ctx: Ctx, query: UnownedQuery) {
  const facts = await loadGovernanceFacts(uow);
  let rows = unownedServices(facts, Date.parse(ctx.env.now()));
  const q = query.q?.toLowerCase();
  rows = rows.filter(
    (s) =>
      (!q || s.name.toLowerCase().includes(q) || s.slug.includes(q)) &&
      (query.tier === undefined || s.tier === query.tier) &&
      (query.kind === undefined || s.kind === query.kind) &&
      (query.orgUnitId === undefined || s.orgUnitIds.includes(query.orgUnitId)) &&
      (query.nominationPending === undefined || s.nominationPending === query.nominationPending),
  );
  if (query.sort) {
    const desc = query.sort.startsWith('-');
    const by = sorters[desc ? query.sort.slice(1) : query.sort];
    // Stable: ties keep the most-critical-first order.
    if (by) rows = [...rows].sort((a, b) => (desc ? -by(a, b) : by(a, b)));
  }
  const start = query.cursor ? Number.parseInt(query.cursor, 10) || 0 : 0;
  const items = rows.slice(start, start + query.limit);
  const next = start + query.limit;
  return { items, nextCursor: next < rows.length ? String(next) : null, total: rows.length };
}

/**
 * The page is computed once per data version and minute: the data only changes with the
 * version, and what depends on the clock (a term running out) moves at most a minute late.
 */
const pages = new WeakMap<
  UnitOfWork,
  { key: string; page: ReturnType<typeof computeGovernance> }
>();

/** The governance page: coverage, nominations by age, lapsed roles, the index and its trend. */
export async function readGovernance(uow: UnitOfWork, ctx: Ctx) {
  const key = `${await uow.dataVersion()} ${ctx.env.now().slice(0, 16)}`;
  const hit = pages.get(uow);
  if (hit?.key === key) return hit.page;
  const page = computeGovernance(uow, ctx);
  pages.set(uow, { key, page });
  page.catch(() => pages.delete(uow));
  return page;
}

async function computeGovernance(uow: UnitOfWork, ctx: Ctx) {
  const now = Date.parse(ctx.env.now());
  const facts = await loadGovernanceFacts(uow);
  const { inputs } = facts;
  const owned = ownedAt(inputs, now);
  const live = inputs.services.filter((s) => isLiveAt(s, now));

  const byTier = tiers.map((tier) => {
    const inTier = live.filter((s) => s.tier === tier);
    const n = inTier.filter((s) => owned.has(s.id)).length;
    return { tier, live: inTier.length, owned: n, percent: percent(n, inTier.length) };
  });
  const byOrgUnit = [...facts.orgUnits]
    .map(([id, name]) => {
      const inUnit = live.filter((s) => s.orgUnitIds.includes(id));
      const n = inUnit.filter((s) => owned.has(s.id)).length;
      const index = commitmentIndexAt(inputs, now, { kind: 'org_unit', id }).value;
      return {
        id,
        name,
        live: inUnit.length,
        owned: n,
        percent: percent(n, inUnit.length),
        index: index === null ? null : Math.round(index * 10) / 10,
      };
    })
    .filter((u) => u.live > 0)
    .sort((a, b) => (a.percent ?? 0) - (b.percent ?? 0) || a.name.localeCompare(b.name));

  const ages = { under7Days: 0, from7To30Days: 0, over30Days: 0 };
  for (const n of inputs.nominations) {
    if (!isPendingAt(n, now)) continue;
    const age = now - n.createdAt;
    if (age < 7 * DAY_MS) ages.under7Days++;
    else if (age < LONG_OPEN_MS) ages.from7To30Days++;
    else ages.over30Days++;
  }

  const lapsed = inputs.roles
    .filter((r) => roleStateAt(r, now) === 'lapsed')
    .map((r) => {
      const termEnded = Math.max(
        ...r.terms.filter((t) => t.at <= now).map((t) => t.endsAt),
        r.acceptedAt,
      );
      const service = r.serviceId ? facts.services.get(r.serviceId) : undefined;
      return {
        roleId: r.id,
        kind: r.kind,
        personId: r.personId,
        personName: facts.people.get(r.personId) ?? r.personId,
        subject: service?.name ?? (r.practiceId ? facts.practices.get(r.practiceId) : null) ?? '',
        serviceSlug: service?.slug ?? null,
        lapsedAt: iso(termEnded),
      };
    })
    .sort((a, b) => a.lapsedAt.localeCompare(b.lapsedAt));

  const unowned = unownedServices(facts, now);
  const [index, trend] = await Promise.all([
    readCommitmentIndex(uow, ctx, {}),
    readCommitmentTrend(uow, ctx, {}),
  ]);
  return {
    at: iso(now),
    index,
    trend,
    coverage: { byTier, byOrgUnit },
    nominationsByAge: { ...ages, total: ages.under7Days + ages.from7To30Days + ages.over30Days },
    lapsedRoles: { total: lapsed.length, items: lapsed.slice(0, 100) },
    unownedServices: { total: unowned.length, items: unowned.slice(0, 20) },
  };
}
