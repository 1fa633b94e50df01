/**
 * Feasibility of service level terms, computed: for every target of every option what the
 * service achieved over the last 3, 6 and 12 months, the best availability its dependencies
 * allow, the operational level targets underneath, and a verdict (achievable, stretch, not
 * achievable) with the reason in numbers. And the free-lunch warnings of a requirement: no
 * funded option, a stricter option that costs no more, a target stricter than the teams' OLAs,
 * service hours wider than the teams' calendars, availability above what the dependencies
 * are committed to. Pure: the caller loads the facts. The rules are in docs/sla-feasibility.md.
 */
import { availabilityByPeriod, type Interval } from '../availability.js';
import type { CompiledCalendar } from '../calendar/clock.js';
import type { EpochMs } from '../calendar/units.js';
import type { DependencyType } from '../services.js';
import type { Priority } from '../tickets.js';
import type { BusinessValue } from './records.js';
import {
  comparableSeconds,
  durationLabel,
  sortedTickets,
  termKeys,
  termLabel,
  ticketTermKey,
  type CalendarId,
  type ServiceLevelTerms,
  type TargetDuration,
  type TermKey,
  type TicketMetric,
  type TicketTerm,
} from './terms.js';
import { monthsBefore, type TicketHistory } from './ticket-history.js';

export const historyWindows = [3, 6, 12] as const;
export type HistoryWindow = (typeof historyWindows)[number];

/** A ticket target is out of reach when every window with data is this many points below goal. */
export const ticketMarginPoints = 5;
/** Availability is out of reach when every window with data had more than this × allowed downtime. */
export const availabilityDowntimeFactor = 2;
/** Service hours are compared over this many days from now, minute by minute. */
export const calendarHorizonDays = 28;

export type Verdict = 'achievable' | 'stretch' | 'not_achievable';

export interface CalendarInfo {
  id: CalendarId;
  name: string;
  compiled: CompiledCalendar;
}

/** An operational level target underneath the service: a stored OLA target or an agreement's. */
export interface OlaRef {
  source: 'target' | 'agreement';
  teamId: string | null;
  teamName: string;
  priority: Priority;
  metric: TicketMetric;
  duration: TargetDuration;
  calendarId: CalendarId;
}

export interface DependencyFacts {
  /** Every dependency edge of the portfolio (or at least those below the service). */
  edges: readonly { fromId: string; toId: string; type: DependencyType }[];
  names: ReadonlyMap<string, string>;
  /** The highest availability % of the service's active agreements, per service. */
  committed: ReadonlyMap<string, number>;
  /** Services with an active agreement (with or without an availability). */
  withAgreement: ReadonlySet<string>;
  /** Services with an operational level target, or an OLA in an active agreement. */
  withOla: ReadonlySet<string>;
}

export interface FeasibilityOptionInput {
  id: string;
  label: string;
  terms: ServiceLevelTerms;
  monthlyCostMinor: number;
  currency: string;
}

export interface FeasibilityInput {
  now: number;
  serviceId: string;
  requirement: { terms: ServiceLevelTerms; businessValue: BusinessValue };
  /** The options still on the table (withdrawn ones left out by the caller). */
  options: readonly FeasibilityOptionInput[];
  calendar(id: CalendarId): CalendarInfo | null;
  history: TicketHistory;
  /** The service's outages (any order; merged here). */
  outages: readonly Interval[];
  dependencies: DependencyFacts;
  olas: readonly OlaRef[];
}

export interface WindowFigure {
  /** Tickets: % that made the duration; availability: % up within the service hours. */
  percent: number | null;
  /** Tickets judged (met + missed); for availability 0. */
  tickets: number;
  /** For availability: the outages in the window; null for ticket targets. */
  outages: number | null;
}

export type HistoryFigures = Record<`m${HistoryWindow}`, WindowFigure>;

export interface TargetFeasibility {
  key: TermKey;
  label: string;
  history: HistoryFigures;
  /** Availability only: the best availability the dependencies allow (%). */
  dependencyBound?: number;
  /** The OLAs of the same priority and metric, in words. */
  olas: string[];
  verdict: Verdict;
  reason: string;
}

export interface CostVsValue {
  currency: string;
  costPerYearMinor: number;
  /** Service hours a year on the option's calendar (the next 365 days). */
  serviceHoursPerYear: number;
  /** Hours of outage a year at exactly the option's availability, within its service hours. */
  expectedOutageHoursPerYear: number | null;
  /** expectedOutageHoursPerYear × the requirement's loss per outage hour (its currency). */
  expectedLossPerYearMinor: number | null;
  lossCurrency: string;
  /** cost + expected loss, when both are in one currency. */
  totalPerYearMinor: number | null;
}

