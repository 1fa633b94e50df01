/**
 * The management commitment index (docs/commitment-index.md): a figure from 0 to 100, the
 * weighted mean of the components that apply, at any instant, from history alone.
 *
 * `commitmentIndexAt` scores one instant. `commitmentIndexTrend` scores one instant per UTC day
 * with one sweep per component over its events in time order; `commitmentIndexTrendNaive`
 * recomputes `commitmentIndexAt` for every day. The two trends agree exactly.
 */
import {
  DAY_MS,
  commitmentComponents,
  type CommitmentComponent,
  type CommitmentInputs,
  type CommitmentScope,
  type ComponentScore,
  type Counts,
  type PersonFacts,
  type ResolvedScope,
} from './commitment-index-components.js';

export * from './commitment-index-components.js';

export interface ComponentResult extends ComponentScore {
  key: string;
  label: string;
  weight: number;
  /** False when the component measures nothing here (value is then null). */
  applies: boolean;
}

export interface CommitmentIndex {
  at: number;
  /** 0..100, or null when no component applies. */
  value: number | null;
  components: ComponentResult[];
}

export interface TrendPoint {
  /** The UTC day (YYYY-MM-DD); its value is the state at the end of the day (or at `to`). */
  date: string;
  at: number;
  value: number | null;
  components: (Counts & { value: number | null })[];
}

/**
 * The most senior executive: among active executives with no manager (or, when there are
 * none, active people with no manager who head an organisation unit), the one with the most
 * people in their reporting line; ties go to an org-unit head, then to the smaller id.
 */
export function topExecutive(
  people: readonly PersonFacts[],
  orgUnits: CommitmentInputs['orgUnits'],
): PersonFacts | null {
  const heads = new Set(orgUnits.map((u) => u.headId).filter((id) => id !== null));
  const roots = people.filter((p) => p.active && p.managerId === null);
  let candidates = roots.filter((p) => p.seniority === 'executive');
  if (candidates.length === 0) candidates = roots.filter((p) => heads.has(p.id));
  if (candidates.length === 0) return null;
  const reports = new Map<string, string[]>();
  for (const p of people) {
    if (!p.active || p.managerId === null) continue;
    const list = reports.get(p.managerId) ?? [];
    list.push(p.id);
    reports.set(p.managerId, list);
  }
  const lineSize = (id: string): number => {
    const seen = new Set<string>([id]);
    const stack = [id];
    while (stack.length > 0)
      for (const r of reports.get(stack.pop()!) ?? [])
        if (!seen.has(r)) {
          seen.add(r);
          stack.push(r);
        }
    return seen.size - 1;
  };
  const ranked = candidates.map((p) => ({ p, size: lineSize(p.id), head: heads.has(p.id) }));
  ranked.sort(
    (a, b) =>
      b.size - a.size ||
      Number(b.head) - Number(a.head) ||
      (a.p.id < b.p.id ? -1 : a.p.id > b.p.id ? 1 : 0),
  );
  return ranked[0]!.p;
}

/** Resolves a scope's services (current org-unit links) and the top executive, once. */
export function resolveScope(inputs: CommitmentInputs, scope: CommitmentScope): ResolvedScope {
  const servicesById = new Map(inputs.services.map((s) => [s.id, s]));
  const peopleById = new Map(inputs.people.map((p) => [p.id, p]));
  let serviceIds: Set<string> | null = null;
  if (scope.kind === 'service') serviceIds = new Set([scope.id]);
  if (scope.kind === 'org_unit')
    serviceIds = new Set(
      inputs.services.filter((s) => s.orgUnitIds.includes(scope.id)).map((s) => s.id),
    );
  const leader = topExecutive(inputs.people, inputs.orgUnits);
  const leaderUnitIds = new Set<string>();
  if (leader) {
    if (leader.orgUnitId !== null) leaderUnitIds.add(leader.orgUnitId);
    for (const u of inputs.orgUnits) if (u.headId === leader.id) leaderUnitIds.add(u.id);
  }
  return {
    scope,
    serviceIds,
    leaderId: leader?.id ?? null,
    leaderUnitIds,
    servicesById,
    peopleById,
  };
}

/** 100 × the weighted mean of the values of the components that apply. */
export function combine(
  components: readonly CommitmentComponent[],
  values: readonly (number | null)[],
): number | null {
  let sum = 0;
  let weights = 0;
  components.forEach((c, i) => {
    const v = values[i];
    if (v === null || v === undefined) return;
    sum += c.weight * v;
    weights += c.weight;
  });
  return weights > 0 ? (100 * sum) / weights : null;
}

export function commitmentIndexAt(
  inputs: CommitmentInputs,
  at: number,
  scope: CommitmentScope,
  components: readonly CommitmentComponent[] = commitmentComponents,
): CommitmentIndex {
  const resolved = resolveScope(inputs, scope);
  const results = components.map((c): ComponentResult => {
    const base = { key: c.key, label: c.label, weight: c.weight };
    if (!c.appliesTo(resolved))
      return {
        ...base,
        applies: false,
        value: null,
        numerator: 0,
        denominator: 0,
        detail: 'Not measured for this scope',
      };
    const score = c.score(inputs, at, resolved);
    return { ...base, ...score, applies: score.value !== null };
  });
  return {
    at,
    value: combine(
      components,
      results.map((r) => r.value),
    ),
    components: results,
  };
}

/** The UTC days from `from` to `to` and the instant each is scored at (end of day, at most `to`). */
export function trendPoints(from: number, to: number): { date: string; at: number }[] {
  const out: { date: string; at: number }[] = [];
  if (to < from) return out;
  for (let day = Math.floor(from / DAY_MS) * DAY_MS; day <= to; day += DAY_MS)
    out.push({
      date: new Date(day).toISOString().slice(0, 10),
      at: Math.min(day + DAY_MS - 1, to),
    });
  return out;
}

/** One value per UTC day, by one sweep per component over its events in time order. */
export function commitmentIndexTrend(
  inputs: CommitmentInputs,
  from: number,
  to: number,
  scope: CommitmentScope,
  components: readonly CommitmentComponent[] = commitmentComponents,
): TrendPoint[] {
  const days = trendPoints(from, to);
  const ats = days.map((d) => d.at);
  const resolved = resolveScope(inputs, scope);
  const series = components.map((c) => {
    if (!c.appliesTo(resolved)) return null;
    const counts = c.trend
      ? c.trend(inputs, ats, resolved)
      : ats.map((at) => c.score(inputs, at, resolved));
    return counts.map((n) => ({
      numerator: n.numerator,
      denominator: n.denominator,
      value: c.valueOf(n),
    }));
  });
  return days.map((d, i) => {
    const parts = series.map((s) => s?.[i] ?? { numerator: 0, denominator: 0, value: null });
    return {
      ...d,
      value: combine(
        components,
        parts.map((p) => p.value),
      ),
      components: parts,
    };
  });
}

/** The reference: `commitmentIndexAt` recomputed from the raw history for every day. */
export function commitmentIndexTrendNaive(
  inputs: CommitmentInputs,
  from: number,
  to: number,
  scope: CommitmentScope,
  components: readonly CommitmentComponent[] = commitmentComponents,
): TrendPoint[] {
  return trendPoints(from, to).map((d) => {
    const index = commitmentIndexAt(inputs, d.at, scope, components);
    return {
      ...d,
      value: index.value,
      components: index.components.map((c) => ({
        numerator: c.numerator,
        denominator: c.denominator,
        value: c.value,
      })),
    };
  });
}
