import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { testEnvironment } from '../../../test/factories.js';
import { systemActor } from '../../core/actor.js';
import type { Instant, PersonId } from '../../core/ids.js';
import type { Ctx } from '../context.js';
import { readAttainment } from '../sla/attainment.js';
import { escalateTickets } from '../sla/escalate.js';
import { slaTimersFor } from '../sla/ticket-sla.js';
import { serviceAvailability } from '../tickets/service-availability.js';
import { companyDay, demoCalendarName } from './demo-calendars-targets.js';
import { demoTicketCount } from './demo-tickets.js';
import { loadDemo } from './load-demo.js';

describe.each(dialects)('demo ticket history on %s', (dialect) => {
  let t: TestDatabase;
  const now = '2026-06-01T08:00:00.000Z' as Instant;
  const env = testEnvironment(now);
  const ctx: Ctx = {
    actor: systemActor('00000000-0000-4000-8000-000000000000' as PersonId, 'test'),
    requestId: null,
    env,
  };
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(() => t.drop());

  it('has three months of tickets with pauses, breaches, a holiday and marketplace outages', async () => {
    const started = performance.now();
    await loadDemo(t.uow, env);
    console.log(`demo loaded on ${dialect} in ${Math.round(performance.now() - started)} ms`);

    const office = (await t.uow.read.calendars.findByName(demoCalendarName))!;
    const holiday = companyDay(now);
    expect(office.holidays).toContainEqual(expect.objectContaining({ date: holiday }));
    expect(Date.parse(now) - Date.parse(holiday)).toBeLessThan(91 * 86_400_000);

    const report = await readAttainment(t.uow, ctx, {
      from: '2026-03-02',
      to: '2026-05-31',
      period: 'month',
    });
    const total = report.totals;
    expect(total.tickets).toBeGreaterThan(demoTicketCount * 0.9);
    expect(total.breached).toBeGreaterThan(10);
    expect(total.met).toBeGreaterThan(total.breached * 2);
    expect(total.attainmentPercent).toBeGreaterThan(60);
    expect(total.attainmentPercent).toBeLessThan(97);
    expect(new Set(report.rows.map((r) => r.priority))).toEqual(new Set(['P1', 'P2', 'P3', 'P4']));
    expect(report.trend.filter((p) => p.priority === 'all').map((p) => p.period)).toEqual([
      '2026-03',
      '2026-04',
      '2026-05',
    ]);

    // Pauses: some tickets waited on customers or vendors, and their clocks held.
    const waited = await t.uow.read.tickets.list(
      { status: 'closed' },
      { limit: 500, sort: { field: 'createdAt', desc: false } },
    );
    const histories = await t.uow.read.tickets.histories(waited.items.map((x) => x.id));
    const paused = waited.items.find((x) =>
      histories.get(x.id)!.some((e) => e.status === 'pending_customer'),
    )!;
    const timers = await slaTimersFor(t.uow.read, paused, histories.get(paused.id)!, now);
    expect(timers.find((x) => x.metric === 'resolution')!.pausedSeconds).toBeGreaterThan(0);

    // The marketplace had outages: its availability is below 100 % in some month.
    const availability = await serviceAvailability(t.uow, ctx, 'online-marketplace', {
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-06-01T00:00:00.000Z',
    });
    expect(JSON.stringify(availability)).toMatch(/"downSeconds":[1-9]/);

    // The escalation scheduler's first run after loading fires due levels of open tickets once.
    const first = await escalateTickets(t.uow, env, now);
    expect(first.tickets).toBeGreaterThan(0);
    expect((await escalateTickets(t.uow, env, now)).fired).toBe(0);
  }, 120_000);
});
