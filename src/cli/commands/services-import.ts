import { readSource, sendImport, type ImportOptions } from '../import-report.js';

/** `charter services import FILE.csv`: imports services from CSV with a per-row report. */
export async function servicesImport(file: string, options: ImportOptions): Promise<void> {
  const source = await readSource(file, ['.csv']);
  process.stderr.write(
    `Importing services from ${file}${options.dryRun ? ' as a dry run' : ''}...\n`,
  );
  await sendImport(options, '/api/v1/services/import', source, 'text/csv');
}
