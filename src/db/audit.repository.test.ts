import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../app/audit/verify-audit.js';
import { recordChange } from '../app/context.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/databases.js';
import { actorOf, ctxFor, makePerson, testEnvironment } from '../../test/factories.js';

describe.each(dialects)('audit chain on %s', (dialect) => {
  let t: TestDatabase;
  const env = testEnvironment();

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    const admin = await makePerson(t.uow, env, { role: 'admin' });
    const ctx = ctxFor(actorOf(admin), env);
    for (let i = 1; i <= 5; i += 1) {
      await t.uow.transaction((repos) =>
        recordChange(repos.audit, ctx, {
          action: 'team.created',
          entityType: 'team',
          entityId: `team-${i}`,
          after: { name: `Team ${i}` },
        }),
      );
    }
  });
  afterEach(() => t.drop());

  // Entry 1 is the test person's creation; entries 2..6 are the teams.
  it('links every entry to the previous one and verifies', async () => {
    const page = await t.uow.read.audit.list(
      {},
      { limit: 10, sort: { field: 'seq', desc: false } },
    );
    expect(page.items.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    page.items.slice(1).forEach((e, i) => expect(e.prevHash).toBe(page.items[i]!.hash));
    expect(await verifyAudit(t.uow)).toEqual({
      ok: true,
      checked: 6,
      firstBadSeq: null,
      problem: null,
    });
  });

  it('names the entry whose content was edited in the database', async () => {
    await sql`update audit_log set after_json = ${JSON.stringify({ name: 'Renamed' })} where seq = 4`.execute(
      t.db.kysely,
    );
    expect(await verifyAudit(t.uow)).toMatchObject({ ok: false, firstBadSeq: 4 });
  });

  it('names the gap where an entry was removed', async () => {
    await sql`delete from audit_log where seq = 3`.execute(t.db.kysely);
    const result = await verifyAudit(t.uow);
    expect(result).toMatchObject({ ok: false, firstBadSeq: 4 });
    expect(result.problem).toMatch(/#3 is missing/);
  });

  it('detects entries removed from the end', async () => {
    await sql`delete from audit_log where seq >= 5`.execute(t.db.kysely);
    expect(await verifyAudit(t.uow)).toMatchObject({ ok: false, firstBadSeq: 5 });
  });

  it('detects reordered entries', async () => {
    await sql`update audit_log set seq = 100 where seq = 3`.execute(t.db.kysely);
    await sql`update audit_log set seq = 3 where seq = 4`.execute(t.db.kysely);
    await sql`update audit_log set seq = 4 where seq = 100`.execute(t.db.kysely);
    expect(await verifyAudit(t.uow)).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it('keeps the chain intact under concurrent appends', async () => {
    const admin = await makePerson(t.uow, env, { role: 'admin' });
    const ctx = ctxFor(actorOf(admin), env);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.uow.transaction((repos) =>
          recordChange(repos.audit, ctx, {
            action: 'x.done',
            entityType: 'x',
            entityId: String(i),
          }),
        ),
      ),
    );
    expect(await verifyAudit(t.uow)).toMatchObject({ ok: true, checked: 27 });
  });

  it('writes nothing to the log when the change itself fails', async () => {
    const admin = await makePerson(t.uow, env, { role: 'admin' });
    const before = (await t.uow.read.audit.head()).seq;
    await expect(
      t.uow.transaction(async (repos) => {
        await recordChange(repos.audit, ctxFor(actorOf(admin), env), {
          action: 'team.created',
          entityType: 'team',
          entityId: 'x',
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await t.uow.read.audit.head()).seq).toBe(before);
    expect(await verifyAudit(t.uow)).toMatchObject({ ok: true });
  });
});
