import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementDetail, VersionDiff } from '../contract/agreements.js';
import { agreementPassword, agreementWorld } from '../../test/agreements.js';
import { dialects } from '../../test/databases.js';
import { testEnvironment } from '../../test/factories.js';
import { chooseOption } from '../app/agreements/choose-option.js';
import { ChooseOption } from '../contract/agreements.js';
import {
  signIn,
  startTestServer,
  startWithAdminAndViewer,
  type TestServer,
} from '../../test/server.js';

type Caller = Awaited<ReturnType<typeof signIn>>;

describe.each(dialects)('agreements API on %s', (dialect) => {
  let s: TestServer;
  let viewer: Caller;
  let owner: Caller;
  let customer: Caller;
  let lead: Caller;
  let otherLead: Caller;
  let w: Awaited<ReturnType<typeof agreementWorld>>;

  beforeAll(async () => {
    const started = await startWithAdminAndViewer(dialect);
    s = started.s;
    viewer = started.viewer;
    // The server runs on the real clock; the world is built "now" so its roles are active.
    w = await agreementWorld(s.t.uow, testEnvironment(new Date().toISOString()));
    const as = async (id: string) => {
      const p = (await s.t.uow.read.people.get(id as never))!;
      return signIn(s.app, p.email, agreementPassword);
    };
    owner = await as(w.owner.id);
    customer = await as(w.customer.id);
    lead = await as(w.lead.id);
    otherLead = await as(w.otherLead.id);
  });
  afterAll(() => s.close());

  const body = <T>(r: { json: () => unknown }) => r.json() as T;

  it('choose → sign → acknowledge → active, with every refusal answered and nothing changed', async () => {
    const { requirement, plus } = await w.requirement();
    const url = `/api/v1/requirements/${requirement.id}/options/${plus.id}/choose`;
    const refused = await owner({ method: 'POST', url, payload: {} });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(
      /Only the customer representative.*recorded in the audit log/,
    );
    const bad = await customer({ method: 'POST', url, payload: { reviewPeriod: 'week' } });
    expect(bad.statusCode).toBe(400);

    const chosen = await customer({ method: 'POST', url, payload: { notes: 'Office hours only' } });
    expect(chosen.statusCode).toBe(201);
    const detail = body<AgreementDetail>(chosen);
    const code = detail.agreement.code;
    const v1 = detail.versions[0]!;
    expect(v1).toMatchObject({ number: 1, status: 'pending' });
    expect(detail.permissions.canSign).toEqual(['customer_representative']);

    // Editing in place is refused whatever the method.
    for (const method of ['PUT', 'PATCH'] as const) {
      const r = await owner({ method, url: `/api/v1/agreements/${code}/versions/1`, payload: {} });
      expect(r.statusCode).toBe(409);
      expect(r.body).toContain('an agreement version never changes; create a new version');
    }

    const signUrl = `/api/v1/agreements/${code}/versions/1/signatures`;
    const signAs = (c: Caller, party: string, extra: object = {}) =>
      c({
        method: 'POST',
        url: signUrl,
        payload: { party, password: agreementPassword, contentHash: v1.contentHash, ...extra },
      });
    expect((await signAs(viewer, 'service_owner')).statusCode).toBe(403);
    expect((await signAs(customer, 'service_owner')).statusCode).toBe(403);
    const wrong = await signAs(owner, 'service_owner', { password: 'wrong password' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.body).toContain('password is wrong');
    const stale = await signAs(owner, 'service_owner', {
      contentHash: `sha256:${'a'.repeat(64)}`,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('changed since you read it');
    const unchanged = body<AgreementDetail>(
      await viewer({ method: 'GET', url: `/api/v1/agreements/${code}` }),
    );
    expect(unchanged.versions[0]!.signatures).toEqual([]);

    expect((await signAs(owner, 'service_owner')).statusCode).toBe(200);
    const twice = await signAs(owner, 'service_owner');
    expect(twice.statusCode).toBe(409);
    expect((await signAs(customer, 'customer_representative')).statusCode).toBe(200);

    const ackUrl = `/api/v1/agreements/${code}/versions/1/acknowledgements`;
    const ack = { olaKey: 'ola-1', contentHash: v1.contentHash };
    expect((await otherLead({ method: 'POST', url: ackUrl, payload: ack })).statusCode).toBe(403);
    const acked = await lead({ method: 'POST', url: ackUrl, payload: ack });
    expect(acked.statusCode).toBe(200);
    expect(body<AgreementDetail>(acked).agreement).toMatchObject({
      status: 'active',
      activeVersion: 1,
      unbackedTargets: 0,
    });

    // A signature on an active version names its state.
    const late = await signAs(customer, 'customer_representative');
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('active');

    // New version: stale basedOn is 409; then the diff reads in words.
    const versionsUrl = `/api/v1/agreements/${code}/versions`;
    const change = {
      changes: { reviewPeriod: 'quarter' },
      changeNote: 'Quarterly reviews',
    };
    expect(
      (await owner({ method: 'POST', url: versionsUrl, payload: { basedOn: 7, ...change } }))
        .statusCode,
    ).toBe(409);
    expect(
      (await customer({ method: 'POST', url: versionsUrl, payload: { basedOn: 1, ...change } }))
        .statusCode,
    ).toBe(403);
    const v2 = await owner({
      method: 'POST',
      url: versionsUrl,
      payload: { basedOn: 1, ...change },
    });
    expect(v2.statusCode).toBe(201);
    const diff = body<VersionDiff>(
      await viewer({ method: 'GET', url: `/api/v1/agreements/${code}/versions/2/diff` }),
    );
    expect(diff).toEqual({
      from: 1,
      to: 2,
      changes: [
        {
          path: 'reviewPeriod',
          label: 'Review period: monthly → quarterly',
          before: 'monthly',
          after: 'quarterly',
        },
      ],
    });
    const one = await viewer({ method: 'GET', url: `/api/v1/agreements/${code}/versions/1` });
    expect(one.json<{ status: string }>().status).toBe('active');
  });

  it('lists with filters, sort and CSV, and per service', async () => {
    const list = await viewer({
      method: 'GET',
      url: '/api/v1/agreements?status=active&sort=-code',
    });
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: { code: string; status: string }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.status === 'active')).toBe(true);
    const none = await viewer({ method: 'GET', url: '/api/v1/agreements?q=no-such-thing' });
    expect(none.json<{ items: unknown[] }>().items).toEqual([]);
    const csv = await viewer({ method: 'GET', url: '/api/v1/agreements?format=csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toMatch(/^code,title,serviceName,customerName,status/);
    expect(csv.body).toContain('SLA-0001');
    const perService = await viewer({
      method: 'GET',
      url: `/api/v1/services/${w.service.slug}/agreements`,
    });
    expect(perService.json<{ items: { code: string }[] }>().items.map((i) => i.code)).toEqual([
      'SLA-0001',
    ]);
    expect((await viewer({ method: 'GET', url: '/api/v1/agreements/SLA-9999' })).statusCode).toBe(
      404,
    );
  });

  it('rate-limits signing attempts per person like sign-in attempts', async () => {
    const limited = await startTestServer(dialect, { CHARTER_LOGIN_ATTEMPTS_PER_MINUTE: '2' });
    try {
      const world = await agreementWorld(limited.t.uow, testEnvironment(new Date().toISOString()));
      const { requirement, plus } = await world.requirement();
      const d = await chooseOption(
        limited.t.uow,
        world.as(world.customer),
        requirement.id,
        plus.id,
        ChooseOption.parse({}),
      );
      const p = (await limited.t.uow.read.people.get(world.owner.id))!;
      const signer = await signIn(limited.app, p.email, agreementPassword);
      const attempt = () =>
        signer({
          method: 'POST',
          url: `/api/v1/agreements/${d.agreement.code}/versions/1/signatures`,
          payload: {
            party: 'service_owner',
            password: 'guess',
            contentHash: d.versions[0]!.contentHash,
          },
        });
      expect((await attempt()).statusCode).toBe(403);
      expect((await attempt()).statusCode).toBe(403);
      expect((await attempt()).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
