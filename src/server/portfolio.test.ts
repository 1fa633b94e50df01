import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../test/databases.js';
import { startWithAdminAndViewer, type signIn, type TestServer } from '../../test/server.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/portfolio/${name}`, import.meta.url), 'utf8');
type Call = Awaited<ReturnType<typeof signIn>>;

describe.each(dialects)('portfolio over HTTP on %s', (dialect) => {
  let s: TestServer;
  let admin: Call;
  let viewer: Call;

  beforeEach(async () => {
    ({ s, admin, viewer } = await startWithAdminAndViewer(dialect));
  });
  afterEach(() => s.close());

  const yaml = (url: string, payload: string, call = admin) =>
    call({ method: 'POST', url, payload, headers: { 'content-type': 'application/yaml' } });

  it('applies portfolio YAML (dry run, then for real) and exports it back', async () => {
    const dry = await yaml('/api/v1/portfolio/apply?dryRun=true', fixture('portfolio.yaml'));
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, applied: false, created: 12 });
    const real = await yaml('/api/v1/portfolio/apply', fixture('portfolio.yaml'));
    expect(real.json()).toMatchObject({ applied: true, created: 12, rejected: 0 });
    const exported = await viewer({ method: 'GET', url: '/api/v1/portfolio/export' });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^application\/yaml/);
    expect(exported.body).toMatch(/kind: Service\nslug: online-shop\n/);
    const forbidden = await yaml('/api/v1/portfolio/apply', fixture('portfolio.yaml'), viewer);
    expect(forbidden.statusCode).toBe(403);
  });

  it('imports a Backstage catalogue atomically: nothing when an entity is rejected', async () => {
    const bad = `${fixture('catalog-info.yaml')}---\nkind: Location\nmetadata:\n  name: elsewhere\n`;
    const atomic = await yaml('/api/v1/portfolio/backstage?atomic=true', bad);
    expect(atomic.json()).toMatchObject({ atomic: true, applied: false, rejected: 1 });
    const services = await viewer({ method: 'GET', url: '/api/v1/services' });
    expect(services.json<{ items: unknown[] }>().items).toHaveLength(0);
    const ok = await s.app.inject({
      method: 'POST',
      url: '/api/v1/portfolio/backstage',
      payload: fixture('catalog-info.yaml'),
      headers: { 'content-type': 'text/yaml' },
    });
    expect(ok.statusCode).toBe(401);
    const imported = await yaml('/api/v1/portfolio/backstage', fixture('catalog-info.yaml'));
    expect(imported.json()).toMatchObject({ applied: true, created: 21, rejected: 0 });
  });

  it('imports the services CSV it exports, and reports bad rows by line', async () => {
    await yaml('/api/v1/portfolio/apply', fixture('portfolio.yaml'));
    const csv = await viewer({ method: 'GET', url: '/api/v1/services?format=csv' });
    const again = await admin({
      method: 'POST',
      url: '/api/v1/services/import',
      payload: csv.body,
      headers: { 'content-type': 'text/csv' },
    });
    expect(again.json()).toMatchObject({ unchanged: 4, created: 0, updated: 0, rejected: 0 });
    const rows =
      'slug,name,kind,tier,team,customers,depends_on\n' +
      'payments,Payments,business_service,1,Shop,Retail,shop-api;kubernetes:runs_on\n' +
      'gadget,Gadget,gizmo,2,,,\n' +
      'loop,Loop,component,2,,,loop\n' +
      'payments,Payments again,component,2,,,\n';
    const res = await admin({
      method: 'POST',
      url: '/api/v1/services/import',
      payload: rows,
      headers: { 'content-type': 'text/csv' },
    });
    const report = res.json<{
      items: { line: number; ref: string; outcome: string; reason: string | null }[];
    }>();
    expect(report.items.filter((i) => i.outcome === 'rejected').map((i) => i.line)).toEqual([
      3, 4, 5,
    ]);
    expect(report.items.filter((i) => i.outcome === 'created').map((i) => i.ref)).toEqual([
      'Service/payments',
      'payments -> shop-api',
      'payments -> kubernetes',
      'Service/loop',
    ]);
  });
});
