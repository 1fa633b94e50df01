// Pieces the list pages share: the header actions (CSV export and "New …"), the toolbar's
// "Clear filters" button and a sortable table with one row per item.
import { useCallback, type ReactNode } from 'react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Page, Query } from '../api.js';
import type { Resource } from '../resources.js';
import { ExportLink, ListBody } from './list.js';
import type { ListColumn } from './list-columns.js';
import { DataTable } from './table.js';

/**
 * A list page's filters as kept in the URL: `update` patches them, `onSearch` sets the search
 * text and `filtered` says whether any filter but the sort is set.
 */
export function useListSearch<S extends { q?: string; sort?: string }>(
  search: S,
  setSearch: (next: S) => void,
) {
  const update = (patch: Partial<S>) => setSearch({ ...search, ...patch });
  const onSearch = useCallback(
    (q: string) => setSearch({ ...search, q: q || undefined }),
    [search, setSearch],
  );
  const filtered = Object.entries(search).some(([k, v]) => k !== 'sort' && Boolean(v));
  return { update, onSearch, filtered };
}

/** Sets one text filter of a list page (trimmed; empty clears it), for a `SearchBox`. */
export function useTextFilter<S>(search: S, setSearch: (next: S) => void, key: keyof S) {
  return useCallback(
    (value: string) => setSearch({ ...search, [key]: value.trim() || undefined }),
    [search, setSearch, key],
  );
}

/** "Export CSV" of what is filtered, and "New …" (to `<path>/new`) for those who may create. */
export function ListActions({
  path,
  filters,
  newLabel,
  canCreate,
}: {
  /** API collection path; `<path>/new` is the create page. */
  path: Resource['path'] | '/tickets' | '/requirements';
  filters: Query;
  newLabel: string;
  canCreate: boolean;
}) {
  return (
    <>
      <ExportLink path={path} filters={filters} />
      {canCreate ? (
        <Link to={`${path}/new`} className="button">
          {newLabel}
        </Link>
      ) : null}
    </>
  );
}

/** The toolbar's "Clear filters", shown only while a filter is set. */
export function ClearFilters({ shown, onClear }: { shown: boolean; onClear: () => void }) {
  return shown ? (
    <button type="button" className="button button--ghost toolbar__clear" onClick={onClear}>
      Clear filters
    </button>
  ) : null;
}

/** A sortable table of items, one row each, a cell per column. */
export function ListTable<T extends { id: string }>({
  caption,
  columns,
  items,
  sort,
  onSort,
}: {
  caption: string;
  columns: ListColumn<T>[];
  items: T[];
  sort: string | undefined;
  onSort: (sort: string) => void;
}) {
  return (
    <DataTable caption={caption} columns={columns} sort={sort} onSort={onSort}>
      {items.map((item) => (
        <tr key={item.id}>
          {columns.map((c, i) => (
            <td key={i} className={c.className}>
              {c.cell(item)}
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

/** The loaded items of an infinite query as a `ListTable`, with loading, empty and "load more". */
export function ListResults<T extends { id: string }>({
  query,
  noun,
  empty,
  ...table
}: {
  query: UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  /** Plural in sentences: "Loading tickets…", "Showing 8 tickets". */
  noun: string;
  empty: ReactNode;
  caption: string;
  columns: ListColumn<T>[];
  sort: string | undefined;
  onSort: (sort: string) => void;
}) {
  return (
    <ListBody query={query} noun={noun} empty={empty}>
      {(items) => <ListTable items={items} {...table} />}
    </ListBody>
  );
}
