// A data table: visually hidden caption, column headers (sortable ones toggle `sort`), rows.
import type { ReactNode } from 'react';

export type Column = {
  label: ReactNode;
  /** Sort field: the header becomes a button that toggles `field` / `-field`. */
  sort?: string;
  className?: string;
};

/** A column header that toggles `sort` between `field` and `-field`. */
export function SortHeader({
  field,
  label,
  sort,
  onSort,
  className,
}: {
  field: string;
  label: ReactNode;
  sort: string | undefined;
  onSort: (sort: string) => void;
  className?: string | undefined;
}) {
  const direction = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : undefined;
  const next = direction === 'ascending' ? `-${field}` : field;
  return (
    <th scope="col" aria-sort={direction ?? 'none'} className={className}>
      <button type="button" className="sort-button" onClick={() => onSort(next)}>
        {label}
        <span className="sort-button__icon" aria-hidden="true">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
        </span>
        <span className="visually-hidden">
          {direction ? `, sorted ${direction}; activate to reverse` : ', activate to sort'}
        </span>
      </button>
    </th>
  );
}

/** The header row of a table: sortable columns get a sort button. */
export function HeaderRow({
  columns,
  sort,
  onSort,
  rowIndex,
}: {
  columns: Column[];
  sort?: string | undefined;
  onSort?: ((sort: string) => void) | undefined;
  /** aria-rowindex, for tables that render only some of their rows. */
  rowIndex?: number;
}) {
  return (
    <thead>
      <tr aria-rowindex={rowIndex}>
        {columns.map((c, i) =>
          c.sort && onSort ? (
            <SortHeader
              key={i}
              field={c.sort}
              label={c.label}
              sort={sort}
              onSort={onSort}
              className={c.className}
            />
          ) : (
            <th key={i} scope="col" className={c.className}>
              {c.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

export function DataTable({
  caption,
  columns,
  sort,
  onSort,
  className = 'table',
  children,
}: {
  caption: string;
  columns: Column[];
  sort?: string | undefined;
  onSort?: (sort: string) => void;
  className?: string;
  /** The table rows. */
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className={className}>
        <caption className="visually-hidden">{caption}</caption>
        <HeaderRow columns={columns} sort={sort} onSort={onSort} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
