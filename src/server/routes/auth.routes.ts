import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { normaliseEmail } from '../../core/people.js';
import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import type { TokenId } from '../../core/ids.js';
import { ErrorBody, IdParams } from '../../contract/common.js';
import {
  ChangePassword,
  CreateToken,
  CreatedToken,
  Login,
  Me,
  TokensPage,
  TokensQuery,
} from '../../contract/auth.js';
import { changePassword } from '../../app/auth/change-password.js';
import { login, sessionIdleHours } from '../../app/auth/login.js';
import { logout } from '../../app/auth/logout.js';
import { createToken } from '../../app/auth/create-token.js';
import { listTokens } from '../../app/auth/list-tokens.js';
import { revokeToken } from '../../app/auth/revoke-token.js';
import { csrfCookie, ctxOf, sessionCookie } from '../auth.js';
import { sendCsv } from '../csv.js';
import type { RouteDeps } from './deps.js';

const emailOf = (body: unknown): string => {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? normaliseEmail(email) : '';
};

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody };

export const authRoutes =
  ({ uow, env, config }: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    const secure = (config.CHARTER_PUBLIC_URL ?? '').startsWith('https:');
    const cookieOptions = (httpOnly: boolean) => ({
      path: '/',
      httpOnly,
      sameSite: 'lax' as const,
      secure,
      maxAge: sessionIdleHours * 3600,
    });

    const perAddress = app.createRateLimit({
      max: config.CHARTER_LOGIN_ATTEMPTS_PER_MINUTE * 10,
      timeWindow: 60_000,
      keyGenerator: (request) => `login-address:${request.ip}`,
    });

    app.post(
      '/auth/login',
      {
        config: {
          public: true,
          // Per address and account (after the body is parsed), so guessing one account's
          // password is slow while colleagues behind the same address can still sign in.
          rateLimit: {
            hook: 'preHandler',
            max: config.CHARTER_LOGIN_ATTEMPTS_PER_MINUTE,
            timeWindow: 60_000,
            keyGenerator: (request) => `${request.ip}:${emailOf(request.body)}`,
          },
        },
        // And per address across all accounts, against trying many accounts at once.
        onRequest: async (request) => {
          const outcome = await perAddress(request);
          if (!outcome.isAllowed && outcome.isExceeded) {
            throw new DomainError(
              'rate_limited',
              `Too many sign-in attempts from this address; wait ${outcome.ttlInSeconds} seconds and try again.`,
            );
          }
        },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with email and password; starts a session (cookie)',
          body: Login,
          response: { 200: Me, ...errors },
        },
      },
      async (request, reply) => {
        const session = await login(uow, env, request.body, String(request.id));
        void reply.setCookie(sessionCookie, session.sessionToken, cookieOptions(true));
        void reply.setCookie(csrfCookie, session.me.csrfToken ?? '', cookieOptions(false));
        return session.me;
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { public: true },
        schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        const token = request.cookies[sessionCookie];
        if (token && request.auth) await logout(uow, ctxOf(request, env), token);
        void reply.clearCookie(sessionCookie, { path: '/' }).clearCookie(csrfCookie, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      { schema: { tags: ['auth'], summary: 'Who am I', response: { 200: Me, ...errors } } },
      (request) => {
        const auth = request.auth!;
        return {
          personId: auth.actor.personId,
          name: auth.actor.name,
          email: auth.email,
          role: auth.actor.role,
          via: auth.actor.via === 'token' ? ('token' as const) : ('session' as const),
          csrfToken: auth.csrfToken,
        };
      },
    );

    app.post(
      '/auth/password',
      {
        schema: {
          tags: ['auth'],
          summary: 'Change my password (signs out my other sessions)',
          body: ChangePassword,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await changePassword(
          uow,
          ctxOf(request, env),
          request.body,
          request.cookies[sessionCookie] ?? null,
        );
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/tokens',
      {
        schema: {
          tags: ['auth'],
          summary: 'My API tokens',
          querystring: TokensQuery,
          response: { 200: TokensPage, ...errors },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, env);
        const { format, ...query } = request.query;
        if (format === 'csv') {
          return sendCsv(
            reply,
            'tokens.csv',
            ['id', 'name', 'scope', 'prefix', 'createdAt', 'lastUsedAt', 'expiresAt', 'revokedAt'],
            (cursor) => listTokens(uow, ctx, { ...query, limit: 200, cursor }),
          );
        }
        return listTokens(uow, ctx, query);
      },
    );
    app.post(
      '/tokens',
      {
        schema: {
          tags: ['auth'],
          summary: 'Create an API token (the secret is shown once)',
          body: CreateToken,
          response: { 201: CreatedToken, ...errors },
        },
      },
      async (request, reply) => {
        const created = await createToken(uow, ctxOf(request, env), request.body);
        return reply.status(201).send(created);
      },
    );
    app.delete(
      '/tokens/:id',
      {
        schema: {
          tags: ['auth'],
          summary: 'Revoke an API token',
          params: IdParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await revokeToken(uow, ctxOf(request, env), request.params.id as TokenId);
        return reply.status(204).send(null);
      },
    );
    done();
  };
