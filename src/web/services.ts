// The service portfolio as the UI sees it: queries, wording of kinds, tiers, lifecycles and
// dependency types, and money formatting.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { Dependency, Impact, Service, ServiceView } from '../contract/services.js';
import { request, type Page, type Query } from './api.js';
import type { Resource } from './resources.js';

export type { Dependency, Impact, Service, ServiceView };
export type ServiceSummary = Impact['service'];
export type Reached = Impact['dependents'][number];

export const servicesResource = {
  path: '/services',
  listTo: '/portfolio',
  detailTo: '/services/$ref',
  editTo: '/services/$ref/edit',
  param: 'ref',
  title: 'Portfolio',
  noun: 'service',
  createLabel: 'Create service',
} as const satisfies Resource;

export const kindLabels: Record<string, string> = {
  business_service: 'Business service',
  technical_service: 'Technical service',
  component: 'Component',
};
export const lifecycleLabels: Record<string, string> = {
  pipeline: 'Pipeline',
  live: 'Live',
  retired: 'Retired',
};
export const tierLabels: Record<string, string> = {
  '1': 'Tier 1 (most critical)',
  '2': 'Tier 2',
  '3': 'Tier 3',
  '4': 'Tier 4',
};
export const dependencyTypeLabels: Record<string, string> = {
  runs_on: 'Runs on',
  uses: 'Uses',
  data_from: 'Gets data from',
};

const money = new Map<string, Intl.NumberFormat>();
/** "€84,000.00"-style, from minor units (cents). */
export function formatMoney(cost: { amountMinor: number; currency: string } | null): string {
  if (!cost) return '—';
  let f = money.get(cost.currency);
  if (!f) {
    try {
      f = new Intl.NumberFormat(undefined, { style: 'currency', currency: cost.currency });
    } catch {
      f = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2 });
    }
    money.set(cost.currency, f);
  }
  return f.format(cost.amountMinor / 100);
}

/** The portfolio: pages of 200, fetched as the table scrolls. */
export const PORTFOLIO_PAGE = 200;
export const portfolioQuery = (filters: Query) =>
  infiniteQueryOptions({
    queryKey: ['/services', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      request<Page<Service>>('/services', {
        query: { ...filters, limit: PORTFOLIO_PAGE, cursor: pageParam ?? undefined },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const serviceQuery = (ref: string) =>
  queryOptions({
    queryKey: ['/services', 'one', ref],
    queryFn: ({ signal }) => request<Service>(`/services/${encodeURIComponent(ref)}`, { signal }),
  });

export const dependenciesQuery = (ref: string) =>
  queryOptions({
    queryKey: ['/services', 'dependencies', ref],
    queryFn: ({ signal }) =>
      request<{ outgoing: Dependency[]; incoming: Dependency[] }>(
        `/services/${encodeURIComponent(ref)}/dependencies`,
        { signal },
      ),
  });

export const impactQuery = (ref: string) =>
  queryOptions({
    queryKey: ['/services', 'impact', ref],
    queryFn: ({ signal }) =>
      request<Impact>(`/services/${encodeURIComponent(ref)}/impact`, { signal }),
  });

export const serviceViewQuery = (ref: string) =>
  queryOptions({
    queryKey: ['/services', 'view', ref],
    queryFn: ({ signal }) =>
      request<ServiceView>(`/services/${encodeURIComponent(ref)}/view`, { signal }),
  });

/** Services matching a search, for pickers. */
export const serviceSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['/services', 'search', q],
    queryFn: ({ signal }) =>
      request<Page<Service>>('/services', { query: { q, limit: 10, sort: 'name' }, signal }),
    staleTime: 30_000,
  });
