import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../test/databases.js';
import { startWithAdminAndViewer, type signIn, type TestServer } from '../../test/server.js';

type Call = Awaited<ReturnType<typeof signIn>>;

describe.each(dialects)('governance over HTTP on %s', (dialect) => {
  let s: TestServer;
  let admin: Call;
  let viewer: Call;

  beforeEach(async () => {
    ({ s, admin, viewer } = await startWithAdminAndViewer(dialect));
    for (const [name, tier] of [
      ['Online marketplace', 1],
      ['Payroll', 3],
    ] as const) {
      const res = await admin({
        method: 'POST',
        url: '/api/v1/services',
        payload: { name, kind: 'business_service', tier, lifecycle: 'live' },
      });
      expect(res.statusCode).toBe(201);
    }
  });
  afterEach(() => s.close());

  it('lets any signed-in user read the index, its trend and the page; not anonymous callers', async () => {
    const anonymous = await s.app.inject({ method: 'GET', url: '/api/v1/governance' });
    expect(anonymous.statusCode).toBe(401);

    const page = await viewer({ method: 'GET', url: '/api/v1/governance' });
    expect(page.statusCode).toBe(200);
    const body = page.json<{
      index: { value: number; components: { key: string; applies: boolean }[] };
      trend: { dates: string[] };
      unownedServices: { total: number; items: { name: string }[] };
    }>();
    // Nothing owned yet: ownership 0; no roles or nominations, no process owner yet.
    expect(body.index.components.find((c) => c.key === 'accepted_ownership')).toMatchObject({
      applies: true,
      value: 0,
    });
    expect(body.trend.dates).toHaveLength(365);
    expect(body.unownedServices.items.map((x) => x.name)).toEqual([
      'Online marketplace',
      'Payroll',
    ]);

    const one = await viewer({
      method: 'GET',
      url: '/api/v1/governance/index?scope=service:online-marketplace',
    });
    expect(one.json()).toMatchObject({
      scope: { key: 'service:online-marketplace', kind: 'service' },
      value: 0,
    });
    const trend = await viewer({
      method: 'GET',
      url: '/api/v1/governance/index/trend?from=2026-01-01&to=2026-01-31&scope=portfolio',
    });
    expect(trend.statusCode).toBe(200);
    expect(trend.json<{ dates: string[] }>().dates).toHaveLength(31);
  });

  it('refuses bad scopes and dates with the field named', async () => {
    const bad = await viewer({ method: 'GET', url: '/api/v1/governance/index?scope=team:x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { issues: [{ path: 'scope' }] } });
    const missing = await viewer({
      method: 'GET',
      url: '/api/v1/governance/index?scope=service:nowhere',
    });
    expect(missing.statusCode).toBe(404);
    const date = await viewer({ method: 'GET', url: '/api/v1/governance/index?at=yesterday' });
    expect(date.json()).toMatchObject({ error: { issues: [{ path: 'at' }] } });
  });

  it('lists unowned services most critical first, filtered, and as CSV', async () => {
    const list = await viewer({ method: 'GET', url: '/api/v1/governance/unowned-services?tier=3' });
    expect(list.json()).toMatchObject({ items: [{ name: 'Payroll', tier: 3 }], total: 1 });
    const csv = await viewer({
      method: 'GET',
      url: '/api/v1/governance/unowned-services?format=csv',
    });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,slug,name,kind,tier,orgUnitIds,liveAt,ownerlessSince,nominationPending',
    );
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(['Online marketplace', 'Payroll']);
  });
});
