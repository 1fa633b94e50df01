import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors.js';
import type { Ctx } from '../app/context.js';
import {
  authenticateSession,
  authenticateToken,
  type Authenticated,
} from '../app/auth/authenticate.js';
import type { Environment, UnitOfWork } from '../app/ports.js';
import { sha256Hex } from '../app/auth/secrets.js';
import type { VersionedCache } from './read-cache.js';

export const sessionCookie = 'charter_session';
export const csrfCookie = 'charter_csrf';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
    /** The data version (audit head sequence) read when the request started. */
    dataVersion: number;
  }
  interface FastifyContextConfig {
    /** Routes that answer without a signed-in caller. */
    public?: boolean;
  }
}

/**
 * Authenticates every /api route: a Bearer token, or the session cookie plus, on writes, the
 * X-CSRF-Token header matching the session's CSRF token.
 */
export function registerAuth(
  app: FastifyInstance,
  uow: UnitOfWork,
  env: Environment,
  cache: VersionedCache<Authenticated>,
) {
  app.decorateRequest('auth', null);
  app.decorateRequest('dataVersion', 0);

  // A sign-in stays valid while the data version is unchanged (revocation, deactivation and role
  // changes are all audited) and for a minute at most, so session expiry still slides.
  const cached = async (
    key: string,
    version: number,
    authenticate: () => Promise<Authenticated | null>,
  ) => {
    const now = Date.now();
    const hit = cache.get(key, version, now);
    if (hit) return hit;
    const auth = await authenticate();
    if (auth) cache.set(key, version, auth, 1, now);
    return auth;
  };

  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/v1/')) return;
    request.dataVersion = await uow.dataVersion();
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const token = match?.[1];
      request.auth = token
        ? await cached(`token:${sha256Hex(token)}`, request.dataVersion, () =>
            authenticateToken(uow, env, token),
          )
        : null;
      if (!request.auth) {
        throw new DomainError(
          'unauthenticated',
          'The API token is not valid, has expired or was revoked.',
        );
      }
      return;
    }
    const cookie = request.cookies[sessionCookie];
    if (cookie) {
      request.auth = await cached(`session:${sha256Hex(cookie)}`, request.dataVersion, () =>
        authenticateSession(uow, env, cookie),
      );
    }
    if (request.routeOptions.config.public) return;
    if (!request.auth) {
      throw new DomainError(
        'unauthenticated',
        'Sign in first (POST /api/v1/auth/login), or send an API token as Authorization: Bearer.',
      );
    }
    if (!safeMethods.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== request.auth.csrfToken) {
        throw new DomainError(
          'forbidden',
          'The X-CSRF-Token header is missing or wrong; reload the page and try again.',
        );
      }
    }
  });
}

/** The use-case context of an authenticated request. */
export function ctxOf(request: FastifyRequest, env: Environment): Ctx {
  if (!request.auth) throw new DomainError('unauthenticated', 'Sign in first.');
  return { actor: request.auth.actor, requestId: String(request.id), env };
}

/** Reads `If-Match: "<version>"`; updates without it are refused so no update is ever lost. */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (!header) {
    throw new DomainError(
      'precondition_required',
      'Send If-Match with the ETag you read (for example If-Match: "3") so no one else\'s change is overwritten.',
      [{ path: 'If-Match', message: 'is required' }],
    );
  }
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!match) {
    throw new DomainError('invalid', 'If-Match must be an ETag this API returned, such as "3".', [
      { path: 'If-Match', message: 'is not an ETag' },
    ]);
  }
  return Number(match[1]);
}

export const etag = (reply: FastifyReply, version: number) => reply.header('ETag', `"${version}"`);
