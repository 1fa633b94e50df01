import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { actorOf, ctxFor, makePerson, testEnvironment } from '../../../test/factories.js';
import type { Person } from '../../core/people.js';
import type { Ctx } from '../context.js';
import { claimOnce } from '../scheduler/claim-once.js';
import { notify } from './notify.js';

describe.each(dialects)('notify on %s', (dialect) => {
  let t: TestDatabase;
  let ctx: Ctx;
  let alice: Person;
  const env = testEnvironment();

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    ctx = ctxFor(actorOf(await makePerson(t.uow, env, { role: 'admin' })), env);
    alice = await makePerson(t.uow, env, { role: 'member' });
  });
  afterEach(() => t.drop());

  const outbox = async () => (await t.uow.read.notifications.listOutbox({}, { limit: 200 })).items;
  const inbox = async (p: Person) =>
    (await t.uow.read.notifications.list(p.id, {}, { limit: 200 })).items;

  it('writes one notification and one email per event and recipient, however often called', async () => {
    const notice = {
      eventKey: 'nomination:1:created',
      recipientId: alice.id,
      subject: 'You are nominated',
      body: 'Please answer the nomination.',
      link: '/commitments',
    };
    await t.uow.transaction((repos) => notify(repos, ctx, notice));
    await t.uow.transaction((repos) => notify(repos, ctx, { ...notice, subject: 'Again' }));
    await Promise.all([
      t.uow.transaction((repos) => notify(repos, ctx, notice)),
      t.uow.transaction((repos) => notify(repos, ctx, notice)),
    ]);
    expect(await inbox(alice)).toMatchObject([
      { eventKey: 'nomination:1:created', subject: 'You are nominated', readAt: null },
    ]);
    expect(await outbox()).toMatchObject([
      { to: alice.email, subject: 'You are nominated', status: 'pending', attempts: 0 },
    ]);
    expect(await t.uow.read.notifications.unreadCount(alice.id)).toBe(1);
  });

  it('rolls back with the caller and follows the email preference', async () => {
    await expect(
      t.uow.transaction(async (repos) => {
        await notify(repos, ctx, { eventKey: 'e1', recipientId: alice.id, subject: 's', body: '' });
        throw new Error('the caller failed');
      }),
    ).rejects.toThrow('the caller failed');
    expect(await inbox(alice)).toEqual([]);

    await t.uow.transaction((r) => r.notifications.setPreference(alice.id, 'digest', env.now()));
    await t.uow.transaction((r) =>
      notify(r, ctx, { eventKey: 'e2', recipientId: alice.id, subject: 'digested', body: '' }),
    );
    await t.uow.transaction((r) => r.notifications.setPreference(alice.id, 'none', env.now()));
    await t.uow.transaction((r) =>
      notify(r, ctx, { eventKey: 'e3', recipientId: alice.id, subject: 'in-app', body: '' }),
    );
    expect((await inbox(alice)).map((n) => n.subject).sort()).toEqual(['digested', 'in-app']);
    expect(await outbox()).toEqual([]);
  });

  it('refuses an unknown recipient and an empty event key', async () => {
    await expect(
      t.uow.transaction((r) =>
        notify(r, ctx, { eventKey: '', recipientId: alice.id, subject: 's', body: '' }),
      ),
    ).rejects.toMatchObject({ code: 'invalid', issues: [{ path: 'eventKey' }] });
    await expect(
      t.uow.transaction((r) =>
        notify(r, ctx, {
          eventKey: 'x',
          recipientId: '00000000-0000-4000-8000-000000000000' as Person['id'],
          subject: 's',
          body: '',
        }),
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('claimOnce is true once per key, and a rolled-back claim does not count', async () => {
    await expect(
      t.uow.transaction(async (r) => {
        expect(await claimOnce(r, 'escalation:1:50')).toBe(true);
        throw new Error('action failed');
      }),
    ).rejects.toThrow('action failed');
    const results = await Promise.all(
      [1, 2, 3].map(() => t.uow.transaction((r) => claimOnce(r, 'escalation:1:50'))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await t.uow.transaction((r) => claimOnce(r, 'escalation:1:75'))).toBe(true);
  });
});