export interface OptionFeasibility {
  optionId: string;
  label: string;
  monthlyCostMinor: number;
  currency: string;
  costPerYearVsValue: CostVsValue;
  /** It meets every target of the requirement (and covers its service hours). */
  meetsRequirement: boolean;
  targets: TargetFeasibility[];
}

export const warningCodes = [
  'no_funded_option',
  'stricter_option_costs_no_more',
  'stricter_than_ola',
  'service_hours_wider_than_teams',
  'availability_above_dependencies',
] as const;
export type WarningCode = (typeof warningCodes)[number];

export interface FeasibilityWarning {
  code: WarningCode;
  message: string;
  /** The option it is about; null: the requirement itself (or all options). */
  optionId: string | null;
  targetKey: TermKey | null;
}

export interface DependencyReport {
  serviceId: string;
  name: string;
  /** Edges from the service (1: a direct dependency). */
  depth: number;
  type: DependencyType;
  committedPercent: number | null;
  /** What it contributes: committed, else the product of its own dependencies, else 100. */
  effectivePercent: number;
  hasAgreement: boolean;
  hasOla: boolean;
  /** Neither an agreement nor an operational level target. */
  flagged: boolean;
}

export interface FeasibilityReport {
  options: OptionFeasibility[];
  requirement: { targets: TargetFeasibility[]; warnings: FeasibilityWarning[] };
  /** The best availability the service can reach given its dependencies' commitments (%). */
  dependencyBound: number;
  dependencies: DependencyReport[];
}

// ---------------------------------------------------------------------------------------------
// Dependencies

const hard = (type: DependencyType) => type === 'runs_on' || type === 'uses';
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * The best availability of `serviceId` given its dependencies: the product of the effective
 * availability of each direct hard dependency (runs_on, uses; data_from does not take a service
 * down). effective(d) = d's committed availability, else the product over d's own hard
 * dependencies, else 100 %. Cycle-safe (a service met again on the current path counts 100 %).
 */
export function dependencyBound(
  serviceId: string,
  facts: DependencyFacts,
): { bound: number; dependencies: DependencyReport[] } {
  const out = new Map<string, { toId: string; type: DependencyType }[]>();
  for (const e of facts.edges) {
    if (!hard(e.type) || e.fromId === e.toId) continue;
    const list = out.get(e.fromId);
    if (!list) out.set(e.fromId, [{ toId: e.toId, type: e.type }]);
    else if (!list.some((x) => x.toId === e.toId)) list.push({ toId: e.toId, type: e.type });
  }
  const effective = new Map<string, number>();
  const onPath = new Set<string>();
  // A fraction 0..1, depth first without recursion (deep graphs must not overflow the stack).
  const fractionOf = (root: string): number => {
    const known = effective.get(root);
    if (known !== undefined) return known;
    const stack = [{ id: root, next: 0 }];
    onPath.add(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const committed = facts.committed.get(top.id);
      const deps = committed === undefined ? (out.get(top.id) ?? []) : [];
      if (top.next < deps.length) {
        const d = deps[top.next++]!.toId;
        if (!effective.has(d) && !onPath.has(d)) {
          onPath.add(d);
          stack.push({ id: d, next: 0 });
        }
        continue;
      }
      let product = committed === undefined ? 1 : committed / 100;
      // a dependency still on the path closes a cycle: it counts 1 (100 %)
      for (const d of deps) product *= effective.get(d.toId) ?? 1;
      effective.set(top.id, product);
      stack.pop();
      onPath.delete(top.id);
    }
    return effective.get(root)!;
  };
  let bound = 1;
  for (const d of out.get(serviceId) ?? []) bound *= fractionOf(d.toId);

  const dependencies: DependencyReport[] = [];
  const seen = new Set<string>([serviceId]);
  let frontier = [serviceId];
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const from of frontier)
      for (const d of out.get(from) ?? []) {
        if (seen.has(d.toId)) continue;
        seen.add(d.toId);
        next.push(d.toId);
        const committed = facts.committed.get(d.toId) ?? null;
        const hasAgreement = facts.withAgreement.has(d.toId);
        const hasOla = facts.withOla.has(d.toId);
        dependencies.push({
          serviceId: d.toId,
          name: facts.names.get(d.toId) ?? d.toId,
          depth,
          type: d.type,
          committedPercent: committed,
          effectivePercent: round4((effective.get(d.toId) ?? fractionOf(d.toId)) * 100),
          hasAgreement,
          hasOla,
          flagged: !hasAgreement && !hasOla,
        });
      }
    frontier = next;
  }
  dependencies.sort((a, b) => a.depth - b.depth || a.name.localeCompare(b.name));
  return { bound: round4(bound * 100), dependencies };
}

