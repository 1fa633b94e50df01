/** An in-process Charter server on a fresh test database, with helpers for signed-in calls. */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { issueToken } from '../src/app/auth/create-token.js';
import type { Ctx } from '../src/app/context.js';
import { loadConfig } from '../src/config.js';
import type { PersonId } from '../src/core/ids.js';
import { buildServer } from '../src/server/app.js';
import { systemEnvironment } from '../src/server/environment.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { makePerson, testEnvironment } from './factories.js';

export interface TestServer {
  app: FastifyInstance;
  t: TestDatabase;
  close(): Promise<void>;
}

export async function startTestServer(
  dialect: 'sqlite' | 'postgres',
  env: Record<string, string> = {},
): Promise<TestServer> {
  const t = await createTestDatabase(dialect);
  const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent', ...env });
  const app = await buildServer({
    config,
    db: t.db,
    uow: t.uow,
    env: systemEnvironment,
    logger: false,
  });
  await app.ready();
  return {
    app,
    t,
    close: async () => {
      await app.close();
      await t.drop();
    },
  };
}

/** A browser-like session: cookie plus CSRF header on writes. */
export async function signIn(app: FastifyInstance, email: string, password: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'charter_session')!;
  const csrf = res.json<{ csrfToken: string }>().csrfToken;
  return (options: InjectOptions): Promise<LightMyRequestResponse> =>
    app.inject({
      ...options,
      cookies: { charter_session: cookie.value, ...(options.cookies ?? {}) },
      headers: { 'x-csrf-token': csrf, ...(options.headers ?? {}) },
    });
}

export const bearer = (app: FastifyInstance, token: string) => (options: InjectOptions) =>
  app.inject({
    ...options,
    headers: { authorization: `Bearer ${token}`, ...(options.headers ?? {}) },
  });

export const testPassword = 'correct horse battery';

/** A server with a signed-in admin and a signed-in viewer (admin@example.com, viewer@example.com). */
export async function startWithAdminAndViewer(dialect: 'sqlite' | 'postgres') {
  const s = await startTestServer(dialect);
  const env = testEnvironment();
  await makePerson(s.t.uow, env, {
    email: 'admin@example.com',
    role: 'admin',
    password: testPassword,
  });
  await makePerson(s.t.uow, env, {
    email: 'viewer@example.com',
    role: 'viewer',
    password: testPassword,
  });
  return {
    s,
    admin: await signIn(s.app, 'admin@example.com', testPassword),
    viewer: await signIn(s.app, 'viewer@example.com', testPassword),
  };
}

/** The real server over a test database, listening on a free local port (for CLI tests). */
export async function listenOn(t: TestDatabase): Promise<{ url: string; close(): Promise<void> }> {
  const app = await buildServer({
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    db: t.db,
    uow: t.uow,
    env: systemEnvironment,
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: `http://127.0.0.1:${(app.server.address() as { port: number }).port}`,
    close: () => app.close(),
  };
}

/**
 * `listenOn` plus the environment `charterAsync` needs: the server's URL and a read token of
 * `personId`, issued as `ctx`. `close` stops the server and drops the database.
 */
export async function listenForCli(
  t: TestDatabase,
  ctx: Ctx,
  personId: PersonId,
): Promise<{ env: Record<string, string>; close: () => Promise<void> }> {
  const { token } = await t.uow.transaction((repos) =>
    issueToken(repos, ctx, personId, { name: 'cli', scope: 'read', expiresInDays: null }),
  );
  const server = await listenOn(t);
  return {
    env: { CHARTER_URL: server.url, CHARTER_TOKEN: token, ...t.processEnv },
    close: async () => {
      await server.close();
      await t.drop();
    },
  };
}
