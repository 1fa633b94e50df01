import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors.js';
import type { Ctx } from '../app/context.js';
import {
  authenticateSession,
  authenticateToken,
  type Authenticated,
} from '../app/auth/authenticate.js';
import type { Environment, UnitOfWork } from '../app/ports.js';

export const sessionCookie = 'charter_session';
export const csrfCookie = 'charter_csrf';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
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
export function registerAuth(app: FastifyInstance, uow: UnitOfWork, env: Environment) {
  app.decorateRequest('auth', null);
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      request.auth = match ? await authenticateToken(uow, env, match[1]!) : null;
      if (!request.auth) {
        throw new DomainError(
          'unauthenticated',
          'The API token is not valid, has expired or was revoked.',
        );
      }
      return;
    }
    const cookie = request.cookies[sessionCookie];
    if (cookie) request.auth = await authenticateSession(uow, env, cookie);
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
