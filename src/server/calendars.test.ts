import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtInCalendarId } from '../contract/calendars.js';
import { dialects } from '../../test/databases.js';
import { startWithAdminAndViewer, type signIn, type TestServer } from '../../test/server.js';

type Call = Awaited<ReturnType<typeof signIn>>;
interface ErrorJson {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}
interface CalendarJson {
  id: string;
  name: string;
  version: number;
  holidays: { date?: string; from?: string; to?: string; yearly?: boolean; name?: string }[];
}

const ics = readFileSync(
  new URL('../../test/fixtures/calendars/holidays.ics', import.meta.url),
  'utf8',
);

const office = {
  name: 'Lyon support',
  timeZone: 'Europe/Paris',
  week: {
    mon: [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
  },
  holidays: [{ date: '2026-05-01', yearly: true, name: 'Labour day' }],
};

describe.each(dialects)('calendars and targets over HTTP on %s', (dialect) => {
  let s: TestServer;
  let admin: Call;
  let viewer: Call;

  beforeEach(async () => {
    ({ s, admin, viewer } = await startWithAdminAndViewer(dialect));
  });
  afterEach(() => s.close());

  const create = async (payload: object = office) => {
    const res = await admin({ method: 'POST', url: '/api/v1/calendars', payload });
    expect(res.statusCode).toBe(201);
    return res.json<CalendarJson>();
  };

  it('lists the built-in calendar, creates, reads by name, edits with If-Match, archives, CSV', async () => {
    const list = await viewer({ method: 'GET', url: '/api/v1/calendars' });
    expect(list.json()).toMatchObject({ items: [{ id: builtInCalendarId, builtIn: true }] });
    const cal = await create();
    const byName = await viewer({ method: 'GET', url: '/api/v1/calendars/lyon%20support' });
    expect(byName.json()).toMatchObject({ id: cal.id, version: 1 });
    expect(byName.headers.etag).toBe('"1"');

    const edit = (version: string) =>
      admin({
        method: 'PATCH',
        url: `/api/v1/calendars/${cal.id}`,
        payload: { description: 'Second line' },
        headers: { 'if-match': version },
      });
    expect((await edit('"1"')).json()).toMatchObject({ version: 2, description: 'Second line' });
    const stale = await edit('"1"');
    expect(stale.statusCode).toBe(412);
    const archived = await admin({
      method: 'POST',
      url: `/api/v1/calendars/${cal.id}/archive`,
      headers: { 'if-match': '"2"' },
    });
    expect(archived.json()).toMatchObject({ active: false });
    const csv = await viewer({ method: 'GET', url: '/api/v1/calendars?active=false&format=csv' });
    expect(csv.body.split('\r\n')[1]).toContain('Lyon support');
    const builtIn = await admin({
      method: 'PATCH',
      url: `/api/v1/calendars/${builtInCalendarId}`,
      payload: { name: 'Mine' },
      headers: { 'if-match': '"1"' },
    });
    expect(builtIn.statusCode).toBe(403);
  });

  it.each([
    [
      {
        week: {
          tue: [
            ['09:00', '12:00'],
            ['08:00', '10:00'],
          ],
        },
      },
      'week.tue[1]',
    ],
    [{ week: { tue: [['17:00', '09:00']] } }, 'week.tue[0]'],
    [
      {
        holidays: [
          { date: '2026-01-01' },
          { date: '2026-12-25' },
          { from: '2026-08-10', to: '2026-08' },
        ],
      },
      'holidays[2].to',
    ],
    [{ timeZone: 'Europe/Lyon' }, 'timeZone'],
    [{ week: { funday: [] } }, 'week.funday'],
  ])('refuses %o with 400 naming %s', async (patch, path) => {
    const res = await admin({
      method: 'POST',
      url: '/api/v1/calendars',
      payload: { ...office, ...patch },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorJson>().error.issues?.map((i) => i.path)).toContain(path);
  });

  it('lets viewers read and check but not write', async () => {
    const cal = await create();
    const refused = await viewer({
      method: 'POST',
      url: '/api/v1/calendars',
      payload: { ...office, name: 'X' },
    });
    expect(refused.statusCode).toBe(403);
    const importRefused = await viewer({
      method: 'POST',
      url: `/api/v1/calendars/${cal.id}/holidays/import-ics?preview=true`,
      payload: ics,
      headers: { 'content-type': 'text/calendar' },
    });
    expect(importRefused.statusCode).toBe(403);
    const check = await viewer({
      method: 'GET',
      url: `/api/v1/calendars/${cal.id}/check?from=2026-03-02T08:00&to=2026-03-03T10:00`,
    });
    // Monday 7 h (lunch excluded) + Tuesday 1 h.
    expect(check.json()).toMatchObject({ elapsedSeconds: 8 * 3600, timeZone: 'Europe/Paris' });
    const add = await viewer({
      method: 'GET',
      url: `/api/v1/calendars/${cal.id}/check?from=2026-03-02T11:00:00Z&add=4h`,
    });
    // 12:00 Paris: lunch, then 13:00–17:00 → 17:00 Paris = 16:00Z.
    expect(add.json()).toMatchObject({ result: { instant: '2026-03-02T16:00:00.000Z' } });
    expect(
      (
        await viewer({
          method: 'GET',
          url: `/api/v1/calendars/${cal.id}/check?from=yesterday&to=now`,
        })
      ).json<ErrorJson>().error.issues,
    ).toEqual([expect.objectContaining({ path: 'from' })]);
  });

  it('previews an iCalendar import, saves it once, and adds nothing the second time', async () => {
    const cal = await create();
    const url = `/api/v1/calendars/${cal.id}/holidays/import-ics`;
    const send = (query = '') =>
      admin({
        method: 'POST',
        url: `${url}${query}`,
        payload: ics,
        headers: { 'content-type': 'text/calendar' },
      });
    const preview = await send('?preview=true');
    expect(preview.statusCode).toBe(200);
    const p = preview.json<{
      added: { name?: string }[];
      skipped: { holiday: { name?: string }; reason: string }[];
      errors: { line: number }[];
      calendar: CalendarJson;
    }>();
    expect(p.added.map((h) => h.name)).toEqual(['Ascension', 'Summer closure', 'Christmas']);
    expect(p.skipped.map((x) => x.holiday.name)).toEqual(['Labour day']);
    expect(p.errors).toHaveLength(1);
    expect(p.errors[0]!.line).toBeGreaterThan(20);
    expect(p.calendar.version).toBe(1);
    expect(
      (await viewer({ method: 'GET', url: `/api/v1/calendars/${cal.id}` })).json(),
    ).toMatchObject({ version: 1 });

    const saved = await send();
    expect(saved.json<{ calendar: CalendarJson }>().calendar).toMatchObject({ version: 2 });
    expect(saved.json<{ calendar: CalendarJson }>().calendar.holidays).toContainEqual(
      expect.objectContaining({ from: '2026-08-03', to: '2026-08-14', name: 'Summer closure' }),
    );
    const again = await send();
    expect(again.json()).toMatchObject({ added: [], calendar: { version: 2 } });
    const audit = await admin({ method: 'GET', url: `/api/v1/audit?entityId=${cal.id}` });
    expect(audit.json<{ items: { action: string }[] }>().items.map((e) => e.action)).toContain(
      'calendar.holidays_imported',
    );
  });

  it('applies a calendar by name: created, unchanged, updated', async () => {
    const apply = (body: object, dry = false) =>
      admin({
        method: 'POST',
        url: `/api/v1/calendars/apply${dry ? '?dryRun=true' : ''}`,
        payload: body,
      });
    expect((await apply(office, true)).json()).toMatchObject({
      outcome: 'created',
      calendar: null,
    });
    expect(
      (await viewer({ method: 'GET', url: '/api/v1/calendars/Lyon%20support' })).statusCode,
    ).toBe(404);
    expect((await apply(office)).json()).toMatchObject({ outcome: 'created' });
    expect((await apply(office)).json()).toMatchObject({ outcome: 'unchanged' });
    expect((await apply({ ...office, timeZone: 'Europe/Berlin' })).json()).toMatchObject({
      outcome: 'updated',
      changed: ['timeZone'],
      calendar: { version: 2 },
    });
  });

  describe('service level targets', () => {
    const target = {
      priority: 'P1',
      metric: 'resolution',
      duration: { businessSeconds: 14400 },
      calendarId: builtInCalendarId,
      escalations: [
        { at: { percent: 50 }, actions: [{ type: 'notify', to: 'assignee' }] },
        {
          at: { offsetSeconds: -3600 },
          actions: [{ type: 'notify', to: 'team_lead' }],
          businessHoursOnly: true,
        },
        {
          at: { offsetSeconds: 1800 },
          actions: [
            { type: 'raise_priority' },
            { type: 'webhook', url: 'https://hooks.example.test/sla' },
          ],
        },
      ],
    };

    it('creates with defaults, filters, exports CSV, edits with If-Match and deletes', async () => {
      const created = await admin({
        method: 'POST',
        url: '/api/v1/service-level-targets',
        payload: target,
      });
      expect(created.statusCode).toBe(201);
      const t = created.json<{
        id: string;
        pauseStatuses: string[];
        serviceId: null;
        origin: string;
      }>();
      expect(t).toMatchObject({
        serviceId: null,
        origin: 'created',
        pauseStatuses: ['pending_customer', 'pending_vendor'],
      });
      const dup = await admin({
        method: 'POST',
        url: '/api/v1/service-level-targets',
        payload: target,
      });
      expect(dup.statusCode).toBe(409);
      const listed = await viewer({
        method: 'GET',
        url: '/api/v1/service-level-targets?serviceId=default&priority=P1',
      });
      expect(listed.json<{ items: unknown[] }>().items).toHaveLength(1);
      const none = await viewer({
        method: 'GET',
        url: '/api/v1/service-level-targets?metric=response',
      });
      expect(none.json<{ items: unknown[] }>().items).toHaveLength(0);
      const csv = await viewer({ method: 'GET', url: '/api/v1/service-level-targets?format=csv' });
      expect(csv.body).toMatch(/^id,serviceId,priority,metric/);

      const patch = (version: string, payload: object) =>
        admin({
          method: 'PATCH',
          url: `/api/v1/service-level-targets/${t.id}`,
          payload,
          headers: { 'if-match': version },
        });
      expect(
        (await patch('"1"', { duration: { workingDays: 3, endOfWorkingDay: true } })).json(),
      ).toMatchObject({
        version: 2,
        duration: { workingDays: 3, endOfWorkingDay: true },
      });
      expect((await patch('"1"', { priority: 'P2' })).statusCode).toBe(412);
      expect(
        (
          await viewer({
            method: 'PATCH',
            url: `/api/v1/service-level-targets/${t.id}`,
            payload: { priority: 'P2' },
            headers: { 'if-match': '"2"' },
          })
        ).statusCode,
      ).toBe(403);
      const stale = await admin({
        method: 'DELETE',
        url: `/api/v1/service-level-targets/${t.id}`,
        headers: { 'if-match': '"1"' },
      });
      expect(stale.statusCode).toBe(412);
      const gone = await admin({
        method: 'DELETE',
        url: `/api/v1/service-level-targets/${t.id}`,
        headers: { 'if-match': '"2"' },
      });
      expect(gone.statusCode).toBe(204);
    });

    it.each([
      [{ pauseStatuses: ['waiting_for_godot'] }, 'pauseStatuses.0'],
      [{ pauseStatuses: ['closed'] }, 'pauseStatuses[0]'],
      [
        { escalations: [{ at: { percent: 1500 }, actions: [{ type: 'raise_priority' }] }] },
        'escalations[0].at.percent',
      ],
      [
        { escalations: [{ at: { percent: 50 }, actions: [{ type: 'notify', to: 'cto' }] }] },
        'escalations.0.actions.0.to',
      ],
      [{ duration: { businessSeconds: 60, workingDays: 1 } }, 'duration.businessSeconds'],
      [{ calendarId: '5b0f0c7e-2c2a-4b9e-9d3e-3f5c1a2b4c6d' }, 'calendarId'],
    ])('refuses %o with 400 naming %s', async (patch, path) => {
      const res = await admin({
        method: 'POST',
        url: '/api/v1/service-level-targets',
        payload: { ...target, ...patch },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorJson>().error.issues?.map((i) => i.path)).toContain(path);
    });

    it('refuses an archived calendar and viewers', async () => {
      const cal = await create();
      await admin({
        method: 'POST',
        url: `/api/v1/calendars/${cal.id}/archive`,
        headers: { 'if-match': '"1"' },
      });
      const res = await admin({
        method: 'POST',
        url: '/api/v1/service-level-targets',
        payload: { ...target, calendarId: cal.id },
      });
      expect(res.json<ErrorJson>().error).toMatchObject({
        code: 'invalid',
        issues: [{ path: 'calendarId' }],
      });
      expect(res.json<ErrorJson>().error.message).toMatch(/archived/);
      const viewerRes = await viewer({
        method: 'POST',
        url: '/api/v1/service-level-targets',
        payload: target,
      });
      expect(viewerRes.statusCode).toBe(403);
    });
  });
});
