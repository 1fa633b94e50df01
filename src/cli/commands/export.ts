import { writeFile } from 'node:fs/promises';
import { CliError, callApi, type RemoteOptions } from '../context.js';

/** `charter export [-o FILE]`: the whole portfolio as Charter portfolio YAML. */
export async function exportCommand(options: RemoteOptions & { output?: string }): Promise<void> {
  const yaml = (await callApi(options, 'GET', '/api/v1/portfolio/export')) as string | null;
  if (!options.output) {
    process.stdout.write(yaml ?? '');
    return;
  }
  try {
    await writeFile(options.output, yaml ?? '', 'utf8');
  } catch (error) {
    throw new CliError(`Cannot write ${options.output}: ${(error as Error).message}`);
  }
  process.stderr.write(`Wrote the portfolio to ${options.output}\n`);
}
