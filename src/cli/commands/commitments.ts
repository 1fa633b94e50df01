import type { Commitment, UnbackedReport } from '../../contract/commitments.js';
import type { RaciView } from '../../contract/raci.js';
import { callApi, callApiAll, type RemoteOptions } from '../context.js';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

const backingLabel: Record<string, string> = {
  self: 'backed (own promise)',
  accepted: 'backed (accepted)',
  pending: 'UNBACKED (not accepted)',
  rejected: 'UNBACKED (rejected)',
};

function line(c: Commitment): string {
  const behalf =
    c.delivererId === c.makerId ? '' : ` on behalf of ${c.delivererName} (${c.delivererType})`;
  const status = c.status === 'open' ? backingLabel[c.backing] : c.status;
  return `  ${day(c.dueAt)}  ${c.makerName} → ${c.toName}${behalf}: ${c.what}  [${status}]${
    c.rejectionReason ? `\n      rejected: ${c.rejectionReason}` : ''
  }`;
}

/** `charter commitments list [--unbacked] [--maker EMAIL]`: commitments, soonest due first. */
export async function commitmentsList(
  options: RemoteOptions & { unbacked?: boolean; maker?: string; json?: boolean },
): Promise<void> {
  const items = await callApiAll<Commitment>(options, '/api/v1/commitments', {
    sort: 'dueAt',
    backing: options.unbacked ? 'unbacked' : undefined,
    maker: options.maker,
  });
  if (options.json) {
    console.log(JSON.stringify(items, null, 2));
    return;
  }
  if (items.length === 0) {
    console.log(options.unbacked ? 'No unbacked commitments.' : 'No commitments.');
    return;
  }
  console.log(`${items.length} commitment(s), soonest due first:`);
  for (const c of items) console.log(line(c));
}

/** `charter commitments report`: unbacked commitments grouped by who made them. */
export async function commitmentsReport(
  options: RemoteOptions & { at?: string; csv?: boolean; json?: boolean },
): Promise<void> {
  const query = new URLSearchParams();
  if (options.at) query.set('at', options.at);
  if (options.csv) query.set('format', 'csv');
  const result = await callApi(
    options,
    'GET',
    `/api/v1/commitments/unbacked-report${query.size ? `?${query.toString()}` : ''}`,
  );
  if (options.csv) {
    process.stdout.write(result as string);
    return;
  }
  const report = result as UnbackedReport;
  if (options.json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  console.log(`Unbacked commitments at ${report.at}: ${report.total}`);
  for (const m of report.makers) {
    console.log(
      `\n${m.maker.name} <${m.maker.email}>: ${m.count} unbacked, oldest made ${day(m.oldest)}`,
    );
    for (const c of m.items) console.log(line(c));
  }
}

/** `charter raci SERVICE [--csv] [--practice]`: the RACI of a service (or a practice). */
export async function raci(
  ref: string,
  options: RemoteOptions & { csv?: boolean; practice?: boolean },
): Promise<void> {
  const base = options.practice ? 'practices' : 'services';
  const result = await callApi(
    options,
    'GET',
    `/api/v1/${base}/${encodeURIComponent(ref)}/raci${options.csv ? '?format=csv' : ''}`,
  );
  if (options.csv) {
    process.stdout.write(result as string);
    return;
  }
  const view = result as RaciView;
  console.log(`RACI of ${view.subject.name} (${view.subject.type}):`);
  for (const role of ['accountable', 'responsible', 'consulted', 'informed'] as const) {
    const entries = view.entries.filter((e) => e.role === role);
    console.log(`\n${role[0]!.toUpperCase()}${role.slice(1)}:`);
    if (entries.length === 0) console.log('  —');
    for (const e of entries) {
      const who = e.person && e.person !== e.party ? ` (${e.person})` : '';
      console.log(`  ${e.party}${who} — ${e.basis}`);
    }
  }
  if (view.flags.length) {
    console.log('\nGaps:');
    for (const f of view.flags) console.log(`  ! ${f}`);
  }
}
