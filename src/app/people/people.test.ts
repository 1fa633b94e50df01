import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../core/people.js';
import { CreatePerson } from '../../contract/people.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { actorOf, ctxFor, makePerson, testEnvironment } from '../../../test/factories.js';
import type { Ctx } from '../context.js';
import { createPerson } from './create-person.js';
import { importPeople } from './import-people.js';
import { listPeople } from './read-people.js';
import { updatePerson } from './update-person.js';

describe.each(dialects)('people on %s', (dialect) => {
  let t: TestDatabase;
  let admin: Person;
  let ctx: Ctx;
  const env = testEnvironment();
  const add = (name: string, email: string, extra: object = {}) =>
    createPerson(t.uow, ctx, CreatePerson.parse({ name, email, ...extra }));

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    admin = await makePerson(t.uow, env, { role: 'admin', name: 'Ada Admin' });
    ctx = ctxFor(actorOf(admin), env);
  });
  afterEach(() => t.drop());

  it('creates a person, audited, and refuses a second one with the same email in any case', async () => {
    const ann = await add('Ann Lee', 'Ann.Lee@Example.com', {
      seniority: 'executive',
      title: 'CIO',
    });
    expect(ann).toMatchObject({
      email: 'ann.lee@example.com',
      seniority: 'executive',
      version: 1,
      active: true,
    });
    await expect(add('Other Ann', 'ANN.LEE@example.com')).rejects.toMatchObject({
      code: 'conflict',
      issues: [{ path: 'email' }],
    });
    const audit = await t.uow.read.audit.list({ entityId: ann.id }, { limit: 10 });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      action: 'person.created',
      actorId: admin.id,
      after: { email: 'ann.lee@example.com' },
    });
  });

  it('only lets admins add people', async () => {
    const member = await makePerson(t.uow, env, { role: 'member' });
    await expect(
      createPerson(
        t.uow,
        ctxFor(actorOf(member), env),
        CreatePerson.parse({ name: 'X', email: 'x@example.com' }),
      ),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    const readOnlyToken = { ...actorOf(admin), via: 'token' as const, scope: 'read' as const };
    await expect(
      createPerson(
        t.uow,
        ctxFor(readOnlyToken, env),
        CreatePerson.parse({ name: 'X', email: 'x@example.com' }),
      ),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await listPeople(t.uow, ctx, { limit: 50, q: 'x@example.com' })).items).toHaveLength(0);
  });

  it('refuses a stale update and keeps the newer data (no lost update)', async () => {
    const ann = await add('Ann Lee', 'ann@example.com');
    const first = await updatePerson(t.uow, ctx, ann.id, 1, { title: 'Head of Service' });
    expect(first.version).toBe(2);
    await expect(
      updatePerson(t.uow, ctx, ann.id, 1, { title: 'Stale title' }),
    ).rejects.toMatchObject({ code: 'precondition_failed' });
    expect((await t.uow.read.people.get(ann.id))?.title).toBe('Head of Service');
  });

  it('refuses a reporting loop and a missing manager', async () => {
    const boss = await add('Boss', 'boss@example.com');
    const mid = await add('Mid', 'mid@example.com', { managerId: boss.id });
    const dev = await add('Dev', 'dev@example.com', { managerId: mid.id });
    await expect(updatePerson(t.uow, ctx, boss.id, 1, { managerId: dev.id })).rejects.toMatchObject(
      { code: 'invalid', issues: [{ path: 'managerId' }] },
    );
    await expect(
      add('Lost', 'lost@example.com', { managerId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({
      issues: [{ path: 'managerId', message: 'no person has this id' }],
    });
  });

  it('deactivates a person and signs them out; an admin cannot deactivate themselves', async () => {
    const ann = await makePerson(t.uow, env, { role: 'member' });
    await t.uow.read.sessions.create('hash-1', {
      personId: ann.id,
      csrfToken: 'c',
      createdAt: env.now(),
      expiresAt: '2099-01-01T00:00:00.000Z' as never,
      lastSeenAt: env.now(),
    });
    const off = await updatePerson(t.uow, ctx, ann.id, 1, { active: false });
    expect(off.active).toBe(false);
    expect(await t.uow.read.sessions.get('hash-1')).toBeNull();
    await expect(
      updatePerson(t.uow, ctx, admin.id, admin.version, { active: false }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lists with search, filters, sort and cursor pages that neither skip nor repeat', async () => {
    for (let i = 0; i < 23; i += 1)
      await add(`Member ${String(i).padStart(2, '0')}`, `p${i}@example.com`, {
        seniority: i % 2 ? 'staff' : 'manager',
      });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listPeople(t.uow, ctx, {
        limit: 5,
        cursor,
        sort: '-name',
        q: 'member',
        seniority: 'staff',
      });
      seen.push(...page.items.map((p) => p.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const expected = Array.from({ length: 23 }, (_, i) => i)
      .filter((i) => i % 2)
      .map((i) => `Member ${String(i).padStart(2, '0')}`)
      .reverse();
    expect(seen).toEqual(expected);
  });

  it('imports a CSV with a per-row report, managers later in the file, and is idempotent', async () => {
    const csv = [
      'name,email,title,seniority,manager_email,org_unit',
      'Dev One,dev1@example.com,Engineer,staff,lead@example.com,',
      'Lead Person,lead@example.com,Team Lead,manager,,',
      'No Email,,Engineer,staff,,',
      'Bad Seniority,bad@example.com,,boss,,',
      'Dup,dev1@example.com,,staff,,',
      'Unit Person,unit@example.com,,staff,,Nowhere',
      '"Quoted, Name",quoted@example.com,"Title, with comma",Senior Manager,,',
    ].join('\n');
    const dry = await importPeople(t.uow, ctx, csv, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, created: 3, rejected: 4 });
    expect((await listPeople(t.uow, ctx, { limit: 50, q: 'example.com' })).items).toHaveLength(0);

    const report = await importPeople(t.uow, ctx, csv, { dryRun: false });
    expect(report.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'rejected'],
      [5, 'rejected'],
      [6, 'rejected'],
      [7, 'rejected'],
      [8, 'created'],
    ]);
    expect(report.rows[1]?.reason).toBeNull();
    expect(report.rows[2]?.reason).toMatch(/email/);
    expect(report.rows[3]?.reason).toMatch(/seniority: must be one of/);
    expect(report.rows[4]?.reason).toMatch(/already appears on line 2/);
    expect(report.rows[5]?.reason).toMatch(/org_unit: no organisation unit is named "Nowhere"/);
    const dev = await t.uow.read.people.findByEmail('dev1@example.com');
    const lead = await t.uow.read.people.findByEmail('lead@example.com');
    expect(dev?.managerId).toBe(lead?.id);
    expect((await t.uow.read.people.findByEmail('quoted@example.com'))?.seniority).toBe(
      'senior_manager',
    );

    const again = await importPeople(t.uow, ctx, csv, { dryRun: false });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 4 });
    const changed = await importPeople(
      t.uow,
      ctx,
      'name,email,title\nDev One,dev1@example.com,Senior Engineer\n',
      { dryRun: false },
    );
    expect(changed).toMatchObject({ updated: 1 });
    expect((await t.uow.read.people.get(dev!.id))?.title).toBe('Senior Engineer');
  });

  it('rejects a CSV without the required columns, naming them', async () => {
    await expect(
      importPeople(t.uow, ctx, 'full name,mail\nA,b@example.com\n', { dryRun: false }),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/no name or email column/) as unknown,
    });
  });
});
