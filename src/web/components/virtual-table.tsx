// A long table rendered a screenful at a time: only the rows near the viewport are in the DOM
// (spacer rows keep the scroll height), and the next page is fetched as the end comes near.
// It stays a real <table>; rows carry aria-rowindex so assistive technology knows where it is.
import {
  memo,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactElement,
  type Ref,
} from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { ListColumn } from './list-columns.js';
import { HeaderRow } from './table.js';

export function VirtualTable<T extends { id: string }>({
  caption,
  columns,
  items,
  sort,
  onSort,
  hasMore,
  loadingMore,
  loadMore,
  className = 'table',
  estimateRowHeight = 49,
  prefetchRows = 60,
}: {
  caption: string;
  columns: ListColumn<T>[];
  items: T[];
  sort?: string | undefined;
  onSort?: (sort: string) => void;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  className?: string;
  estimateRowHeight?: number;
  /** Fetch the next page when the last rendered row is this close to the end. */
  prefetchRows?: number;
}) {
  const tableRef = useRef<HTMLTableElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // The table's distance from the top of the document (the window is what scrolls).
  useLayoutEffect(() => {
    const el = tableRef.current;
    if (!el) return;
    const measure = () => setScrollMargin(el.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => estimateRowHeight,
    overscan: 12,
    scrollMargin,
    getItemKey: (i) => items[i]?.id ?? i,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const paddingTop = first ? first.start - scrollMargin : 0;
  const paddingBottom = last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0;

  const lastIndex = last?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - prefetchRows) loadMore();
  }, [hasMore, loadingMore, lastIndex, items.length, prefetchRows, loadMore]);

  const spacer = (height: number, key: string) =>
    height > 0 ? (
      <tr aria-hidden="true" className="virtual-spacer" key={key}>
        <td colSpan={columns.length} style={{ height }} />
      </tr>
    ) : null;

  return (
    <div className="table-wrap">
      <table ref={tableRef} className={className} aria-rowcount={hasMore ? -1 : items.length + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <HeaderRow columns={columns} sort={sort} onSort={onSort} rowIndex={1} />
        <tbody>
          {spacer(paddingTop, 'top')}
          {rows.map((row) => {
            const item = items[row.index];
            if (!item) return null;
            return (
              <Row
                key={row.key}
                index={row.index}
                item={item}
                columns={columns}
                measure={virtualizer.measureElement}
              />
            );
          })}
          {spacer(paddingBottom, 'bottom')}
        </tbody>
      </table>
    </div>
  );
}

/** One row; re-rendered only when its item or the columns change, not on every scroll. */
const Row = memo(function Row<T>({
  index,
  item,
  columns,
  measure,
}: {
  index: number;
  item: T;
  columns: ListColumn<T>[];
  measure: Ref<HTMLTableRowElement>;
}) {
  return (
    <tr data-index={index} ref={measure} aria-rowindex={index + 2}>
      {columns.map((c, i) => (
        <td key={i} className={c.className}>
          {c.cell(item)}
        </td>
      ))}
    </tr>
  );
}) as <T>(props: {
  index: number;
  item: T;
  columns: ListColumn<T>[];
  measure: Ref<HTMLTableRowElement>;
}) => ReactElement;
