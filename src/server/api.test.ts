import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createTestDatabase } from '../../test/databases.js';
import { buildServer } from './app.js';
import { systemEnvironment } from './environment.js';
import { dialects } from '../../test/databases.js';
import { makePerson, testEnvironment } from '../../test/factories.js';
import { signIn, startTestServer, type TestServer } from '../../test/server.js';

const password = 'correct horse battery';
type Call = Awaited<ReturnType<typeof signIn>>;
interface ErrorJson {
  error: {
    code: string;
    message: string;
    issues?: { path: string; message: string }[];
    requestId: string;
  };
}

describe.each(dialects)('the HTTP API on %s', (dialect) => {
  let s: TestServer;
  let admin: Call;
  let member: Call;
  const env = testEnvironment();

  beforeEach(async () => {
    s = await startTestServer(dialect);
    await makePerson(s.t.uow, env, {
      email: 'admin@example.com',
      role: 'admin',
      password,
      name: 'Ada Admin',
    });
    await makePerson(s.t.uow, env, {
      email: 'member@example.com',
      role: 'member',
      password,
      name: 'Mo Member',
    });
    admin = await signIn(s.app, 'admin@example.com', password);
    member = await signIn(s.app, 'member@example.com', password);
  });
  afterEach(() => s.close());

  const createPerson = (payload: object) =>
    admin({ method: 'POST', url: '/api/v1/people', payload });

  it('creates, reads with an ETag, and updates only with a matching If-Match', async () => {
    const created = await createPerson({
      name: 'Ann Lee',
      email: 'ann@example.com',
      seniority: 'executive',
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const { id } = created.json<{ id: string }>();
    const got = await member({ method: 'GET', url: `/api/v1/people/${id}` });
    expect(got.headers.etag).toBe('"1"');

    const noIfMatch = await admin({
      method: 'PATCH',
      url: `/api/v1/people/${id}`,
      payload: { title: 'CIO' },
    });
    expect(noIfMatch.statusCode).toBe(428);
    const ok = await admin({
      method: 'PATCH',
      url: `/api/v1/people/${id}`,
      payload: { title: 'CIO' },
      headers: { 'if-match': '"1"' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    const stale = await admin({
      method: 'PATCH',
      url: `/api/v1/people/${id}`,
      payload: { title: 'Lost update' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json<ErrorJson>().error.code).toBe('precondition_failed');
    expect((await member({ method: 'GET', url: `/api/v1/people/${id}` })).json()).toMatchObject({
      title: 'CIO',
      version: 2,
    });
  });

  it.each([
    [
      'malformed JSON',
      { payload: '{"name": ', headers: { 'content-type': 'application/json' } },
      400,
      'body',
    ],
    ['a wrong type', { payload: { name: 42, email: 'x@example.com' } }, 400, 'name'],
    [
      'an unknown field',
      { payload: { name: 'X', email: 'x@example.com', salary: 1 } },
      400,
      'salary',
    ],
    ['a missing field', { payload: { name: 'X' } }, 400, 'email'],
    ['an invalid email', { payload: { name: 'X', email: 'not-an-email' } }, 400, 'email'],
    [
      'an unknown seniority',
      { payload: { name: 'X', email: 'x@example.com', seniority: 'god' } },
      400,
      'seniority',
    ],
    ['an empty name', { payload: { name: '   ', email: 'x@example.com' } }, 400, 'name'],
  ])(
    'answers %s with %i naming the field, and writes nothing',
    async (_label, request, status, path) => {
      const before = (await s.t.uow.read.audit.head()).seq;
      const res = await admin({ method: 'POST', url: '/api/v1/people', ...request });
      expect(res.statusCode).toBe(status);
      const body = res.json<ErrorJson>();
      expect(body.error.code).toBe('invalid');
      expect(body.error.requestId).toBe(res.headers['x-request-id']);
      expect(body.error.issues?.map((i) => i.path)).toContain(path);
      expect((await s.t.uow.read.audit.head()).seq).toBe(before);
      expect(
        (await member({ method: 'GET', url: '/api/v1/people?q=x@example.com' })).json(),
      ).toMatchObject({ items: [] });
    },
  );

  it('answers a duplicate email with 409 on the email field', async () => {
    await createPerson({ name: 'Ann', email: 'ann@example.com' });
    const dup = await createPerson({ name: 'Ann Again', email: 'ANN@example.com' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json<ErrorJson>().error.issues).toEqual([
      { path: 'email', message: expect.any(String) as unknown },
    ]);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await createPerson({ name: 'X'.repeat(2 * 1024 * 1024), email: 'x@example.com' });
    expect(res.statusCode).toBe(413);
    expect(res.json<ErrorJson>().error.code).toBe('payload_too_large');
  });

  it('forbids members to write and hides nothing they may read', async () => {
    const res = await member({
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name: 'Shadow IT' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorJson>().error.message).toMatch(/admin/);
    expect((await member({ method: 'GET', url: '/api/v1/teams' })).statusCode).toBe(200);
  });

  it('answers unknown ids and routes with 404 in the error shape', async () => {
    const missing = await member({
      method: 'GET',
      url: '/api/v1/teams/00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ErrorJson>().error.code).toBe('not_found');
    const badId = await member({ method: 'GET', url: '/api/v1/teams/not-a-uuid' });
    expect(badId.json<ErrorJson>().error.issues?.[0]?.path).toBe('id');
    expect(
      (await member({ method: 'GET', url: '/api/v1/nothing-here' })).json<ErrorJson>().error.code,
    ).toBe('not_found');
  });

  it('pages, filters by team, sorts and exports exactly the filtered list as CSV', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      ids.push(
        (
          await createPerson({
            name: `Dev ${i}`,
            email: `dev${i}@example.com`,
            title: i === 3 ? '=HYPERLINK("x")' : 'Engineer',
          })
        ).json<{ id: string }>().id,
      );
    }
    const team = await admin({
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name: 'Payments', memberIds: ids.slice(0, 5) },
    });
    const teamId = team.json<{ id: string }>().id;
    const first = (
      await member({ method: 'GET', url: `/api/v1/people?teamId=${teamId}&limit=2&sort=-name` })
    ).json<{ items: { name: string }[]; nextCursor: string }>();
    expect(first.items.map((p) => p.name)).toEqual(['Dev 4', 'Dev 3']);
    const second = (
      await member({
        method: 'GET',
        url: `/api/v1/people?teamId=${teamId}&limit=2&sort=-name&cursor=${first.nextCursor}`,
      })
    ).json<{ items: { name: string }[] }>();
    expect(second.items.map((p) => p.name)).toEqual(['Dev 2', 'Dev 1']);
    const csv = await member({
      method: 'GET',
      url: `/api/v1/people?teamId=${teamId}&sort=-name&format=csv`,
    });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,name,email,title,seniority,managerId,orgUnitId,role,active,createdAt,updatedAt',
    );
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual([
      'Dev 4',
      'Dev 3',
      'Dev 2',
      'Dev 1',
      'Dev 0',
    ]);
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
    const badCursor = await member({ method: 'GET', url: '/api/v1/people?cursor=garbage' });
    expect(badCursor.json<ErrorJson>().error.issues?.[0]?.path).toBe('cursor');
    const badSort = await member({ method: 'GET', url: '/api/v1/people?sort=password' });
    expect(badSort.statusCode).toBe(400);
  });

  it('revalidates lists by data version: 304 while unchanged, fresh after any change', async () => {
    const first = await member({ method: 'GET', url: '/api/v1/teams?sort=name' });
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^W\/"d\d+-[0-9a-f]{8}"$/);
    const again = await member({
      method: 'GET',
      url: '/api/v1/teams?sort=name',
      headers: { 'if-none-match': tag },
    });
    expect(again.statusCode).toBe(304);
    await admin({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Warehouse Systems' } });
    const after = await member({
      method: 'GET',
      url: '/api/v1/teams?sort=name',
      headers: { 'if-none-match': tag },
    });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(tag);
    expect(after.json<{ items: { name: string }[] }>().items.map((t) => t.name)).toEqual([
      'Warehouse Systems',
    ]);
  });

  it('stops a deactivated person at once, even with a recently used token', async () => {
    const created = await member({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'mine', scope: 'read' },
    });
    const token = created.json<{ token: string }>().token;
    const call = () =>
      s.app.inject({
        method: 'GET',
        url: '/api/v1/people',
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await call()).statusCode).toBe(200);
    const memberId = (await member({ method: 'GET', url: '/api/v1/auth/me' })).json<{
      personId: string;
    }>().personId;
    const current = await admin({ method: 'GET', url: `/api/v1/people/${memberId}` });
    await admin({
      method: 'PATCH',
      url: `/api/v1/people/${memberId}`,
      payload: { active: false },
      headers: { 'if-match': current.headers.etag as string },
    });
    expect((await call()).statusCode).toBe(401);
    expect((await member({ method: 'GET', url: '/api/v1/people' })).statusCode).toBe(401);
  });

  it('records who changed what in the audit log, filterable by entity', async () => {
    const team = (
      await admin({
        method: 'POST',
        url: '/api/v1/teams',
        payload: { name: 'Storefront' },
        headers: { 'x-request-id': 'req-team-1' },
      })
    ).json<{ id: string }>();
    await admin({
      method: 'PATCH',
      url: `/api/v1/teams/${team.id}`,
      payload: { description: 'Web shop' },
      headers: { 'if-match': '"1"' },
    });
    const log = (
      await member({ method: 'GET', url: `/api/v1/audit?entityType=team&entityId=${team.id}` })
    ).json<{ items: Record<string, unknown>[] }>();
    expect(log.items.map((e) => e.action)).toEqual(['team.updated', 'team.created']);
    expect(log.items[1]).toMatchObject({
      actorName: 'Ada Admin',
      requestId: 'req-team-1',
      after: { name: 'Storefront' },
    });
    expect(log.items[0]).toMatchObject({
      before: { description: null },
      after: { description: 'Web shop' },
    });
    expect((await member({ method: 'GET', url: '/api/v1/audit/verify' })).json()).toMatchObject({
      ok: true,
    });
  });

  it('imports people from CSV over HTTP with a per-row report', async () => {
    const res = await admin({
      method: 'POST',
      url: '/api/v1/people/import',
      payload: 'name,email,seniority\nAnn,ann@example.com,executive\nBob,bob-at-example,staff\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      created: 1,
      rejected: 1,
      rows: [
        { line: 2, outcome: 'created' },
        { line: 3, outcome: 'rejected' },
      ],
    });
  });

  it('serves the OpenAPI 3.1 document, docs, health, readiness and metrics', async () => {
    const doc = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      openapi: string;
      paths: Record<string, unknown>;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/people',
        '/api/v1/people/{id}',
        '/api/v1/teams',
        '/api/v1/audit',
        '/api/v1/auth/login',
      ]),
    );
    expect((await s.app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
    expect((await s.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({
      status: 'ok',
    });
    expect((await s.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({
      status: 'ready',
    });
    await member({ method: 'GET', url: '/api/v1/people' });
    const metrics = (await s.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('charter_process_cpu_seconds_total');
    expect(metrics).toMatch(
      /charter_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/people",status="200"\} 1/,
    );
  });
});

describe('server errors', () => {
  it('never shows a stack trace, only a request id that is in the log', async () => {
    const s = await startTestServer('sqlite');
    try {
      const logged: string[] = [];
      s.app.log.error = (obj: unknown) => void logged.push(JSON.stringify(obj));
      await makePerson(s.t.uow, testEnvironment(), {
        email: 'a@example.com',
        role: 'admin',
        password,
      });
      const call = await signIn(s.app, 'a@example.com', password);
      await s.t.db.kysely.schema.dropTable('team_members').execute();
      const res = await call({
        method: 'GET',
        url: '/api/v1/teams?memberId=00000000-0000-4000-8000-000000000000',
      });
      expect(res.statusCode).toBe(500);
      const body = res.json<ErrorJson>();
      expect(body.error.code).toBe('internal');
      expect(res.body).not.toMatch(/team_members|at .*\.ts|stack/i);
      expect(body.error.requestId).toBe(res.headers['x-request-id']);
    } finally {
      await s.close();
    }
  });
});

describe('serving the web UI', () => {
  it('serves client-side routes the app, assets with long caching, and missing files a 404', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'charter-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Charter</title>');
    writeFileSync(join(webRoot, 'assets', 'app-1234.js'), 'console.log(1)');
    const t = await createTestDatabase('sqlite');
    const app = await buildServer({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      db: t.db,
      uow: t.uow,
      env: systemEnvironment,
      webRoot,
      logger: false,
    });
    try {
      const home = await app.inject({ method: 'GET', url: '/' });
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain('<title>Charter</title>');
      const page = await app.inject({ method: 'GET', url: '/people/123?q=x' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>Charter</title>');
      const asset = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toContain('immutable');
      const missing = await app.inject({ method: 'GET', url: '/assets/app-9999.js' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json<ErrorJson>().error.code).toBe('not_found');
    } finally {
      await app.close();
      await t.drop();
    }
  });
});
