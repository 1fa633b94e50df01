import { parse } from 'csv-parse/sync';
import { invalid } from '../core/errors.js';

export interface CsvRow {
  /** The line the row starts on in the file (the header is line 1). */
  line: number;
  values: Map<string, string>;
}

export interface CsvTableRules {
  /** Every column the file may have. */
  known: readonly string[];
  /** Columns it must have. */
  required: readonly string[];
  maxRows: number;
  /** How header cells are normalised before they are compared (default: trimmed). */
  normalise?: (header: string) => string;
}

/**
 * Reads a CSV file with a header line into rows keyed by column. A file that is not CSV, has an
 * unknown or missing column, or too many rows is refused as a whole, naming the problem.
 */
export function readCsvTable(
  text: string,
  rules: CsvTableRules,
): { header: string[]; rows: CsvRow[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      trim: true,
    }) as never;
  } catch (error) {
    throw invalid('file', `is not valid CSV: ${(error as Error).message}`);
  }
  const [head, ...body] = records;
  if (!head) throw invalid('file', 'is empty; the first line must name the columns');
  const normalise = rules.normalise ?? ((h: string) => h.trim());
  const header = head.record.map(normalise);
  const missing = rules.required.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw invalid(
      'file',
      `the header has no ${missing.join(' or ')} column (columns: ${rules.known.join(', ')})`,
    );
  }
  const unknown = header.filter((h) => !rules.known.includes(h));
  if (unknown.length > 0)
    throw invalid(
      'file',
      `unknown column ${unknown.join(', ')} (known: ${rules.known.join(', ')})`,
    );
  if (body.length > rules.maxRows) {
    throw invalid(
      'file',
      `has ${body.length} rows; split it into files of at most ${rules.maxRows}`,
    );
  }
  return {
    header,
    rows: body.map(({ record, info }) => ({
      line: info.lines,
      values: new Map(header.map((h, i) => [h, record[i] ?? ''])),
    })),
  };
}
