import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { actorOf, ctxFor, makePerson, testEnvironment } from '../../../test/factories.js';
import type { ImportReport } from '../../contract/portfolio.js';
import type { Ctx } from '../context.js';
import { applyPortfolio } from './apply-portfolio.js';
import { exportPortfolio } from './export-portfolio.js';
import { importBackstage } from './import-backstage.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/portfolio/${name}`, import.meta.url), 'utf8');
const catalog = fixture('catalog-info.yaml');
const portfolio = fixture('portfolio.yaml');
const run = { dryRun: false, atomic: false };
const outcomeOf = (r: ImportReport, ref: string) => r.items.find((i) => i.ref === ref)?.outcome;

describe.each(dialects)('portfolio import and export on %s', (dialect) => {
  let t: TestDatabase;
  let ctx: Ctx;
  const env = testEnvironment();

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    ctx = ctxFor(actorOf(await makePerson(t.uow, env, { role: 'admin' })), env);
  });
  afterEach(() => t.drop());

  it('imports a Backstage catalogue, mapping kinds, owners, lifecycles and relations', async () => {
    const report = await importBackstage(t.uow, ctx, catalog, run);
    expect(report).toMatchObject({ applied: true, rejected: 0, created: 21, skipped: 3 });
    const api = await t.uow.read.services.getBySourceRef('component:default/payments-api');
    expect(api).toMatchObject({
      slug: 'payments-api',
      name: 'Payments API service',
      kind: 'technical_service',
      lifecycle: 'live',
      system: 'checkout',
      domain: 'commerce',
      tags: ['java', 'pci'],
      links: [{ title: 'Runbook', url: 'https://runbooks.example.com/payments' }],
    });
    const payments = await t.uow.read.teams.findByName('Payments');
    expect(api?.teamId).toBe(payments?.id);
    expect(await t.uow.read.services.getBySlug('checkout')).toMatchObject({
      kind: 'business_service',
      system: 'checkout',
    });
    expect(await t.uow.read.services.getBySlug('money-lib')).toMatchObject({
      kind: 'component',
      lifecycle: 'live',
      tags: ['deprecated'],
    });
    // The API runs on the component that provides it.
    const paymentsApi = await t.uow.read.services.getBySourceRef('api:default/payments');
    expect(paymentsApi?.slug).toBe('payments');
    const down = await t.uow.read.services.reach(api!.id, 'down');
    expect(down.map((s) => s.slug).sort()).toEqual(['fraud-check', 'money-lib', 'payments-db']);
    expect(outcomeOf(report, 'user:default/ada')).toBe('skipped');
    expect(outcomeOf(report, 'system:default/catalogue')).toBe('skipped');
    const db = report.items.find((i) => i.ref === 'payments-api -> payments-db');
    expect(db).toMatchObject({ kind: 'Dependency', outcome: 'created' });
  });

  it('re-importing reports every entity unchanged, and a changed entity updated', async () => {
    await importBackstage(t.uow, ctx, catalog, run);
    const again = await importBackstage(t.uow, ctx, catalog, run);
    expect(again).toMatchObject({ created: 0, updated: 0, rejected: 0, unchanged: 21 });
    const changed = catalog.replace('Shared money arithmetic.', 'Money maths.');
    const third = await importBackstage(t.uow, ctx, changed, run);
    expect(third.updated).toBe(1);
    expect(third.items.find((i) => i.outcome === 'updated')).toMatchObject({
      ref: 'component:default/money-lib',
      changes: [{ field: 'description', from: '"Shared money arithmetic."', to: '"Money maths."' }],
    });
  });

  it('rejects bad entities with their line and applies the rest', async () => {
    const bad = [
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: good\nspec:\n  type: service\n',
      'kind: Template\nmetadata:\n  name: scaffold\n',
      'kind: Component\nmetadata:\n  name: selfish\nspec:\n  dependsOn: [component:selfish]\n',
      'kind: Component\nmetadata:\n  name: lost\nspec:\n  dependsOn: [component:nowhere]\n',
      'kind: Component\nmetadata:\n  title: no name\n',
      'kind: [unclosed\n',
    ].join('---\n');
    const report = await importBackstage(t.uow, ctx, bad, run);
    const rejected = report.items.filter((i) => i.outcome === 'rejected');
    expect(rejected.map((i) => [i.line, i.reason?.slice(0, 30)])).toEqual([
      [8, 'kind: unknown kind "Template";'],
      [12, 'toId: a service cannot depend '],
      [18, 'no service component:default/n'],
      [24, 'metadata.name: must be a non-e'],
      [28, expect.stringMatching(/^not valid YAML/)],
    ]);
    expect(await t.uow.read.services.getBySlug('good')).not.toBeNull();
  });

  it('refuses an alias bomb per document without expanding it', async () => {
    const bomb =
      'kind: Component\nmetadata:\n  name: bomb\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n' +
      '  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n' +
      '  d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\nkind: Component\nmetadata:\n  name: fine\n';
    const report = await importBackstage(t.uow, ctx, bomb, run);
    expect(report.items[0]).toMatchObject({ line: 1, outcome: 'rejected' });
    expect(report.items[0]?.reason).toMatch(/alias bomb/);
    expect(outcomeOf(report, 'component:default/fine')).toBe('created');
  });

  it('refuses files over the size cap with a clear message', async () => {
    const huge = `kind: Component\nmetadata:\n  name: x\n  description: "${'x'.repeat(5 * 1024 * 1024)}"\n`;
    await expect(importBackstage(t.uow, ctx, huge, run)).rejects.toThrow(/limit is 5 MB/);
  });

  it('applies nothing atomically when an item is rejected, and nothing on a dry run', async () => {
    const withCycle = `${portfolio}---\nkind: Service\nslug: kubernetes-tools\nname: Tools\nserviceKind: component\ndependsOn: [{ service: shop-api }]\n---\nkind: Service\nslug: bad\nname: Bad\nserviceKind: gadget\n`;
    const atomic = await applyPortfolio(t.uow, ctx, withCycle, { dryRun: false, atomic: true });
    expect(atomic).toMatchObject({ applied: false, rejected: 1 });
    expect(atomic.items.find((i) => i.outcome === 'rejected')?.reason).toMatch(/serviceKind/);
    expect(await t.uow.read.services.getBySlug('online-shop')).toBeNull();
    const dry = await applyPortfolio(t.uow, ctx, portfolio, { dryRun: true, atomic: false });
    expect(dry).toMatchObject({ applied: false, dryRun: true, rejected: 0, created: 12 });
    expect(await t.uow.read.services.getBySlug('online-shop')).toBeNull();
    expect(await t.uow.read.teams.findByName('Platform')).toBeNull();
  });

  it('rejects a dependency that would close a cycle, per item, and keeps the rest', async () => {
    await applyPortfolio(t.uow, ctx, portfolio, run);
    const cycle = portfolio.replace(
      'slug: kubernetes\nname: Kubernetes cluster\nserviceKind: component\nlifecycle: live\nteam: Platform\n',
      'slug: kubernetes\nname: Kubernetes cluster\nserviceKind: component\nlifecycle: live\nteam: Platform\ndependsOn: [{ service: online-shop }]\n',
    );
    const report = await applyPortfolio(t.uow, ctx, cycle, run);
    const rejected = report.items.filter((i) => i.outcome === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ kind: 'Dependency', ref: 'kubernetes -> online-shop' });
    expect(rejected[0]?.reason).toMatch(/cycle/);
    expect(report.applied).toBe(true);
  });

  it('reports field changes, removes dependencies no longer listed, and refuses duplicates', async () => {
    await applyPortfolio(t.uow, ctx, portfolio, run);
    const edited = portfolio
      .replace('tier: 2\nteam: Shop\n', 'tier: 1\nteam: Platform\n')
      .replace('  - service: orders-db\n    type: data_from\n', '');
    const report = await applyPortfolio(t.uow, ctx, `${edited}---\nkind: Team\nname: shop\n`, run);
    expect(report.items.find((i) => i.ref === 'Service/shop-api')?.changes).toEqual([
      { field: 'tier', from: '2', to: '1' },
      { field: 'team', from: '"Shop"', to: '"Platform"' },
    ]);
    expect(outcomeOf(report, 'shop-api -> orders-db')).toBe('removed');
    expect(report.items.find((i) => i.ref === 'Team/shop')?.reason).toBe(
      'already declared on line 10',
    );
  });

  it('round-trips: export, apply to an empty database, export again gives the same text', async () => {
    const applied = await applyPortfolio(t.uow, ctx, portfolio, run);
    expect(applied.rejected).toBe(0);
    const first = await exportPortfolio(t.uow, ctx);
    expect(first).toMatch(/kind: Service\nslug: old-catalogue[\s\S]*lifecycle: retired/);
    const empty = await createTestDatabase(dialect);
    try {
      const ctx2 = ctxFor(actorOf(await makePerson(empty.uow, env, { role: 'admin' })), env);
      const report = await applyPortfolio(empty.uow, ctx2, first, run);
      expect(report.rejected).toBe(0);
      expect(await exportPortfolio(empty.uow, ctx2)).toBe(first);
      const again = await applyPortfolio(empty.uow, ctx2, first, run);
      expect(again.items.every((i) => i.outcome === 'unchanged')).toBe(true);
    } finally {
      await empty.drop();
    }
  });

  it('only lets admins import', async () => {
    const member = await makePerson(t.uow, env, { role: 'member' });
    await expect(
      applyPortfolio(t.uow, ctxFor(actorOf(member), env), portfolio, run),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
