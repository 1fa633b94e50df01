// Query definitions shared by routes and components (keys in one place).
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditEntry, AuditVerification } from '../contract/audit.js';
import type { ApiToken, CreatedToken, Me } from '../contract/auth.js';
import type { Person } from '../contract/people.js';
import type { OrgUnit, Team } from '../contract/teams.js';
import { fetchAll, request, setCsrfToken, type Page, type Query } from './api.js';

export type { AuditEntry, ApiToken, Me, OrgUnit, Person, Team };
export type AuditVerificationResult = z.infer<typeof AuditVerification>;
export type CreatedTokenResult = z.infer<typeof CreatedToken>;

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async () => {
    const me = await request<Me>('/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  },
  staleTime: 5 * 60_000,
  retry: false,
});

/** An infinite (cursor-paginated) list of a collection with the given filters. */
export const listQuery = <T>(path: string, filters: Query, limit = 50) =>
  infiniteQueryOptions({
    queryKey: [path, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      request<Page<T>>(path, {
        query: { ...filters, limit, cursor: pageParam ?? undefined },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const recordQuery = <T>(path: string, id: string) =>
  queryOptions({
    queryKey: [path, 'one', id],
    queryFn: ({ signal }) => request<T>(`${path}/${encodeURIComponent(id)}`, { signal }),
  });

/** Everything in a collection, for pickers and id → name lookups. */
export const allQuery = <T>(path: string) =>
  queryOptions({
    queryKey: [path, 'all'],
    queryFn: () => fetchAll<T>(path, { sort: 'name' }),
    staleTime: 60_000,
  });

export const peopleAll = allQuery<Person>('/people');
export const teamsAll = allQuery<Team>('/teams');
export const orgUnitsAll = allQuery<OrgUnit>('/org-units');

export const tokensQuery = queryOptions({
  queryKey: ['/tokens', 'mine'],
  queryFn: () => fetchAll<ApiToken>('/tokens', {}),
});
