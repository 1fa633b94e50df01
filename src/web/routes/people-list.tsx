import { useCallback } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Query } from '../api.js';
import { ExportLink, ListBody, SearchBox, SortHeader } from '../components/list.js';
import { OrgUnitLink, useOrgUnitsById } from '../components/pickers.js';
import { Badge, Empty, PageHeader, SelectField, seniorityLabels } from '../components/ui.js';
import { useIsAdmin } from '../auth.js';
import { listQuery, orgUnitsAll, teamsAll, type Person } from '../queries.js';

export type PeopleSearch = {
  q?: string;
  sort?: string;
  teamId?: string;
  orgUnitId?: string;
  seniority?: string;
  active?: 'true' | 'false';
};

export function PeopleList({
  search,
  setSearch,
}: {
  search: PeopleSearch;
  setSearch: (next: PeopleSearch) => void;
}) {
  const isAdmin = useIsAdmin();
  const filters: Query = { ...search, sort: search.sort ?? 'name' };
  const query = useInfiniteQuery(listQuery<Person>('/people', filters));
  const units = useOrgUnitsById();
  const { data: teams } = useQuery(teamsAll);
  const { data: unitList } = useQuery(orgUnitsAll);
  const update = (patch: Partial<PeopleSearch>) => setSearch({ ...search, ...patch });
  const onSearch = useCallback(
    (q: string) => setSearch({ ...search, q: q || undefined }),
    [search, setSearch],
  );
  const filtered = Boolean(
    search.q || search.teamId || search.orgUnitId || search.seniority || search.active,
  );

  return (
    <>
      <PageHeader
        title="People"
        description="Everyone who can own, sign, deliver or review a commitment."
        actions={
          <>
            <ExportLink path="/people" filters={filters} />
            {isAdmin ? (
              <Link to="/people/new" className="button">
                New person
              </Link>
            ) : null}
          </>
        }
      />
      <div className="toolbar" role="search" aria-label="Filter people">
        <SearchBox
          label="Search"
          value={search.q ?? ''}
          onSearch={onSearch}
          placeholder="Name, email or title"
        />
        <SelectField
          label="Team"
          value={search.teamId ?? ''}
          onChange={(v) => update({ teamId: v || undefined })}
          placeholder="Any team"
          options={(teams ?? []).map((t) => ({ value: t.id, label: t.name }))}
        />
        <SelectField
          label="Organisation unit"
          value={search.orgUnitId ?? ''}
          onChange={(v) => update({ orgUnitId: v || undefined })}
          placeholder="Any unit"
          options={(unitList ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
        <SelectField
          label="Seniority"
          value={search.seniority ?? ''}
          onChange={(v) => update({ seniority: v || undefined })}
          placeholder="Any seniority"
          options={Object.entries(seniorityLabels).map(([value, label]) => ({ value, label }))}
        />
        <SelectField
          label="Status"
          value={search.active ?? ''}
          onChange={(v) => update({ active: v === 'true' || v === 'false' ? v : undefined })}
          placeholder="Any status"
          options={[
            { value: 'true', label: 'Active' },
            { value: 'false', label: 'Inactive' },
          ]}
        />
        {filtered ? (
          <button
            type="button"
            className="button button--ghost toolbar__clear"
            onClick={() => setSearch({ sort: search.sort })}
          >
            Clear filters
          </button>
        ) : null}
      </div>
      <ListBody
        query={query}
        noun="people"
        empty={
          <Empty title={filtered ? 'No people match these filters.' : 'No people yet.'}>
            {filtered
              ? 'Try a different search or clear the filters.'
              : isAdmin
                ? 'Add the first person with “New person”.'
                : null}
          </Empty>
        }
      >
        {(items) => (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">People</caption>
              <thead>
                <tr>
                  <SortHeader
                    field="name"
                    label="Name"
                    sort={filters.sort as string}
                    onSort={(sort) => update({ sort })}
                  />
                  <SortHeader
                    field="email"
                    label="Email"
                    sort={filters.sort as string}
                    onSort={(sort) => update({ sort })}
                    className="col-optional"
                  />
                  <th scope="col" className="col-optional">
                    Title
                  </th>
                  <SortHeader
                    field="seniority"
                    label="Seniority"
                    sort={filters.sort as string}
                    onSort={(sort) => update({ sort })}
                  />
                  <th scope="col" className="col-optional">
                    Organisation unit
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link
                        to="/people/$personId"
                        params={{ personId: p.id }}
                        className="strong-link"
                      >
                        {p.name}
                      </Link>
                      <span className="cell-sub only-narrow">{p.email}</span>
                    </td>
                    <td className="col-optional">{p.email}</td>
                    <td className="col-optional">{p.title ?? <span className="muted">—</span>}</td>
                    <td>{seniorityLabels[p.seniority] ?? p.seniority}</td>
                    <td className="col-optional">
                      <OrgUnitLink id={p.orgUnitId} units={units} />
                    </td>
                    <td>
                      {p.active ? <Badge tone="good">Active</Badge> : <Badge>Inactive</Badge>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListBody>
    </>
  );
}
