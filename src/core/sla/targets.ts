/**
 * Service level targets: how long a ticket of a priority may take to get a response or a
 * resolution, on which calendar, which statuses pause the clock, and the escalation levels.
 * Pure rules: validation, default pause statuses and the lookup of the target that applies.
 */
import { DomainError, type ErrorIssue } from '../errors.js';
import type { Brand, Instant, TeamId } from '../ids.js';
import type { ServiceId } from '../services.js';
import {
  doneStatuses,
  priorities,
  ticketStatuses,
  type Priority,
  type TicketStatus,
} from '../tickets.js';

export { priorities, ticketStatuses, type Priority, type TicketStatus };

export type TargetId = Brand<string, 'TargetId'>;
/** A stored business calendar's id (the calendar record, not the pure model). */
export type CalendarId = Brand<string, 'CalendarId'>;

/** Time to respond and time to resolve. */
export const metrics = ['response', 'resolution'] as const;
export type Metric = (typeof metrics)[number];

/** When the clock starts: at ticket creation, or at assignment to a team (an OLA). */
export const origins = ['created', 'assigned_to_team'] as const;
export type Origin = (typeof origins)[number];

/** Statuses that end the clock; pausing on them makes no sense. */
export const stoppingStatuses: readonly TicketStatus[] = doneStatuses;

export type TargetDuration =
  { businessSeconds: number } | { workingDays: number; endOfWorkingDay: boolean };

export type EscalationPoint = { percent: number } | { offsetSeconds: number };

export const notifyTargets = ['assignee', 'team_lead', 'service_owner', 'manager'] as const;
export type NotifyTarget = (typeof notifyTargets)[number];

export type EscalationAction =
  | { type: 'notify'; to: NotifyTarget }
  | { type: 'raise_priority' }
  | { type: 'webhook'; url: string };

export interface EscalationLevel {
  at: EscalationPoint;
  actions: EscalationAction[];
  /** Fire only within the target calendar's open hours (otherwise at the next opening). */
  businessHoursOnly: boolean;
}

export interface ServiceLevelTarget {
  id: TargetId;
  /** null: the default for every service without a target of its own. */
  serviceId: ServiceId | null;
  priority: Priority;
  metric: Metric;
  origin: Origin;
  /** The team whose assignment starts the clock (origin assigned_to_team), else null. */
  teamId: TeamId | null;
  duration: TargetDuration;
  calendarId: CalendarId;
  pauseStatuses: TicketStatus[];
  escalations: EscalationLevel[];
  version: number;
  createdAt: Instant;
  updatedAt: Instant;
}

/** The fields a target is written with (before defaults). */
export type TargetFields = Omit<ServiceLevelTarget, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

/** Resolution pauses while waiting on the customer or a vendor; response never pauses. */
export function defaultPauseStatuses(metric: Metric): TicketStatus[] {
  return metric === 'resolution' ? ['pending_customer', 'pending_vendor'] : [];
}

/** The uniqueness key: one target per (service or default) × priority × metric × origin. */
export function scopeKey(
  t: Pick<TargetFields, 'serviceId' | 'priority' | 'metric' | 'origin' | 'teamId'>,
): string {
  const origin = t.origin === 'assigned_to_team' ? `team:${t.teamId ?? ''}` : 'created';
  return `${t.serviceId ?? '*'}|${t.priority}|${t.metric}|${origin}`;
}

export const maxBusinessSeconds = 366 * 24 * 3600;
export const maxWorkingDays = 366;

const pointKey = (p: EscalationPoint) =>
  'percent' in p ? `percent:${p.percent}` : `offset:${p.offsetSeconds}`;

