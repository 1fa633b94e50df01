import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TicketsQuery } from '../../contract/tickets.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { testEnvironment } from '../../../test/factories.js';
import { slaWorld } from '../../../test/sla.js';
import { listTickets } from './read-tickets.js';

describe.each(dialects)('tickets by SLA state and time left on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(() => t.drop());

  it('orders by the most urgent timer, filters by SLA state and pages with its cursor', async () => {
    // Sunday 2026-03-01 12:00 UTC: resolution 4 h on 24x7 for P2, none for P4.
    const env = testEnvironment('2026-03-01T12:00:00.000Z');
    const w = await slaWorld(t.uow, env);
    await w.target({
      serviceId: null,
      priority: 'P2',
      metric: 'resolution',
      duration: { businessSeconds: 4 * 3600 },
      calendarId: w.allDay,
    });
    const h = (hoursAgo: number) => new Date(Date.parse(env.now()) - hoursAgo * 3600_000);
    const at = (hoursAgo: number) => h(hoursAgo).toISOString();
    const old = await w.pastTicket(at(5), []); // 5 h of 4: breached
    const risky = await w.pastTicket(at(3.5), []); // 30 min left, 87 % used: at risk
    const fresh = await w.pastTicket(at(1), []); // 3 h left
    const held = await w.pastTicket(at(2), [[at(1.5), 'pending_customer']]); // paused after 30 min: 3.5 h left
    const done = await w.pastTicket(at(3), [[at(2), 'resolved']]); // met
    const untargeted = await w.pastTicket(at(6), [], { priority: 'P4' });

    const names = new Map<string, string>(
      Object.entries({ old, risky, fresh, held, done, untargeted }).map(([k, v]) => [v.id, k]),
    );
    const name = (id: string) => names.get(id) ?? id;
    const list = (q: Record<string, string>) =>
      listTickets(t.uow, w.admin, TicketsQuery.parse(q)).then((p) => ({
        ids: p.items.map((x) => x.id),
        next: p.nextCursor,
      }));

    const byLeft = await list({ sort: 'timeLeft' });
    expect(byLeft.ids.slice(0, 4).map(name)).toEqual(['old', 'risky', 'fresh', 'held']);
    expect(new Set(byLeft.ids.slice(4))).toEqual(new Set([untargeted.id, done.id]));
    expect((await list({ sort: '-timeLeft' })).ids.slice(0, 4).map(name)).toEqual([
      'held',
      'fresh',
      'risky',
      'old',
    ]);

    expect((await list({ sla: 'breached' })).ids.map(name)).toEqual(['old']);
    expect((await list({ sla: 'at_risk' })).ids.map(name)).toEqual(['risky']);
    expect((await list({ sla: 'paused' })).ids.map(name)).toEqual(['held']);
    expect((await list({ sla: 'met' })).ids.map(name)).toEqual(['done']);
    expect((await list({ sla: 'none' })).ids.map(name)).toEqual(['untargeted']);

    const first = await list({ sort: 'timeLeft', limit: '2' });
    expect(first.ids).toEqual([old.id, risky.id]);
    const second = await list({ sort: 'timeLeft', limit: '2', cursor: first.next! });
    expect(second.ids.map(name)).toEqual(['fresh', 'held']);
    await expect(list({ sort: 'timeLeft', cursor: 'nonsense' })).rejects.toMatchObject({
      code: 'invalid',
    });
  });
});
