import {
  DAY_MS,
  commitmentIndexAt,
  commitmentIndexTrend,
  commitmentComponents,
} from '../../core/commitment-index.js';
import { invalid } from '../../core/errors.js';
import type { Instant } from '../../core/ids.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { loadGovernanceFacts, parseScope } from './commitment-facts.js';

/** At most ten years of daily values in one request. */
export const maxTrendDays = 3_660;
export const defaultTrendDays = 365;

const round = (v: number | null, digits: number) =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;
const iso = (ms: number) => new Date(ms).toISOString() as Instant;

function instant(path: string, raw: string | undefined, fallback: number, now: number): number {
  if (raw === undefined || raw === '') return fallback;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? Date.parse(`${raw}T00:00:00.000Z`) : Date.parse(raw);
  if (Number.isNaN(ms)) throw invalid(path, 'must be a date (YYYY-MM-DD) or an ISO-8601 instant');
  if (ms > now) throw invalid(path, 'must not be in the future');
  return ms;
}

/** Every signed-in user may read the index: per service, per org unit or for the portfolio. */
export async function readCommitmentIndex(
  uow: UnitOfWork,
  ctx: Ctx,
  query: { at?: string | undefined; scope?: string | undefined },
) {
  const now = Date.parse(ctx.env.now());
  const facts = await loadGovernanceFacts(uow);
  const named = parseScope(facts, query.scope);
  let at = instant('at', query.at, now, now);
  // A date means the end of that day (or now, for today).
  if (query.at !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(query.at))
    at = Math.min(at + DAY_MS - 1, now);
  const index = commitmentIndexAt(facts.inputs, at, named.scope);
  return {
    scope: { key: named.key, kind: named.scope.kind, name: named.name },
    at: iso(at),
    value: round(index.value, 1),
    components: index.components.map((c) => ({
      key: c.key,
      label: c.label,
      weight: c.weight,
      applies: c.applies,
      value: round(c.value, 4),
      numerator: round(c.numerator, 2)!,
      denominator: round(c.denominator, 2)!,
      detail: c.detail,
    })),
  };
}

/** One value per UTC day (default: the last 365 days up to now), by one sweep over history. */
export async function readCommitmentTrend(
  uow: UnitOfWork,
  ctx: Ctx,
  query: { from?: string | undefined; to?: string | undefined; scope?: string | undefined },
) {
  const now = Date.parse(ctx.env.now());
  const facts = await loadGovernanceFacts(uow);
  const named = parseScope(facts, query.scope);
  let to = instant('to', query.to, now, now);
  if (query.to !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(query.to))
    to = Math.min(to + DAY_MS - 1, now);
  const from = instant('from', query.from, to - (defaultTrendDays - 1) * DAY_MS, now);
  if (from > to) throw invalid('from', 'must be on or before to');
  if ((to - from) / DAY_MS >= maxTrendDays)
    throw invalid('from', `the range must be at most ${maxTrendDays} days`);
  const points = commitmentIndexTrend(facts.inputs, from, to, named.scope);
  return {
    scope: { key: named.key, kind: named.scope.kind, name: named.name },
    from: iso(from),
    to: iso(to),
    dates: points.map((p) => p.date),
    values: points.map((p) => round(p.value, 1)),
    components: commitmentComponents.map((c, i) => ({
      key: c.key,
      label: c.label,
      weight: c.weight,
      values: points.map((p) => round(p.components[i]!.value, 4)),
    })),
  };
}
