// A directory list page: header with CSV export and "New", search and select filters kept in the
// URL, a sortable table with "load more", and the empty states.
import { useCallback, type ReactNode } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { Query } from '../api.js';
import { useIsAdmin } from '../auth.js';
import { listQuery } from '../queries.js';
import type { Resource } from '../resources.js';
import { SelectField, type Option } from './fields.js';
import { SearchBox } from './list.js';
import { ClearFilters, ListActions, ListResults } from './list-parts.js';
import { nameColumn, statusColumn, type ListColumn } from './list-columns.js';
import { Empty, PageHeader } from './ui.js';

/** List filters as kept in the URL: search text, sort and the select filters. */
export type ListSearch = BasicListSearch & Partial<Record<string, string>>;

/** The filters every list has. */
export type BasicListSearch = { q?: string; sort?: string; active?: 'true' | 'false' };

/** A select filter over one search param ("" = any). */
export type SelectFilter = { key: string; label: string; placeholder: string; options: Option[] };

const statusFilter: SelectFilter = {
  key: 'active',
  label: 'Status',
  placeholder: 'Any status',
  options: [
    { value: 'true', label: 'Active' },
    { value: 'false', label: 'Inactive' },
  ],
};

export function ListPage<
  T extends { id: string; name: string; active: boolean },
  S extends ListSearch,
>({
  resource,
  search,
  setSearch,
  description,
  newLabel,
  searchPlaceholder,
  selects = [],
  noun,
  filteredHint = null,
  createHint,
  nameBelow,
  columns,
}: {
  resource: Resource;
  search: S;
  setSearch: (next: S) => void;
  description: string;
  /** Label of the admins' "New …" button, e.g. "New team". */
  newLabel: string;
  searchPlaceholder: string;
  /** Select filters shown before the status filter. */
  selects?: SelectFilter[];
  /** Plural in sentences: "Showing 8 teams", "No teams match these filters." */
  noun: string;
  /** Under "No … match these filters." */
  filteredHint?: string | null;
  /** Under "No … yet." for admins. */
  createHint: string;
  /** Shown under the name, e.g. on narrow screens. */
  nameBelow?: (item: T) => ReactNode;
  /** The columns between the name and the status. */
  columns: ListColumn<T>[];
}) {
  const isAdmin = useIsAdmin();
  const filters: Query = { ...search, sort: search.sort ?? 'name' };
  const query = useInfiniteQuery(listQuery<T>(resource.path, filters));
  const update = (patch: ListSearch) => setSearch({ ...search, ...patch });
  const onSearch = useCallback(
    (q: string) => setSearch({ ...search, q: q || undefined }),
    [search, setSearch],
  );
  const filtered = Object.entries(search).some(([k, v]) => k !== 'sort' && Boolean(v));
  const { title } = resource;
  const allColumns = [nameColumn(resource, nameBelow), ...columns, statusColumn];

  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          <ListActions
            path={resource.path}
            filters={filters}
            newLabel={newLabel}
            canCreate={isAdmin}
          />
        }
      />
      <div className="toolbar" role="search" aria-label={`Filter ${title.toLowerCase()}`}>
        <SearchBox
          label="Search"
          value={search.q ?? ''}
          onSearch={onSearch}
          placeholder={searchPlaceholder}
        />
        {[...selects, statusFilter].map((f) => (
          <SelectField
            key={f.key}
            label={f.label}
            value={search[f.key] ?? ''}
            onChange={(v) => update({ [f.key]: v || undefined })}
            placeholder={f.placeholder}
            options={f.options}
          />
        ))}
        <ClearFilters shown={filtered} onClear={() => setSearch({ sort: search.sort } as S)} />
      </div>
      <ListResults
        query={query}
        noun={noun}
        empty={
          <Empty
            title={filtered ? `No ${noun} match these filters.` : `No ${title.toLowerCase()} yet.`}
          >
            {filtered ? filteredHint : isAdmin ? createHint : null}
          </Empty>
        }
        caption={title}
        columns={allColumns}
        sort={filters.sort as string}
        onSort={(sort) => update({ sort })}
      />
    </>
  );
}
