import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';
import { DomainError } from '../core/errors.js';
import type { Page, PageRequest } from '../app/ports.js';

/** Opaque cursors: the sort value and id of the last row of a page, base64url JSON. */
export function encodeCursor(value: unknown, id: string | number): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string | number, string | number] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      ['string', 'number'].includes(typeof parsed[0]) &&
      ['string', 'number'].includes(typeof parsed[1])
    ) {
      return parsed as [string | number, string | number];
    }
  } catch {
    // fall through
  }
  throw new DomainError(
    'invalid',
    'cursor: is not a cursor returned by this list; start again without it',
    [{ path: 'cursor', message: 'is not a cursor returned by this list; start again without it' }],
  );
}

/**
 * Keyset pagination over (sort column, id column). `columns` maps public sort fields to
 * columns; the first entry is the default. Fetches one row more than asked to know whether
 * another page follows.
 */
export async function keysetPage<DB, TB extends keyof DB, O extends Record<string, unknown>, T>(
  query: SelectQueryBuilder<DB, TB, O>,
  request: PageRequest,
  columns: Record<string, string>,
  idColumn: string,
  map: (row: O) => T,
): Promise<Page<T>> {
  const defaultField = Object.keys(columns)[0]!;
  const field = request.sort && columns[request.sort.field] ? request.sort.field : defaultField;
  const column = columns[field]!;
  const desc = request.sort?.desc ?? false;
  const dir = desc ? 'desc' : 'asc';
  let q = query;
  if (request.cursor) {
    const [value, id] = decodeCursor(request.cursor);
    const op = desc ? '<' : '>';
    q = q.where((eb: ExpressionBuilder<DB, TB>): Expression<SqlBool> =>
      eb.or([
        eb(sql.ref(column), op, value),
        eb.and([eb(sql.ref(column), '=', value), eb(sql.ref(idColumn), op, id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy(sql.ref(column), dir)
    .orderBy(sql.ref(idColumn), dir)
    .limit(request.limit + 1)
    .execute();
  const more = rows.length > request.limit;
  const pageRows = more ? rows.slice(0, request.limit) : rows;
  const last = pageRows.at(-1) as Record<string, unknown> | undefined;
  const key = (col: string) => col.split('.').at(-1)!;
  return {
    items: pageRows.map(map),
    nextCursor:
      more && last ? encodeCursor(last[key(column)], last[key(idColumn)] as string | number) : null,
  };
}

/** A case-insensitive "contains" pattern with LIKE wildcards escaped. */
export function containsPattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const likeInsensitive = (column: string, pattern: string) =>
  sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
