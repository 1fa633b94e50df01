// Roles: who holds (or held) which accountability, with filters kept in the URL, sort, "load
// more" and a CSV export of what is filtered. "Active" and "active at a date" are filtered by the
// API; "lapsed" and "ended" are picked from the loaded pages (the API has no state filter).
import { useCallback, useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Role } from '../../contract/ownership.js';
import type { Query } from '../api.js';
import { SelectField, labelOptions } from '../components/fields.js';
import { ExportLink, SearchBox } from '../components/list.js';
import { ClearFilters, ListResults } from '../components/list-parts.js';
import type { ListColumn } from '../components/list-columns.js';
import { PersonSelect } from '../components/pickers.js';
import { Badge, Empty, PageHeader, formatInstant } from '../components/ui.js';
import { listQuery } from '../queries.js';
import { ScopeLink } from './nomination.js';
import { kindLabel, kindLabels, stateTone } from './ownership-labels.js';

export type RolesSearch = {
  sort?: string;
  kind?: string;
  service?: string;
  personId?: string;
  state?: string;
  /** A date (YYYY-MM-DD): roles active at its start, UTC. */
  activeAt?: string;
};

const stateLabels = { active: 'Active', lapsed: 'Lapsed', ended: 'Ended' };

export function RolesList({
  search,
  setSearch,
}: {
  search: RolesSearch;
  setSearch: (next: RolesSearch) => void;
}) {
  const [now] = useState(() => new Date().toISOString());
  const { state, activeAt, service, ...rest } = search;
  const filters: Query = {
    ...rest,
    serviceId: service,
    sort: search.sort ?? '-acceptedAt',
    activeAt: activeAt ? `${activeAt}T00:00:00Z` : state === 'active' ? now : undefined,
    held: state === 'lapsed' ? 'true' : undefined,
  };
  const query = useInfiniteQuery({
    ...listQuery<Role>('/roles', filters, 100),
    select: (data) =>
      state === 'lapsed' || state === 'ended'
        ? {
            ...data,
            pages: data.pages.map((p) => ({
              ...p,
              items: p.items.filter((r) => r.state === state),
            })),
          }
        : data,
  });
  const update = (patch: RolesSearch) => setSearch({ ...search, ...patch });
  const onService = useCallback(
    (s: string) => setSearch({ ...search, service: s.trim() || undefined }),
    [search, setSearch],
  );
  const filtered = Object.entries(search).some(([k, v]) => k !== 'sort' && Boolean(v));

  const columns: ListColumn<Role>[] = [
    {
      label: 'Role',
      sort: 'kind',
      cell: (r) => (
        <Link to="/roles/$id" params={{ id: r.id }} className="strong-link">
          {kindLabel(r.kind)}
        </Link>
      ),
    },
    { label: 'Of', cell: (r) => <ScopeLink scope={r.scope} /> },
    { label: 'Holder', cell: (r) => r.person.name },
    { label: 'State', cell: (r) => <Badge tone={stateTone(r.state)}>{r.state}</Badge> },
    {
      label: 'Accepted',
      sort: 'acceptedAt',
      className: 'col-optional',
      cell: (r) => formatInstant(r.acceptedAt, false),
    },
    {
      label: 'Term until',
      sort: 'termEndsAt',
      cell: (r) =>
        r.endedAt ? `ended ${formatInstant(r.endedAt, false)}` : formatInstant(r.termEndsAt, false),
    },
  ];

  return (
    <>
      <PageHeader
        title="Roles"
        description="Accepted accountability: who holds which role, since when and until when."
        actions={<ExportLink path="/roles" filters={filters} />}
      />
      <div className="toolbar" role="search" aria-label="Filter roles">
        <SelectField
          label="Kind"
          value={search.kind ?? ''}
          onChange={(v) => update({ kind: v || undefined })}
          placeholder="Any kind"
          options={labelOptions(kindLabels)}
        />
        <SelectField
          label="State"
          value={state ?? ''}
          onChange={(v) => update({ state: v || undefined })}
          placeholder="Any state"
          options={labelOptions(stateLabels)}
        />
        <PersonSelect
          label="Holder"
          value={search.personId ?? ''}
          onChange={(v) => update({ personId: v || undefined })}
          placeholder="Anyone"
        />
        <SearchBox
          id="roles-service"
          className="field field--tag"
          label="Service"
          value={service ?? ''}
          onSearch={onService}
          placeholder="service slug"
        />
        <div className="field">
          <label htmlFor="roles-active-at">Active at</label>
          <input
            id="roles-active-at"
            type="date"
            value={activeAt ?? ''}
            onChange={(e) => update({ activeAt: e.target.value || undefined })}
          />
        </div>
        <ClearFilters shown={filtered} onClear={() => setSearch({ sort: search.sort })} />
      </div>
      <ListResults
        query={query}
        noun="roles"
        empty={
          <Empty title={filtered ? 'No roles match these filters.' : 'No roles yet.'}>
            {filtered
              ? 'Try different filters or clear them.'
              : 'Roles appear when a nominee accepts a nomination.'}
          </Empty>
        }
        caption="Roles"
        columns={columns}
        sort={filters.sort as string}
        onSort={(sort) => update({ sort })}
      />
    </>
  );
}
