import { readSource, sendImport, type ImportOptions } from '../import-report.js';

/** `charter import backstage FILE|DIR`: imports Backstage catalog-info.yaml entities. */
export async function backstageImport(file: string, options: ImportOptions): Promise<void> {
  const source = await readSource(file);
  process.stderr.write(
    `Importing Backstage catalogue ${file}${options.dryRun ? ' as a dry run' : ''}...\n`,
  );
  await sendImport(options, '/api/v1/portfolio/backstage', source, 'application/yaml');
}
