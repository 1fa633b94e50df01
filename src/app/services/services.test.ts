import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreateDependency, CreateService } from '../../contract/services.js';
import { CreateOrgUnit, CreateTeam } from '../../contract/teams.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { actorOf, ctxFor, makePerson, testEnvironment } from '../../../test/factories.js';
import type { Ctx } from '../context.js';
import { createOrgUnit } from '../org-units/create-org-unit.js';
import { createTeam } from '../teams/create-team.js';
import { addDependency } from './add-dependency.js';
import { analyseImpact } from './analyse-impact.js';
import { createService } from './create-service.js';
import { listServices } from './read-services.js';
import { retireService, updateService } from './update-service.js';
import { viewService } from './view-service.js';
import { removeDependency } from './remove-dependency.js';
import { unitOfWork } from '../../db/store.js';

describe.each(dialects)('service portfolio on %s', (dialect) => {
  let t: TestDatabase;
  let ctx: Ctx;
  const env = testEnvironment();
  const add = (name: string, extra: object = {}) =>
    createService(t.uow, ctx, CreateService.parse({ name, kind: 'technical_service', ...extra }));
  const dependsOn = (fromId: string, toId: string, type = 'uses') =>
    addDependency(t.uow, ctx, CreateDependency.parse({ fromId, toId, type }));

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    ctx = ctxFor(actorOf(await makePerson(t.uow, env, { role: 'admin' })), env);
  });
  afterEach(() => t.drop());

  it('creates a service with a derived slug, refuses a duplicate slug, and audits it', async () => {
    const team = await createTeam(t.uow, ctx, CreateTeam.parse({ name: 'Payments' }));
    const unit = await createOrgUnit(t.uow, ctx, CreateOrgUnit.parse({ name: 'Retail' }));
    const s = await add('Checkout & Payments', {
      kind: 'business_service',
      tier: 1,
      lifecycle: 'live',
      teamId: team.id,
      orgUnitIds: [unit.id],
      monthlyCost: { amountMinor: 1250000, currency: 'EUR' },
      tags: ['PCI', 'revenue'],
      links: [{ title: 'Runbook', url: 'https://wiki.example.org/checkout' }],
    });
    expect(s).toMatchObject({
      slug: 'checkout-and-payments',
      tier: 1,
      lifecycle: 'live',
      tags: ['pci', 'revenue'],
      orgUnitIds: [unit.id],
    });
    expect(s.liveAt).not.toBeNull();
    await expect(add('Checkout and payments')).rejects.toMatchObject({
      code: 'conflict',
      issues: [{ path: 'slug' }],
    });
    await expect(
      add('Xylophone', { teamId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ issues: [{ path: 'teamId' }] });
    const entries = await t.uow.read.audit.list({ entityType: 'service' }, { limit: 5 });
    expect(entries.items[0]).toMatchObject({
      action: 'service.created',
      after: { slug: 'checkout-and-payments' },
    });
  });

  it('moves lifecycle forward only, retires with history, and lists retired services on request', async () => {
    const s = await add('Legacy search');
    const live = await updateService(t.uow, ctx, s.id, 1, { lifecycle: 'live' });
    expect(live.liveAt).not.toBeNull();
    await expect(
      updateService(t.uow, ctx, s.id, 2, { lifecycle: 'pipeline' }),
    ).rejects.toMatchObject({ issues: [{ path: 'lifecycle' }] });
    const retired = await retireService(t.uow, ctx, s.id, 2);
    expect(retired).toMatchObject({ lifecycle: 'retired', version: 3 });
    expect(retired.retiredAt).not.toBeNull();
    await expect(updateService(t.uow, ctx, s.id, 3, { name: 'Zombie' })).rejects.toMatchObject({
      code: 'invalid',
    });
    expect((await listServices(t.uow, ctx, { limit: 10 })).items).toHaveLength(0);
    expect(
      (await listServices(t.uow, ctx, { limit: 10, includeRetired: true })).items,
    ).toHaveLength(1);
    expect(
      (await listServices(t.uow, ctx, { limit: 10, lifecycle: 'retired' })).items,
    ).toHaveLength(1);
  });

  it('refuses self-edges, duplicates, missing services and cycles, naming the cycle', async () => {
    const shop = await add('Shop', { kind: 'business_service' });
    const api = await add('Shop API');
    const db = await add('Orders DB', { kind: 'component' });
    await dependsOn(shop.id, api.id);
    await dependsOn(api.id, db.id, 'data_from');
    await expect(dependsOn(db.id, db.id)).rejects.toMatchObject({
      code: 'invalid',
      issues: [{ path: 'toId' }],
    });
    await expect(dependsOn(shop.id, api.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(dependsOn(shop.id, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      issues: [{ path: 'toId', message: 'no service has this id' }],
    });
    await expect(dependsOn(db.id, shop.id)).rejects.toMatchObject({
      code: 'conflict',
      message:
        'toId: this dependency would create a cycle: Orders DB → Shop → Shop API → Orders DB',
    });
    const view = await viewService(t.uow, ctx, shop.slug);
    expect(view.edges).toHaveLength(2);
  });

  it('answers which business services suffer when a shared component fails', async () => {
    const unitA = await createOrgUnit(t.uow, ctx, CreateOrgUnit.parse({ name: 'Retail' }));
    const unitB = await createOrgUnit(t.uow, ctx, CreateOrgUnit.parse({ name: 'Logistics' }));
    const team = await createTeam(t.uow, ctx, CreateTeam.parse({ name: 'Platform' }));
    const shop = await add('Online marketplace', {
      kind: 'business_service',
      tier: 1,
      orgUnitIds: [unitA.id],
    });
    const wms = await add('Warehouse management', {
      kind: 'business_service',
      tier: 2,
      orgUnitIds: [unitB.id],
    });
    const intranet = await add('Intranet', { kind: 'business_service', tier: 4 });
    const api = await add('Catalogue API');
    const stock = await add('Stock service');
    const k8s = await add('Kubernetes platform', { kind: 'component', teamId: team.id });
    const pg = await add('PostgreSQL cluster', { kind: 'component', teamId: team.id });
    await dependsOn(shop.id, api.id);
    await dependsOn(api.id, stock.id);
    await dependsOn(wms.id, stock.id);
    await dependsOn(stock.id, pg.id, 'data_from');
    await dependsOn(api.id, k8s.id, 'runs_on');
    await dependsOn(pg.id, k8s.id, 'runs_on');
    await dependsOn(shop.id, k8s.id, 'runs_on');

    const impact = await analyseImpact(t.uow, ctx, 'kubernetes-platform');
    expect(impact.businessServicesAffected.map((s) => [s.name, s.depth])).toEqual([
      ['Online marketplace', 1],
      ['Warehouse management', 3],
    ]);
    expect(new Set(impact.orgUnitsAffected)).toEqual(new Set([unitA.id, unitB.id]));
    expect(impact.dependents.find((s) => s.name === 'Stock service')?.depth).toBe(2);
    expect(impact.dependencies).toEqual([]);
    expect(impact.teams).toEqual([{ teamId: team.id, services: 2 }]);

    const down = await analyseImpact(t.uow, ctx, shop.id);
    expect(down.dependencies.map((s) => s.name).sort()).toEqual([
      'Catalogue API',
      'Kubernetes platform',
      'PostgreSQL cluster',
      'Stock service',
    ]);
    expect(down.businessServicesAffected.map((s) => s.name)).toEqual(['Online marketplace']);
    expect((await analyseImpact(t.uow, ctx, intranet.slug)).dependents).toEqual([]);

    // The in-memory graph index follows every change at once.
    const crm = await add('CRM', { kind: 'business_service', tier: 2 });
    await dependsOn(crm.id, pg.id, 'data_from');
    const after = await analyseImpact(t.uow, ctx, 'kubernetes-platform');
    expect(after.businessServicesAffected.map((s) => s.name)).toContain('CRM');
    await updateService(t.uow, ctx, crm.id, 1, { tier: 1 });
    const crmNow = (
      await analyseImpact(t.uow, ctx, 'kubernetes-platform')
    ).businessServicesAffected.find((s) => s.name === 'CRM');
    expect(crmNow).toMatchObject({ tier: 1, depth: 2 });

    const view = await viewService(t.uow, ctx, shop.slug);
    expect(view.nodes).toHaveLength(4);
    expect(view.edges).toHaveLength(6);
  });

  it('keeps the impact index right after its own writes and after another instance writes', async () => {
    const shop = await add('Shop', { kind: 'business_service', tier: 1 });
    const api = await add('API');
    const db = await add('Database', { kind: 'component' });
    await dependsOn(shop.id, api.id);
    await dependsOn(api.id, db.id);
    const fresh = () => analyseImpact(unitOfWork(t.db), ctx, db.id);
    const names = (i: Awaited<ReturnType<typeof fresh>>) =>
      i.dependents.map((s) => `${s.name}@${s.depth}:t${s.tier}`);
    expect(names(await analyseImpact(t.uow, ctx, db.id))).toEqual(['API@1:t3', 'Shop@2:t1']);

    // This instance's own writes are applied to its index after commit.
    const crm = await add('CRM', { kind: 'business_service', tier: 2 });
    await dependsOn(crm.id, db.id);
    await updateService(t.uow, ctx, api.id, 1, { name: 'Public API', tier: 1 });
    const link = (await t.uow.read.services.dependenciesOf(shop.id)).outgoing[0]!;
    await removeDependency(t.uow, ctx, link.id);
    expect(names(await analyseImpact(t.uow, ctx, db.id))).toEqual(names(await fresh()));
    expect(names(await analyseImpact(t.uow, ctx, db.id))).toEqual(['CRM@1:t2', 'Public API@1:t1']);

    // Another instance on the same database: this one notices the version moved and reloads.
    const other = unitOfWork(t.db);
    await addDependency(other, ctx, CreateDependency.parse({ fromId: shop.id, toId: crm.id }));
    expect(names(await analyseImpact(t.uow, ctx, db.id))).toEqual([
      'CRM@1:t2',
      'Public API@1:t1',
      'Shop@2:t1',
    ]);
  });

  it('filters by kind, tier, team, organisation unit and tag, sorted and paged', async () => {
    const team = await createTeam(t.uow, ctx, CreateTeam.parse({ name: 'Storefront' }));
    const unit = await createOrgUnit(t.uow, ctx, CreateOrgUnit.parse({ name: 'Retail' }));
    for (let i = 0; i < 12; i += 1) {
      await add(`Service ${String(i).padStart(2, '0')}`, {
        tier: (i % 4) + 1,
        teamId: i % 2 ? team.id : null,
        orgUnitIds: i % 3 === 0 ? [unit.id] : [],
        tags: i % 2 ? ['web'] : ['batch'],
      });
    }
    const names = async (q: object) =>
      (await listServices(t.uow, ctx, { limit: 50, sort: 'name', ...q })).items.map((s) => s.name);
    expect(await names({ tier: 2 })).toEqual(['Service 01', 'Service 05', 'Service 09']);
    expect(await names({ teamId: team.id, tag: 'web', orgUnitId: unit.id })).toEqual([
      'Service 03',
      'Service 09',
    ]);
    expect(await names({ q: 'service 1' })).toEqual(['Service 10', 'Service 11']);
    const first = await listServices(t.uow, ctx, { limit: 5, sort: '-tier' });
    expect(first.items.map((s) => s.tier)).toEqual([4, 4, 4, 3, 3]);
    const second = await listServices(t.uow, ctx, {
      limit: 5,
      sort: '-tier',
      cursor: first.nextCursor!,
    });
    expect(second.items.map((s) => s.tier)).toEqual([3, 2, 2, 2, 1]);
  });
});
