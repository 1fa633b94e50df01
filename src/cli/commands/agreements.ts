import { moneyLabel } from '../../core/agreements/diff.js';
import { durationLabel } from '../../core/agreements/terms.js';
import type { AgreementDetail, AgreementSummary } from '../../contract/agreements.js';
import { callApi, callApiAll, type RemoteOptions } from '../context.js';

const partyName = {
  service_owner: 'service owner',
  customer_representative: 'customer representative',
};

/** `charter agreements list [--service SLUG] [--status STATUS] [--json]`: by code. */
export async function agreementsList(
  options: RemoteOptions & { service?: string; status?: string; json?: boolean },
): Promise<void> {
  const listed = options.service
    ? (
        (await callApi(
          options,
          'GET',
          `/api/v1/services/${encodeURIComponent(options.service)}/agreements`,
        )) as { items: AgreementSummary[] }
      ).items
    : await callApiAll<AgreementSummary>(options, '/api/v1/agreements', {
        sort: 'code',
        status: options.status,
      });
  const items = listed.filter((a) => !options.status || a.status === options.status);
  if (options.json) {
    console.log(JSON.stringify(items, null, 2));
    return;
  }
  if (items.length === 0) {
    console.log('No agreements.');
    return;
  }
  console.log(`${items.length} agreement(s):`);
  for (const a of items) {
    const versions = [
      a.activeVersion ? `v${a.activeVersion} active` : null,
      a.pendingVersion ? `v${a.pendingVersion} awaiting signatures` : null,
    ]
      .filter(Boolean)
      .join(', ');
    console.log(
      `  ${a.code}  [${a.status}] ${a.title} — ${a.service.name} for ${a.customer.name}; ${a.effectiveFrom} to ${a.expiresOn}; ${moneyLabel(a.currency, a.monthlyCostMinor)}/month; ${versions || `latest v${a.latestVersion}`}; ${a.unbackedTargets} of ${a.targets} target(s) unbacked`,
    );
  }
}

/** `charter agreements show REF [--json]`: the latest versions with signatures, OLAs and backing. */
export async function agreementsShow(
  ref: string,
  options: RemoteOptions & { json?: boolean },
): Promise<void> {
  const d = (await callApi(
    options,
    'GET',
    `/api/v1/agreements/${encodeURIComponent(ref)}`,
  )) as AgreementDetail;
  if (options.json) {
    console.log(JSON.stringify(d, null, 2));
    return;
  }
  const a = d.agreement;
  console.log(`${a.code}  ${a.title}  [${a.status}]`);
  console.log(`${a.service.name} for ${a.customer.name}`);
  for (const v of d.versions) {
    const c = v.content;
    console.log(
      `\nVersion ${v.number} [${v.status}${v.expired ? ', expired' : ''}] — ${v.changeNote}`,
    );
    console.log(`  Content hash: ${v.contentHash}`);
    console.log(
      `  ${c.effectiveFrom} to ${c.expiresOn}, reviewed per ${c.reviewPeriod}; ${moneyLabel(c.money.currency, c.money.monthlyCostMinor)} per month`,
    );
    console.log(
      `  Service owner: ${c.serviceOwner.name}; customer representative: ${c.customerRepresentative.name}`,
    );
    if (v.status !== 'pending' && v.status !== 'active') continue;
    console.log('  Targets:');
    for (const t of v.targets)
      console.log(
        `    ${t.backed ? 'backed  ' : 'UNBACKED'} ${t.label}${t.reasons.length ? ` — ${t.reasons.join('; ')}` : ''}`,
      );
    if (c.olas.length) console.log('  OLAs:');
    for (const o of c.olas) {
      const ack = v.acknowledgements.find((x) => x.olaKey === o.key);
      console.log(
        `    ${o.key} ${o.teamName}: ${o.description} (${o.priority} ${o.metric} within ${durationLabel(o.duration)}) — ${ack ? `acknowledged by ${ack.person.name} ${ack.acknowledgedAt.slice(0, 10)}` : 'not acknowledged'}`,
      );
    }
    console.log('  Signatures:');
    for (const s of v.signatures)
      console.log(
        `    ${partyName[s.party]}: ${s.person.name} at ${s.signedAt} (${s.contentHash})`,
      );
    for (const p of v.missingSignatures) console.log(`    ${partyName[p]}: not signed`);
  }
}
