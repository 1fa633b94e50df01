import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreateService } from '../../contract/services.js';
import { CreateTeam } from '../../contract/teams.js';
import { CreateTicket } from '../../contract/tickets.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { actorOf, ctxFor, makePerson, testEnvironment } from '../../../test/factories.js';
import type { Ctx } from '../context.js';
import { createService } from '../services/create-service.js';
import { createTeam } from '../teams/create-team.js';
import { createTicket } from './create-ticket.js';
import { importTickets } from './import-tickets.js';
import { getTicketHistory, listTickets } from './read-tickets.js';
import { serviceAvailability } from './service-availability.js';
import { CreateCalendar } from '../../contract/calendars.js';
import { CreateTarget } from '../../contract/targets.js';
import { createCalendar } from '../calendars/create-calendar.js';
import { createTarget } from '../targets/create-target.js';
import {
  assignTicket,
  changeTicketStatus,
  recordFirstResponse,
  updateTicket,
} from './work-ticket.js';

describe.each(dialects)('tickets on %s', (dialect) => {
  let t: TestDatabase;
  let admin: Ctx;
  let member: Ctx;
  let viewer: Ctx;
  const env = testEnvironment('2026-03-02T09:00:00.000Z');
  const list = (q: object = {}) => listTickets(t.uow, admin, { limit: 50, ...q });

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    admin = ctxFor(actorOf(await makePerson(t.uow, env, { role: 'admin' })), env);
    member = ctxFor(actorOf(await makePerson(t.uow, env, { role: 'member' })), env);
    viewer = ctxFor(actorOf(await makePerson(t.uow, env, { role: 'viewer' })), env);
    await createService(
      t.uow,
      admin,
      CreateService.parse({ name: 'Online shop', kind: 'business_service' }),
    );
    await createTeam(
      t.uow,
      admin,
      CreateTeam.parse({ name: 'Service desk', memberIds: [member.actor.personId] }),
    );
  });
  afterEach(() => t.drop());

  it('opens, assigns and moves a ticket through allowed statuses, keeping every change', async () => {
    const shop = (await t.uow.read.services.getBySlug('online-shop'))!;
    const team = (await t.uow.read.teams.findByName('Service desk'))!;
    const a = await createTicket(
      t.uow,
      member,
      CreateTicket.parse({ title: 'Checkout fails', serviceId: shop.id, priority: 'P2' }),
    );
    expect(a).toMatchObject({
      number: 'INC-000001',
      status: 'new',
      requesterId: member.actor.personId,
      serviceSlug: 'online-shop',
      firstResponseAt: null,
    });
    const req = await createTicket(
      t.uow,
      member,
      CreateTicket.parse({ type: 'service_request', title: 'New laptop' }),
    );
    expect(req.number).toBe('REQ-000001');
    await expect(
      createTicket(t.uow, viewer, CreateTicket.parse({ title: 'x' })),
    ).rejects.toMatchObject({ code: 'forbidden' });

    env.advance(60_000);
    const assigned = await assignTicket(t.uow, member, a.number, 1, {
      teamId: team.id,
      assigneeId: member.actor.personId,
      note: null,
    });
    expect(assigned).toMatchObject({ status: 'assigned', teamId: team.id, version: 2 });
    await expect(
      assignTicket(t.uow, member, a.id, 2, {
        teamId: team.id,
        assigneeId: admin.actor.personId,
        note: null,
      }),
    ).rejects.toMatchObject({ issues: [{ path: 'assigneeId' }] });

    env.advance(60_000);
    const working = await changeTicketStatus(t.uow, member, a.id, 2, {
      status: 'in_progress',
      note: 'Looking',
    });
    expect(working.firstResponseAt).toBe('2026-03-02T09:02:00.000Z');
    await expect(
      changeTicketStatus(t.uow, member, a.id, 2, { status: 'pending_customer', note: null }),
    ).rejects.toMatchObject({ code: 'precondition_failed' });
    await expect(
      changeTicketStatus(t.uow, member, a.id, 3, { status: 'closed', note: null }),
    ).rejects.toMatchObject({ issues: [{ path: 'status' }] });
    env.advance(60_000);
    const resolved = await changeTicketStatus(t.uow, member, a.id, 3, {
      status: 'resolved',
      note: null,
    });
    expect(resolved.resolvedAt).toBe('2026-03-02T09:03:00.000Z');
    const reopened = await changeTicketStatus(t.uow, member, a.id, 4, {
      status: 'reopened',
      note: null,
    });
    expect(reopened.resolvedAt).toBeNull();
    const updated = await updateTicket(t.uow, admin, a.id, 5, {
      priority: 'P1',
      title: 'Checkout down',
    });
    expect(updated).toMatchObject({ priority: 'P1', title: 'Checkout down', description: null });

    const { history } = await getTicketHistory(t.uow, viewer, a.number);
    expect(history.map((e) => [e.seq, e.status, e.priority])).toEqual([
      [0, 'new', 'P2'],
      [1, 'assigned', 'P2'],
      [2, 'in_progress', 'P2'],
      [3, 'resolved', 'P2'],
      [4, 'reopened', 'P2'],
      [5, 'reopened', 'P1'],
    ]);
    expect(history[2]).toMatchObject({ note: 'Looking', actorId: member.actor.personId });
    // A title change alone adds no history entry.
    await updateTicket(t.uow, admin, a.id, 6, { title: 'Checkout broken' });
    expect((await getTicketHistory(t.uow, viewer, a.id)).history).toHaveLength(6);

    const audit = await t.uow.read.audit.list(
      { entityType: 'ticket', entityId: a.id },
      { limit: 20 },
    );
    expect(audit.items.map((e) => e.action).sort()).toEqual(
      [
        'ticket.assigned',
        'ticket.created',
        'ticket.status_changed',
        'ticket.status_changed',
        'ticket.status_changed',
        'ticket.updated',
        'ticket.updated',
      ].sort(),
    );

    expect((await list({ open: true })).items.map((x) => x.number).sort()).toEqual([
      'INC-000001',
      'REQ-000001',
    ]);
    expect((await list({ service: 'online-shop' })).items).toHaveLength(1);
    expect((await list({ type: 'service_request' })).items[0]!.number).toBe('REQ-000001');
    expect((await list({ priority: 'P1', teamId: team.id })).items).toHaveLength(1);
    expect((await list({ q: 'laptop' })).items).toHaveLength(1);
    expect(
      (await list({ status: 'reopened', assigneeId: member.actor.personId })).items,
    ).toHaveLength(1);
    expect((await list({ open: false })).items).toHaveLength(0);
    expect((await list({ sort: 'number' })).items.map((x) => x.number)).toEqual([
      'INC-000001',
      'REQ-000001',
    ]);
  });

  it('records a first response once, and never changes a final ticket', async () => {
    const a = await createTicket(t.uow, member, CreateTicket.parse({ title: 'VPN slow' }));
    const responded = await recordFirstResponse(t.uow, member, a.id, 1, { note: null });
    expect(responded.firstResponseAt).toBe(env.now());
    await expect(recordFirstResponse(t.uow, member, a.id, 2, { note: null })).rejects.toMatchObject(
      {
        issues: [{ path: 'firstResponseAt' }],
      },
    );
    const cancelled = await changeTicketStatus(t.uow, member, a.id, 2, {
      status: 'cancelled',
      note: null,
    });
    expect(cancelled.closedAt).not.toBeNull();
    await expect(
      changeTicketStatus(t.uow, member, a.id, 3, { status: 'reopened', note: null }),
    ).rejects.toMatchObject({ message: 'status: a cancelled ticket is final and cannot change' });
  });

  it('imports JSON Lines idempotently, a failing line saving nothing', async () => {
    const lines = [
      JSON.stringify({
        externalId: 'Z-1',
        service: 'online-shop',
        title: 'Shop down',
        priority: 'P1',
        impact: 'outage',
        createdAt: '2026-02-10T10:00:00+01:00',
        history: [
          { at: '2026-02-10T09:00:00Z', status: 'new', team: 'Service desk' },
          { at: '2026-02-10T09:05:00Z', status: 'in_progress' },
          { at: '2026-02-10T10:00:00Z', status: 'resolved' },
        ],
      }),
      '',
      JSON.stringify({
        createdAt: '2026-02-11T08:00:00Z',
        history: [{ at: '2026-02-11T09:00:00Z', status: 'assigned' }],
      }),
      JSON.stringify({
        externalId: 'Z-3',
        createdAt: '2026-02-12T08:00:00Z',
        history: [
          { at: '2026-02-12T09:00:00Z', status: 'assigned' },
          { at: '2026-02-12T08:30:00Z', status: 'in_progress' },
        ],
      }),
      '{ not json',
      JSON.stringify({
        externalId: 'Z-5',
        createdAt: '2026-02-12T08:00:00Z',
        history: [{ at: '2026-02-12T09:00:00Z', status: 'assigned', team: 'Nobody' }],
      }),
    ];
    const first = await importTickets(t.uow, admin, lines, { source: 'zammad' });
    expect(first).toMatchObject({ imported: 2, unchanged: 0, failed: 3 });
    expect(first.failures.map((f) => [f.line, f.field])).toEqual([
      [4, 'history.1.at'],
      [5, 'line'],
      [6, 'history.0.team'],
    ]);
    expect(first.failures[0]!.message).toContain('before the previous change');
    expect(first.failures[1]!.message).toContain('not valid JSON');
    expect(first.failures[2]!.message).toBe('no team is named Nobody');
    const again = await importTickets(t.uow, admin, lines, { source: 'zammad' });
    expect(again).toMatchObject({ imported: 0, unchanged: 2, failed: 3 });
    const all = await list();
    expect(all.items).toHaveLength(2);
    const shop = all.items.find((x) => x.externalRef?.id === 'Z-1')!;
    expect(shop).toMatchObject({
      status: 'resolved',
      createdAt: '2026-02-10T09:00:00.000Z',
      firstResponseAt: '2026-02-10T09:05:00.000Z',
      resolvedAt: '2026-02-10T10:00:00.000Z',
    });
    const { history } = await getTicketHistory(t.uow, admin, shop.id);
    expect(history.map((e) => [e.at, e.status, e.teamId !== null])).toEqual([
      ['2026-02-10T09:00:00.000Z', 'new', true],
      ['2026-02-10T09:05:00.000Z', 'in_progress', true],
      ['2026-02-10T10:00:00.000Z', 'resolved', true],
    ]);
    // Nothing of the failed lines was saved, and the same id with other content is refused.
    const changed = await importTickets(
      t.uow,
      admin,
      [JSON.stringify({ externalId: 'Z-1', createdAt: '2026-02-10T09:00:00Z' })],
      { source: 'zammad' },
    );
    expect(changed.failures[0]).toMatchObject({ line: 1, field: 'externalId' });
    await expect(importTickets(t.uow, member, [], { source: 'x' })).rejects.toMatchObject({
      code: 'forbidden',
    });

    const availability = await serviceAvailability(t.uow, viewer, 'online-shop', {
      from: '2026-02-01T00:00:00.000Z',
      to: '2026-03-01T00:00:00.000Z',
    });
    expect(availability.periods).toHaveLength(1);
    expect(availability.periods[0]!.allHours).toMatchObject({
      downSeconds: 3600,
      totalSeconds: 28 * 86400,
    });
    expect(availability.periods[0]!.serviceHours).toBeNull();

    // Service hours are the calendar of the P1 time-to-resolve target: weekdays 09:00-17:00.
    const office = await createCalendar(
      t.uow,
      admin,
      CreateCalendar.parse({
        name: 'Office hours',
        timeZone: 'UTC',
        week: Object.fromEntries(
          ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']]]),
        ),
      }),
    );
    await createTarget(
      t.uow,
      admin,
      CreateTarget.parse({
        serviceId: null,
        priority: 'P1',
        metric: 'resolution',
        duration: { businessSeconds: 4 * 3600 },
        calendarId: office.id,
      }),
    );
    const withHours = await serviceAvailability(t.uow, viewer, 'online-shop', {
      from: '2026-02-01T00:00:00.000Z',
      to: '2026-03-01T00:00:00.000Z',
    });
    expect(withHours.serviceHoursCalendar).toBe('Office hours');
    // February 2026 has 20 weekdays of 8 open hours; the outage (09:00-10:00) was in hours.
    expect(withHours.periods[0]!.serviceHours).toMatchObject({
      downSeconds: 3600,
      totalSeconds: 20 * 8 * 3600,
    });
  });
});
