/**
 * Service level terms: what a requirement asks for, what an option offers and what an agreement
 * commits to — availability within service hours, and per priority the time to respond and to
 * resolve with the share of tickets that must make it. Pure: validation, the stable key of each
 * target, and how strict one target is compared with another.
 */
import { DomainError, type ErrorIssue } from '../errors.js';
import type { CalendarId, TargetDuration } from '../sla/targets.js';
import { priorities, type Priority } from '../tickets.js';

export type { CalendarId, TargetDuration };

export const ticketMetrics = ['response', 'resolution'] as const;
export type TicketMetric = (typeof ticketMetrics)[number];

/** "P1 tickets get a resolution within 4 business hours, 95 % of them." */
export interface TicketTerm {
  priority: Priority;
  metric: TicketMetric;
  duration: TargetDuration;
  /** The share of tickets that must make it, in percent (e.g. 95). */
  goalPercent: number;
}

export interface ServiceLevelTerms {
  /** Availability within the service hours, in percent (e.g. 99.9); null: not committed. */
  availabilityPercent: number | null;
  /** The service hours: the calendar availability is measured in and ticket clocks run on. */
  calendarId: CalendarId;
  tickets: TicketTerm[];
}

/** A target's stable key within a set of terms: `availability` or `P1.resolution`. */
export type TermKey = 'availability' | `${Priority}.${TicketMetric}`;

export const ticketTermKey = (t: Pick<TicketTerm, 'priority' | 'metric'>): TermKey =>
  `${t.priority}.${t.metric}`;

/** Every target of a set of terms with its key, availability first, then by priority and metric. */
export function termKeys(terms: ServiceLevelTerms): TermKey[] {
  const keys: TermKey[] = terms.availabilityPercent === null ? [] : ['availability'];
  return keys.concat(sortedTickets(terms.tickets).map(ticketTermKey));
}

export function sortedTickets(tickets: readonly TicketTerm[]): TicketTerm[] {
  const rank = (t: TicketTerm) =>
    priorities.indexOf(t.priority) * 2 + ticketMetrics.indexOf(t.metric);
  return [...tickets].sort((a, b) => rank(a) - rank(b));
}

export const maxGoalPercent = 100;

const decimals = (n: number) => (String(n).split('.')[1] ?? '').length;

/** Every problem with a set of terms, each naming its field (prefixed by `at`). */
export function termsProblems(terms: ServiceLevelTerms, at = 'terms'): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path: `${at}.${path}`, message });
  const a = terms.availabilityPercent;
  if (a !== null && (!Number.isFinite(a) || a <= 0 || a > 100 || decimals(a) > 4))
    add('availabilityPercent', 'must be a percentage above 0 and at most 100, to 4 decimals');
  if (!terms.calendarId) add('calendarId', 'is required: the service hours calendar');
  const seen = new Map<string, number>();
  terms.tickets.forEach((t, i) => {
    const p = `tickets[${i}]`;
    if (!priorities.includes(t.priority)) add(`${p}.priority`, 'must be one of P1, P2, P3, P4');
    if (!ticketMetrics.includes(t.metric)) add(`${p}.metric`, 'must be response or resolution');
    const key = ticketTermKey(t);
    const first = seen.get(key);
    if (first !== undefined) add(p, `repeats ${key} of tickets[${first}]; keep one`);
    else seen.set(key, i);
    if (!Number.isFinite(t.goalPercent) || t.goalPercent <= 0 || t.goalPercent > maxGoalPercent)
      add(`${p}.goalPercent`, 'must be a percentage above 0 and at most 100');
    const d = t.duration;
    if ('businessSeconds' in d) {
      if (!Number.isInteger(d.businessSeconds) || d.businessSeconds < 60)
        add(`${p}.duration.businessSeconds`, 'must be whole seconds, at least 60');
      else if (d.businessSeconds > 366 * 86_400)
        add(`${p}.duration.businessSeconds`, 'must be at most 366 days');
    } else if (!Number.isInteger(d.workingDays) || d.workingDays < 1 || d.workingDays > 366) {
      add(`${p}.duration.workingDays`, 'must be a whole number of working days from 1 to 366');
    }
  });
  if (a === null && terms.tickets.length === 0)
    add('tickets', 'state at least one target: an availability or a ticket target');
  return issues;
}

/** Throws an `invalid` error listing every problem with the terms. */
export function validateTerms(terms: ServiceLevelTerms, at = 'terms'): ServiceLevelTerms {
  throwIssues(termsProblems(terms, at), 'these terms');
  return terms;
}

export function throwIssues(issues: ErrorIssue[], what: string): void {
  if (issues.length === 0) return;
  const first = issues[0]!;
  throw new DomainError(
    'invalid',
    issues.length === 1
      ? `${first.path}: ${first.message}`
      : `${issues.length} problems with ${what}, first ${first.path}: ${first.message}`,
    issues,
  );
}

/**
 * A duration in comparable seconds: business seconds as they are; working days as that many
 * times `secondsPerWorkingDay` (the calendar's mean open time per working day).
 */
export function comparableSeconds(d: TargetDuration, secondsPerWorkingDay: number): number {
  return 'businessSeconds' in d ? d.businessSeconds : d.workingDays * secondsPerWorkingDay;
}

/** −1: `a` is stricter than `b`; 1: looser; 0: the same. Stricter = shorter time, higher goal. */
export function compareTicketTerms(
  a: TicketTerm,
  b: TicketTerm,
  secondsPerWorkingDay: number,
): -1 | 0 | 1 {
  const ta = comparableSeconds(a.duration, secondsPerWorkingDay);
  const tb = comparableSeconds(b.duration, secondsPerWorkingDay);
  const time = Math.sign(ta - tb);
  const goal = Math.sign(b.goalPercent - a.goalPercent);
  if (time === 0 && goal === 0) return 0;
  if (time <= 0 && goal <= 0) return -1;
  if (time >= 0 && goal >= 0) return 1;
  // Mixed (shorter time, lower goal): the time decides.
  return time < 0 ? -1 : 1;
}

/** A duration as people read it: "4 business hours", "90 business minutes", "3 working days". */
export function durationLabel(d: TargetDuration): string {
  if ('workingDays' in d)
    return `${d.workingDays} working day${d.workingDays === 1 ? '' : 's'}${
      d.endOfWorkingDay ? ' (end of day)' : ''
    }`;
  const s = d.businessSeconds;
  if (s % 3600 === 0) return `${s / 3600} business hour${s === 3600 ? '' : 's'}`;
  if (s % 60 === 0) return `${s / 60} business minutes`;
  return `${s} business seconds`;
}

/** One line per target: "P1 resolution within 4 business hours for 95 % of tickets". */
export function termLabel(terms: ServiceLevelTerms, key: TermKey): string {
  if (key === 'availability') return `Availability ${terms.availabilityPercent ?? '—'} %`;
  const t = terms.tickets.find((x) => ticketTermKey(x) === key);
  if (!t) return key;
  return `${t.priority} ${t.metric} within ${durationLabel(t.duration)} for ${t.goalPercent} % of tickets`;
}
