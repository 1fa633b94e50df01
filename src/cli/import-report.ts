import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportItem, ImportReport } from '../contract/portfolio.js';
import { CliError, callApi, type RemoteOptions } from './context.js';

export interface ImportOptions extends RemoteOptions {
  dryRun?: boolean;
  atomic?: boolean;
  json?: boolean;
}

/** A file, or every .yaml/.yml file of a directory in name order, as one stream. */
export interface Source {
  text: string;
  /** Maps a line of `text` back to `file:line`. */
  where: (line: number) => string;
}

export async function readSource(path: string, extensions = ['.yaml', '.yml']): Promise<Source> {
  let files: string[];
  try {
    files = (await stat(path)).isDirectory()
      ? (await readdir(path))
          .filter((f) => extensions.some((e) => f.endsWith(e)))
          .sort()
          .map((f) => join(path, f))
      : [path];
  } catch (error) {
    throw new CliError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  if (files.length === 0) throw new CliError(`${path} has no ${extensions.join(' or ')} files`);
  const parts: { file: string; start: number; lines: number }[] = [];
  let text = '';
  let start = 1;
  for (const file of files) {
    let content = await readFile(file, 'utf8');
    if (!content.endsWith('\n')) content += '\n';
    if (parts.length > 0) {
      text += '---\n';
      start += 1;
    }
    const lines = content.split('\n').length - 1;
    parts.push({ file, start, lines });
    text += content;
    start += lines;
  }
  return {
    text,
    where: (line) => {
      const part = parts.findLast((p) => p.start <= line) ?? parts[0]!;
      return `${part.file}:${line - part.start + 1}`;
    },
  };
}

const symbols: Record<ImportItem['outcome'], string> = {
  created: '+',
  updated: '~',
  unchanged: '=',
  removed: '-',
  skipped: '.',
  rejected: '!',
};

/** One line per item (and per changed field), then the totals. */
export function printReport(report: ImportReport, where: (line: number) => string): void {
  for (const item of report.items) {
    const note = item.reason ? `  — ${item.reason}` : '';
    console.log(`${symbols[item.outcome]} ${item.kind} ${item.ref}  (${where(item.line)})${note}`);
    for (const c of item.changes) console.log(`    ${c.field}: ${c.from} → ${c.to}`);
  }
  const verdict = report.dryRun
    ? 'Dry run, nothing saved: '
    : report.applied
      ? ''
      : 'Nothing saved (atomic, and an item was rejected): ';
  console.log(
    `\n${verdict}${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.removed} removed, ${report.skipped} skipped, ${report.rejected} rejected.`,
  );
}

/** Sends a file to an import endpoint and prints the report; exit code 2 when rejected. */
export async function sendImport(
  options: ImportOptions,
  path: string,
  source: Source,
  contentType: string,
): Promise<void> {
  const query = `dryRun=${options.dryRun ? 'true' : 'false'}&atomic=${options.atomic ? 'true' : 'false'}`;
  const report = (await callApi(
    options,
    'POST',
    `${path}?${query}`,
    source.text,
    contentType,
  )) as ImportReport;
  if (options.json) console.log(JSON.stringify(report, null, 2));
  else printReport(report, source.where);
  if (report.rejected > 0) process.exitCode = 2;
}
