import { readFile } from 'node:fs/promises';
import type { PeopleImportReport } from '../../contract/people.js';
import { CliError, callApi, type RemoteOptions } from '../context.js';

/** `charter people import FILE.csv` against a running server; prints the per-row report. */
export async function peopleImport(
  file: string,
  options: RemoteOptions & { dryRun?: boolean; json?: boolean },
): Promise<void> {
  let csv: string;
  try {
    csv = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  process.stderr.write(
    `Importing ${file} (${csv.split('\n').length - 1} lines)${options.dryRun ? ' as a dry run' : ''}...\n`,
  );
  const report = (await callApi(
    options,
    'POST',
    `/api/v1/people/import?dryRun=${options.dryRun ? 'true' : 'false'}`,
    csv,
    'text/csv',
  )) as PeopleImportReport;
  if (options.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    for (const row of report.rows) {
      console.log(
        `line ${String(row.line).padStart(5)}  ${row.outcome.padEnd(9)}  ${row.email ?? '(no email)'}${row.reason ? `  — ${row.reason}` : ''}`,
      );
    }
    console.log(
      `\n${report.dryRun ? 'Dry run (nothing saved): ' : ''}${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected.`,
    );
  }
  if (report.rejected > 0) process.exitCode = 2;
}
