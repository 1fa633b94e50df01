import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreateCommitment } from '../../contract/commitments.js';
import { CreateService } from '../../contract/services.js';
import { CreateTeam } from '../../contract/teams.js';
import type { Person } from '../../core/people.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { actorOf, ctxFor, makePerson, testEnvironment } from '../../../test/factories.js';
import type { Ctx } from '../context.js';
import { createService } from '../services/create-service.js';
import { createTeam } from '../teams/create-team.js';
import { amendCommitment } from './amend-commitment.js';
import { acceptCommitment, rejectCommitment } from './answer-commitment.js';
import { markCommitmentDone, withdrawCommitment } from './close-commitment.js';
import { createCommitment } from './create-commitment.js';
import { getCommitment, listCommitments } from './read-commitments.js';
import { unbackedReport } from './unbacked-report.js';

const day = 86_400_000;

describe.each(dialects)('commitments on %s', (dialect) => {
  let t: TestDatabase;
  const env = testEnvironment();
  let admin: Person;
  let cio: Person;
  let lead: Person;
  let member: Person;
  let viewer: Person;
  let teamId: string;
  const as = (p: Person): Ctx => ctxFor(actorOf(p), env);
  const due = () => new Date(Date.parse(env.now()) + 30 * day).toISOString();
  const promise = (maker: Person, extra: object = {}) =>
    createCommitment(
      t.uow,
      as(maker),
      CreateCommitment.parse({
        toType: 'person',
        toId: admin.id,
        what: 'Checkout answers within 2 seconds',
        dueAt: due(),
        ...extra,
      }),
    );
  const onBehalfOfTeam = (maker: Person) =>
    promise(maker, { delivererType: 'team', delivererId: teamId });

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    admin = await makePerson(t.uow, env, { role: 'admin', name: 'Ada Admin' });
    cio = await makePerson(t.uow, env, { role: 'member', name: 'Cora CIO' });
    lead = await makePerson(t.uow, env, { role: 'member', name: 'Lee Lead' });
    member = await makePerson(t.uow, env, { role: 'member', name: 'Mo Member' });
    viewer = await makePerson(t.uow, env, { role: 'viewer', name: 'Vi Viewer' });
    const team = await createTeam(
      t.uow,
      as(admin),
      CreateTeam.parse({ name: 'Platform', leadId: lead.id, memberIds: [member.id] }),
    );
    teamId = team.id;
  });
  afterEach(() => t.drop());

  it('records the caller as maker; a promise on behalf of a team is unbacked until its lead accepts', async () => {
    const c = await onBehalfOfTeam(cio);
    expect(c).toMatchObject({
      makerId: cio.id,
      makerName: 'Cora CIO',
      delivererName: 'Platform',
      toName: 'Ada Admin',
      status: 'open',
      backing: 'pending',
      unbacked: true,
    });
    const mine = await promise(cio);
    expect(mine).toMatchObject({ delivererId: cio.id, backing: 'self', unbacked: false });

    env.advance(60_000);
    const accepted = await acceptCommitment(t.uow, as(lead), c.id);
    expect(accepted).toMatchObject({
      backing: 'accepted',
      unbacked: false,
      acceptedById: lead.id,
      acceptedAt: env.now(),
      version: 2,
    });
    const audit = await t.uow.read.audit.list(
      { entityId: c.id, action: 'commitment.accepted' },
      { limit: 5 },
    );
    expect(audit.items[0]).toMatchObject({ actorId: lead.id, actorName: 'Lee Lead' });
  });

  it('refuses anyone but the delivering party — admin and team member included — and audits the attempt', async () => {
    const c = await onBehalfOfTeam(cio);
    for (const who of [admin, member, cio]) {
      await expect(acceptCommitment(t.uow, as(who), c.id)).rejects.toMatchObject({
        code: 'forbidden',
        message: expect.stringContaining('Lee Lead, lead of Platform') as string,
      });
    }
    await expect(rejectCommitment(t.uow, as(admin), c.id, 'not ours')).rejects.toMatchObject({
      code: 'forbidden',
    });
    const refused = await t.uow.read.audit.list(
      { entityId: c.id, action: 'commitment.accept_refused' },
      { limit: 10 },
    );
    expect(refused.items.map((e) => e.actorId).sort()).toEqual(
      [admin.id, member.id, cio.id].sort(),
    );
    expect(refused.items[0]!.after).toMatchObject({ delivererType: 'team', delivererId: teamId });
    expect(
      (
        await t.uow.read.audit.list(
          { entityId: c.id, action: 'commitment.reject_refused' },
          { limit: 5 },
        )
      ).items,
    ).toHaveLength(1);
    expect(await getCommitment(t.uow, as(cio), c.id)).toMatchObject({
      version: 1,
      backing: 'pending',
    });
  });

  it('accepting twice is a conflict and changes nothing; so is accepting after a rejection', async () => {
    const c = await promise(cio, { delivererType: 'person', delivererId: member.id });
    await acceptCommitment(t.uow, as(member), c.id);
    const entries = (await t.uow.read.audit.head()).seq;
    await expect(acceptCommitment(t.uow, as(member), c.id)).rejects.toMatchObject({
      code: 'conflict',
      issues: [{ path: 'status' }],
    });
    // Two tabs at once: exactly one wins.
    const d = await promise(cio, { delivererType: 'person', delivererId: member.id });
    const results = await Promise.allSettled([
      acceptCommitment(t.uow, as(member), d.id),
      acceptCommitment(t.uow, as(member), d.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await getCommitment(t.uow, as(cio), d.id)).toMatchObject({ version: 2 });
    expect((await t.uow.read.audit.head()).seq).toBeGreaterThan(entries);

    const r = await onBehalfOfTeam(cio);
    const rejected = await rejectCommitment(t.uow, as(lead), r.id, 'We have no capacity until Q3');
    expect(rejected).toMatchObject({
      backing: 'rejected',
      unbacked: true,
      rejectionReason: 'We have no capacity until Q3',
      rejectedById: lead.id,
    });
    await expect(acceptCommitment(t.uow, as(lead), r.id)).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(acceptCommitment(t.uow, as(cio), (await promise(cio)).id)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('personally') as string,
    });
  });

  it('refuses bad input naming the field, and viewers cannot make commitments', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(promise(cio, { toId: missing })).rejects.toMatchObject({
      issues: [{ path: 'toId', message: 'no person has this id' }],
    });
    await expect(
      promise(cio, { delivererType: 'team', delivererId: missing }),
    ).rejects.toMatchObject({ issues: [{ path: 'delivererId' }] });
    await expect(promise(cio, { dueAt: '2020-01-01T00:00:00Z' })).rejects.toMatchObject({
      issues: [{ path: 'dueAt' }],
    });
    await expect(promise(cio, { serviceId: missing })).rejects.toMatchObject({
      issues: [{ path: 'serviceId' }],
    });
    expect(() => CreateCommitment.parse({ toType: 'person', toId: missing, what: 'x' })).toThrow(
      /what|dueAt/,
    );
    const noMaker = CreateCommitment.safeParse({
      toType: 'person',
      toId: admin.id,
      what: 'Promise',
      dueAt: due(),
      makerId: admin.id,
    });
    expect(noMaker.success).toBe(false);
    await expect(promise(viewer)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await listCommitments(t.uow, as(admin), { limit: 50 })).items).toHaveLength(0);
  });

  it('withdraws (maker only), marks done, amends only while unanswered', async () => {
    const c = await onBehalfOfTeam(cio);
    await expect(withdrawCommitment(t.uow, as(admin), c.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const amended = await amendCommitment(t.uow, as(cio), c.id, 1, { what: 'Checkout in 1.5 s' });
    expect(amended).toMatchObject({ what: 'Checkout in 1.5 s', version: 2 });
    await expect(amendCommitment(t.uow, as(cio), c.id, 1, { what: 'Stale' })).rejects.toMatchObject(
      { code: 'precondition_failed' },
    );
    await acceptCommitment(t.uow, as(lead), c.id);
    await expect(
      amendCommitment(t.uow, as(cio), c.id, 3, { what: 'Sneaky' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(markCommitmentDone(t.uow, as(member), c.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await markCommitmentDone(t.uow, as(lead), c.id)).toMatchObject({ status: 'done' });
    await expect(withdrawCommitment(t.uow, as(cio), c.id)).rejects.toMatchObject({
      code: 'conflict',
    });
    const w = await onBehalfOfTeam(cio);
    expect(await withdrawCommitment(t.uow, as(cio), w.id)).toMatchObject({
      status: 'withdrawn',
      unbacked: false,
    });
  });

  it('filters by maker (email), deliverer, service, backing, due date and what awaits me', async () => {
    const service = await createService(
      t.uow,
      as(admin),
      CreateService.parse({ name: 'Checkout', kind: 'business_service' }),
    );
    const a = await onBehalfOfTeam(cio);
    env.advance(1000);
    const b = await promise(cio, { serviceId: service.id });
    env.advance(1000);
    const c = await promise(admin, { delivererType: 'person', delivererId: lead.id });
    env.advance(day);
    const ids = async (q: object) =>
      (await listCommitments(t.uow, as(lead), { limit: 50, sort: 'createdAt', ...q })).items.map(
        (x) => x.id,
      );
    expect(await ids({ maker: cio.email.toUpperCase() })).toEqual([a.id, b.id]);
    expect(await ids({ backing: 'unbacked' })).toEqual([a.id, c.id]);
    expect(await ids({ backing: 'backed' })).toEqual([b.id]);
    expect(await ids({ delivererId: teamId })).toEqual([a.id]);
    expect(await ids({ serviceId: service.id })).toEqual([b.id]);
    expect(await ids({ awaitingMe: true })).toEqual([a.id, c.id]);
    expect(await ids({ dueBefore: new Date(Date.parse(env.now()) + day).toISOString() })).toEqual(
      [],
    );
    await expect(ids({ maker: 'nobody@example.test' })).rejects.toMatchObject({
      issues: [{ path: 'maker' }],
    });
  });

  it('reports unbacked commitments by maker, now and at a past date', async () => {
    const a = await onBehalfOfTeam(cio);
    env.advance(day);
    const b = await promise(cio, { delivererType: 'person', delivererId: member.id });
    const c = await promise(admin, { delivererType: 'person', delivererId: lead.id });
    await promise(cio);
    env.advance(day);
    const beforeAnswers = env.now();
    env.advance(day);
    await acceptCommitment(t.uow, as(member), b.id);
    await rejectCommitment(t.uow, as(lead), c.id, 'Not without budget');

    const now = await unbackedReport(t.uow, as(viewer));
    expect(now.total).toBe(2);
    expect(
      now.makers.map((m) => [m.maker.name, m.count, m.items.map((i) => [i.id, i.backing])]),
    ).toEqual([
      ['Cora CIO', 1, [[a.id, 'pending']]],
      ['Ada Admin', 1, [[c.id, 'rejected']]],
    ]);
    const past = await unbackedReport(t.uow, as(viewer), beforeAnswers);
    expect(past.makers.map((m) => [m.maker.name, m.count, m.oldest])).toEqual([
      ['Cora CIO', 2, a.createdAt],
      ['Ada Admin', 1, c.createdAt],
    ]);
    expect(past.makers[1]!.items[0]!.backing).toBe('pending');
    const early = await unbackedReport(t.uow, as(viewer), a.createdAt);
    expect(early.total).toBe(1);
  });
});
