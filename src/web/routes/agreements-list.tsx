// Service level agreements: filters kept in the URL, a sortable table with status badges and
// backing, "load more", and a CSV export of exactly what is filtered.
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Query } from '../api.js';
import { SelectField, labelOptions } from '../components/fields.js';
import { ExportLink, SearchBox } from '../components/list.js';
import { ClearFilters, ListResults, useListSearch } from '../components/list-parts.js';
import type { ListColumn } from '../components/list-columns.js';
import { useOrgUnitsById } from '../components/pickers.js';
import { Badge, Empty, PageHeader } from '../components/ui.js';
import { listQuery } from '../queries.js';
import {
  AgreementStatusBadge,
  agreementStatusLabels,
  money,
  type AgreementSummary,
} from './agreements-shared.js';

export type AgreementsSearch = {
  q?: string;
  sort?: string;
  status?: string;
  orgUnitId?: string;
};

export function AgreementsList({
  search,
  setSearch,
}: {
  search: AgreementsSearch;
  setSearch: (next: AgreementsSearch) => void;
}) {
  const units = useOrgUnitsById();
  const filters: Query = { ...search, sort: search.sort ?? 'code' };
  const query = useInfiniteQuery(listQuery<AgreementSummary>('/agreements', filters));
  const { update, onSearch, filtered } = useListSearch(search, setSearch);

  const columns: ListColumn<AgreementSummary>[] = [
    {
      label: 'Code',
      sort: 'code',
      cell: (a) => (
        <Link to="/agreements/$ref" params={{ ref: a.code }} className="strong-link nowrap">
          {a.code}
        </Link>
      ),
    },
    { label: 'Title', sort: 'title', className: 'col-optional', cell: (a) => a.title },
    {
      label: 'Service',
      sort: 'service',
      cell: (a) => (
        <Link to="/services/$ref" params={{ ref: a.service.slug }}>
          {a.service.name}
        </Link>
      ),
    },
    {
      label: 'Customer',
      sort: 'customer',
      className: 'col-optional',
      cell: (a) => a.customer.name,
    },
    {
      label: 'Status',
      sort: 'status',
      cell: (a) => (
        <>
          <AgreementStatusBadge status={a.status} />
          {a.status === 'active' && a.pendingVersion ? (
            <>
              {' '}
              <Badge tone="info">v{a.pendingVersion} awaiting signatures</Badge>
            </>
          ) : null}
        </>
      ),
    },
    {
      label: 'Backing',
      cell: (a) =>
        a.unbackedTargets === 0 ? (
          <Badge tone="good">All {a.targets} backed</Badge>
        ) : (
          <Badge tone="bad">
            {a.unbackedTargets} of {a.targets} unbacked
          </Badge>
        ),
    },
    { label: 'Expires', sort: 'expiresOn', cell: (a) => a.expiresOn },
    {
      label: 'Cost per month',
      sort: 'monthlyCost',
      className: 'col-optional',
      cell: (a) => money(a.monthlyCostMinor, a.currency),
    },
  ];

  return (
    <>
      <PageHeader
        title="Service level agreements"
        description="Agreements between a service and its customers: signed personally by the service owner and the customer representative, backed by OLAs the delivery teams acknowledged. Any change is a new version that is signed again."
        actions={
          <>
            <Link to="/agreements/attainment" className="button button--secondary">
              Attainment
            </Link>
            <ExportLink path="/agreements" filters={filters} />
          </>
        }
      />
      <div className="toolbar" role="search" aria-label="Filter agreements">
        <SearchBox
          label="Search"
          value={search.q ?? ''}
          onSearch={onSearch}
          placeholder="Code, title, service, customer"
        />
        <SelectField
          label="Status"
          value={search.status ?? ''}
          onChange={(v) => update({ status: v || undefined })}
          placeholder="Any status"
          options={labelOptions(agreementStatusLabels)}
        />
        <SelectField
          label="Customer"
          value={search.orgUnitId ?? ''}
          onChange={(v) => update({ orgUnitId: v || undefined })}
          placeholder="Any customer"
          options={[...units.values()].map((u) => ({ value: u.id, label: u.name }))}
        />
        <ClearFilters shown={filtered} onClear={() => setSearch({ sort: search.sort })} />
      </div>
      <ListResults
        query={query}
        noun="agreements"
        empty={
          <Empty title={filtered ? 'No agreements match these filters.' : 'No agreements yet.'}>
            {filtered
              ? 'Try a different search or clear the filters.'
              : 'An agreement is drawn up when a customer representative chooses an option of a requirement.'}
          </Empty>
        }
        caption="Service level agreements"
        columns={columns}
        sort={filters.sort as string}
        onSort={(sort) => update({ sort })}
      />
    </>
  );
}
