// The service portfolio: every service in one long table (virtualised, loaded 200 at a time as
// it scrolls), with filters kept in the URL and a CSV export of exactly what is filtered.
import { useCallback, useMemo } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Query } from '../api.js';
import { useIsAdmin } from '../auth.js';
import { SelectField, labelOptions } from '../components/fields.js';
import { SearchBox } from '../components/list.js';
import { ClearFilters, ListActions } from '../components/list-parts.js';
import type { ListColumn } from '../components/list-columns.js';
import { useOrgUnitsById, useTeamsById } from '../components/pickers.js';
import { Empty, ErrorBanner, Loading, PageHeader } from '../components/ui.js';
import { LifecycleBadge, Tags, TierBadge } from '../components/service-badges.js';
import { VirtualTable } from '../components/virtual-table.js';
import { orgUnitsAll, teamsAll } from '../queries.js';
import {
  formatMoney,
  kindLabels,
  lifecycleLabels,
  portfolioQuery,
  type Service,
} from '../services.js';

export type PortfolioSearch = {
  q?: string;
  sort?: string;
  kind?: string;
  /** pipeline, live, retired, or "all" (every lifecycle, retired included). */
  lifecycle?: string;
  /** A number, so the URL reads tier=1. */
  tier?: number;
  teamId?: string;
  orgUnitId?: string;
  tag?: string;
};

/** The API's filters for what the page shows. */
export function portfolioFilters(search: PortfolioSearch): Query {
  const { lifecycle, ...rest } = search;
  return {
    ...rest,
    sort: search.sort ?? 'name',
    ...(lifecycle === 'all' ? { includeRetired: 'true' } : { lifecycle }),
  };
}

const toOptions = (items: { id: string; name: string }[] | undefined) =>
  (items ?? []).map((x) => ({ value: x.id, label: x.name }));

const number = new Intl.NumberFormat();

