import type { Impact } from '../../contract/services.js';
import { callApi, type RemoteOptions } from '../context.js';

/** `charter impact SERVICE`: what suffers if it fails, and what it depends on. */
export async function impact(
  ref: string,
  options: RemoteOptions & { json?: boolean },
): Promise<void> {
  const result = (await callApi(
    options,
    'GET',
    `/api/v1/services/${encodeURIComponent(ref)}/impact`,
  )) as Impact;
  if (options.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const s = result.service;
  const line = (r: { name: string; slug: string; kind: string; tier: number; depth: number }) =>
    `  tier ${r.tier}  ${'  '.repeat(Math.max(0, r.depth - 1))}${r.name} (${r.slug}, ${r.kind.replace('_', ' ')}, ${r.depth} hop${r.depth === 1 ? '' : 's'})`;
  console.log(`If ${s.name} (${s.slug}, tier ${s.tier}) fails:`);
  if (result.businessServicesAffected.length === 0)
    console.log('  no business service depends on it.');
  else {
    console.log(
      `\n${result.businessServicesAffected.length} business service(s) suffer, most critical first:`,
    );
    for (const r of result.businessServicesAffected) console.log(line(r));
  }
  console.log(`\nEverything that depends on it (${result.dependents.length}):`);
  for (const r of result.dependents) console.log(line(r));
  console.log(`\nEverything it depends on (${result.dependencies.length}):`);
  for (const r of result.dependencies) console.log(line(r));
  console.log(
    `\nTeams involved: ${result.teams.length}; customer organisation units affected: ${result.orgUnitsAffected.length}.`,
  );
}
