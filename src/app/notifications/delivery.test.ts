import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { actorOf, ctxFor, makePerson, testEnvironment } from '../../../test/factories.js';
import { messageIdFor, type OutboxEntry } from '../../core/notifications.js';
import type { Person } from '../../core/people.js';
import type { Ctx } from '../context.js';
import { dispatchOutbox } from './dispatch-outbox.js';
import type { Mailer, OutgoingEmail, NotificationSettings } from './mailer.js';
import { notify } from './notify.js';
import { sendDigests } from './send-digests.js';

const settings: NotificationSettings = {
  maxAttempts: 3,
  retryBaseMs: 60_000,
  sendLeaseMs: 120_000,
  digestHour: 7,
  digestTimeZone: 'Europe/Paris',
  publicUrl: 'https://charter.example.org',
};

/** A mail transport that records what it is given and fails the first `failures` sends. */
function recordingMailer(failures = 0) {
  const sent: OutgoingEmail[] = [];
  let calls = 0;
  const mailer: Mailer = {
    from: 'Charter <charter@example.org>',
    send(email) {
      calls += 1;
      if (calls <= failures) return Promise.reject(new Error(`421 try again later (${calls})`));
      sent.push(email);
      return Promise.resolve({ messageId: email.messageId, response: '250 OK queued' });
    },
  };
  return { mailer, sent };
}