export function Portfolio({
  search,
  setSearch,
}: {
  search: PortfolioSearch;
  setSearch: (next: PortfolioSearch) => void;
}) {
  const isAdmin = useIsAdmin();
  const filters = portfolioFilters(search);
  const query = useInfiniteQuery(portfolioQuery(filters));
  const teams = useTeamsById();
  const units = useOrgUnitsById();
  const { data: teamList } = useQuery(teamsAll);
  const { data: unitList } = useQuery(orgUnitsAll);

  const update = (patch: PortfolioSearch) => setSearch({ ...search, ...patch });
  const onSearch = useCallback(
    (q: string) => setSearch({ ...search, q: q || undefined }),
    [search, setSearch],
  );
  const onTag = useCallback(
    (tag: string) => setSearch({ ...search, tag: tag.trim().toLowerCase() || undefined }),
    [search, setSearch],
  );
  const filtered = Object.entries(search).some(([k, v]) => k !== 'sort' && Boolean(v));

  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  // Never cancel a page already on its way (the default would refetch it from scratch).
  const loadMore = useCallback(() => void fetchNextPage({ cancelRefetch: false }), [fetchNextPage]);

  const columns = useMemo<ListColumn<Service>[]>(
    () => [
      {
        label: 'Name',
        sort: 'name',
        className: 'col-name',
        cell: (s) => (
          <>
            <Link to="/services/$ref" params={{ ref: s.slug }} className="strong-link">
              {s.name}
            </Link>
            <span className="cell-sub only-narrow">
              {kindLabels[s.kind]}
              {s.teamId ? ` · ${teams.get(s.teamId)?.name ?? 'Unknown team'}` : ''}
            </span>
          </>
        ),
      },
      {
        label: 'Kind',
        sort: 'kind',
        className: 'col-kind col-optional',
        cell: (s) => kindLabels[s.kind] ?? s.kind,
      },
      {
        label: 'Tier',
        sort: 'tier',
        className: 'col-tier',
        cell: (s) => <TierBadge tier={s.tier} />,
      },
      {
        label: 'Lifecycle',
        sort: 'lifecycle',
        className: 'col-lifecycle',
        cell: (s) => <LifecycleBadge lifecycle={s.lifecycle} />,
      },
      {
        label: 'Team',
        className: 'col-team col-optional',
        cell: (s) =>
          s.teamId ? (
            (teams.get(s.teamId)?.name ?? 'Unknown team')
          ) : (
            <span className="muted">—</span>
          ),
      },
      {
        label: 'Customers',
        className: 'col-customers col-optional',
        cell: (s) =>
          s.orgUnitIds.length ? (
            s.orgUnitIds.map((id) => units.get(id)?.name ?? 'Unknown unit').join(', ')
          ) : (
            <span className="muted">—</span>
          ),
      },
      {
        label: 'Tags',
        className: 'col-tags col-optional',
        cell: (s) => <Tags tags={s.tags} />,
      },
      {
        label: 'Monthly cost',
        className: 'col-cost num col-optional',
        cell: (s) => formatMoney(s.monthlyCost),
      },
    ],
    [teams, units],
  );

  const status = !query.data
    ? null
    : hasNextPage
      ? `${number.format(items.length)} services loaded, more as you scroll`
      : `All ${number.format(items.length)} services loaded`;

  return (
    <>
      <PageHeader
        title="Service portfolio"
        description="Business services, the technical services and components that hold them up, who runs them and who relies on them."
        actions={
          <ListActions
            path="/services"
            filters={filters}
            newLabel="New service"
            canCreate={isAdmin}
          />
        }
      />
      <div className="toolbar" role="search" aria-label="Filter the portfolio">
        <SearchBox
          label="Search"
          value={search.q ?? ''}
          onSearch={onSearch}
          placeholder="Name, slug or description"
        />
        <SelectField
          label="Kind"
          value={search.kind ?? ''}
          onChange={(v) => update({ kind: v || undefined })}
          placeholder="Any kind"
          options={labelOptions(kindLabels)}
        />
        <SelectField
          label="Lifecycle"
          value={search.lifecycle ?? ''}
          onChange={(v) => update({ lifecycle: v || undefined })}
          placeholder="Pipeline and live"
          options={[
            ...labelOptions(lifecycleLabels),
            { value: 'all', label: 'All, incl. retired' },
          ]}
        />
        <SelectField
          label="Tier"
          value={search.tier ? String(search.tier) : ''}
          onChange={(v) => update({ tier: v ? Number(v) : undefined })}
          placeholder="Any tier"
          options={['1', '2', '3', '4'].map((t) => ({ value: t, label: `Tier ${t}` }))}
        />
        <SelectField
          label="Team"
          value={search.teamId ?? ''}
          onChange={(v) => update({ teamId: v || undefined })}
          placeholder="Any team"
          options={toOptions(teamList)}
        />
        <SelectField
          label="Customer"
          value={search.orgUnitId ?? ''}
          onChange={(v) => update({ orgUnitId: v || undefined })}
          placeholder="Any unit"
          options={toOptions(unitList)}
        />
        <SearchBox
          id="portfolio-tag"
          className="field field--tag"
          label="Tag"
          value={search.tag ?? ''}
          onSearch={onTag}
          placeholder="e.g. pci"
        />
        <ClearFilters shown={filtered} onClear={() => setSearch({ sort: search.sort })} />
      </div>

      {query.isPending ? (
        <Loading label="Loading the portfolio…" />
      ) : !query.data ? (
        <ErrorBanner error={query.error} />
      ) : items.length === 0 ? (
        <Empty title={filtered ? 'No services match these filters.' : 'No services yet.'}>
          {filtered
            ? 'Try a different search or clear the filters.'
            : isAdmin
              ? 'Add the first service with “New service”.'
              : null}
        </Empty>
      ) : (
        <>
          <LoadStatus status={status} busy={isFetchingNextPage} />
          <VirtualTable
            caption="Services in the portfolio"
            className="table table--portfolio"
            columns={columns}
            items={items}
            sort={filters.sort as string}
            onSort={(sort) => update({ sort })}
            hasMore={hasNextPage}
            loadingMore={isFetchingNextPage || query.isError}
            loadMore={loadMore}
          />
          <div className="list-footer">
            <LoadStatus status={status} busy={isFetchingNextPage} live={false} />
            {hasNextPage ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={loadMore}
                disabled={isFetchingNextPage}
              >
                {isFetchingNextPage ? 'Loading…' : 'Load more'}
              </button>
            ) : null}
          </div>
          {query.isError ? <ErrorBanner error={query.error} /> : null}
        </>
      )}
    </>
  );
}

/** "1,400 services loaded", with a bar while the next page is on its way. */
function LoadStatus({
  status,
  busy,
  live = true,
}: {
  status: string | null;
  busy: boolean;
  live?: boolean;
}) {
  return (
    <div className="load-status">
      <p className="list-footer__count" aria-live={live ? 'polite' : undefined}>
        {status}
        {busy ? ' · loading…' : ''}
      </p>
      {busy ? (
        <span className="progress" role="progressbar" aria-label="Loading more services" />
      ) : null}
    </div>
  );
}
