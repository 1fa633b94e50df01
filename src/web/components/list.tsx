// Pieces shared by the list pages: search box, CSV export, loading / empty / "load more".
import { useEffect, useState, type ReactNode } from 'react';
import type { UseInfiniteQueryResult, InfiniteData } from '@tanstack/react-query';
import { apiUrl, type Page, type Query } from '../api.js';
import { ErrorBanner, Loading } from './ui.js';

/** A search input that updates its value immediately and reports it after a short pause. */
export function SearchBox({
  label,
  value,
  onSearch,
  placeholder,
  id = 'list-search',
  className = 'field field--search',
}: {
  label: string;
  value: string;
  onSearch: (q: string) => void;
  placeholder?: string;
  id?: string;
  className?: string;
}) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const t = setTimeout(() => onSearch(text), 300);
    return () => clearTimeout(t);
  }, [text, value, onSearch]);
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={text}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onSearch(text);
        }}
      />
    </div>
  );
}

export function ExportLink({ path, filters }: { path: string; filters: Query }) {
  const query: Query = { ...filters, format: 'csv' };
  return (
    <a className="button button--secondary" href={apiUrl(path, query)} download>
      Export CSV
    </a>
  );
}

/**
 * Loading, error, empty and "load more" around a table of the items of an infinite query.
 */
export function ListBody<T>({
  query,
  empty,
  children,
  noun,
}: {
  query: UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  empty: ReactNode;
  noun: string;
  children: (items: T[]) => ReactNode;
}) {
  if (query.isPending) return <Loading label={`Loading ${noun}…`} />;
  if (!query.data) return <ErrorBanner error={query.error} />;
  const items = query.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <>{empty}</>;
  return (
    <>
      {children(items)}
      <div className="list-footer">
        <p className="list-footer__count" aria-live="polite">
          Showing {items.length} {noun}
          {query.hasNextPage ? '' : ' (all)'}
        </p>
        {query.hasNextPage ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
          >
            {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        ) : null}
      </div>
      {query.isError ? <ErrorBanner error={query.error} /> : null}
    </>
  );
}
