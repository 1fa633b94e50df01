// `charter nominations withdraw`, `charter roles reaffirm|resign` and `charter practices list`,
// through the API (the server decides who may: the nominator or an admin withdraws; only the
// holder re-affirms or resigns).
import type { Nomination, Practice, Role } from '../../contract/ownership.js';
import { callApi, type RemoteOptions } from '../context.js';

const label = (kind: string) => kind.replace(/_/g, ' ');
const path = (base: string, id: string, action: string) =>
  `/api/v1/${base}/${encodeURIComponent(id)}/${action}`;

/** `charter nominations withdraw ID`. */
export async function nominationsWithdraw(
  id: string,
  options: RemoteOptions & { json?: boolean },
): Promise<void> {
  const n = (await callApi(options, 'POST', path('nominations', id, 'withdraw'))) as Nomination;
  if (options.json) return void console.log(JSON.stringify(n, null, 2));
  console.log(`Withdrawn: ${n.nominee.name} as ${label(n.kind)} of ${n.scope.label}.`);
}

/** `charter roles reaffirm ID`. */
export async function rolesReaffirm(
  id: string,
  options: RemoteOptions & { json?: boolean },
): Promise<void> {
  const r = (await callApi(options, 'POST', path('roles', id, 'reaffirm'))) as Role;
  if (options.json) return void console.log(JSON.stringify(r, null, 2));
  console.log(
    `Re-affirmed: you are ${label(r.kind)} of ${r.scope.label} until ${r.termEndsAt.slice(0, 10)}.`,
  );
}

/** `charter roles resign ID --reason TEXT`. */
export async function rolesResign(
  id: string,
  options: RemoteOptions & { reason: string; json?: boolean },
): Promise<void> {
  const r = (await callApi(
    options,
    'POST',
    path('roles', id, 'resign'),
    JSON.stringify({ reason: options.reason }),
  )) as Role;
  if (options.json) return void console.log(JSON.stringify(r, null, 2));
  console.log(`Resigned: ${label(r.kind)} of ${r.scope.label}.`);
}

/** `charter practices list [--all]`: practices with their process owners. */
export async function practicesList(
  options: RemoteOptions & { all?: boolean; json?: boolean },
): Promise<void> {
  const page = (await callApi(
    options,
    'GET',
    `/api/v1/practices?sort=name${options.all ? '' : '&active=true'}`,
  )) as { items: Practice[] };
  if (options.json) return void console.log(JSON.stringify(page.items, null, 2));
  if (page.items.length === 0) return void console.log('No practices.');
  const width = Math.max(...page.items.map((p) => p.key.length));
  for (const p of page.items) {
    const owner = p.processOwner
      ? `${p.processOwner.name} (until ${p.processOwner.termEndsAt.slice(0, 10)})`
      : 'no accepted process owner';
    console.log(`${p.key.padEnd(width)}  ${p.name}${p.active ? '' : ' [inactive]'} — ${owner}`);
  }
}
