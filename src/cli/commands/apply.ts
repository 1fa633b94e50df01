import { readSource, sendImport, type ImportOptions } from '../import-report.js';

/** `charter apply -f FILE|DIR`: applies Charter portfolio YAML and prints the diff. */
export async function apply(options: ImportOptions & { file: string }): Promise<void> {
  const source = await readSource(options.file);
  process.stderr.write(
    `Applying ${options.file}${options.dryRun ? ' as a dry run' : ''}${options.atomic ? ' (atomic)' : ''}...\n`,
  );
  await sendImport(options, '/api/v1/portfolio/apply', source, 'application/yaml');
}
