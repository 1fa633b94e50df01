import { readFile } from 'node:fs/promises';
import { verifyDocument } from '../../app/agreements/verify-document.js';
import { CliError, withDatabase } from '../context.js';

/**
 * `charter sla verify FILE`: checks an agreement document (PDF, HTML or Markdown) against its
 * signed content and the database (DATABASE_URL, or the SQLite default); exits 1 when it does
 * not verify.
 */
export async function slaVerify(file: string, options: { json?: boolean }): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`, 2);
  }
  const result = await withDatabase((uow) => verifyDocument(uow, bytes));
  if (options.json) console.log(JSON.stringify(result, null, 2));
  else {
    const what =
      result.agreementCode !== null
        ? `${result.agreementCode} version ${result.version} (${result.contentHash})`
        : file;
    console.log(`Verifying ${what}`);
    const width = Math.max(...result.checks.map((c) => c.name.length));
    for (const c of result.checks)
      console.log(`  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.name.padEnd(width)}  ${c.detail}`);
  }
  if (!result.ok) {
    const first = result.checks.find((c) => !c.ok);
    throw new CliError(
      `${options.json ? '' : '\n'}${file} does NOT verify${first ? `: ${first.name}: ${first.detail}` : ''}.`,
      1,
    );
  }
  if (!options.json)
    console.log(`\n${file} verifies: it is exactly the signed content of this version.`);
}
