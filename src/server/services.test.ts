import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../test/databases.js';
import { startWithAdminAndViewer, type signIn, type TestServer } from '../../test/server.js';

type Call = Awaited<ReturnType<typeof signIn>>;
interface ErrorJson {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

describe.each(dialects)('services over HTTP on %s', (dialect) => {
  let s: TestServer;
  let admin: Call;
  let viewer: Call;

  beforeEach(async () => {
    ({ s, admin, viewer } = await startWithAdminAndViewer(dialect));
  });
  afterEach(() => s.close());

  const create = async (payload: object) => {
    const res = await admin({ method: 'POST', url: '/api/v1/services', payload });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string; slug: string }>();
  };

  it('creates, reads by slug, edits with If-Match, retires, and exports CSV', async () => {
    const shop = await create({
      name: 'Online marketplace',
      kind: 'business_service',
      tier: 1,
      tags: ['revenue'],
    });
    const bySlug = await viewer({ method: 'GET', url: '/api/v1/services/online-marketplace' });
    expect(bySlug.json()).toMatchObject({ id: shop.id, tier: 1, lifecycle: 'pipeline' });
    const live = await admin({
      method: 'PATCH',
      url: '/api/v1/services/online-marketplace',
      payload: { lifecycle: 'live' },
      headers: { 'if-match': bySlug.headers.etag as string },
    });
    expect(live.json()).toMatchObject({ lifecycle: 'live', version: 2 });
    const stale = await admin({
      method: 'POST',
      url: `/api/v1/services/${shop.id}/retire`,
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(412);
    const retired = await admin({
      method: 'POST',
      url: `/api/v1/services/${shop.id}/retire`,
      headers: { 'if-match': '"2"' },
    });
    expect(retired.json()).toMatchObject({ lifecycle: 'retired' });
    const csv = await viewer({
      method: 'GET',
      url: '/api/v1/services?includeRetired=true&format=csv',
    });
    expect(csv.body.split('\r\n')[1]).toContain('online-marketplace');
    expect((await viewer({ method: 'GET', url: '/api/v1/services' })).json()).toMatchObject({
      items: [],
    });
  });

  it.each([
    [{ name: 'X1', kind: 'platform' }, 'kind'],
    [{ name: 'Shop', kind: 'component', tier: 7 }, 'tier'],
    [{ name: 'Shop', kind: 'component', slug: 'Not A Slug' }, 'slug'],
    [
      { name: 'Shop', kind: 'component', monthlyCost: { amountMinor: 10, currency: 'euro' } },
      'monthlyCost.currency',
    ],
    [
      { name: 'Shop', kind: 'component', links: [{ title: 'x', url: 'javascript:alert(1)' }] },
      'links.0.url',
    ],
  ])('refuses %o naming %s', async (payload, path) => {
    const res = await admin({ method: 'POST', url: '/api/v1/services', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorJson>().error.issues?.map((i) => i.path)).toContain(path);
  });

  it('refuses a cycle with the path, analyses impact, and returns the service view', async () => {
    const shop = await create({ name: 'Shop', kind: 'business_service', tier: 1 });
    const api = await create({ name: 'Shop API', kind: 'technical_service' });
    const db = await create({ name: 'Orders DB', kind: 'component' });
    const edge = (fromId: string, toId: string) =>
      admin({ method: 'POST', url: '/api/v1/dependencies', payload: { fromId, toId } });
    expect((await edge(shop.id, api.id)).statusCode).toBe(201);
    expect((await edge(api.id, db.id)).statusCode).toBe(201);
    const cycle = await edge(db.id, shop.id);
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json<ErrorJson>().error.message).toContain(
      'Orders DB → Shop → Shop API → Orders DB',
    );
    expect(
      (
        await viewer({
          method: 'POST',
          url: '/api/v1/dependencies',
          payload: { fromId: db.id, toId: api.id },
        })
      ).statusCode,
    ).toBe(403);

    const impact = (
      await viewer({ method: 'GET', url: '/api/v1/services/orders-db/impact' })
    ).json<{ businessServicesAffected: { slug: string; depth: number }[] }>();
    expect(impact.businessServicesAffected).toMatchObject([{ slug: 'shop', depth: 2 }]);
    const view = (await viewer({ method: 'GET', url: '/api/v1/services/shop/view' })).json<{
      nodes: unknown[];
      edges: unknown[];
    }>();
    expect(view.nodes).toHaveLength(2);
    expect(view.edges).toHaveLength(2);
    const direct = (
      await viewer({ method: 'GET', url: `/api/v1/services/${api.id}/dependencies` })
    ).json<{ outgoing: { id: string }[]; incoming: unknown[] }>();
    expect(direct.incoming).toHaveLength(1);
    const removed = await admin({
      method: 'DELETE',
      url: `/api/v1/dependencies/${direct.outgoing[0]!.id}`,
    });
    expect(removed.statusCode).toBe(204);
    expect((await edge(db.id, shop.id)).statusCode).toBe(201);
    expect((await viewer({ method: 'GET', url: '/api/v1/services/nope/impact' })).statusCode).toBe(
      404,
    );
  });
});
