// Service level requirements: filters kept in the URL, a sortable table with "load more", and a
// CSV export of exactly what is filtered.
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Query } from '../api.js';
import { useMe } from '../auth.js';
import { SelectField, labelOptions } from '../components/fields.js';
import { SearchBox } from '../components/list.js';
import {
  ClearFilters,
  ListActions,
  ListResults,
  useListSearch,
  useTextFilter,
} from '../components/list-parts.js';
import type { ListColumn } from '../components/list-columns.js';
import { useOrgUnitsById } from '../components/pickers.js';
import { Empty, PageHeader, formatInstant } from '../components/ui.js';
import { listQuery } from '../queries.js';
import {
  RequirementStatusBadge,
  requirementStatusLabels,
  type RequirementSummary,
} from './requirements-shared.js';

export type RequirementsSearch = {
  q?: string;
  sort?: string;
  status?: string;
  service?: string;
  orgUnit?: string;
  mine?: string;
};

export function RequirementsList({
  search,
  setSearch,
}: {
  search: RequirementsSearch;
  setSearch: (next: RequirementsSearch) => void;
}) {
  const me = useMe();
  const canWrite = me?.role === 'admin' || me?.role === 'member';
  const units = useOrgUnitsById();
  const filters: Query = { ...search, sort: search.sort ?? '-createdAt' };
  const query = useInfiniteQuery(listQuery<RequirementSummary>('/requirements', filters));
  const { update, onSearch, filtered } = useListSearch(search, setSearch);
  const onService = useTextFilter(search, setSearch, 'service');

  const columns: ListColumn<RequirementSummary>[] = [
    {
      label: 'Title',
      sort: 'title',
      cell: (r) => (
        <Link to="/requirements/$id" params={{ id: r.id }} className="strong-link">
          {r.title}
        </Link>
      ),
    },
    {
      label: 'Service',
      sort: 'service',
      cell: (r) => (
        <Link to="/services/$ref" params={{ ref: r.serviceSlug }}>
          {r.serviceName}
        </Link>
      ),
    },
    { label: 'Customer', className: 'col-optional', cell: (r) => r.orgUnitName },
    {
      label: 'Availability',
      className: 'col-optional',
      cell: (r) =>
        r.availabilityPercent === null ? (
          <span className="muted">—</span>
        ) : (
          `${r.availabilityPercent} %`
        ),
    },
    { label: 'Revision', cell: (r) => r.revision },
    { label: 'Options', cell: (r) => r.proposedOptions },
    { label: 'Status', sort: 'status', cell: (r) => <RequirementStatusBadge status={r.status} /> },
    {
      label: 'Updated',
      sort: 'updatedAt',
      className: 'col-optional',
      cell: (r) => formatInstant(r.updatedAt, false),
    },
  ];

  return (
    <>
      <PageHeader
        title="Service level requirements"
        description="What customers need from a service, and the costed options that answer it. Only the customer representative of an organisation unit for a service states its requirements."
        actions={
          <ListActions
            path="/requirements"
            filters={filters}
            newLabel="New requirement"
            canCreate={canWrite}
          />
        }
      />
      <div className="toolbar" role="search" aria-label="Filter requirements">
        <SearchBox label="Search" value={search.q ?? ''} onSearch={onSearch} placeholder="Title" />
        <SelectField
          label="Status"
          value={search.status ?? ''}
          onChange={(v) => update({ status: v || undefined })}
          placeholder="Any status"
          options={labelOptions(requirementStatusLabels)}
        />
        <SelectField
          label="Customer"
          value={search.orgUnit ?? ''}
          onChange={(v) => update({ orgUnit: v || undefined })}
          placeholder="Any customer"
          options={[...units.values()].map((u) => ({ value: u.id, label: u.name }))}
        />
        <SelectField
          label="Whose"
          value={search.mine ?? ''}
          onChange={(v) => update({ mine: v || undefined })}
          placeholder="Everyone's"
          options={[{ value: 'true', label: 'Mine to act on' }]}
        />
        <SearchBox
          id="requirements-service"
          className="field field--tag"
          label="Service"
          value={search.service ?? ''}
          onSearch={onService}
          placeholder="service slug"
        />
        <ClearFilters shown={filtered} onClear={() => setSearch({ sort: search.sort })} />
      </div>
      <ListResults
        query={query}
        noun="requirements"
        empty={
          <Empty title={filtered ? 'No requirements match these filters.' : 'No requirements yet.'}>
            {filtered
              ? 'Try a different search or clear the filters.'
              : 'A customer representative states what their organisation unit needs from a service.'}
          </Empty>
        }
        caption="Service level requirements"
        columns={columns}
        sort={filters.sort as string}
        onSort={(sort) => update({ sort })}
      />
    </>
  );
}
