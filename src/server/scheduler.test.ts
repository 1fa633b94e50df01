import nodemailer from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/databases.js';
import { actorOf, ctxFor, makePerson, testEnvironment } from '../../test/factories.js';
import { defaultNotificationSettings } from '../app/notifications/mailer.js';
import { notify } from '../app/notifications/notify.js';
import type { UnitOfWork } from '../app/ports.js';
import { schedulerJobs } from '../app/scheduler/jobs.js';
import type { Job } from '../app/scheduler/job.js';
import { addMs } from '../core/notifications.js';
import { openDatabase, type Db } from '../db/database.js';
import { unitOfWork } from '../db/store.js';
import { systemEnvironment } from './environment.js';
import { transportMailer } from './mailer.js';
import { startScheduler, type Scheduler } from './scheduler.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 400; i += 1) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe.each(dialects)('scheduler across instances on %s', (dialect) => {
  let t: TestDatabase;
  /** A second instance: its own connection (pool) to the same database. */
  let other: Db;
  let otherUow: UnitOfWork;
  const schedulers: Scheduler[] = [];

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    other =
      dialect === 'sqlite'
        ? openDatabase(t.url)
        : openDatabase(t.url, { schema: t.processEnv.DATABASE_SCHEMA!, poolSize: 5 });
    otherUow = unitOfWork(other);
  });
  afterEach(async () => {
    await Promise.all(schedulers.splice(0).map((s) => s.stop()));
    await other.close();
    await t.drop();
  });

  it('dispatches each of N notifications exactly once across two schedulers', async () => {
    const env = testEnvironment();
    const admin = await makePerson(t.uow, env, { role: 'admin' });
    const ctx = ctxFor(actorOf(admin), systemEnvironment);
    const people = await Promise.all([1, 2, 3].map(() => makePerson(t.uow, env)));
    const n = 24;
    for (let i = 0; i < n; i += 1) {
      await t.uow.transaction((r) =>
        notify(r, ctx, {
          eventKey: `event-${i}`,
          recipientId: people[i % 3]!.id,
          subject: `Event ${i}`,
          body: 'Something happened.',
        }),
      );
    }
    const delivered: { instance: string; messageId: string }[] = [];
    const instance = (uow: UnitOfWork, instanceId: string) => {
      const transport = nodemailer.createTransport({ jsonTransport: true });
      const mailer = transportMailer(transport, 'Charter <charter@example.org>');
      const recording = {
        from: mailer.from,
        send: async (email: Parameters<typeof mailer.send>[0]) => {
          await sleep(5);
          const result = await mailer.send(email);
          delivered.push({ instance: instanceId, messageId: result.messageId });
          return result;
        },
      };
      const jobs = schedulerJobs({
        uow,
        env: systemEnvironment,
        instanceId,
        mailer: recording,
        settings: defaultNotificationSettings,
      })
        .filter((job) => job.name === 'notifications.dispatch')
        .map((job) => ({ ...job, everyMs: 20 }));
      schedulers.push(
        startScheduler({ uow, env: systemEnvironment, jobs, instanceId, tickMs: 10 }),
      );
    };
    instance(t.uow, 'instance-a');
    instance(otherUow, 'instance-b');
    await eventually(async () => {
      const page = await t.uow.read.notifications.listOutbox({ status: 'sent' }, { limit: 200 });
      return page.items.length === n;
    }, `${n} emails are sent`);
    await sleep(200);
    expect(delivered).toHaveLength(n);
    expect(new Set(delivered.map((d) => d.messageId)).size).toBe(n);
    const rows = (await t.uow.read.notifications.listOutbox({}, { limit: 200 })).items;
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.messageId))).toEqual(
      new Set(delivered.map((d) => d.messageId)),
    );
  });

  it('runs a job on one instance at a time', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const job: Job = {
      name: 'test.exclusive',
      everyMs: 1,
      run: async () => {
        active += 1;
        runs += 1;
        most = Math.max(most, active);
        await sleep(15);
        active -= 1;
      },
    };
    for (const [uow, id] of [
      [t.uow, 'a'],
      [otherUow, 'b'],
      [otherUow, 'c'],
    ] as const) {
      schedulers.push(
        startScheduler({ uow, env: systemEnvironment, jobs: [job], instanceId: id, tickMs: 5 }),
      );
    }
    await eventually(() => Promise.resolve(runs >= 10), 'the job ran ten times');
    expect(most).toBe(1);
  });

  it('a lease held by a dead instance blocks others until it expires, then the job runs again', async () => {
    const env = testEnvironment();
    const now = env.now();
    const lease = (uow: UnitOfWork, holder: string) =>
      uow.read.scheduler.acquireLease(
        'test.job',
        holder,
        env.now(),
        addMs(env.now(), 60_000),
        addMs(env.now(), -300_000),
      );
    expect(await lease(t.uow, 'dead')).toBe(true);
    expect(await lease(otherUow, 'alive')).toBe(false);
    env.advance(60_000);
    expect(await lease(otherUow, 'alive')).toBe(true);
    // A finished run is not due again until everyMs has passed since it started.
    await otherUow.read.scheduler.releaseLease('test.job', 'alive', env.now(), now);
    env.advance(1_000);
    expect(await lease(t.uow, 'dead')).toBe(false);
    env.advance(300_000);
    expect(await lease(t.uow, 'dead')).toBe(true);
  });
});
