import { createServer, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { testEnvironment } from '../../../test/factories.js';
import { slaWorld } from '../../../test/sla.js';
import type { PersonId } from '../../core/ids.js';
import { changeTicketStatus } from '../tickets/work-ticket.js';
import { escalateTickets } from './escalate.js';

const minute = 60_000;

describe.each(dialects)('escalation scheduler on %s', (dialect) => {
  let t: TestDatabase;
  let hooks: Server;
  let hookUrl: string;
  let hookCalls: unknown[];

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    hookCalls = [];
    hooks = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        hookCalls.push(JSON.parse(body));
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hooks.address() as { port: number }).port}/hook`;
  });
  afterEach(async () => {
    await new Promise((resolve) => hooks.close(resolve));
    await t.drop();
  });

  const inbox = async (person: PersonId) =>
    (await t.uow.read.notifications.list(person, {}, { limit: 50 })).items;
  const escalations = async () =>
    (await t.uow.read.audit.list({ action: 'sla.escalated' }, { limit: 100 })).items;

  /** Response 1 h on 24x7: 50 % assignee, 100 % team lead, +30 min manager and a webhook. */
  async function responseTargets(w: Awaited<ReturnType<typeof slaWorld>>) {
    await w.target({
      serviceId: w.service.id,
      priority: 'P2',
      metric: 'response',
      duration: { businessSeconds: 3600 },
      calendarId: w.allDay,
      escalations: [
        { at: { percent: 50 }, actions: [{ type: 'notify', to: 'assignee' }] },
        { at: { percent: 100 }, actions: [{ type: 'notify', to: 'team_lead' }] },
        {
          at: { offsetSeconds: 1800 },
          actions: [
            { type: 'notify', to: 'manager' },
            { type: 'webhook', url: hookUrl },
          ],
        },
      ],
    });
  }

  it('fires each level exactly once when two schedulers run at the same time', async () => {
    const env = testEnvironment('2026-03-02T09:00:00.000Z');
    const w = await slaWorld(t.uow, env);
    await responseTargets(w);
    await w.target({
      serviceId: w.service.id,
      priority: 'P2',
      metric: 'resolution',
      duration: { businessSeconds: 4 * 3600 },
      calendarId: w.allDay,
      escalations: [{ at: { percent: 100 }, actions: [{ type: 'raise_priority' }] }],
    });
    const ticket = await w.ticket();
    const a = new Set<string>();
    const b = new Set<string>();
    const both = async () => {
      const now = env.now();
      const [x, y] = await Promise.all([
        escalateTickets(t.uow, env, now, { remembered: a }),
        escalateTickets(t.uow, env, now, { remembered: b }),
      ]);
      return x.fired + y.fired;
    };

    env.advance(10 * minute);
    expect(await both()).toBe(0);
    env.advance(21 * minute);
    expect(await both()).toBe(1);
    expect(await both()).toBe(0);
    expect((await inbox(w.assignee.id)).map((n) => n.subject)).toEqual([
      `${ticket.number} has used 50 % of its time to respond`,
    ]);
    env.advance(30 * minute);
    expect(await both()).toBe(1);
    expect(await inbox(w.lead.id)).toHaveLength(1);
    env.advance(30 * minute);
    expect(await both()).toBe(1);
    expect(await inbox(w.manager.id)).toHaveLength(1);
    expect(hookCalls).toHaveLength(1);
    expect(hookCalls[0]).toMatchObject({
      event: 'sla.escalation',
      ticket: { number: ticket.number },
      metric: 'response',
      level: 2,
      late: false,
    });
    expect(await both()).toBe(0);

    // Four hours in: the resolution target raises the priority once, as a ticket event.
    env.advance(150 * minute);
    expect(await both()).toBe(1);
    expect(await both()).toBe(0);
    const history = await t.uow.read.tickets.history(ticket.id);
    expect(history.at(-1)).toMatchObject({ priority: 'P1', actorId: 'system' });
    expect(history.at(-1)!.note).toContain('Priority raised from P2 to P1');
    expect((await t.uow.read.tickets.get(ticket.id))!.priority).toBe('P1');
    expect(await escalations()).toHaveLength(4);
    expect(hookCalls).toHaveLength(1);
    expect(await inbox(w.assignee.id)).toHaveLength(1);
  });

  it('fires a level missed while the scheduler was down once, marked late', async () => {
    const env = testEnvironment('2026-03-02T09:00:00.000Z');
    const w = await slaWorld(t.uow, env);
    await responseTargets(w);
    await w.ticket();
    env.advance(2 * 60 * minute);
    const first = await escalateTickets(t.uow, env, env.now());
    expect(first).toMatchObject({ fired: 3, late: 3 });
    expect(await escalateTickets(t.uow, env, env.now())).toMatchObject({ fired: 0, late: 0 });
    const entries = await escalations();
    expect(entries).toHaveLength(3);
    expect(entries.map((e) => (e.after as { late: boolean }).late)).toEqual([true, true, true]);
    expect((await inbox(w.assignee.id))[0]!.body).toContain('late: it was due at');
    expect(hookCalls).toHaveLength(1);
  });

  it('does not fire a level again when a pause moves the deadline', async () => {
    const env = testEnvironment('2026-03-02T09:00:00.000Z');
    const w = await slaWorld(t.uow, env);
    await w.target({
      serviceId: w.service.id,
      priority: 'P4',
      metric: 'resolution',
      duration: { businessSeconds: 2 * 3600 },
      calendarId: w.allDay,
      escalations: [
        { at: { percent: 25 }, actions: [{ type: 'notify', to: 'assignee' }] },
        { at: { percent: 75 }, actions: [{ type: 'notify', to: 'team_lead' }] },
      ],
    });
    const ticket = await w.ticket({ priority: 'P4' });
    env.advance(31 * minute);
    expect((await escalateTickets(t.uow, env, env.now())).fired).toBe(1);
    await changeTicketStatus(t.uow, w.admin, ticket.id, ticket.version, {
      status: 'pending_customer',
      note: null,
    });
    env.advance(60 * minute);
    expect((await escalateTickets(t.uow, env, env.now())).fired).toBe(0);
    const paused = (await t.uow.read.tickets.get(ticket.id))!;
    await changeTicketStatus(t.uow, w.admin, ticket.id, paused.version, {
      status: 'in_progress',
      note: null,
    });
    expect((await escalateTickets(t.uow, env, env.now())).fired).toBe(0);
    env.advance(30 * minute); // counted 61 min: not yet 75 %
    expect((await escalateTickets(t.uow, env, env.now())).fired).toBe(0);
    env.advance(30 * minute); // counted 91 min
    expect((await escalateTickets(t.uow, env, env.now())).fired).toBe(1);
    expect(await inbox(w.assignee.id)).toHaveLength(1);
    expect(await inbox(w.lead.id)).toHaveLength(1);
  });

  it('fires a business-hours-only level at the next opening, not while closed', async () => {
    // Monday 15:00 in Amsterdam; 2 business hours end exactly at the 17:00 closing.
    const env = testEnvironment('2026-03-02T14:00:00.000Z');
    const w = await slaWorld(t.uow, env);
    await w.target({
      serviceId: w.service.id,
      priority: 'P3',
      metric: 'response',
      duration: { businessSeconds: 2 * 3600 },
      calendarId: w.office.id,
      escalations: [
        {
          at: { percent: 100 },
          actions: [{ type: 'notify', to: 'assignee' }],
          businessHoursOnly: true,
        },
      ],
    });
    await w.ticket({ priority: 'P3' });
    env.advance(150 * minute); // 17:30 local: due, but closed
    expect((await escalateTickets(t.uow, env, env.now())).fired).toBe(0);
    const atNight = await escalateTickets(t.uow, env, '2026-03-03T07:59:00.000Z' as never);
    expect(atNight.fired).toBe(0);
    expect(atNight.nextDueAt).toBe('2026-03-03T08:00:00.000Z');
    const morning = await escalateTickets(t.uow, env, '2026-03-03T08:00:30.000Z' as never);
    expect(morning).toMatchObject({ fired: 1, late: 0 });
    expect(await inbox(w.assignee.id)).toHaveLength(1);
  });
});
