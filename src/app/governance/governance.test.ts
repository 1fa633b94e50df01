import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreateService } from '../../contract/services.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { actorOf, ctxFor, makePerson, testEnvironment } from '../../../test/factories.js';
import type { Instant, PersonId } from '../../core/ids.js';
import type {
  NominationId,
  PracticeId,
  RoleId,
  RoleKind,
  RoleScope,
} from '../../core/ownership.js';
import type { Service } from '../../core/services.js';
import { recordChange, type Ctx } from '../context.js';
import type { Repositories } from '../ports.js';
import { createService } from '../services/create-service.js';
import { readCommitmentIndex, readCommitmentTrend } from './read-commitment-index.js';
import { listUnownedServices, readGovernance } from './read-governance.js';

const DAY = 86_400_000;

describe.each(dialects)('governance and the commitment index on %s', (dialect) => {
  let t: TestDatabase;
  let ctx: Ctx;
  // After the practices' creation (the migration's clock), so they count from day 0.
  const start = Date.now() + DAY;
  let env = testEnvironment(new Date(start).toISOString());
  const at = (days: number) => new Date(start + days * DAY).toISOString() as Instant;
  let ceo: PersonId;
  let mgr: PersonId;
  let dev: PersonId;
  let crown: Service;
  let second: Service;
  let minor: Service;
  const slm = 'practice-service_level_management' as PracticeId;

  /** History goes in through the repositories, each write audited (it moves the data version). */
  const write = (work: (repos: Repositories) => Promise<void>) =>
    t.uow.transaction(async (repos) => {
      await work(repos);
      await recordChange(repos.audit, ctx, {
        action: 'test.history',
        entityType: 'test',
        entityId: null,
      });
    });
  const scopeOf = (s: Partial<RoleScope>): RoleScope => ({
    serviceId: null,
    practiceId: null,
    orgUnitId: null,
    teamId: null,
    ...s,
  });
  const nominate = (
    kind: RoleKind,
    scope: Partial<RoleScope>,
    nomineeId: PersonId,
    created: number,
    answered: number | null,
    id = randomUUID() as NominationId,
  ) =>
    write(async (repos) => {
      await repos.ownership.insertNomination(
        {
          id,
          kind,
          scope: scopeOf(scope),
          nomineeId,
          nominatedById: ceo,
          message: 'Please',
          createdAt: at(created),
          expiresAt: at(created + 90),
          status: answered === null ? 'pending' : 'accepted',
          answeredAt: answered === null ? null : at(answered),
          declineReason: null,
          roleId: null,
          termMonths: 12,
        },
        `key-${randomUUID()}`,
      );
    });
  const accept = async (
    kind: RoleKind,
    scope: Partial<RoleScope>,
    personId: PersonId,
    day: number,
    termDays: number,
  ) => {
    const id = randomUUID() as RoleId;
    const nominationId = randomUUID() as NominationId;
    await nominate(kind, scope, personId, day - 1, day, nominationId);
    await write(async (repos) => {
      await repos.ownership.insertRole(
        {
          id,
          kind,
          scope: scopeOf(scope),
          personId,
          nominationId,
          statement: 'I accept',
          acceptedAt: at(day),
          termMonths: 12,
          termEndsAt: at(day + termDays),
          endedAt: null,
          endReason: null,
          endNote: null,
        },
        `held-${randomUUID()}`,
      );
    });
    return id;
  };

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    env = testEnvironment(new Date(start).toISOString());
    const admin = await makePerson(t.uow, env, { role: 'admin' });
    ctx = ctxFor(actorOf(admin), env);
    ceo = (await makePerson(t.uow, env, { seniority: 'executive', name: 'Chief' })).id;
    mgr = (await makePerson(t.uow, env, { seniority: 'manager', name: 'Manager' })).id;
    dev = (await makePerson(t.uow, env, { seniority: 'staff', name: 'Developer' })).id;
    const add = (name: string, tier: number, lifecycle = 'live') =>
      createService(
        t.uow,
        ctx,
        CreateService.parse({ name, kind: 'business_service', tier, lifecycle }),
      );
    crown = await add('Crown jewel', 1);
    second = await add('Second', 2);
    minor = await add('Minor', 4);
    await add('Planned', 1, 'pipeline');
    await accept('service_owner', { serviceId: crown.id }, ceo, 1, 365);
    await accept('service_owner', { serviceId: second.id }, mgr, 1, 30);
    await accept('process_owner', { practiceId: slm }, mgr, 1, 365);
    await nominate('service_owner', { serviceId: minor.id }, dev, 2, null);
    env.advance(60 * DAY);
  });
  afterEach(() => t.drop());

  const component = (index: { components: { key: string; value: number | null }[] }, key: string) =>
    index.components.find((c) => c.key === key)!.value;

  it('scores the portfolio now and at a past date, from history', async () => {
    const now = await readCommitmentIndex(t.uow, ctx, {});
    expect(component(now, 'accepted_ownership')).toBeCloseTo(8 / 13, 4);
    expect(component(now, 'process_owner_coverage')).toBe(0.1);
    // 1 lapsed role + 1 nomination pending 58 days, of 2 active + 1 lapsed + 1 pending
    expect(component(now, 'lapsed_and_long_open')).toBe(0.5);
    expect(component(now, 'leadership_leads')).toBe(1);
    expect(now.value).toBeCloseTo(50 * (8 / 13) + 20 * 0.1 + 15 * 0.5 + 15, 1);

    const past = await readCommitmentIndex(t.uow, ctx, { at: at(10) });
    expect(component(past, 'accepted_ownership')).toBeCloseTo((8 + 4 * 0.85) / 13, 4);
    expect(component(past, 'lapsed_and_long_open')).toBe(1);
    const before = await readCommitmentIndex(t.uow, ctx, { at: at(0) });
    expect(component(before, 'accepted_ownership')).toBe(0);
    expect(component(before, 'leadership_leads')).toBe(0);
  });

  it('scores one service and refuses unknown scopes and future dates', async () => {
    const one = await readCommitmentIndex(t.uow, ctx, { scope: `service:${crown.slug}` });
    expect(one).toMatchObject({ value: 100, scope: { kind: 'service', name: 'Crown jewel' } });
    const lapsed = await readCommitmentIndex(t.uow, ctx, { scope: `service:${second.id}` });
    expect(lapsed.value).toBe(0);
    await expect(readCommitmentIndex(t.uow, ctx, { scope: 'org_unit:nope' })).rejects.toMatchObject(
      { code: 'not_found' },
    );
    await expect(readCommitmentIndex(t.uow, ctx, { scope: 'bogus' })).rejects.toMatchObject({
      code: 'invalid',
    });
    await expect(readCommitmentIndex(t.uow, ctx, { at: at(61) })).rejects.toMatchObject({
      code: 'invalid',
    });
  });

  it('gives a daily trend whose last day is now', async () => {
    const trend = await readCommitmentTrend(t.uow, ctx, { from: at(-5) });
    expect(trend.dates).toHaveLength(66);
    const now = await readCommitmentIndex(t.uow, ctx, {});
    expect(trend.values.at(-1)).toBe(now.value);
    // Before anything was owned vs. after the lapse of the tier-2 owner.
    expect(trend.values[0]).not.toBe(trend.values.at(-1));
    await expect(readCommitmentTrend(t.uow, ctx, { from: at(1), to: at(0) })).rejects.toMatchObject(
      { code: 'invalid' },
    );
  });

  it('shows coverage, nominations by age, lapsed roles and unowned services, and follows a hand-over', async () => {
    const page = await readGovernance(t.uow, ctx);
    expect(page.coverage.byTier.map((r) => [r.tier, r.live, r.owned])).toEqual([
      [1, 1, 1],
      [2, 1, 0],
      [3, 0, 0],
      [4, 1, 0],
    ]);
    expect(page.nominationsByAge).toEqual({
      under7Days: 0,
      from7To30Days: 0,
      over30Days: 1,
      total: 1,
    });
    expect(page.lapsedRoles.items.map((r) => [r.personName, r.subject])).toEqual([
      ['Manager', 'Second'],
    ]);
    expect(page.unownedServices.items.map((s) => [s.name, s.nominationPending])).toEqual([
      ['Second', false],
      ['Minor', true],
    ]);

    const filtered = await listUnownedServices(t.uow, ctx, { limit: 1, tier: 4 });
    expect(filtered.items.map((s) => s.name)).toEqual(['Minor']);
    const paged = await listUnownedServices(t.uow, ctx, { limit: 1, sort: '-tier' });
    expect(paged.items.map((s) => s.name)).toEqual(['Minor']);
    expect(paged.nextCursor).toBe('1');

    // Hand-over: the developer accepts the crown jewel; the CEO's role ends at that instant.
    const role = (
      await t.uow.read.ownership.listRoles({ personId: ceo, kind: 'service_owner' }, { limit: 5 })
    ).items[0]!;
    await write(async (repos) => {
      await repos.ownership.endRole(role.id, {
        endedAt: at(60),
        endReason: 'handed_over',
        endNote: null,
      });
    });
    await accept('service_owner', { serviceId: crown.id }, dev, 60, 365);
    const after = await readCommitmentIndex(t.uow, ctx, {});
    expect(component(after, 'leadership_leads')).toBe(0);
    expect(component(after, 'accepted_ownership')).toBeCloseTo((8 * 0.6) / 13, 4);
    // History is unchanged: a day before, the CEO still led.
    expect(
      component(await readCommitmentIndex(t.uow, ctx, { at: at(59) }), 'leadership_leads'),
    ).toBe(1);
  });
});
