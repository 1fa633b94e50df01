// A small typed client for Charter's HTTP API (same origin, /api/v1).
// - every failing response becomes an ApiError carrying the API's error body;
// - writes made with the session cookie carry the X-CSRF-Token header;
// - optimistic concurrency: pass `version` to send `If-Match: "<version>"`.
import type { ErrorBody } from '../contract/common.js';

export const API_BASE = '/api/v1';

export type Issue = { path: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: Issue[];
  readonly requestId: string | null;

  constructor(status: number, body: Partial<ErrorBody['error']> | null, fallback: string) {
    super(body?.message ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.code ?? 'internal';
    this.issues = body?.issues ?? [];
    this.requestId = body?.requestId ?? null;
  }
}

export const isApiError = (e: unknown, status?: number): e is ApiError =>
  e instanceof ApiError && (status === undefined || e.status === status);

let csrfToken: string | null = null;

/** Remember the CSRF token from `Me` (the readable `charter_csrf` cookie is the fallback). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

/** Build a query string, dropping empty values. */
export function toSearch(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function apiUrl(path: string, query?: Query): string {
  return `${API_BASE}${path}${toSearch(query)}`;
}

type Options = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** The record version the edit is based on; sent as If-Match. */
  version?: number;
  signal?: AbortSignal;
};

export async function request<T>(path: string, options: Options = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken ?? readCookie('charter_csrf');
    if (token) headers['X-CSRF-Token'] = token;
  }
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`;

  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(
      0,
      null,
      'Cannot reach the Charter server. Check your connection and try again.',
    );
  }

  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!res.ok) {
    const body = (json as Partial<ErrorBody> | null)?.error ?? null;
    throw new ApiError(res.status, body, `Request failed (${res.status} ${res.statusText})`);
  }
  return json as T;
}

export type Page<T> = { items: T[]; nextCursor: string | null };

/** Fetch every page of a list (used for pickers); stops at `max` items. */
export async function fetchAll<T>(path: string, query: Query = {}, max = 5000): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null | undefined;
  do {
    const page: Page<T> = await request<Page<T>>(path, {
      query: { ...query, limit: 200, cursor: cursor ?? undefined },
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < max);
  return items;
}

/** Field errors keyed by the first path segment ("email", "memberIds" ...). */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(error)) return out;
  for (const issue of error.issues) {
    const key = issue.path.split(/[.[]/)[0] ?? '';
    // Some messages repeat the path ("email: already taken"); the field shows it already.
    const message = issue.message.startsWith(`${issue.path}: `)
      ? issue.message.slice(issue.path.length + 2)
      : issue.message;
    if (key && !out[key]) out[key] = message;
  }
  return out;
}
