import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../test/databases.js';
import { actorOf, ctxFor, testEnvironment } from '../../test/factories.js';
import { startWithAdminAndViewer, type signIn, type TestServer } from '../../test/server.js';
import { dispatchOutbox } from '../app/notifications/dispatch-outbox.js';
import { defaultNotificationSettings } from '../app/notifications/mailer.js';
import { notify } from '../app/notifications/notify.js';
import type { Person } from '../core/people.js';

type Call = Awaited<ReturnType<typeof signIn>>;
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface Item {
  id: string;
  subject: string;
  readAt: string | null;
  status?: string;
  lastError?: string | null;
}

describe.each(dialects)('notifications over HTTP on %s', (dialect) => {
  let s: TestServer;
  let admin: Call;
  let viewer: Call;
  let viewerPerson: Person;
  const env = testEnvironment();

  beforeEach(async () => {
    ({ s, admin, viewer } = await startWithAdminAndViewer(dialect));
    viewerPerson = (await s.t.uow.read.people.findByEmail('viewer@example.com'))!;
    const adminPerson = (await s.t.uow.read.people.findByEmail('admin@example.com'))!;
    const ctx = ctxFor(actorOf(adminPerson), env);
    for (const n of [1, 2]) {
      env.advance(1000);
      await s.t.uow.transaction((r) =>
        notify(r, ctx, {
          eventKey: `test:${n}`,
          recipientId: viewerPerson.id,
          subject: `Notice ${n}`,
          body: 'Please look.',
          link: '/services',
        }),
      );
    }
  });
  afterEach(() => s.close());

  const get = async <T>(call: Call, url: string) => {
    const res = await call({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };

  it('lists only my notifications and marks them read; another person gets 404', async () => {
    const mine = await get<Page<Item>>(viewer, '/api/v1/notifications?unread=true');
    expect(mine.items.map((n) => n.subject)).toEqual(['Notice 2', 'Notice 1']);
    expect(await get(viewer, '/api/v1/notifications/unread-count')).toEqual({ unread: 2 });
    expect((await get<Page<Item>>(admin, '/api/v1/notifications')).items).toEqual([]);

    const target = mine.items[0]!;
    const stranger = await admin({
      method: 'POST',
      url: `/api/v1/notifications/${target.id}/read`,
    });
    expect(stranger.statusCode).toBe(404);
    const read = await viewer({ method: 'POST', url: `/api/v1/notifications/${target.id}/read` });
    expect(read.json()).toMatchObject({ id: target.id, readAt: expect.any(String) as string });
    expect(await get(viewer, '/api/v1/notifications/unread-count')).toEqual({ unread: 1 });
    expect(
      (await get<Page<Item>>(viewer, '/api/v1/notifications?unread=true')).items.map(
        (n) => n.subject,
      ),
    ).toEqual(['Notice 1']);
    const all = await viewer({ method: 'POST', url: '/api/v1/notifications/read-all' });
    expect(all.json()).toEqual({ marked: 1 });
    expect(await get(viewer, '/api/v1/notifications/unread-count')).toEqual({ unread: 0 });
  });

  it('sets my email preference, audits it, and refuses an unknown one', async () => {
    expect(await get(viewer, '/api/v1/notifications/preferences')).toEqual({ email: 'immediate' });
    const bad = await viewer({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      payload: { email: 'hourly' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('email');
    const set = await viewer({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      payload: { email: 'digest' },
    });
    expect(set.json()).toEqual({ email: 'digest' });
    expect(await get(viewer, '/api/v1/notifications/preferences')).toEqual({ email: 'digest' });
    expect(await get(admin, '/api/v1/notifications/preferences')).toEqual({ email: 'immediate' });
    const audit = await get<Page<{ action: string; actorId: string; after: unknown }>>(
      admin,
      '/api/v1/audit?action=notification-preferences.changed',
    );
    expect(audit.items).toMatchObject([{ actorId: viewerPerson.id, after: { email: 'digest' } }]);
  });

  it('shows admins the outbox with held emails, as CSV too, and retries them with an audit entry', async () => {
    expect((await viewer({ method: 'GET', url: '/api/v1/notifications/outbox' })).statusCode).toBe(
      403,
    );
    await dispatchOutbox({
      uow: s.t.uow,
      env,
      instanceId: 'test',
      mailer: null,
      settings: defaultNotificationSettings,
    });
    const held = await get<Page<Item>>(
      admin,
      '/api/v1/notifications/outbox?status=held&sort=subject',
    );
    expect(held.items).toMatchObject([
      { subject: 'Notice 1', status: 'held', lastError: 'not sent: SMTP not configured' },
      { subject: 'Notice 2', status: 'held' },
    ]);
    const csv = await admin({ method: 'GET', url: '/api/v1/notifications/outbox?format=csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe(
      'id,createdAt,kind,to,subject,status,attempts,nextAttemptAt,lastError,messageId,smtpResponse,sentAt,dedupeKey',
    );
    expect(csv.body).toContain('not sent: SMTP not configured');

    const id = held.items[0]!.id;
    expect(
      (await viewer({ method: 'POST', url: `/api/v1/notifications/outbox/${id}/retry` }))
        .statusCode,
    ).toBe(403);
    const retried = await admin({
      method: 'POST',
      url: `/api/v1/notifications/outbox/${id}/retry`,
    });
    expect(retried.json()).toMatchObject({ id, status: 'pending', attempts: 0 });
    const again = await admin({ method: 'POST', url: `/api/v1/notifications/outbox/${id}/retry` });
    expect(again.statusCode).toBe(409);
    const audit = await get<Page<{ entityId: string }>>(
      admin,
      '/api/v1/audit?action=email.retried',
    );
    expect(audit.items).toMatchObject([{ entityId: id }]);
  });
});