/** Every problem with a target's fields, each naming its field; empty when it is valid. */
export function targetProblems(t: TargetFields): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  if (!priorities.includes(t.priority)) add('priority', 'must be one of P1, P2, P3, P4');
  if (!metrics.includes(t.metric)) add('metric', 'must be response or resolution');
  if (!origins.includes(t.origin)) add('origin', 'must be created or assigned_to_team');
  if (t.origin === 'assigned_to_team' && !t.teamId)
    add('teamId', 'is required when the clock starts at assignment to a team');
  if (t.origin === 'created' && t.teamId)
    add('teamId', 'must be empty unless origin is assigned_to_team');

  const d = t.duration;
  if ('businessSeconds' in d) {
    if (!Number.isInteger(d.businessSeconds) || d.businessSeconds < 1)
      add('duration.businessSeconds', 'must be a whole number of seconds, at least 1');
    else if (d.businessSeconds > maxBusinessSeconds)
      add('duration.businessSeconds', `must be at most ${maxBusinessSeconds} (366 days)`);
  } else if (
    !Number.isInteger(d.workingDays) ||
    d.workingDays < 1 ||
    d.workingDays > maxWorkingDays
  ) {
    add(
      'duration.workingDays',
      `must be a whole number of working days from 1 to ${maxWorkingDays}`,
    );
  }

  const seen = new Set<string>();
  t.pauseStatuses.forEach((s, i) => {
    if (!(ticketStatuses as readonly string[]).includes(s))
      add(`pauseStatuses[${i}]`, `is not a ticket status; use one of ${ticketStatuses.join(', ')}`);
    else if (stoppingStatuses.includes(s))
      add(`pauseStatuses[${i}]`, `${s} stops the clock; it cannot pause it`);
    else if (seen.has(s)) add(`pauseStatuses[${i}]`, `${s} is listed twice`);
    seen.add(s);
  });

  const points = new Map<string, number>();
  t.escalations.forEach((level, i) => {
    const at = level.at;
    if ('percent' in at) {
      if (!Number.isInteger(at.percent) || at.percent < 1 || at.percent > 1000)
        add(`escalations[${i}].at.percent`, 'must be a whole percentage from 1 to 1000');
    } else if (
      !Number.isInteger(at.offsetSeconds) ||
      Math.abs(at.offsetSeconds) > maxBusinessSeconds
    ) {
      add(
        `escalations[${i}].at.offsetSeconds`,
        `must be whole seconds within ±${maxBusinessSeconds} (negative: before the deadline)`,
      );
    }
    const key = pointKey(at);
    const first = points.get(key);
    if (first !== undefined)
      add(
        `escalations[${i}].at`,
        `is the same point as escalations[${first}]; merge their actions`,
      );
    else points.set(key, i);
    if (level.actions.length === 0)
      add(`escalations[${i}].actions`, 'must have at least one action');
    const actions = new Set<string>();
    level.actions.forEach((a, j) => {
      const k = JSON.stringify(a);
      if (actions.has(k)) add(`escalations[${i}].actions[${j}]`, 'is listed twice');
      actions.add(k);
      if (a.type === 'notify' && !notifyTargets.includes(a.to))
        add(`escalations[${i}].actions[${j}].to`, `must be one of ${notifyTargets.join(', ')}`);
      if (a.type === 'webhook' && !/^https?:\/\/[^\s]+$/.test(a.url))
        add(`escalations[${i}].actions[${j}].url`, 'must be an http(s) URL');
    });
  });
  return issues;
}

/** Throws an `invalid` error listing every problem, or returns the target unchanged. */
export function validateTarget<T extends TargetFields>(t: T): T {
  const issues = targetProblems(t);
  if (issues.length > 0) {
    const first = issues[0]!;
    throw new DomainError(
      'invalid',
      issues.length === 1
        ? `${first.path}: ${first.message}`
        : `${issues.length} problems with this target, first ${first.path}: ${first.message}`,
      issues,
    );
  }
  return t;
}

/** Escalation levels in the order they fall due for a deadline `durationSeconds` away. */
export function escalationOffsets(
  levels: EscalationLevel[],
  durationSeconds: number,
): { level: EscalationLevel; secondsFromStart: number }[] {
  return levels
    .map((level) => ({
      level,
      secondsFromStart:
        'percent' in level.at
          ? Math.round((durationSeconds * level.at.percent) / 100)
          : durationSeconds + level.at.offsetSeconds,
    }))
    .sort((a, b) => a.secondsFromStart - b.secondsFromStart);
}

/**
 * The target that applies to a ticket: the service's own target for the priority, metric and
 * origin, else the default (service null) one; null when neither exists.
 */
export function targetFor<
  T extends Pick<TargetFields, 'serviceId' | 'priority' | 'metric' | 'origin' | 'teamId'>,
>(
  targets: readonly T[],
  serviceId: ServiceId | null,
  priority: Priority,
  metric: Metric,
  origin: { origin: Origin; teamId?: TeamId | null } = { origin: 'created' },
): T | null {
  const want = (s: ServiceId | null) =>
    scopeKey({
      serviceId: s,
      priority,
      metric,
      origin: origin.origin,
      teamId: origin.teamId ?? null,
    });
  const own = serviceId === null ? undefined : targets.find((t) => scopeKey(t) === want(serviceId));
  return own ?? targets.find((t) => scopeKey(t) === want(null)) ?? null;
}
