// Tickets as the UI sees them: queries, wording of statuses, priorities and impacts, badges.
import { queryOptions } from '@tanstack/react-query';
import type { Availability, Ticket, TicketEvent } from '../../contract/tickets.js';
import { request } from '../api.js';
import { Badge } from '../components/ui.js';

export type { Availability, Ticket, TicketEvent };

export const statusLabels: Record<string, string> = {
  new: 'New',
  assigned: 'Assigned',
  in_progress: 'In progress',
  pending_customer: 'Pending customer',
  pending_vendor: 'Pending vendor',
  resolved: 'Resolved',
  closed: 'Closed',
  reopened: 'Reopened',
  cancelled: 'Cancelled',
};
export const typeLabels: Record<string, string> = {
  incident: 'Incident',
  service_request: 'Service request',
};
export const priorityLabels: Record<string, string> = {
  P1: 'P1 (critical)',
  P2: 'P2 (high)',
  P3: 'P3 (medium)',
  P4: 'P4 (low)',
};
export const impactLabels: Record<string, string> = {
  outage: 'Outage',
  degraded: 'Degraded',
  none: 'None',
};

/** The button text for moving a ticket to a status. */
export const moveLabels: Record<string, string> = {
  assigned: 'Mark assigned',
  in_progress: 'Start work',
  pending_customer: 'Wait for customer',
  pending_vendor: 'Wait for vendor',
  resolved: 'Resolve',
  closed: 'Close',
  reopened: 'Reopen',
  cancelled: 'Cancel ticket',
};

export function StatusBadge({ status }: { status: string }) {
  const tone = ['resolved', 'closed'].includes(status)
    ? 'good'
    : status === 'cancelled'
      ? 'neutral'
      : status === 'new' || status === 'reopened'
        ? 'bad'
        : 'info';
  return <Badge tone={tone}>{statusLabels[status] ?? status}</Badge>;
}

export function PriorityBadge({ priority }: { priority: string }) {
  return (
    <Badge tone={priority === 'P1' ? 'bad' : priority === 'P2' ? 'info' : 'neutral'}>
      {priority}
    </Badge>
  );
}

export const ticketQuery = (ref: string) =>
  queryOptions({
    queryKey: ['/tickets', 'one', ref],
    queryFn: ({ signal }) => request<Ticket>(`/tickets/${encodeURIComponent(ref)}`, { signal }),
  });

export const ticketHistoryQuery = (ref: string) =>
  queryOptions({
    queryKey: ['/tickets', 'history', ref],
    queryFn: ({ signal }) =>
      request<{ items: TicketEvent[] }>(`/tickets/${encodeURIComponent(ref)}/history`, { signal }),
  });

export const availabilityQuery = (ref: string, from: string, to: string) =>
  queryOptions({
    queryKey: ['/tickets', 'availability', ref, from, to],
    queryFn: ({ signal }) =>
      request<Availability>(`/services/${encodeURIComponent(ref)}/availability`, {
        query: { from, to, granularity: 'month' },
        signal,
      }),
  });

type Timer = Ticket['timers'][number];

const metricLabels: Record<string, string> = { response: 'Response', resolution: 'Resolution' };

/** "3h 20m", "45m", "2d 4h" of business time. */
export function formatSeconds(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return d ? `${d}d ${h}h` : h ? `${h}h ${m}m` : `${m}m`;
}

/** One timer: its state and the business time left (or over). */
export function TimerBadge({
  timer,
}: {
  timer: Pick<Timer, 'metric' | 'state' | 'breached' | 'remainingSeconds'>;
}) {
  const tone =
    timer.state === 'breached' || (timer.breached && timer.state !== 'met')
      ? 'bad'
      : timer.state === 'met'
        ? 'good'
        : timer.state === 'paused' || timer.state === 'stopped'
          ? 'neutral'
          : 'info';
  const left =
    timer.state === 'running' || timer.state === 'paused'
      ? timer.remainingSeconds >= 0
        ? `, ${formatSeconds(timer.remainingSeconds)} left`
        : `, ${formatSeconds(timer.remainingSeconds)} over`
      : '';
  return (
    <Badge tone={tone}>
      {metricLabels[timer.metric]}: {timer.state}
      {left}
    </Badge>
  );
}

export function Timers({ timers }: { timers: Timer[] }) {
  if (timers.length === 0) return <span className="muted">No target</span>;
  return (
    <span className="inline-list">
      {timers.map((t) => (
        <TimerBadge key={`${t.metric}-${t.origin}-${t.teamId ?? ''}`} timer={t} />
      ))}
    </span>
  );
}
