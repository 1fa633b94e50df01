import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../test/databases.js';
import { makePerson, testEnvironment } from '../../test/factories.js';
import { bearer, signIn, startTestServer, type TestServer } from '../../test/server.js';

const password = 'correct horse battery';

describe.each(dialects)('authentication over HTTP on %s', (dialect) => {
  let s: TestServer;
  const env = testEnvironment();

  beforeEach(async () => {
    s = await startTestServer(dialect, { CHARTER_LOGIN_ATTEMPTS_PER_MINUTE: '5' });
    await makePerson(s.t.uow, env, {
      email: 'admin@example.com',
      role: 'admin',
      password,
      name: 'Ada Admin',
    });
    await makePerson(s.t.uow, env, {
      email: 'viewer@example.com',
      role: 'viewer',
      password,
      name: 'Vic Viewer',
    });
  });
  afterEach(() => s.close());

  it('signs in with a session cookie that is httpOnly and SameSite', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'ADMIN@example.com', password },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Ada Admin', role: 'admin', via: 'session' });
    const cookie = res.cookies.find((c) => c.name === 'charter_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
  });

  it('marks cookies Secure behind https', async () => {
    const https = await startTestServer(dialect, {
      CHARTER_PUBLIC_URL: 'https://charter.example.org',
    });
    try {
      await makePerson(https.t.uow, env, { email: 'a@example.com', role: 'admin', password });
      const res = await https.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'a@example.com', password },
      });
      expect(res.cookies.find((c) => c.name === 'charter_session')?.secure).toBe(true);
    } finally {
      await https.close();
    }
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const wrong = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'admin@example.com', password: 'nope' },
    });
    const unknown = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'who@example.com', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json<{ error: { message: string } }>().error.message).toBe(
      unknown.json<{ error: { message: string } }>().error.message,
    );
  });

  it('rate-limits repeated sign-in attempts', async () => {
    const attempt = () =>
      s.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'admin@example.com', password: 'bad' },
      });
    const codes: number[] = [];
    for (let i = 0; i < 7; i += 1) codes.push((await attempt()).statusCode);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5)).toEqual([429, 429]);
    const limited = await attempt();
    expect(limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // Another account from the same address is not locked out by someone else's guessing.
    const other = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'viewer@example.com', password },
    });
    expect(other.statusCode).toBe(200);
  });

  it('limits sign-in attempts from one address across accounts', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 52; i += 1) {
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `user${i}@example.com`, password: 'x' },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 50).every((c) => c === 401)).toBe(true);
    expect(codes.slice(50)).toEqual([429, 429]);
  });

  it('requires a session or token, and the CSRF header on cookie writes', async () => {
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/people' })).statusCode).toBe(401);
    const session = await signIn(s.app, 'admin@example.com', password);
    expect((await session({ method: 'GET', url: '/api/v1/people' })).statusCode).toBe(200);
    const noCsrf = await session({
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name: 'X' },
      headers: { 'x-csrf-token': '' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await session({ method: 'GET', url: '/api/v1/teams' })).json()).toMatchObject({
      items: [],
    });
    expect(
      (await session({ method: 'POST', url: '/api/v1/teams', payload: { name: 'X' } })).statusCode,
    ).toBe(201);
  });

  it('logs out and the session stops working', async () => {
    const session = await signIn(s.app, 'admin@example.com', password);
    expect((await session({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await session({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('changes the password: the old one stops working, other sessions end', async () => {
    const a = await signIn(s.app, 'admin@example.com', password);
    const b = await signIn(s.app, 'admin@example.com', password);
    const weak = await a({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: password, newPassword: 'short' },
    });
    expect(weak.json()).toMatchObject({
      error: { code: 'invalid', issues: [{ path: 'newPassword' }] },
    });
    const wrong = await a({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'wrong', newPassword: 'a much longer passphrase' },
    });
    expect(wrong.json()).toMatchObject({ error: { issues: [{ path: 'currentPassword' }] } });
    const ok = await a({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: password, newPassword: 'a much longer passphrase' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await a({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    expect((await b({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    await expect(signIn(s.app, 'admin@example.com', password)).rejects.toThrow(/401/);
    await signIn(s.app, 'admin@example.com', 'a much longer passphrase');
  });

  it('issues API tokens shown once, with scopes, last-used time and revocation', async () => {
    const session = await signIn(s.app, 'admin@example.com', password);
    const created = await session({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'ci', scope: 'read' },
    });
    expect(created.statusCode).toBe(201);
    const { token, info } = created.json<{ token: string; info: { id: string; prefix: string } }>();
    expect(token.startsWith(info.prefix)).toBe(true);
    const api = bearer(s.app, token);
    expect((await api({ method: 'GET', url: '/api/v1/people' })).statusCode).toBe(200);
    const write = await api({ method: 'POST', url: '/api/v1/teams', payload: { name: 'T' } });
    expect(write.statusCode).toBe(403);
    expect(write.json<{ error: { message: string } }>().error.message).toMatch(/read-only/);
    const listed = (await session({ method: 'GET', url: '/api/v1/tokens' })).json<{
      items: Record<string, unknown>[];
    }>();
    expect(listed.items[0]).toMatchObject({ name: 'ci', scope: 'read' });
    expect(listed.items[0]?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await session({ method: 'DELETE', url: `/api/v1/tokens/${info.id}` })).statusCode).toBe(
      204,
    );
    expect((await api({ method: 'GET', url: '/api/v1/people' })).statusCode).toBe(401);
  });

  it("lets nobody see or revoke another person's token, and viewers only get read tokens", async () => {
    const admin = await signIn(s.app, 'admin@example.com', password);
    const viewer = await signIn(s.app, 'viewer@example.com', password);
    const writeToken = await viewer({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'x', scope: 'write' },
    });
    expect(writeToken.statusCode).toBe(403);
    const own = (
      await viewer({
        method: 'POST',
        url: '/api/v1/tokens',
        payload: { name: 'mine', scope: 'read' },
      })
    ).json<{ info: { id: string } }>();
    const adminTokens = (await admin({ method: 'GET', url: '/api/v1/tokens' })).json<{
      items: unknown[];
    }>();
    expect(adminTokens.items).toHaveLength(0);
    const adminTok = (
      await admin({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'a', scope: 'write' } })
    ).json<{ info: { id: string } }>();
    expect(
      (await viewer({ method: 'DELETE', url: `/api/v1/tokens/${adminTok.info.id}` })).statusCode,
    ).toBe(404);
    expect(
      (await viewer({ method: 'DELETE', url: `/api/v1/tokens/${own.info.id}` })).statusCode,
    ).toBe(204);
  });

  it('rejects a malformed or unknown bearer token', async () => {
    expect(
      (await bearer(s.app, 'chr_nope')({ method: 'GET', url: '/api/v1/people' })).statusCode,
    ).toBe(401);
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/v1/people',
      headers: { authorization: 'Basic abc' },
    });
    expect(res.statusCode).toBe(401);
  });
});