// ---------------------------------------------------------------------------------------------
// Service hours: open minutes over the next 28 days

const MINUTE = 60_000;

/** Open minutes of a calendar over the horizon, one byte per minute, from `start` (a minute). */
export function openMinutes(calendar: CompiledCalendar, start: number): Uint8Array {
  const n = calendarHorizonDays * 1440;
  const open = new Uint8Array(n);
  let t = start;
  const end = start + n * MINUTE;
  while (t < end) {
    const next = calendar.nextOpening(t as EpochMs);
    if (next === null || next >= end) break;
    // walk the open stretch minute by minute (isOpen is a binary search)
    let m = Math.floor((next - start) / MINUTE);
    t = start + m * MINUTE;
    if (t < next) {
      m++;
      t += MINUTE;
    }
    while (t < end && calendar.isOpen(t as EpochMs)) {
      open[m++] = 1;
      t += MINUTE;
    }
  }
  return open;
}

/** Minutes open in `a` while `b` is closed. */
export function minutesOpenOnlyIn(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] && !b[i]) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Words

const pct = (x: number) => `${Number(x.toFixed(x >= 99 ? 3 : 1))} %`;
const hours = (minutes: number) => {
  const h = minutes / 60;
  return `${Number(h.toFixed(1))} hour${h === 1 ? '' : 's'}`;
};
const money = (minor: number, currency: string) =>
  `${currency} ${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const metricNoun = (m: TicketMetric) => (m === 'response' ? 'responses' : 'resolutions');

export function olaLabel(o: OlaRef): string {
  return `${o.teamName}: ${o.priority} ${o.metric} within ${durationLabel(o.duration)}${
    o.source === 'agreement' ? ' (OLA of an active agreement)' : ' (operational level target)'
  }`;
}

// ---------------------------------------------------------------------------------------------
// Assessment

interface Context {
  input: FeasibilityInput;
  windowStarts: Record<HistoryWindow, number>;
  minutes: Map<string, Uint8Array>;
  spwd: Map<string, number>;
  horizonStart: number;
  bound: number;
  boundNames: string[];
}

function minutesOf(ctx: Context, cal: CalendarInfo): Uint8Array {
  let m = ctx.minutes.get(cal.id);
  if (!m) ctx.minutes.set(cal.id, (m = openMinutes(cal.compiled, ctx.horizonStart)));
  return m;
}

/** Mean open seconds per working day over the horizon (to compare working days with seconds). */
function secondsPerWorkingDay(ctx: Context, id: CalendarId): number {
  const cached = ctx.spwd.get(id);
  if (cached !== undefined) return cached;
  const cal = ctx.input.calendar(id);
  let value = 8 * 3600;
  if (cal) {
    const m = minutesOf(ctx, cal);
    let open = 0;
    let days = 0;
    for (let d = 0; d < calendarHorizonDays; d++) {
      let today = 0;
      for (let i = d * 1440; i < (d + 1) * 1440; i++) today += m[i]!;
      if (today > 0) days++;
      open += today;
    }
    if (days > 0) value = (open * 60) / days;
  }
  ctx.spwd.set(id, value);
  return value;
}

const emptyWindow: WindowFigure = { percent: null, tickets: 0, outages: null };

function ticketHistory(ctx: Context, cal: CalendarInfo | null, t: TicketTerm): HistoryFigures {
  const out = {} as HistoryFigures;
  for (const w of historyWindows) {
    if (!cal) {
      out[`m${w}`] = emptyWindow;
      continue;
    }
    const a = ctx.input.history.attainment(cal.compiled, t, ctx.windowStarts[w]);
    out[`m${w}`] = { percent: a.percent, tickets: a.tickets, outages: null };
  }
  return out;
}

function availabilityHistory(ctx: Context, cal: CalendarInfo | null): HistoryFigures {
  const out = {} as HistoryFigures;
  const now = ctx.input.now;
  const periods = historyWindows.map((w) => ({ start: ctx.windowStarts[w], end: now }));
  const figures = cal
    ? availabilityByPeriod(ctx.input.outages, periods, (from, to) =>
        to <= from ? 0 : cal.compiled.elapsed(from as EpochMs, to as EpochMs),
      )
    : null;
  historyWindows.forEach((w, i) => {
    const f = figures?.[i];
    out[`m${w}`] = {
      percent: f?.serviceHours?.availability ?? null,
      tickets: 0,
      outages: f ? f.outages : null,
    };
  });
  return out;
}

/** The windows with data, longest first. */
const withData = (h: HistoryFigures) =>
  [...historyWindows]
    .reverse()
    .filter((w) => h[`m${w}`].percent !== null)
    .map((w) => ({ months: w, ...h[`m${w}`] }));

function judgeHistory(
  h: HistoryFigures,
  goal: number,
  below: (percent: number) => boolean,
  sentence: (months: number, percent: number, tickets: number) => string,
  noun: string,
): { verdict: Verdict; reason: string } {
  const windows = withData(h);
  if (windows.length === 0)
    return {
      verdict: 'stretch',
      reason: `No ${noun} in the last 12 months: no history to judge by`,
    };
  const longest = windows[0]!;
  const others = windows
    .slice(1)
    .map((w) => `${w.months} months ${pct(w.percent!)}`)
    .join(', ');
  const tail = others ? `; ${others}` : '';
  const lead = sentence(longest.months, longest.percent!, longest.tickets);
  if (windows.every((w) => w.percent! >= goal))
    return { verdict: 'achievable', reason: `${lead} (goal ${pct(goal)})${tail}` };
  if (windows.every((w) => below(w.percent!)))
    return {
      verdict: 'not_achievable',
      reason: `${lead}, far below the goal of ${pct(goal)} in every window${tail}`,
    };
  return {
    verdict: 'stretch',
    reason: `${lead} (goal ${pct(goal)})${tail}; not met in every window`,
  };
}

function assessTerms(
  ctx: Context,
  terms: ServiceLevelTerms,
  optionId: string | null,
  warnings: FeasibilityWarning[],
): TargetFeasibility[] {
  const cal = ctx.input.calendar(terms.calendarId);
  const out: TargetFeasibility[] = [];
  const whose = optionId === null ? 'The requirement' : `This option`;
  for (const key of termKeys(terms)) {
    const label = termLabel(terms, key);
    if (key === 'availability') {
      const goal = terms.availabilityPercent!;
      const history = availabilityHistory(ctx, cal);
      const allowedDown = 100 - goal;
      let judged = judgeHistory(
        history,
        goal,
        (p) => 100 - p > availabilityDowntimeFactor * allowedDown,
        (months, p) =>
          `Over ${months} months the service was available ${pct(p)} of its service hours`,
        'service hours measured',
      );
      if (!cal)
        judged = { verdict: 'stretch', reason: 'The service hours calendar no longer exists' };
      if (goal > ctx.bound) {
        const names = ctx.boundNames.length ? ` (${ctx.boundNames.join(', ')})` : '';
        const reason = `${pct(goal)} is above the ${pct(ctx.bound)} the dependencies are committed to${names}`;
        judged = { verdict: 'not_achievable', reason };
        warnings.push({
          code: 'availability_above_dependencies',
          message: `${whose} asks for availability ${pct(goal)}, above the ${pct(ctx.bound)} its dependencies are committed to${names}`,
          optionId,
          targetKey: key,
        });
      }
      out.push({ key, label, history, dependencyBound: ctx.bound, olas: [], ...judged });
      continue;
    }
    const t = terms.tickets.find((x) => ticketTermKey(x) === key)!;
    const history = ticketHistory(ctx, cal, t);
    const noun = metricNoun(t.metric);
    let judged = judgeHistory(
      history,
      t.goalPercent,
      (p) => p < t.goalPercent - ticketMarginPoints,
      (months, p, n) =>
        `Over ${months} months ${pct(p)} of ${n} ${t.priority} ${noun} took at most ${durationLabel(t.duration)}`,
      `${t.priority} tickets judged`,
    );
    if (!cal)
      judged = { verdict: 'stretch', reason: 'The service hours calendar no longer exists' };
    const olas = ctx.input.olas.filter((o) => o.priority === t.priority && o.metric === t.metric);
    const mine = comparableSeconds(t.duration, secondsPerWorkingDay(ctx, terms.calendarId));
    const stricter = olas.filter(
      (o) => mine < comparableSeconds(o.duration, secondsPerWorkingDay(ctx, o.calendarId)),
    );
    if (stricter.length > 0) {
      const o = stricter[0]!;
      judged = {
        verdict: 'not_achievable',
        reason: `${durationLabel(t.duration)} is stricter than the OLA underneath — ${olaLabel(o)}`,
      };
      warnings.push({
        code: 'stricter_than_ola',
        message: `${whose}: ${t.priority} ${t.metric} within ${durationLabel(t.duration)} is stricter than ${stricter.map(olaLabel).join('; ')}`,
        optionId,
        targetKey: key,
      });
    }
    out.push({ key, label, history, olas: olas.map(olaLabel), ...judged });
  }

  // Service hours wider than the calendars of the teams' OLAs.
  if (cal) {
    const mine = minutesOf(ctx, cal);
    const seen = new Set<string>();
    for (const o of ctx.input.olas) {
      if (o.calendarId === terms.calendarId || seen.has(`${o.teamName}|${o.calendarId}`)) continue;
      seen.add(`${o.teamName}|${o.calendarId}`);
      const team = ctx.input.calendar(o.calendarId);
      if (!team) continue;
      const gap = minutesOpenOnlyIn(mine, minutesOf(ctx, team));
      if (gap > 0)
        warnings.push({
          code: 'service_hours_wider_than_teams',
          message: `${whose}'s service hours (${cal.name}) are open ${hours(gap)} in the next ${calendarHorizonDays} days while ${o.teamName}'s OLA calendar (${team.name}) is closed`,
          optionId,
          targetKey: null,
        });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Strictness between sets of terms

type Cmp = -1 | 0 | 1 | null; // −1: a stricter; 1: a looser; null: not comparable

function compareHours(ctx: Context, a: CalendarId, b: CalendarId): Cmp {
  if (a === b) return 0;
  const ca = ctx.input.calendar(a);
  const cb = ctx.input.calendar(b);
  if (!ca || !cb) return null;
  const ma = minutesOf(ctx, ca);
  const mb = minutesOf(ctx, cb);
  const aOnly = minutesOpenOnlyIn(ma, mb);
  const bOnly = minutesOpenOnlyIn(mb, ma);
  if (aOnly === 0 && bOnly === 0) return 0;
  if (bOnly === 0) return -1; // a covers b and more: wider service hours are stricter
  if (aOnly === 0) return 1;
  return null;
}

function compareTicket(
  ctx: Context,
  a: ServiceLevelTerms,
  ta: TicketTerm,
  b: ServiceLevelTerms,
  tb: TicketTerm,
): Cmp {
  const sa = comparableSeconds(ta.duration, secondsPerWorkingDay(ctx, a.calendarId));
  const sb = comparableSeconds(tb.duration, secondsPerWorkingDay(ctx, b.calendarId));
  const time = Math.sign(sa - sb);
  const goal = Math.sign(tb.goalPercent - ta.goalPercent);
  if (time === 0 && goal === 0) return 0;
  if (time <= 0 && goal <= 0) return -1;
  if (time >= 0 && goal >= 0) return 1;
  return null;
}

/** Per key of either set (and `hours`), how `a` compares with `b`. */
function compareTerms(
  ctx: Context,
  a: ServiceLevelTerms,
  b: ServiceLevelTerms,
  keys: 'both' | 'b',
): Map<string, Cmp> {
  const out = new Map<string, Cmp>();
  out.set('service hours', compareHours(ctx, a.calendarId, b.calendarId));
  const aa = a.availabilityPercent;
  const ab = b.availabilityPercent;
  if (ab !== null || (keys === 'both' && aa !== null))
    out.set('availability', aa === null ? 1 : ab === null ? -1 : (Math.sign(ab - aa) as Cmp));
  const byKey = (ts: TicketTerm[]) => new Map(ts.map((t) => [ticketTermKey(t), t]));
  const ka = byKey(a.tickets);
  const kb = byKey(b.tickets);
  for (const [key, tb] of kb) {
    const ta = ka.get(key);
    out.set(key, ta ? compareTicket(ctx, a, ta, b, tb) : 1);
  }
  if (keys === 'both') for (const key of ka.keys()) if (!kb.has(key)) out.set(key, -1);
  return out;
}

const atLeastAsStrict = (cmp: Map<string, Cmp>) =>
  [...cmp.values()].every((c) => c === 0 || c === -1);

// ---------------------------------------------------------------------------------------------

function costVsValue(
  ctx: Context,
  option: FeasibilityOptionInput,
  value: BusinessValue,
): CostVsValue {
  const cal = ctx.input.calendar(option.terms.calendarId);
  const now = ctx.input.now;
  const serviceSeconds = cal
    ? cal.compiled.elapsed(now as EpochMs, (now + 365 * 86_400_000) as EpochMs)
    : 365 * 86_400;
  const serviceHoursPerYear = Math.round((serviceSeconds / 3600) * 10) / 10;
  const a = option.terms.availabilityPercent;
  const outage =
    a === null ? null : Math.round((((serviceSeconds / 3600) * (100 - a)) / 100) * 100) / 100;
  const loss = outage === null ? null : Math.round(outage * value.lossPerOutageHourMinor);
  const cost = option.monthlyCostMinor * 12;
  return {
    currency: option.currency,
    costPerYearMinor: cost,
    serviceHoursPerYear,
    expectedOutageHoursPerYear: outage,
    expectedLossPerYearMinor: loss,
    lossCurrency: value.currency,
    totalPerYearMinor: loss !== null && value.currency === option.currency ? cost + loss : null,
  };
}

/** The whole feasibility report of a requirement and its options. */
export function assessFeasibility(input: FeasibilityInput): FeasibilityReport {
  const now = input.now;
  const windowStarts = Object.fromEntries(
    historyWindows.map((w) => [w, monthsBefore(now, w)]),
  ) as Record<HistoryWindow, number>;
  const deps = dependencyBound(input.serviceId, input.dependencies);
  const direct = deps.dependencies.filter((d) => d.depth === 1);
  const ctx: Context = {
    input,
    windowStarts,
    minutes: new Map(),
    spwd: new Map(),
    horizonStart: Math.floor(now / MINUTE) * MINUTE,
    bound: deps.bound,
    boundNames: direct
      .filter((d) => d.effectivePercent < 100)
      .sort((a, b) => a.effectivePercent - b.effectivePercent)
      .slice(0, 5)
      .map((d) => `${d.name} ${pct(d.effectivePercent)}`),
  };

  const warnings: FeasibilityWarning[] = [];
  const requirementTargets = assessTerms(ctx, input.requirement.terms, null, warnings);
  const options: OptionFeasibility[] = input.options.map((o) => {
    const targets = assessTerms(ctx, o.terms, o.id, warnings);
    const meets = atLeastAsStrict(compareTerms(ctx, o.terms, input.requirement.terms, 'b'));
    return {
      optionId: o.id,
      label: o.label,
      monthlyCostMinor: o.monthlyCostMinor,
      currency: o.currency,
      costPerYearVsValue: costVsValue(ctx, o, input.requirement.businessValue),
      meetsRequirement: meets,
      targets,
    };
  });

  if (input.options.length === 0)
    warnings.unshift({
      code: 'no_funded_option',
      message: 'There is no option yet: nothing funds what the requirement asks for',
      optionId: null,
      targetKey: null,
    });
  else if (!options.some((o) => o.meetsRequirement && o.monthlyCostMinor > 0))
    warnings.unshift({
      code: 'no_funded_option',
      message: options.some((o) => o.meetsRequirement)
        ? 'Every option that meets the requirement costs nothing: someone has to pay for these levels'
        : 'No option meets every target of the requirement; the requirement as stated is not funded',
      optionId: null,
      targetKey: null,
    });

  for (const a of input.options)
    for (const b of input.options) {
      if (a === b || a.currency !== b.currency || a.monthlyCostMinor > b.monthlyCostMinor) continue;
      const cmp = compareTerms(ctx, a.terms, b.terms, 'both');
      if (!atLeastAsStrict(cmp)) continue;
      const stricter = [...cmp.entries()].filter(([, c]) => c === -1).map(([k]) => k);
      if (stricter.length === 0) continue;
      warnings.push({
        code: 'stricter_option_costs_no_more',
        message: `"${a.label}" is at least as strict as "${b.label}" on every target and stricter on ${stricter.join(', ')}, yet costs no more (${money(a.monthlyCostMinor, a.currency)} against ${money(b.monthlyCostMinor, b.currency)} a month)`,
        optionId: a.id,
        targetKey: null,
      });
    }

  return {
    options,
    requirement: { targets: requirementTargets, warnings },
    dependencyBound: deps.bound,
    dependencies: deps.dependencies,
  };
}

/** The ticket terms of a set, in key order (re-exported for callers building labels). */
export const ticketTermsOf = (terms: ServiceLevelTerms) => sortedTickets(terms.tickets);
