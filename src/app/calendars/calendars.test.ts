import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreateCalendar, UpdateCalendar, builtInCalendarId } from '../../contract/calendars.js';
import { CreateTarget, UpdateTarget } from '../../contract/targets.js';
import { CreateService } from '../../contract/services.js';
import type { CalendarId, TargetId } from '../../core/sla/targets.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { actorOf, ctxFor, makePerson, testEnvironment } from '../../../test/factories.js';
import type { Ctx } from '../context.js';
import { createService } from '../services/create-service.js';
import { createTarget } from '../targets/create-target.js';
import { listTargets, targetForTicket } from '../targets/read-targets.js';
import { deleteTarget, updateTarget } from '../targets/update-target.js';
import { checkCalendar } from './check-calendar.js';
import { createCalendar } from './create-calendar.js';
import { getCalendar, listCalendars } from './read-calendars.js';
import { archiveCalendar, updateCalendar } from './update-calendar.js';

const officeWeek = {
  mon: [
    ['09:00', '12:00'],
    ['13:00', '17:00'],
  ],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '17:00']],
};

describe.each(dialects)('calendars and service level targets on %s', (dialect) => {
  let t: TestDatabase;
  let ctx: Ctx;
  let viewerCtx: Ctx;
  const env = testEnvironment();
  const office = (extra: object = {}) =>
    createCalendar(
      t.uow,
      ctx,
      CreateCalendar.parse({
        name: 'Paris office',
        timeZone: 'Europe/Paris',
        week: officeWeek,
        holidays: [{ date: '2026-05-01', yearly: true, name: 'Labour day' }],
        ...extra,
      }),
    );

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    ctx = ctxFor(actorOf(await makePerson(t.uow, env, { role: 'admin' })), env);
    viewerCtx = ctxFor(actorOf(await makePerson(t.uow, env, { role: 'viewer' })), env);
  });
  afterEach(() => t.drop());

  it('has the built-in 24x7 calendar on a fresh database, and it cannot be changed', async () => {
    const builtIn = await getCalendar(t.uow, ctx, builtInCalendarId);
    expect(builtIn).toMatchObject({ name: '24x7 (UTC)', timeZone: 'UTC', builtIn: true });
    expect(builtIn.week.sun).toEqual([['00:00', '24:00']]);
    await expect(
      updateCalendar(t.uow, ctx, builtIn.id, 1, UpdateCalendar.parse({ name: 'Mine' })),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(archiveCalendar(t.uow, ctx, builtIn.id, 1)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('creates, finds by name, updates with versions and archives, auditing each change', async () => {
    const cal = await office();
    expect(cal.week.mon).toHaveLength(2);
    expect(await getCalendar(t.uow, ctx, 'paris OFFICE')).toMatchObject({ id: cal.id });
    await expect(office()).rejects.toMatchObject({ code: 'conflict', issues: [{ path: 'name' }] });

    const updated = await updateCalendar(
      t.uow,
      ctx,
      cal.id,
      1,
      UpdateCalendar.parse({ description: 'Head office hours' }),
    );
    expect(updated).toMatchObject({ version: 2, description: 'Head office hours' });
    await expect(
      updateCalendar(t.uow, ctx, cal.id, 1, UpdateCalendar.parse({ description: 'x' })),
    ).rejects.toMatchObject({ code: 'precondition_failed' });
    const archived = await archiveCalendar(t.uow, ctx, cal.id, 2);
    expect(archived.active).toBe(false);

    const page = await listCalendars(t.uow, ctx, { limit: 50, active: true });
    expect(page.items.map((c) => c.name)).toEqual(['24x7 (UTC)']);
    const audit = await t.uow.read.audit.list({ entityId: cal.id }, { limit: 10 });
    expect(audit.items.map((e) => e.action).sort()).toEqual([
      'calendar.archived',
      'calendar.created',
      'calendar.updated',
    ]);
  });

  it.each([
    [
      {
        week: {
          tue: [
            ['09:00', '12:00'],
            ['11:00', '17:00'],
          ],
        },
      },
      'week.tue[1]',
    ],
    [{ week: { mon: [['25:00', '26:00']] } }, 'week.mon[0][0]'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [
      { holidays: [{ date: '2026-01-01' }, {}, { from: '2026-08-10', to: '2026-08-01' }] },
      'holidays[2].to',
    ],
  ])('refuses %o naming %s and saves nothing', async (extra, path) => {
    const error = (await office(extra).catch((e: unknown) => e)) as { issues: { path: string }[] };
    expect(error.issues.map((i) => i.path)).toContain(path);
    expect((await listCalendars(t.uow, ctx, { limit: 50 })).items).toHaveLength(1);
  });

  it('only admins write calendars', async () => {
    await expect(
      createCalendar(
        t.uow,
        viewerCtx,
        CreateCalendar.parse({ name: 'X', timeZone: 'UTC', week: {} }),
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('checks business time with the engine: a lunch break and a holiday', async () => {
    const cal = await office();
    // Monday 2026-03-02 10:00 to 14:00 Paris: 2 h before lunch, 1 h after.
    const elapsed = await checkCalendar(t.uow, ctx, cal.id, {
      from: '2026-03-02T10:00',
      to: '2026-03-02T14:00',
    });
    expect(elapsed.elapsedSeconds).toBe(3 * 3600);
    expect(elapsed.from.instant).toBe('2026-03-02T09:00:00.000Z');
    // Thursday 30 April 16:00 + 4 h: 1 h on Thursday, Friday 1 May is a holiday, then 3 h on
    // Monday 4 May (09:00–12:00), ending as the lunch break starts.
    const added = await checkCalendar(t.uow, ctx, cal.id, { from: '2026-04-30T16:00', add: '4h' });
    expect(added.result?.local).toMatch(/^2026-05-04T12:00:00/);
    const days = await checkCalendar(t.uow, ctx, cal.id, {
      from: '2026-04-30T10:00',
      add: '1wd',
      endOfWorkingDay: true,
    });
    expect(days.result?.local).toMatch(/^2026-05-04T17:00:00/);
    await expect(
      checkCalendar(t.uow, ctx, cal.id, { from: '2026-04-30T10:00', add: '4 hours' }),
    ).rejects.toMatchObject({ issues: [{ path: 'add' }] });
  });

  describe('service level targets', () => {
    const target = (extra: object = {}) =>
      createTarget(
        t.uow,
        ctx,
        CreateTarget.parse({
          priority: 'P1',
          metric: 'resolution',
          duration: { businessSeconds: 4 * 3600 },
          calendarId: builtInCalendarId,
          ...extra,
        }),
      );

    it('defaults pause statuses, is unique per scope, and falls back to the default', async () => {
      const shop = await createService(
        t.uow,
        ctx,
        CreateService.parse({ name: 'Shop', kind: 'business_service' }),
      );
      const cal = await office();
      const fallback = await target();
      expect(fallback.pauseStatuses).toEqual(['pending_customer', 'pending_vendor']);
      const response = await target({ metric: 'response', duration: { businessSeconds: 900 } });
      expect(response.pauseStatuses).toEqual([]);
      const own = await target({
        serviceId: shop.id,
        calendarId: cal.id,
        duration: { workingDays: 2, endOfWorkingDay: true },
        escalations: [
          { at: { percent: 75 }, actions: [{ type: 'notify', to: 'team_lead' }] },
          { at: { offsetSeconds: 1800 }, actions: [{ type: 'raise_priority' }] },
        ],
      });
      expect(own.duration).toEqual({ workingDays: 2, endOfWorkingDay: true });
      await expect(target({ serviceId: shop.id })).rejects.toMatchObject({ code: 'conflict' });

      const forShop = await targetForTicket(
        t.uow.read,
        { serviceId: shop.id, priority: 'P1' },
        'resolution',
      );
      expect(forShop?.target.id).toBe(own.id);
      expect(forShop?.calendar.name).toBe('Paris office');
      const forResponse = await targetForTicket(
        t.uow.read,
        { serviceId: shop.id, priority: 'P1' },
        'response',
      );
      expect(forResponse?.target.id).toBe(response.id);
      expect(
        await targetForTicket(t.uow.read, { serviceId: shop.id, priority: 'P2' }, 'response'),
      ).toBeNull();

      const defaults = await listTargets(t.uow, ctx, { limit: 50, serviceId: 'default' });
      expect(defaults.items.map((x) => x.id).sort()).toEqual([fallback.id, response.id].sort());
    });

    it.each([
      [{ pauseStatuses: ['resolved'] }, 'pauseStatuses[0]'],
      [
        { escalations: [{ at: { percent: 1001 }, actions: [{ type: 'raise_priority' }] }] },
        'escalations[0].at.percent',
      ],
      [
        {
          escalations: [
            { at: { percent: 50 }, actions: [{ type: 'raise_priority' }] },
            { at: { percent: 50 }, actions: [{ type: 'notify', to: 'manager' }] },
          ],
        },
        'escalations[1].at',
      ],
      [{ calendarId: '00000000-0000-4000-8000-000000000999' }, 'calendarId'],
      [{ origin: 'assigned_to_team' }, 'teamId'],
    ])('refuses %o naming %s', async (extra, path) => {
      const error = (await (async () => target(extra))().catch((e: unknown) => e)) as {
        issues?: { path: string }[];
      };
      expect(error.issues?.map((i) => i.path)).toContain(path);
    });

    it('refuses an archived calendar, updates with If-Match semantics, deletes, audits', async () => {
      const cal = await office();
      await archiveCalendar(t.uow, ctx, cal.id, 1);
      await expect(target({ calendarId: cal.id })).rejects.toMatchObject({
        issues: [{ path: 'calendarId' }],
      });
      const x = await target();
      const changed = await updateTarget(
        t.uow,
        ctx,
        x.id,
        1,
        UpdateTarget.parse({ duration: { businessSeconds: 7200 } }),
      );
      expect(changed).toMatchObject({ version: 2, duration: { businessSeconds: 7200 } });
      await expect(
        updateTarget(t.uow, ctx, x.id, 1, UpdateTarget.parse({ priority: 'P2' })),
      ).rejects.toMatchObject({ code: 'precondition_failed' });
      await expect(
        updateTarget(t.uow, viewerCtx, x.id, 2, UpdateTarget.parse({ priority: 'P2' })),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await deleteTarget(t.uow, ctx, x.id, 2);
      expect(await t.uow.read.targets.get(x.id)).toBeNull();
      const audit = await t.uow.read.audit.list({ entityId: x.id }, { limit: 10 });
      expect(audit.items.map((e) => e.action).sort()).toEqual([
        'target.created',
        'target.deleted',
        'target.updated',
      ]);
      expect(await t.uow.read.targets.get('nope' as TargetId)).toBeNull();
      expect(await t.uow.read.calendars.get('nope' as CalendarId)).toBeNull();
    });
  });
});
