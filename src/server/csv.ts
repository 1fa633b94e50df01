import type { FastifyReply } from 'fastify';
import type { Page } from '../app/ports.js';

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s =
    typeof v === 'string'
      ? v
      : typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : Array.isArray(v)
          ? v.join(';')
          : JSON.stringify(v);
  // Quote when needed; neutralise spreadsheet formulas.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export function toCsv<T>(columns: Extract<keyof T, string>[], rows: T[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Exports every row of a filtered, sorted list, walking all pages. */
export async function sendCsv<T>(
  reply: FastifyReply,
  filename: string,
  columns: Extract<keyof T, string>[],
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
) {
  const rows: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return reply
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${filename}"`)
    .send(toCsv(columns, rows));
}
