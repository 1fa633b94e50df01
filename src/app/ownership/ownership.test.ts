import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Instant } from '../../core/ids.js';
import type { Person } from '../../core/people.js';
import type { Service } from '../../core/services.js';
import { CreateNomination } from '../../contract/ownership.js';
import { CreateDependency, CreateService } from '../../contract/services.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { actorOf, ctxFor, makePerson, testEnvironment } from '../../../test/factories.js';
import type { Ctx } from '../context.js';
import { addDependency } from '../services/add-dependency.js';
import { createService } from '../services/create-service.js';
import { retireService, updateService } from '../services/update-service.js';
import { acceptNomination } from './accept-nomination.js';
import { declineNomination } from './decline-nomination.js';
import { myCommitments } from './my-commitments.js';
import { nominate } from './nominate.js';
import { getNomination, listRoles, serviceRoles } from './read-ownership.js';
import { reaffirmRole } from './reaffirm-role.js';
import { remindRoles } from './remind-roles.js';
import { resignRole } from './resign-role.js';
import { withdrawNomination } from './withdraw-nomination.js';

const day = 86_400_000;

describe.each(dialects)('accepted ownership on %s', (dialect) => {
  let t: TestDatabase;
  let env: ReturnType<typeof testEnvironment>;
  let admin: Ctx;
  let ana: Person;
  let ben: Person;
  let service: Service;
  const as = (p: Person) => ctxFor(actorOf(p, 'member'), env);
  const nominateFor = (ctx: Ctx, nominee: Person, kind = 'service_owner', scope?: object) =>
    nominate(
      t.uow,
      ctx,
      CreateNomination.parse({
        kind,
        scope: scope ?? { serviceId: service.id },
        nomineeId: nominee.id,
        message: 'You know this service best.',
      }),
    );
  const accept = async (ctx: Ctx, id: string) => {
    const { statement } = await getNomination(t.uow, ctx, id);
    return acceptNomination(t.uow, ctx, id, { statement: statement! });
  };
  const audit = async (action: string) =>
    (await t.uow.read.audit.list({ action }, { limit: 50 })).items;
  const inbox = async (p: Person) =>
    (await t.uow.read.notifications.list(p.id, {}, { limit: 50 })).items;

  beforeEach(async () => {
    env = testEnvironment('2026-03-01T09:00:00.000Z');
    t = await createTestDatabase(dialect);
    admin = ctxFor(
      actorOf(await makePerson(t.uow, env, { role: 'admin', name: 'Ada Admin' })),
      env,
    );
    ana = await makePerson(t.uow, env, { role: 'member', name: 'Ana Silva' });
    ben = await makePerson(t.uow, env, { role: 'member', name: 'Ben Okafor' });
    service = await createService(
      t.uow,
      admin,
      CreateService.parse({ name: 'Online marketplace', kind: 'business_service', tier: 1 }),
    );
  });
  afterEach(() => t.drop());

  it('a nominee accepts with the exact statement: role active, audited with the text, nominator told', async () => {
    const n = await nominateFor(admin, ana);
    expect((await inbox(ana)).map((x) => x.subject)).toEqual([
      'You are nominated as service owner of Online marketplace',
    ]);
    const view = await getNomination(t.uow, as(ana), n.id);
    expect(view.statement).toBe(
      'I, Ana Silva, accept personal accountability as service owner of Online marketplace for 12 months, until 2027-03-01. I answer for its outcomes, its service level agreements and its improvement, and I will not commit others on their behalf.',
    );
    await expect(
      acceptNomination(t.uow, as(ana), n.id, { statement: 'I accept.' }),
    ).rejects.toMatchObject({ code: 'invalid', issues: [{ path: 'statement' }] });
    expect((await getNomination(t.uow, as(ana), n.id)).state).toBe('pending');

    const role = await accept(as(ana), n.id);
    expect(role).toMatchObject({ personId: ana.id, termEndsAt: '2027-03-01T09:00:00.000Z' });
    const [entry] = await audit('nomination.accepted');
    expect(entry).toMatchObject({ actorId: ana.id, at: '2026-03-01T09:00:00.000Z' });
    expect((entry!.after as { statement: string }).statement).toBe(view.statement);
    const roles = await serviceRoles(t.uow, as(ana), service.slug);
    expect(roles.owner?.person.name).toBe('Ana Silva');
    expect(roles.canEdit).toBe(true);
    expect((await inbox(await adminPerson())).map((x) => x.subject)).toContain(
      'Ana Silva accepted the role of service owner of Online marketplace',
    );
  });

  async function adminPerson(): Promise<Person> {
    return (await t.uow.read.people.get(admin.actor.personId))!;
  }

  it('refuses an admin accepting or declining for someone with 403 and records the attempt', async () => {
    const n = await nominateFor(admin, ana);
    const { statement } = await getNomination(t.uow, admin, n.id);
    await expect(
      acceptNomination(t.uow, admin, n.id, { statement: statement! }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(declineNomination(t.uow, admin, n.id, { reason: 'busy' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const refused = await audit('nomination.accept_refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ actorId: admin.actor.personId, entityId: n.id });
    expect(await audit('nomination.decline_refused')).toHaveLength(1);
    expect((await getNomination(t.uow, admin, n.id)).state).toBe('pending');
    expect((await listRoles(t.uow, admin, { limit: 10 })).items).toHaveLength(0);
  });

  it('two tabs accepting at once: one role, the second gets 409', async () => {
    const n = await nominateFor(admin, ana);
    const results = await Promise.allSettled([accept(as(ana), n.id), accept(as(ana), n.id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected');
    expect((failed as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    expect((await listRoles(t.uow, admin, { limit: 10 })).items).toHaveLength(1);
    expect(await audit('nomination.accepted')).toHaveLength(1);
  });

  it('one open nomination per kind and scope; deputies may be several', async () => {
    await nominateFor(admin, ana);
    await expect(nominateFor(admin, ben)).rejects.toMatchObject({
      code: 'conflict',
      issues: [{ path: 'nomineeId' }],
    });
    await nominateFor(admin, ana, 'deputy');
    await nominateFor(admin, ben, 'deputy');
    await expect(nominateFor(admin, ben, 'deputy')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('hand-over: a new owner accepting ends the previous role and tells its holder', async () => {
    const first = await accept(as(ana), (await nominateFor(admin, ana)).id);
    env.advance(10 * day);
    await accept(as(ben), (await nominateFor(admin, ben)).id);
    const old = await t.uow.read.ownership.getRole(first.id);
    expect(old).toMatchObject({ endReason: 'handed_over', endedAt: env.now() });
    expect((await serviceRoles(t.uow, admin, service.id)).owner?.person.name).toBe('Ben Okafor');
    expect((await inbox(ana)).map((x) => x.subject)).toContain(
      'Ben Okafor is now service owner of Online marketplace',
    );
    const activeBefore = await listRoles(t.uow, admin, {
      limit: 10,
      activeAt: '2026-03-05T00:00:00.000Z',
    });
    expect(activeBefore.items.map((r) => r.person.name)).toEqual(['Ana Silva']);
  });

  it('refuses retired services, inactive people, and nominations by those without the right', async () => {
    await expect(nominateFor(as(ana), ben)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('service level manager') as string,
    });
    const other = await createService(
      t.uow,
      admin,
      CreateService.parse({ name: 'Old shop', kind: 'business_service' }),
    );
    await retireService(t.uow, admin, other.id, other.version);
    await expect(
      nominateFor(admin, ana, 'service_owner', { serviceId: other.id }),
    ).rejects.toMatchObject({ code: 'invalid', issues: [{ path: 'scope.serviceId' }] });
    await expect(
      nominateFor(admin, ana, 'delivery_lead', { serviceId: service.id }),
    ).rejects.toMatchObject({ code: 'invalid', issues: [{ path: 'scope.teamId' }] });
    await t.uow.transaction((r) =>
      r.people.update(ben.id, { ...ben, active: false }, ben.version, env.now()),
    );
    await expect(nominateFor(admin, ben)).rejects.toMatchObject({
      issues: [{ path: 'nomineeId' }],
    });
  });

  it('the service owner and the service level manager may nominate', async () => {
    await accept(as(ana), (await nominateFor(admin, ana)).id);
    await nominateFor(as(ana), ben, 'deputy');
    const carla = await makePerson(t.uow, env, { role: 'member', name: 'Carla Reyes' });
    const slm = await nominateFor(admin, carla, 'process_owner', {
      practiceId: 'service_level_management',
    });
    await expect(nominateFor(as(carla), ben, 'delivery_lead', {})).rejects.toMatchObject({
      code: 'invalid',
    });
    await accept(as(carla), slm.id);
    const dan = await makePerson(t.uow, env, { role: 'member' });
    await nominateFor(as(carla), dan, 'process_owner', { practiceId: 'incident_management' });
  });

  it('expired nominations cannot be answered and no longer block a new one', async () => {
    const n = await nominateFor(admin, ana);
    env.advance(91 * day);
    expect((await getNomination(t.uow, admin, n.id)).state).toBe('expired');
    await expect(acceptNomination(t.uow, as(ana), n.id, { statement: 'x' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('expired') as string,
    });
    await nominateFor(admin, ben);
  });

  it('decline needs a reason and tells the nominator; answered nominations stay answered', async () => {
    const n = await nominateFor(admin, ana);
    await expect(declineNomination(t.uow, as(ana), n.id, { reason: ' ' })).rejects.toMatchObject({
      issues: [{ path: 'reason' }],
    });
    const declined = await declineNomination(t.uow, as(ana), n.id, {
      reason: 'I am leaving in May',
    });
    expect(declined.declineReason).toBe('I am leaving in May');
    await expect(accept(as(ana), n.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(withdrawNomination(t.uow, admin, n.id)).rejects.toMatchObject({
      code: 'conflict',
    });
    const again = await nominateFor(admin, ben);
    await expect(withdrawNomination(t.uow, as(ana), again.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await withdrawNomination(t.uow, admin, again.id)).status).toBe('withdrawn');
  });

  it('lapse, re-affirmation from the later of now and the term end, resignation', async () => {
    const role = await accept(as(ana), (await nominateFor(admin, ana)).id);
    env.advance(340 * day); // 2027-02-04: 25 days before the term ends
    const sections = (await myCommitments(t.uow, as(ana))).sections;
    expect(sections.map((s) => s.key)).toEqual(
      expect.arrayContaining(['nominations_to_answer', 'roles_to_reaffirm', 'my_roles']),
    );
    expect(sections.find((s) => s.key === 'roles_to_reaffirm')!.items).toHaveLength(1);
    expect(await remindRoles(t.uow, env, env.now())).toBe(1);
    await remindRoles(t.uow, env, env.now());
    expect((await inbox(ana)).filter((x) => x.subject.startsWith('Re-affirm'))).toHaveLength(1);

    env.advance(30 * day); // past the term end, never re-affirmed
    const lapsed = await listRoles(t.uow, admin, { limit: 10, held: true });
    expect(lapsed.items[0]!.state).toBe('lapsed');
    expect((await listRoles(t.uow, admin, { limit: 10, activeAt: env.now() })).items).toHaveLength(
      0,
    );
    expect((await serviceRoles(t.uow, admin, service.id)).owner).toBeNull();
    await expect(reaffirmRole(t.uow, as(ben), role.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const renewed = await reaffirmRole(t.uow, as(ana), role.id);
    expect(renewed.termEndsAt).toBe('2028-03-06T09:00:00.000Z'); // now (2027-03-06) + 12 months
    expect((await t.uow.read.ownership.affirmationsOf(role.id)).length).toBe(2);
    // In history, the lapse stays: not active a day before the re-affirmation.
    const dayBefore = new Date(Date.parse(env.now()) - day).toISOString();
    expect((await listRoles(t.uow, admin, { limit: 10, activeAt: dayBefore })).items).toHaveLength(
      0,
    );

    await expect(resignRole(t.uow, as(ana), role.id, { reason: '' })).rejects.toMatchObject({
      issues: [{ path: 'reason' }],
    });
    await resignRole(t.uow, as(ana), role.id, { reason: 'New job' });
    await expect(reaffirmRole(t.uow, as(ana), role.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('per-service rights: owner and deputy may edit the service and its dependencies; others not', async () => {
    const db = await createService(
      t.uow,
      admin,
      CreateService.parse({ name: 'Orders DB', kind: 'component' }),
    );
    const carla = await makePerson(t.uow, env, { role: 'member', name: 'Carla Reyes' });
    await expect(
      updateService(t.uow, as(ana), service.id, service.version, { description: 'x' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('service owner or a deputy of Online marketplace') as string,
    });
    await accept(as(ana), (await nominateFor(admin, ana)).id);
    await accept(as(carla), (await nominateFor(as(ana), carla, 'deputy')).id);
    const updated = await updateService(t.uow, as(ana), service.id, service.version, {
      description: 'Where customers buy',
    });
    expect(updated.description).toBe('Where customers buy');
    await addDependency(
      t.uow,
      as(carla),
      CreateDependency.parse({ fromId: service.id, toId: db.id }),
    );
    await expect(
      addDependency(t.uow, as(ben), CreateDependency.parse({ fromId: db.id, toId: service.id })),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      updateService(t.uow, as(carla), db.id, db.version, { description: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('history gives state at past instants', async () => {
    const at = (iso: string) => iso as Instant;
    await accept(as(ana), (await nominateFor(admin, ana)).id);
    const h = await t.uow.read.ownership.history(at('2026-02-01T00:00:00.000Z'));
    expect(h.roles).toHaveLength(0);
    const all = await t.uow.read.ownership.history();
    expect(all).toMatchObject({
      roles: [{ personId: ana.id }],
      affirmations: [{}],
      nominations: [{}],
    });
  });
});
