import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../test/databases.js';
import { makePerson, testEnvironment } from '../../test/factories.js';
import {
  signIn,
  startWithAdminAndViewer,
  testPassword,
  type TestServer,
} from '../../test/server.js';

type Call = Awaited<ReturnType<typeof signIn>>;

describe.each(dialects)('ownership over HTTP on %s', (dialect) => {
  let s: TestServer;
  let admin: Call;
  let viewer: Call;
  let ana: Call;
  let anaId: string;

  beforeEach(async () => {
    ({ s, admin, viewer } = await startWithAdminAndViewer(dialect));
    const person = await makePerson(s.t.uow, testEnvironment(), {
      name: 'Ana Silva',
      email: 'ana@example.com',
      role: 'member',
      password: testPassword,
    });
    anaId = person.id;
    ana = await signIn(s.app, 'ana@example.com', testPassword);
    const res = await admin({
      method: 'POST',
      url: '/api/v1/services',
      payload: { name: 'Online marketplace', kind: 'business_service', tier: 1 },
    });
    expect(res.statusCode).toBe(201);
  });
  afterEach(() => s.close());

  it('nominate → My commitments → accept with the statement → service roles; refusals', async () => {
    const service = (
      await viewer({ method: 'GET', url: '/api/v1/services/online-marketplace' })
    ).json<{ id: string }>();
    const byViewer = await viewer({
      method: 'POST',
      url: '/api/v1/nominations',
      payload: {
        kind: 'service_owner',
        scope: { serviceId: service.id },
        nomineeId: anaId,
        message: 'x',
      },
    });
    expect(byViewer.statusCode).toBe(403);
    const created = await admin({
      method: 'POST',
      url: '/api/v1/nominations',
      payload: {
        kind: 'service_owner',
        scope: { serviceId: service.id },
        nomineeId: anaId,
        message: 'Please own it',
      },
    });
    expect(created.statusCode).toBe(201);
    const nomination = created.json<{ id: string; statement: string; state: string }>();
    expect(nomination.state).toBe('pending');
    expect(nomination.statement).toMatch(
      /^I, Ana Silva, accept personal accountability as service owner of Online marketplace for 12 months, until \d{4}-\d{2}-\d{2}\./,
    );

    const mine = (await ana({ method: 'GET', url: '/api/v1/me/commitments' })).json<{
      sections: { key: string; items: { id: string }[] }[];
    }>();
    expect(mine.sections[0]).toMatchObject({
      key: 'nominations_to_answer',
      items: [{ id: nomination.id }],
    });

    const forSomeone = await admin({
      method: 'POST',
      url: `/api/v1/nominations/${nomination.id}/accept`,
      payload: { statement: nomination.statement },
    });
    expect(forSomeone.statusCode).toBe(403);
    const audit = await admin({
      method: 'GET',
      url: '/api/v1/audit?action=nomination.accept_refused',
    });
    expect(audit.json<{ items: unknown[] }>().items).toHaveLength(1);

    const wrong = await ana({
      method: 'POST',
      url: `/api/v1/nominations/${nomination.id}/accept`,
      payload: { statement: 'I accept' },
    });
    expect(wrong.statusCode).toBe(400);
    const accepted = await ana({
      method: 'POST',
      url: `/api/v1/nominations/${nomination.id}/accept`,
      payload: { statement: nomination.statement },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ state: 'active', person: { name: 'Ana Silva' } });
    const twice = await ana({
      method: 'POST',
      url: `/api/v1/nominations/${nomination.id}/accept`,
      payload: { statement: nomination.statement },
    });
    expect(twice.statusCode).toBe(409);
    const roleId = accepted.json<{ id: string }>().id;
    const byAdmin = await admin({ method: 'POST', url: `/api/v1/roles/${roleId}/reaffirm` });
    expect(byAdmin.statusCode).toBe(403);
    expect(
      (await ana({ method: 'POST', url: `/api/v1/roles/${roleId}/reaffirm` })).statusCode,
    ).toBe(200);
    const history = await viewer({ method: 'GET', url: `/api/v1/roles/${roleId}/affirmations` });
    expect(history.json<{ items: { kind: string }[] }>().items.map((a) => a.kind)).toEqual([
      'accepted',
      'reaffirmed',
    ]);
    expect(
      (
        await viewer({
          method: 'GET',
          url: '/api/v1/roles/00000000-0000-4000-8000-000000000000/affirmations',
        })
      ).statusCode,
    ).toBe(404);

    const roles = await viewer({ method: 'GET', url: '/api/v1/services/online-marketplace/roles' });
    expect(roles.json()).toMatchObject({
      owner: { person: { name: 'Ana Silva' } },
      canEdit: false,
    });
    const edit = await ana({ method: 'GET', url: '/api/v1/services/online-marketplace' });
    const patched = await ana({
      method: 'PATCH',
      url: '/api/v1/services/online-marketplace',
      payload: { description: 'Where customers buy' },
      headers: { 'if-match': edit.headers.etag as string },
    });
    expect(patched.statusCode).toBe(200);

    const csv = await admin({ method: 'GET', url: '/api/v1/nominations?format=csv' });
    expect(csv.body.split('\r\n')[1]).toMatch(/service_owner,Online marketplace,Ana Silva,/);
    const active = await viewer({
      method: 'GET',
      url: `/api/v1/roles?activeAt=${encodeURIComponent('2020-01-01T00:00:00Z')}`,
    });
    expect(active.json<{ items: unknown[] }>().items).toHaveLength(0);
  });

  it('practices: seeded list, admin-only changes', async () => {
    const list = await viewer({ method: 'GET', url: '/api/v1/practices' });
    expect(list.json<{ items: { key: string }[] }>().items).toHaveLength(10);
    const refused = await ana({
      method: 'POST',
      url: '/api/v1/practices',
      payload: { key: 'release_management', name: 'Release management' },
    });
    expect(refused.statusCode).toBe(403);
    const created = await admin({
      method: 'POST',
      url: '/api/v1/practices',
      payload: { key: 'release_management', name: 'Release management' },
    });
    expect(created.statusCode).toBe(201);
    const off = await admin({
      method: 'PATCH',
      url: '/api/v1/practices/release_management',
      payload: { active: false },
      headers: { 'if-match': '"1"' },
    });
    expect(off.json()).toMatchObject({ active: false, version: 2 });
  });
});
