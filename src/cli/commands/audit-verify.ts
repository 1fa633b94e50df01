import { verifyAudit } from '../../app/audit/verify-audit.js';
import { CliError, withDatabase } from '../context.js';
import { progressBar } from '../progress.js';

/** `charter audit verify`: recomputes the whole hash chain from the database. */
export async function auditVerify(options: { json?: boolean }): Promise<void> {
  await withDatabase(async (uow) => {
    const head = await uow.read.audit.head();
    const bar = options.json ? null : progressBar('Verifying audit log', head.seq);
    const result = await verifyAudit(uow, (checked) => bar?.update(checked));
    bar?.done();
    if (options.json) console.log(JSON.stringify(result));
    if (!result.ok)
      throw new CliError(
        `Audit log is NOT intact: first bad entry #${result.firstBadSeq}: ${result.problem}.`,
        1,
      );
    if (!options.json)
      console.log(`Audit log intact: ${result.checked} entries, every hash and link verified.`);
  });
}
