// What the requirement pages share: types from the API, status badges, money and queries.
import { queryOptions } from '@tanstack/react-query';
import type {
  RequirementDetail,
  RequirementOption,
  RequirementSummary,
  RevisionDiff,
} from '../../contract/requirements.js';
import { request } from '../api.js';
import { allQuery } from '../queries.js';
import { Badge } from '../components/ui.js';
import type { CalendarChoice } from '../components/terms-editor.js';

export type { RequirementDetail, RequirementOption, RequirementSummary, RevisionDiff };

export const requirementStatusLabels: Record<string, string> = {
  open: 'Open',
  agreed: 'Agreed',
  withdrawn: 'Withdrawn',
};

export function RequirementStatusBadge({ status }: { status: string }) {
  const tone = status === 'open' ? 'info' : status === 'agreed' ? 'good' : 'neutral';
  return <Badge tone={tone}>{requirementStatusLabels[status] ?? status}</Badge>;
}

export function OptionStatusBadge({ option }: { option: RequirementOption }) {
  if (option.status === 'chosen') return <Badge tone="good">Chosen</Badge>;
  if (option.status === 'withdrawn') return <Badge>Withdrawn</Badge>;
  return option.outdated ? (
    <Badge tone="bad">Proposed — answers revision {option.revision}</Badge>
  ) : (
    <Badge tone="info">Proposed</Badge>
  );
}

/** "EUR 12,000.00" from minor units. */
export function moneyText(minor: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(minor / 100);
  } catch {
    return `${currency} ${(minor / 100).toFixed(2)}`;
  }
}

/** Minor units from a typed amount ("12000.50" → 1200050); NaN when it is not a number. */
export const minorOf = (major: string): number =>
  major.trim() === '' ? Number.NaN : Math.round(Number(major) * 100);

export const requirementQuery = (id: string) =>
  queryOptions({
    queryKey: ['/requirements', 'one', id],
    queryFn: ({ signal }) =>
      request<RequirementDetail>(`/requirements/${encodeURIComponent(id)}`, { signal }),
  });

export const revisionDiffQuery = (id: string, a: number, b: number) =>
  queryOptions({
    queryKey: ['/requirements', 'diff', id, a, b],
    queryFn: ({ signal }) =>
      request<RevisionDiff>(`/requirements/${encodeURIComponent(id)}/revisions/${a}/diff/${b}`, {
        signal,
      }),
    staleTime: Infinity,
  });

/** Calendars to choose service hours from. */
export const calendarsAll = allQuery<CalendarChoice & { active: boolean }>('/calendars');
