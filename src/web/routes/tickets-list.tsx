// Tickets: filters kept in the URL, a sortable table with "load more", and a CSV export of
// exactly what is filtered.
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
import { useTeamsById } from '../components/pickers.js';
import { Empty, PageHeader, formatInstant } from '../components/ui.js';
import { listQuery } from '../queries.js';
import {
  PriorityBadge,
  StatusBadge,
  Timers,
  priorityLabels,
  statusLabels,
  typeLabels,
  type Ticket,
} from './tickets-shared.js';

export type TicketsSearch = {
  q?: string;
  sort?: string;
  type?: string;
  priority?: string;
  status?: string;
  open?: string;
  service?: string;
  teamId?: string;
  sla?: string;
};

const slaLabels: Record<string, string> = {
  breached: 'Breached',
  at_risk: 'At risk (75 % used)',
  running: 'Running',
  paused: 'Paused',
  met: 'All met',
  none: 'No target',
};

export function TicketsList({
  search,
  setSearch,
}: {
  search: TicketsSearch;
  setSearch: (next: TicketsSearch) => void;
}) {
  const me = useMe();
  const canWrite = me?.role === 'admin' || me?.role === 'member';
  const teams = useTeamsById();
  const filters: Query = { ...search, sort: search.sort ?? '-createdAt' };
  const query = useInfiniteQuery(listQuery<Ticket>('/tickets', filters));
  const { update, onSearch, filtered } = useListSearch(search, setSearch);
  const onService = useTextFilter(search, setSearch, 'service');
  const select = (
    key: keyof TicketsSearch,
    label: string,
    any: string,
    labels: Record<string, string>,
  ) => (
    <SelectField
      label={label}
      value={search[key] ?? ''}
      onChange={(v) => update({ [key]: v || undefined })}
      placeholder={any}
      options={labelOptions(labels)}
    />
  );

  const columns: ListColumn<Ticket>[] = [
    {
      label: 'Number',
      sort: 'number',
      cell: (t) => (
        <Link to="/tickets/$ref" params={{ ref: t.number }} className="strong-link">
          {t.number}
        </Link>
      ),
    },
    { label: 'Title', sort: 'title', cell: (t) => t.title },
    { label: 'Priority', sort: 'priority', cell: (t) => <PriorityBadge priority={t.priority} /> },
    { label: 'Status', sort: 'status', cell: (t) => <StatusBadge status={t.status} /> },
    {
      label: 'Service',
      className: 'col-optional',
      cell: (t) =>
        t.serviceSlug ? (
          <Link to="/services/$ref" params={{ ref: t.serviceSlug }}>
            {t.serviceName}
          </Link>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      label: 'Team',
      className: 'col-optional',
      cell: (t) =>
        t.teamId ? (teams.get(t.teamId)?.name ?? '…') : <span className="muted">—</span>,
    },
    { label: 'SLA time left', sort: 'timeLeft', cell: (t) => <Timers timers={t.timers} /> },
    {
      label: 'Created',
      sort: 'createdAt',
      className: 'col-optional',
      cell: (t) => formatInstant(t.createdAt),
    },
  ];

  return (
    <>
      <PageHeader
        title="Tickets"
        description="Incidents and service requests with their full status history."
        actions={
          <ListActions
            path="/tickets"
            filters={filters}
            newLabel="New ticket"
            canCreate={canWrite}
          />
        }
      />
      <div className="toolbar" role="search" aria-label="Filter tickets">
        <SearchBox
          label="Search"
          value={search.q ?? ''}
          onSearch={onSearch}
          placeholder="Number, title or description"
        />
        {select('open', 'Open or done', 'Open and done', {
          true: 'Open',
          false: 'Resolved, closed or cancelled',
        })}
        {select('status', 'Status', 'Any status', statusLabels)}
        {select('priority', 'Priority', 'Any priority', priorityLabels)}
        {select('type', 'Type', 'Any type', typeLabels)}
        {select('sla', 'SLA state', 'Any SLA state', slaLabels)}
        <SelectField
          label="Team"
          value={search.teamId ?? ''}
          onChange={(v) => update({ teamId: v || undefined })}
          placeholder="Any team"
          options={[...teams.values()].map((t) => ({ value: t.id, label: t.name }))}
        />
        <SearchBox
          id="tickets-service"
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
        noun="tickets"
        empty={
          <Empty title={filtered ? 'No tickets match these filters.' : 'No tickets yet.'}>
            {filtered ? 'Try a different search or clear the filters.' : null}
          </Empty>
        }
        caption="Tickets"
        columns={columns}
        sort={filters.sort as string}
        onSort={(sort) => update({ sort })}
      />
    </>
  );
}
