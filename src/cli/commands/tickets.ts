import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { TicketImportReport } from '../../contract/tickets.js';
import { CliError, callApi, type RemoteOptions } from '../context.js';
import { progressBar } from '../progress.js';

/** Lines sent per request by default; each line is still saved on its own on the server. */
const defaultBatchLines = 500;
const batchBytes = 4 * 1024 * 1024;

async function countLines(file: string): Promise<number> {
  let n = 0;
  let last = 10;
  for await (const chunk of createReadStream(file)) {
    for (const byte of chunk as Buffer) if (byte === 10) n += 1;
    last = (chunk as Buffer).at(-1) ?? last;
  }
  return last === 10 ? n : n + 1;
}

/**
 * `charter tickets import FILE.jsonl`: streams the file to the server in batches, with a
 * progress bar; prints each failing line (number, field, reason) and the totals.
 */
export async function ticketsImport(
  file: string,
  options: RemoteOptions & { source: string; json?: boolean; batch?: string },
): Promise<void> {
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const batchLines = options.batch ? Number(options.batch) : defaultBatchLines;
  if (!Number.isInteger(batchLines) || batchLines < 1 || batchLines > 10_000)
    throw new CliError('--batch must be a whole number of lines from 1 to 10000');
  const total = await countLines(file);
  const bar = options.json ? null : progressBar(`Importing ${file}`, total);
  const report: TicketImportReport = { imported: 0, unchanged: 0, failed: 0, failures: [] };
  let batch: string[] = [];
  let bytes = 0;
  let firstLine = 1;
  let done = 0;
  const send = async () => {
    if (batch.length === 0) return;
    const part = (await callApi(
      options,
      'POST',
      `/api/v1/tickets/import?source=${encodeURIComponent(options.source)}&firstLine=${firstLine}`,
      batch.join('\n'),
      'application/x-ndjson',
    )) as TicketImportReport;
    report.imported += part.imported;
    report.unchanged += part.unchanged;
    report.failed += part.failed;
    report.failures.push(...part.failures);
    firstLine += batch.length;
    done += batch.length;
    bar?.update(done);
    batch = [];
    bytes = 0;
  };
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    batch.push(line);
    bytes += line.length + 1;
    if (batch.length >= batchLines || bytes >= batchBytes) await send();
  }
  await send();
  const summary = `${report.imported} imported, ${report.unchanged} unchanged, ${report.failed} failed`;
  bar?.done(summary);
  if (options.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    for (const f of report.failures) console.log(`! ${file}:${f.line}  ${f.field}: ${f.message}`);
    console.log(`\n${summary}.`);
  }
  if (report.failed > 0) process.exitCode = 2;
}
