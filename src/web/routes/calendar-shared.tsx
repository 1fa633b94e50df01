// Business calendars and service level targets as the UI sees them: resources, queries, wording.
import { queryOptions } from '@tanstack/react-query';
import type { Calendar, CheckResult, IcsImportResult } from '../../contract/calendars.js';
import type { Target } from '../../contract/targets.js';
import { fetchAll, request } from '../api.js';
import type { Resource } from '../resources.js';
import { statusLabels as ticketStatusLabels } from './tickets-shared.js';

export type { Calendar, CheckResult, IcsImportResult, Target };
export type Holiday = Calendar['holidays'][number];

export const calendarsResource = {
  // The directory scaffolds type their paths; calendars use them the same way.
  path: '/calendars' as Resource['path'],
  detailTo: '/calendars/$calendarId',
  editTo: '/calendars/$calendarId/edit',
  param: 'calendarId',
  title: 'Calendars',
  noun: 'calendar',
  createLabel: 'Create calendar',
} satisfies Resource;

export const calendarQuery = (id: string) =>
  queryOptions({
    queryKey: ['/calendars', 'one', id],
    queryFn: ({ signal }) => request<Calendar>(`/calendars/${encodeURIComponent(id)}`, { signal }),
  });

export const calendarsAll = queryOptions({
  queryKey: ['/calendars', 'all'],
  queryFn: () => fetchAll<Calendar>('/calendars', { sort: 'name' }),
  staleTime: 60_000,
});

export const targetsOfService = (serviceId: string) =>
  queryOptions({
    queryKey: ['/service-level-targets', 'service', serviceId],
    queryFn: async () => {
      const [own, defaults] = await Promise.all([
        fetchAll<Target>('/service-level-targets', { serviceId, sort: 'priority' }),
        fetchAll<Target>('/service-level-targets', { serviceId: 'default', sort: 'priority' }),
      ]);
      return { own, defaults };
    },
  });

export const metricLabels: Record<string, string> = {
  response: 'Time to respond',
  resolution: 'Time to resolve',
};
export const originLabels: Record<string, string> = {
  created: 'From creation',
  assigned_to_team: 'From assignment to a team (OLA)',
};
export const priorityLabels: Record<string, string> = {
  P1: 'P1 (most urgent)',
  P2: 'P2',
  P3: 'P3',
  P4: 'P4',
};
/** The ticket statuses a target's clock can pause in (the open ones), worded as on tickets. */
export const statusLabels: Record<string, string> = Object.fromEntries(
  ['new', 'assigned', 'in_progress', 'pending_customer', 'pending_vendor', 'reopened'].map((s) => [
    s,
    ticketStatusLabels[s] ?? s,
  ]),
);

/** "4 h 30 min", "45 min", "30 s". */
export function formatSeconds(total: number): string {
  const sign = total < 0 ? '−' : '';
  let s = Math.abs(Math.round(total));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const parts = [h ? `${h} h` : '', m ? `${m} min` : '', s && !h ? `${s} s` : ''].filter(Boolean);
  return sign + (parts.join(' ') || '0 min');
}

export function formatDuration(d: Target['duration']): string {
  if ('workingDays' in d)
    return `${d.workingDays} working day${d.workingDays === 1 ? '' : 's'}${d.endOfWorkingDay ? ' (end of day)' : ''}`;
  return `${formatSeconds(d.businessSeconds)} business time`;
}

export function formatHoliday(h: Holiday): string {
  if (h.date)
    return h.yearly ? `${h.date.slice(5)} every year (from ${h.date.slice(0, 4)})` : h.date;
  return `${h.from ?? '?'} to ${h.to ?? '?'}`;
}

export function formatEscalation(level: Target['escalations'][number]): string {
  const at =
    'percent' in level.at
      ? `${level.at.percent} %`
      : level.at.offsetSeconds < 0
        ? `${formatSeconds(-level.at.offsetSeconds)} before the deadline`
        : `${formatSeconds(level.at.offsetSeconds)} after the deadline`;
  const actions = level.actions
    .map((a) =>
      a.type === 'notify'
        ? `notify ${a.to.replace('_', ' ')}`
        : a.type === 'raise_priority'
          ? 'raise priority'
          : `webhook ${a.url}`,
    )
    .join(', ');
  return `${at}: ${actions}${level.businessHoursOnly ? ' (business hours only)' : ''}`;
}
