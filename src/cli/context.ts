import { unitOfWork } from '../db/store.js';
import { migrateToLatest, openConfiguredDatabase, type Db } from '../db/database.js';
import { loadConfig, type Config } from '../config.js';
import type { UnitOfWork } from '../app/ports.js';

/** Opens the configured database, migrated, for commands that run on the server's machine. */
export async function withDatabase<T>(
  work: (uow: UnitOfWork, db: Db, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const db = openConfiguredDatabase(config);
  try {
    await migrateToLatest(db);
    return await work(unitOfWork(db), db, config);
  } finally {
    await db.close();
  }
}

/** Commands that act on a running server: --url and a token (flag or CHARTER_TOKEN). */
export interface RemoteOptions {
  url: string;
  token?: string;
}

export async function callApi(
  options: RemoteOptions,
  method: string,
  path: string,
  body?: string,
  contentType = 'application/json',
): Promise<unknown> {
  const token = options.token ?? process.env.CHARTER_TOKEN;
  if (!token)
    throw new CliError(
      'No API token: pass --token or set CHARTER_TOKEN (create one with `charter token create`).',
    );
  let response: Response;
  try {
    response = await fetch(new URL(path, options.url), {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': contentType } : {}),
      },
      ...(body !== undefined ? { body } : {}),
    });
  } catch (error) {
    throw new CliError(
      `Cannot reach Charter at ${options.url}: ${(error as Error).message}. Is the server running? Check --url.`,
    );
  }
  const text = await response.text();
  // JSON comes back parsed; anything else (a YAML export) as text.
  const json = response.headers.get('content-type')?.includes('json') ?? true;
  const parsed: unknown = text ? (json ? JSON.parse(text) : text) : null;
  if (!response.ok) {
    const err = (
      parsed as {
        error?: {
          message?: string;
          issues?: { path: string; message: string }[];
          requestId?: string;
        };
      } | null
    )?.error;
    const issues = err?.issues?.map((i) => `\n  ${i.path}: ${i.message}`).join('') ?? '';
    throw new CliError(
      `${response.status}: ${err?.message ?? response.statusText}${issues}${err?.requestId ? `\n  (request id ${err.requestId})` : ''}`,
    );
  }
  return parsed;
}

/** Every item of a paged API list, 200 a request; query values left undefined are not sent. */
export async function callApiAll<T>(
  options: RemoteOptions,
  path: string,
  query: Record<string, string | undefined> = {},
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...query, limit: '200' }))
      if (value !== undefined) params.set(key, value);
    if (cursor) params.set('cursor', cursor);
    const page = (await callApi(options, 'GET', `${path}?${params.toString()}`)) as {
      items: T[];
      nextCursor: string | null;
    };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** An error to show the user as it is, without a stack trace, exiting with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
