import { createInterface } from 'node:readline/promises';
import type { Nomination, Role } from '../../contract/ownership.js';
import { CliError, callApi, type RemoteOptions } from '../context.js';

const label = (kind: string) => kind.replace(/_/g, ' ');
const query = (params: Record<string, string | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
};

/** `charter roles list [--service S] [--person EMAIL]`. */
export async function rolesList(
  options: RemoteOptions & { service?: string; person?: string; all?: boolean; json?: boolean },
): Promise<void> {
  const page = (await callApi(
    options,
    'GET',
    `/api/v1/roles${query({
      serviceId: options.service,
      person: options.person,
      held: options.all ? undefined : 'true',
      limit: '200',
    })}`,
  )) as { items: Role[] };
  if (options.json) return void console.log(JSON.stringify(page.items, null, 2));
  if (page.items.length === 0) return void console.log('No roles.');
  for (const r of page.items)
    console.log(
      `${r.state.padEnd(7)}  ${label(r.kind).padEnd(24)} ${r.scope.label} — ${r.person.name} (until ${r.termEndsAt.slice(0, 10)})  ${r.id}`,
    );
}

/** `charter nominations list [--status S] [--service S] [--nominee EMAIL]`. */
export async function nominationsList(
  options: RemoteOptions & {
    status?: string;
    service?: string;
    nominee?: string;
    kind?: string;
    json?: boolean;
  },
): Promise<void> {
  const page = (await callApi(
    options,
    'GET',
    `/api/v1/nominations${query({
      status: options.status,
      serviceId: options.service,
      nominee: options.nominee,
      kind: options.kind,
      limit: '200',
    })}`,
  )) as { items: Nomination[] };
  if (options.json) return void console.log(JSON.stringify(page.items, null, 2));
  if (page.items.length === 0) return void console.log('No nominations.');
  for (const n of page.items)
    console.log(
      `${n.state.padEnd(9)} ${label(n.kind).padEnd(24)} ${n.scope.label} — ${n.nominee.name}, by ${n.nominatedBy.name} on ${n.createdAt.slice(0, 10)}  ${n.id}`,
    );
}

/** `charter nominations create --kind K --service S|--practice P --nominee EMAIL --message M`. */
export async function nominationsCreate(
  options: RemoteOptions & {
    kind: string;
    service?: string;
    practice?: string;
    orgUnit?: string;
    team?: string;
    nominee: string;
    message: string;
    term?: string;
    json?: boolean;
  },
): Promise<void> {
  const people = (await callApi(
    options,
    'GET',
    `/api/v1/people${query({ q: options.nominee, limit: '5' })}`,
  )) as { items: { id: string; email: string }[] };
  const nominee = people.items.find((p) => p.email === options.nominee.trim().toLowerCase());
  if (!nominee) throw new CliError(`--nominee: nobody has the email ${options.nominee}.`);
  let serviceId: string | undefined;
  if (options.service) {
    const s = (await callApi(
      options,
      'GET',
      `/api/v1/services/${encodeURIComponent(options.service)}`,
    )) as { id: string };
    serviceId = s.id;
  }
  const body = {
    kind: options.kind,
    scope: {
      serviceId,
      practiceId: options.practice,
      orgUnitId: options.orgUnit,
      teamId: options.team,
    },
    nomineeId: nominee.id,
    message: options.message,
    ...(options.term ? { termMonths: Number(options.term) } : {}),
  };
  const n = (await callApi(
    options,
    'POST',
    '/api/v1/nominations',
    JSON.stringify(body),
  )) as Nomination;
  if (options.json) return void console.log(JSON.stringify(n, null, 2));
  console.log(`Nominated ${n.nominee.name} as ${label(n.kind)} of ${n.scope.label} (${n.id}).`);
}

/**
 * `charter nominations accept ID [--confirm "<statement>"]`: prints the statement; accepts
 * only with the exact text, given with --confirm or typed "yes" at the prompt.
 */
export async function nominationsAccept(
  id: string,
  options: RemoteOptions & { confirm?: string; json?: boolean },
): Promise<void> {
  const n = (await callApi(
    options,
    'GET',
    `/api/v1/nominations/${encodeURIComponent(id)}`,
  )) as Nomination;
  if (!n.statement) throw new CliError(`This nomination is ${n.state}; it cannot be accepted.`);
  console.log(`Statement of accountability:\n\n  ${n.statement}\n`);
  let statement = options.confirm;
  if (statement === undefined) {
    if (!process.stdin.isTTY)
      throw new CliError('Confirm with --confirm "<the statement exactly as printed above>".');
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question('Type "yes" to accept personally, as yourself: ');
    rl.close();
    if (answer.trim().toLowerCase() !== 'yes') throw new CliError('Not accepted; nothing changed.');
    statement = n.statement;
  }
  const role = (await callApi(
    options,
    'POST',
    `/api/v1/nominations/${encodeURIComponent(id)}/accept`,
    JSON.stringify({ statement }),
  )) as Role;
  if (options.json) return void console.log(JSON.stringify(role, null, 2));
  console.log(
    `Accepted: you are ${label(role.kind)} of ${role.scope.label} until ${role.termEndsAt.slice(0, 10)}.`,
  );
}

/** `charter nominations decline ID --reason R`. */
export async function nominationsDecline(
  id: string,
  options: RemoteOptions & { reason: string; json?: boolean },
): Promise<void> {
  const n = (await callApi(
    options,
    'POST',
    `/api/v1/nominations/${encodeURIComponent(id)}/decline`,
    JSON.stringify({ reason: options.reason }),
  )) as Nomination;
  if (options.json) return void console.log(JSON.stringify(n, null, 2));
  console.log(`Declined: ${label(n.kind)} of ${n.scope.label}.`);
}