describe.each(dialects)('email delivery on %s', (dialect) => {
  let t: TestDatabase;
  let ctx: Ctx;
  let alice: Person;
  let env: ReturnType<typeof testEnvironment>;

  beforeEach(async () => {
    env = testEnvironment('2026-03-01T05:30:00.000Z');
    t = await createTestDatabase(dialect);
    ctx = ctxFor(actorOf(await makePerson(t.uow, env, { role: 'admin' })), env);
    alice = await makePerson(t.uow, env, { role: 'member' });
  });
  afterEach(() => t.drop());

  const tell = (eventKey: string, subject = eventKey) =>
    t.uow.transaction((r) =>
      notify(r, ctx, { eventKey, recipientId: alice.id, subject, body: 'Body', link: '/x' }),
    );
  const rows = async (): Promise<OutboxEntry[]> =>
    (
      await t.uow.read.notifications.listOutbox(
        {},
        { limit: 200, sort: { field: 'createdAt', desc: false } },
      )
    ).items;
  const dispatch = (mailer: Mailer | null, instanceId = 'a') =>
    dispatchOutbox({ uow: t.uow, env, instanceId, mailer, settings });

  it('sends each due email once with a stable Message-ID and records the SMTP answer', async () => {
    await tell('e1');
    await tell('e2');
    const { mailer, sent } = recordingMailer();
    expect(await dispatch(mailer)).toMatchObject({ sent: 2 });
    expect(await dispatch(mailer)).toMatchObject({ sent: 0 });
    expect(sent).toHaveLength(2);
    expect(sent[0]?.text).toBe('Body\n\nhttps://charter.example.org/x\n');
    const [first] = await rows();
    expect(first).toMatchObject({
      status: 'sent',
      attempts: 1,
      smtpResponse: '250 OK queued',
      messageId: messageIdFor(first!.id, mailer.from),
    });
    expect(first?.messageId).toMatch(/^<charter\.[0-9a-f-]+@example\.org>$/);
  });

  it('two dispatchers running at once send every row exactly once', async () => {
    for (let i = 0; i < 12; i += 1) await tell(`bulk-${i}`);
    const a = recordingMailer();
    const b = recordingMailer();
    await Promise.all([dispatch(a.mailer, 'a'), dispatch(b.mailer, 'b'), dispatch(a.mailer, 'a2')]);
    const ids = [...a.sent, ...b.sent].map((m) => m.messageId);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });

  it('retries with exponential backoff, then gives up with the last error', async () => {
    await tell('flaky');
    const { mailer, sent } = recordingMailer(1);
    expect(await dispatch(mailer)).toMatchObject({ retrying: 1 });
    let [row] = await rows();
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: '421 try again later (1)',
    });
    expect(Date.parse(row!.nextAttemptAt) - Date.parse(env.now())).toBe(60_000);
    expect(await dispatch(mailer)).toMatchObject({ sent: 0, retrying: 0 });
    env.advance(60_000);
    expect(await dispatch(mailer)).toMatchObject({ sent: 1 });
    [row] = await rows();
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(sent).toHaveLength(1);

    await tell('doomed');
    const broken = recordingMailer(99);
    await dispatch(broken.mailer);
    env.advance(60_000);
    await dispatch(broken.mailer);
    const doomed = (await rows()).find((r) => r.subject === 'doomed')!;
    expect(doomed).toMatchObject({ status: 'pending', attempts: 2 });
    expect(Date.parse(doomed.nextAttemptAt) - Date.parse(env.now())).toBe(120_000);
    env.advance(120_000);
    expect(await dispatch(broken.mailer)).toMatchObject({ failed: 1 });
    expect((await rows()).find((r) => r.subject === 'doomed')).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: '421 try again later (3)',
    });
  });

  it('takes over a row whose sender died after claiming it, once the lease expires', async () => {
    await tell('orphan');
    const [row] = await rows();
    const now = env.now();
    expect(
      await t.uow.read.notifications.claimOutbox(
        row!.id,
        'dead',
        now,
        new Date(Date.parse(now) + 120_000).toISOString() as typeof now,
      ),
    ).toBe(true);
    const { mailer, sent } = recordingMailer();
    expect(await dispatch(mailer, 'b')).toMatchObject({ sent: 0 });
    env.advance(120_001);
    expect(await dispatch(mailer, 'b')).toMatchObject({ sent: 1 });
    expect(sent.map((m) => m.messageId)).toEqual([messageIdFor(row!.id, mailer.from)]);
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 2 });
    // The dead sender's late outcome no longer counts.
    expect(
      await t.uow.read.notifications.finishOutbox(row!.id, 'dead', {
        status: 'failed',
        at: env.now(),
        error: 'late',
        messageId: null,
      }),
    ).toBe(false);
  });

  it('holds emails when no SMTP server is configured, and an admin retry queues them again', async () => {
    await tell('held');
    expect(await dispatch(null)).toMatchObject({ held: 1 });
    const [row] = await rows();
    expect(row).toMatchObject({
      status: 'held',
      lastError: 'not sent: SMTP not configured',
      attempts: 0,
    });
    expect(await t.uow.read.notifications.requeueOutbox(row!.id, env.now())).toBe(true);
    const { mailer } = recordingMailer();
    expect(await dispatch(mailer)).toMatchObject({ sent: 1 });
    expect(await t.uow.read.notifications.requeueOutbox(row!.id, env.now())).toBe(false);
  });

  it('sends one digest per person and local day with the unread notifications not yet digested', async () => {
    await t.uow.transaction((r) => r.notifications.setPreference(alice.id, 'digest', env.now()));
    await tell('d1', 'First');
    await tell('d2', 'Second');
    // 05:30 UTC is 06:30 in Paris: before the digest hour.
    expect(await sendDigests(t.uow, env, settings)).toBe(0);
    env.advance(60 * 60_000);
    expect(await sendDigests(t.uow, env, settings)).toBe(1);
    expect(await sendDigests(t.uow, env, settings)).toBe(0);
    await tell('d3', 'Third');
    expect(await sendDigests(t.uow, env, settings)).toBe(0);
    let digests = await rows();
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({
      kind: 'digest',
      dedupeKey: `digest:${alice.id}:2026-03-01`,
      to: alice.email,
      subject: 'Charter: 2 unread notifications (2026-03-01)',
    });
    expect(digests[0]?.body).toContain('• First');
    expect(digests[0]?.body).toContain('https://charter.example.org/x');
    env.advance(24 * 60 * 60_000);
    expect(await sendDigests(t.uow, env, settings)).toBe(1);
    digests = await rows();
    expect(digests[1]?.dedupeKey).toBe(`digest:${alice.id}:2026-03-02`);
    expect(digests[1]?.body).toContain('• Third');
    expect(digests[1]?.body).not.toContain('First');
  });
});
