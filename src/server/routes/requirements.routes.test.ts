import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { testEnvironment } from '../../../test/factories.js';
import { negotiationWorld } from '../../../test/negotiation.js';
import {
  signIn,
  startWithAdminAndViewer,
  testPassword,
  type TestServer,
} from '../../../test/server.js';

type Call = Awaited<ReturnType<typeof signIn>>;
interface Detail {
  id: string;
  version: number;
  status: string;
  revision: number;
  can: Record<string, boolean>;
  entries: { id: string; kind: string; author: { name: string } }[];
  options: { id: string; label: string; status: string; outdated: boolean }[];
  current: { note: string };
}

describe.each(dialects)('requirements over HTTP on %s', (dialect) => {
  let s: TestServer;
  let admin: Call;
  let viewer: Call;
  let rep: Call;
  let owner: Call;
  let w: Awaited<ReturnType<typeof negotiationWorld>>;

  beforeEach(async () => {
    ({ s, admin, viewer } = await startWithAdminAndViewer(dialect));
    // Roles are judged by the server's clock: accept them now.
    w = await negotiationWorld(s.t.uow, testEnvironment(new Date().toISOString()), {
      password: testPassword,
    });
    rep = await signIn(s.app, w.rep.email, testPassword);
    owner = await signIn(s.app, w.owner.email, testPassword);
  });
  afterEach(() => s.close());

  const body = () => ({
    serviceId: w.service.id,
    orgUnitId: w.unit.id,
    title: 'Marketplace for Sales',
    terms: w.terms(),
    businessValue: { currency: 'EUR', lossPerOutageHourMinor: 1_000_000, description: 'Orders' },
    justification: 'Sales stops without it.',
  });

  it('states, reads, revises with If-Match, negotiates, proposes and withdraws', async () => {
    expect(
      (await admin({ method: 'POST', url: '/api/v1/requirements', payload: body() })).statusCode,
    ).toBe(403);
    const bad = await rep({
      method: 'POST',
      url: '/api/v1/requirements',
      payload: {
        ...body(),
        terms: { ...w.terms(), tickets: [{ ...w.terms().tickets[0], goalPercent: 0 }] },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad.json<{ error: { issues: { path: string }[] } }>().error.issues.map((i) => i.path),
    ).toEqual(['terms.tickets.0.goalPercent']);
    const created = await rep({ method: 'POST', url: '/api/v1/requirements', payload: body() });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const r = created.json<Detail>();
    expect(created.headers.location).toBe(`/api/v1/requirements/${r.id}`);
    const read = await viewer({ method: 'GET', url: `/api/v1/requirements/${r.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json<Detail>().can).toEqual({
      revise: false,
      comment: false,
      propose: false,
      choose: false,
      withdraw: false,
    });

    const revision = {
      terms: w.terms(99.9, 4),
      businessValue: { currency: 'EUR', lossPerOutageHourMinor: 1_000_000, description: 'Orders' },
      justification: 'Sales stops without it.',
      note: 'stricter P1',
    };
    const url = `/api/v1/requirements/${r.id}`;
    expect(
      (await rep({ method: 'POST', url: `${url}/revisions`, payload: revision })).statusCode,
    ).toBe(428);
    expect(
      (
        await rep({
          method: 'POST',
          url: `${url}/revisions`,
          payload: revision,
          headers: { 'if-match': '"7"' },
        })
      ).statusCode,
    ).toBe(412);
    expect(
      (
        await owner({
          method: 'POST',
          url: `${url}/revisions`,
          payload: revision,
          headers: { 'if-match': '"1"' },
        })
      ).statusCode,
    ).toBe(403);
    const revised = await rep({
      method: 'POST',
      url: `${url}/revisions`,
      payload: revision,
      headers: { 'if-match': '"1"' },
    });
    expect(revised.statusCode).toBe(201);
    expect(revised.headers.etag).toBe('"2"');
    const diff = await viewer({ method: 'GET', url: `${url}/revisions/1/diff/2` });
    expect(diff.json<{ changes: { label: string }[] }>().changes.map((c) => c.label)).toEqual([
      'Availability: 99.5 % → 99.9 %',
      'P1 resolution: 8 business hours → 4 business hours',
    ]);
    expect((await viewer({ method: 'GET', url: `${url}/revisions/1/diff/9` })).statusCode).toBe(
      404,
    );

    expect(
      (await viewer({ method: 'POST', url: `${url}/comments`, payload: { body: 'hi' } }))
        .statusCode,
    ).toBe(403);
    const noTerms = await owner({
      method: 'POST',
      url: `${url}/comments`,
      payload: { kind: 'counter_proposal', body: 'Cheaper' },
    });
    expect(noTerms.statusCode).toBe(400);
    const proposed = await owner({
      method: 'POST',
      url: `${url}/comments`,
      payload: { kind: 'counter_proposal', body: 'P1 in 6 hours', terms: w.terms(99.9, 6) },
    });
    expect(proposed.statusCode).toBe(201);
    const entry = proposed.json<Detail>().entries[0]!;
    const adopted = await rep({ method: 'POST', url: `${url}/comments/${entry.id}/adopt` });
    expect(adopted.statusCode).toBe(201);
    expect(adopted.json<Detail>()).toMatchObject({ revision: 3 });
    expect(adopted.json<Detail>().current.note).toMatch(
      /^adopted the counter-proposal of Omar Owner on \d{4}-\d{2}-\d{2}$/,
    );

    const option = {
      label: 'Gold',
      terms: w.terms(99.9, 6),
      currency: 'EUR',
      monthlyCostMinor: 900_000,
      delivery: 'Night rota',
    };
    expect((await rep({ method: 'POST', url: `${url}/options`, payload: option })).statusCode).toBe(
      403,
    );
    const badMoney = await owner({
      method: 'POST',
      url: `${url}/options`,
      payload: { ...option, currency: 'euro' },
    });
    expect(badMoney.statusCode).toBe(400);
    const withOption = await owner({ method: 'POST', url: `${url}/options`, payload: option });
    expect(withOption.statusCode).toBe(201);
    const gold = withOption.json<Detail>().options[0]!;
    expect(gold).toMatchObject({ label: 'Gold', status: 'proposed', outdated: false });
    expect((await rep({ method: 'GET', url })).json<Detail>().can.choose).toBe(true);
    const again = await owner({ method: 'POST', url: `${url}/options`, payload: option });
    expect(again.statusCode).toBe(409);
    const withdrawn = await owner({ method: 'POST', url: `${url}/options/${gold.id}/withdraw` });
    expect(withdrawn.json<Detail>().options[0]!.status).toBe('withdrawn');

    const list = await viewer({
      method: 'GET',
      url: `/api/v1/requirements?service=${w.service.slug}&status=open`,
    });
    expect(list.json<{ items: { id: string; revision: number }[] }>().items).toMatchObject([
      { id: r.id, revision: 3 },
    ]);
    const csv = await viewer({ method: 'GET', url: '/api/v1/requirements?format=csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe(
      'id,title,status,revision,serviceName,serviceSlug,orgUnitName,createdByName,availabilityPercent,proposedOptions,createdAt,updatedAt,serviceId,orgUnitId,createdById',
    );
    expect(csv.body).toContain(`${r.id},Marketplace for Sales,open,3,Online marketplace`);
    expect(
      (await viewer({ method: 'GET', url: '/api/v1/requirements?service=nope' })).statusCode,
    ).toBe(400);

    expect((await owner({ method: 'POST', url: `${url}/withdraw` })).statusCode).toBe(403);
    const gone = await rep({
      method: 'POST',
      url: `${url}/withdraw`,
      headers: { 'if-match': '"3"' },
    });
    expect(gone.statusCode).toBe(200);
    expect(gone.json<Detail>().status).toBe('withdrawn');
    const late = await owner({
      method: 'POST',
      url: `${url}/comments`,
      payload: { body: 'Too late?' },
    });
    expect(late.statusCode).toBe(409);
    expect(
      (await viewer({ method: 'GET', url: '/api/v1/requirements?status=withdrawn' })).json<{
        items: unknown[];
      }>().items,
    ).toHaveLength(1);
  });
});
