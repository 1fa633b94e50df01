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
interface ErrorJson {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}
interface Item {
  id: string;
  backing: string;
  unbacked: boolean;
  version: number;
}

describe.each(dialects)('commitments over HTTP on %s', (dialect) => {
  let s: TestServer;
  let admin: Call;
  let viewer: Call;
  let cio: Call;
  let lead: Call;
  let teamId: string;
  let adminId: string;
  const dueAt = new Date(Date.now() + 30 * 86_400_000).toISOString();

  beforeEach(async () => {
    ({ s, admin, viewer } = await startWithAdminAndViewer(dialect));
    const env = testEnvironment();
    await makePerson(s.t.uow, env, {
      name: 'Cora CIO',
      email: 'cio@example.com',
      role: 'member',
      password: testPassword,
    });
    const leadPerson = await makePerson(s.t.uow, env, {
      name: 'Lee Lead',
      email: 'lead@example.com',
      role: 'member',
      password: testPassword,
    });
    cio = await signIn(s.app, 'cio@example.com', testPassword);
    lead = await signIn(s.app, 'lead@example.com', testPassword);
    const team = await admin({
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name: 'Platform', leadId: leadPerson.id },
    });
    teamId = team.json<{ id: string }>().id;
    adminId = (await admin({ method: 'GET', url: '/api/v1/auth/me' })).json<{ personId: string }>()
      .personId;
  });
  afterEach(() => s.close());

  const make = (call: Call, payload: object = {}) =>
    call({
      method: 'POST',
      url: '/api/v1/commitments',
      payload: {
        toType: 'person',
        toId: adminId,
        what: 'Checkout p95 under 2 s',
        dueAt,
        delivererType: 'team',
        delivererId: teamId,
        ...payload,
      },
    });

  it('creates on behalf of a team; only its lead accepts; others get 403 and are audited; twice is 409', async () => {
    const created = await make(cio);
    expect(created.statusCode).toBe(201);
    const c = created.json<Item & { makerName: string }>();
    expect(c).toMatchObject({ makerName: 'Cora CIO', backing: 'pending', unbacked: true });

    const byAdmin = await admin({ method: 'POST', url: `/api/v1/commitments/${c.id}/accept` });
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json<ErrorJson>().error.message).toContain('Lee Lead, lead of Platform');
    const audit = await admin({
      method: 'GET',
      url: `/api/v1/audit?action=commitment.accept_refused&entityId=${c.id}`,
    });
    expect(audit.json<{ items: { actorName: string }[] }>().items).toHaveLength(1);

    const ok = await lead({ method: 'POST', url: `/api/v1/commitments/${c.id}/accept` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ backing: 'accepted', unbacked: false, version: 2 });
    const again = await lead({ method: 'POST', url: `/api/v1/commitments/${c.id}/accept` });
    expect(again.statusCode).toBe(409);
    const read = await viewer({ method: 'GET', url: `/api/v1/commitments/${c.id}` });
    expect(read.json()).toMatchObject({ version: 2 });
    expect(read.headers.etag).toBe('"2"');
  });

  it.each([
    [{ makerId: '00000000-0000-4000-8000-000000000000' }, 'makerId'],
    [{ dueAt: 'next tuesday' }, 'dueAt'],
    [{ toType: 'company' }, 'toType'],
    [{ what: '' }, 'what'],
    [{ delivererType: undefined }, 'delivererType'],
    [{ delivererId: undefined }, 'delivererId'],
    [{ toId: '00000000-0000-4000-8000-000000000000' }, 'toId'],
  ])('refuses %o naming %s', async (payload, path) => {
    const res = await make(cio, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorJson>().error.issues?.map((i) => i.path)).toContain(path);
  });

  it('rejects with a reason, lists unbacked ones, exports CSV, and reports them by maker', async () => {
    const a = (await make(cio)).json<Item>();
    const b = (await make(cio, { delivererType: undefined, delivererId: undefined })).json<Item>();
    await make(admin);
    expect(
      (await lead({ method: 'POST', url: `/api/v1/commitments/${a.id}/reject`, payload: {} }))
        .statusCode,
    ).toBe(400);
    const rejected = await lead({
      method: 'POST',
      url: `/api/v1/commitments/${a.id}/reject`,
      payload: { reason: 'No capacity before Q3' },
    });
    expect(rejected.json()).toMatchObject({ backing: 'rejected', unbacked: true });
    expect(b).toMatchObject({ backing: 'self' });

    const unbacked = await viewer({
      method: 'GET',
      url: '/api/v1/commitments?backing=unbacked&maker=cio@example.com',
    });
    expect(unbacked.json<{ items: Item[] }>().items.map((i) => i.id)).toEqual([a.id]);
    const csv = await viewer({
      method: 'GET',
      url: '/api/v1/commitments?format=csv&sort=createdAt',
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^id,makerName,toType,toName,delivererType,delivererName,what,dueAt/);

    const report = await viewer({ method: 'GET', url: '/api/v1/commitments/unbacked-report' });
    expect(report.statusCode).toBe(200);
    const makers = report
      .json<{ makers: { maker: { name: string }; count: number }[] }>()
      .makers.map((m) => [m.maker.name, m.count]);
    expect(makers).toHaveLength(2);
    expect(makers).toContainEqual(['Cora CIO', 1]);
    const reportCsv = await viewer({
      method: 'GET',
      url: '/api/v1/commitments/unbacked-report?format=csv',
    });
    expect(reportCsv.body.split('\r\n')[0]).toBe(
      'makerName,makerEmail,makerCount,id,what,delivererType,delivererName,toName,dueAt,backing,rejectionReason,serviceName,createdAt',
    );
    expect(reportCsv.body).toContain('cio@example.com');
    expect(reportCsv.body).toContain('No capacity before Q3');

    const withdrawByOther = await admin({
      method: 'POST',
      url: `/api/v1/commitments/${a.id}/withdraw`,
    });
    expect(withdrawByOther.statusCode).toBe(403);
    const withdrawn = await cio({ method: 'POST', url: `/api/v1/commitments/${a.id}/withdraw` });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', unbacked: false });
    expect((await viewer({ method: 'GET', url: '/api/v1/commitments/nope' })).statusCode).toBe(400);
    expect((await make(viewer)).statusCode).toBe(403);
  });
});
