import { durationLabel, type TargetDuration } from '../../core/agreements/terms.js';
import type { RequirementDetail, RequirementSummary } from '../../contract/requirements.js';
import { callApi, callApiAll, type RemoteOptions } from '../context.js';

const day = (iso: string) => iso.slice(0, 10);
const money = (minor: number, currency: string) =>
  `${currency} ${(minor / 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** `charter requirements list [--service SLUG] [--status STATUS] [--json]`: newest first. */
export async function requirementsList(
  options: RemoteOptions & { service?: string; status?: string; json?: boolean },
): Promise<void> {
  const items = await callApiAll<RequirementSummary>(options, '/api/v1/requirements', {
    sort: '-createdAt',
    service: options.service,
    status: options.status,
  });
  if (options.json) {
    console.log(JSON.stringify(items, null, 2));
    return;
  }
  if (items.length === 0) {
    console.log('No requirements.');
    return;
  }
  console.log(`${items.length} requirement(s), newest first:`);
  for (const r of items)
    console.log(
      `  ${r.id}  ${day(r.createdAt)}  [${r.status}] ${r.title} — ${r.serviceName} for ${r.orgUnitName}, revision ${r.revision}, ${r.proposedOptions} option(s) proposed`,
    );
}

type Terms = RequirementDetail['current']['terms'];

function termLines(terms: Terms, calendar: (id: string) => string): string[] {
  return [
    `Availability: ${terms.availabilityPercent === null ? 'not committed' : `${terms.availabilityPercent} %`} within ${calendar(terms.calendarId)}`,
    ...terms.tickets.map(
      (t) =>
        `${t.priority} ${t.metric} within ${durationLabel(t.duration as TargetDuration)} for ${t.goalPercent} % of tickets`,
    ),
  ];
}

/** `charter requirements show ID [--json]`: the current terms, the thread and the options. */
export async function requirementsShow(
  id: string,
  options: RemoteOptions & { json?: boolean },
): Promise<void> {
  const r = (await callApi(
    options,
    'GET',
    `/api/v1/requirements/${encodeURIComponent(id)}`,
  )) as RequirementDetail;
  if (options.json) {
    console.log(JSON.stringify(r, null, 2));
    return;
  }
  const names = new Map(r.calendars.map((c) => [c.id, c.name]));
  const calendar = (cid: string) => names.get(cid) ?? cid;
  const v = r.current.businessValue;
  console.log(`${r.title}  [${r.status}]`);
  console.log(
    `${r.serviceName} for ${r.orgUnitName}; stated by ${r.createdByName} on ${day(r.createdAt)}`,
  );
  console.log(
    `Customer representative: ${r.customerRepresentative?.name ?? '— (nobody holds the role)'}`,
  );
  console.log(`Service owner: ${r.serviceOwner?.name ?? '— (nobody holds the role)'}`);
  console.log(`\nRevision ${r.revision}${r.current.note ? ` (${r.current.note})` : ''}:`);
  for (const l of termLines(r.current.terms, calendar)) console.log(`  ${l}`);
  console.log(
    `Business value: ${money(v.lossPerOutageHourMinor, v.currency)} lost per hour of outage${v.description ? ` — ${v.description}` : ''}`,
  );
  console.log(`Justification: ${r.current.justification}`);
  if (r.entries.length) {
    console.log('\nNegotiation:');
    for (const e of r.entries) {
      const kind = e.kind === 'counter_proposal' ? 'counter-proposal' : 'comment';
      console.log(
        `  ${day(e.createdAt)} ${e.author.name} (${kind}, revision ${e.revision}): ${e.body}`,
      );
      if (e.terms) for (const l of termLines(e.terms, calendar)) console.log(`      ${l}`);
    }
  }
  console.log(r.options.length ? '\nOptions:' : '\nNo options yet.');
  for (const o of r.options) {
    const state =
      o.status === 'proposed' && o.outdated ? 'proposed, answers an earlier revision' : o.status;
    console.log(
      `  ${o.label}: ${money(o.monthlyCostMinor, o.currency)} per month [${state}] — ${o.delivery}`,
    );
    for (const l of termLines(o.terms, calendar)) console.log(`      ${l}`);
  }
}
