import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { testEnvironment } from '../../../test/factories.js';
import { startWithAdminAndViewer } from '../../../test/server.js';
import { slaWorld } from '../../../test/sla.js';
import type { AttainmentReport, TicketSla } from '../../contract/sla.js';

describe.each(dialects)('SLA timers and attainment over HTTP on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof startWithAdminAndViewer>>;
  let pausedNumber: string;

  beforeEach(async () => {
    ctx = await startWithAdminAndViewer(dialect);
    const w = await slaWorld(ctx.s.t.uow, testEnvironment());
    for (const [metric, seconds] of [
      ['response', 3600],
      ['resolution', 4 * 3600],
    ] as const)
      await w.target({
        serviceId: null,
        priority: 'P2',
        metric,
        duration: { businessSeconds: seconds },
        calendarId: w.allDay,
      });
    // January: one met (30 min, 2 h), one with a late response (90 min, 3 h).
    await w.pastTicket('2026-01-05T10:00:00.000Z', [
      ['2026-01-05T10:30:00.000Z', 'in_progress'],
      ['2026-01-05T12:00:00.000Z', 'resolved'],
    ]);
    await w.pastTicket('2026-01-10T10:00:00.000Z', [
      ['2026-01-10T11:30:00.000Z', 'in_progress'],
      ['2026-01-10T13:00:00.000Z', 'resolved'],
    ]);
    // February: six hours pending the customer do not count; and a cancelled ticket.
    const paused = await w.pastTicket('2026-02-03T08:00:00.000Z', [
      ['2026-02-03T08:10:00.000Z', 'in_progress'],
      ['2026-02-03T09:00:00.000Z', 'pending_customer'],
      ['2026-02-03T15:00:00.000Z', 'in_progress'],
      ['2026-02-03T16:00:00.000Z', 'resolved'],
    ]);
    pausedNumber = paused.number;
    await w.pastTicket('2026-02-04T08:00:00.000Z', [['2026-02-04T08:05:00.000Z', 'cancelled']]);
  });
  afterEach(() => ctx.s.close());

  it("explains a ticket's timers: timeline, pauses and rule", async () => {
    const res = await ctx.viewer({ method: 'GET', url: `/api/v1/tickets/${pausedNumber}/sla` });
    expect(res.statusCode).toBe(200);
    const body = res.json<TicketSla>();
    expect(body.number).toBe(pausedNumber);
    const resolution = body.timers.find((x) => x.metric === 'resolution')!;
    expect(resolution).toMatchObject({
      state: 'met',
      elapsedSeconds: 7200,
      pausedSeconds: 6 * 3600,
      breached: false,
      stop: '2026-02-03T16:00:00.000Z',
      deadline: '2026-02-03T18:00:00.000Z',
    });
    expect(resolution.explanation.rule).toContain('paused while pending customer');
    expect(resolution.explanation.intervals.map((i) => [i.kind, i.seconds])).toEqual([
      ['counted', 600],
      ['counted', 3000],
      ['paused', 6 * 3600],
      ['counted', 3600],
    ]);
    expect(body.timers.find((x) => x.metric === 'response')).toMatchObject({
      state: 'met',
      elapsedSeconds: 600,
    });
    const missing = await ctx.viewer({ method: 'GET', url: '/api/v1/tickets/INC-999999/sla' });
    expect(missing.statusCode).toBe(404);
    const anonymous = await ctx.s.app.inject({
      method: 'GET',
      url: `/api/v1/tickets/${pausedNumber}/sla`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('reports attainment per month and per quarter, and as CSV', async () => {
    const url = '/api/v1/reports/attainment?from=2026-01-01&to=2026-02-28';
    const res = await ctx.viewer({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    const report = res.json<AttainmentReport>();
    expect(report).toMatchObject({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-03-01T00:00:00.000Z',
      period: 'month',
    });
    expect(report.rows).toMatchObject([
      {
        period: '2026-01',
        serviceSlug: 'shop',
        priority: 'P2',
        tickets: 2,
        met: 1,
        breached: 1,
        attainmentPercent: 50,
        meanRespondSeconds: 3600,
        p90RespondSeconds: 5400,
        meanResolveSeconds: 9000,
        p90ResolveSeconds: 10800,
      },
      {
        period: '2026-02',
        tickets: 1,
        met: 1,
        breached: 0,
        attainmentPercent: 100,
        meanRespondSeconds: 600,
        meanResolveSeconds: 7200,
      },
    ]);
    expect(report.trend.filter((p) => p.priority === 'all').map((p) => p.period)).toEqual([
      '2026-01',
      '2026-02',
    ]);

    const quarter = await ctx.viewer({ method: 'GET', url: `${url}&period=quarter` });
    expect(quarter.json<AttainmentReport>().rows).toMatchObject([
      { period: '2026-Q1', tickets: 3, met: 2, breached: 1, attainmentPercent: 66.7 },
    ]);
    const p1 = await ctx.viewer({ method: 'GET', url: `${url}&priority=P1` });
    expect(p1.json<AttainmentReport>().rows).toEqual([]);

    const csv = await ctx.viewer({ method: 'GET', url: `${url}&format=csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attainment-2026-01-01-2026-03-01.csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'period,serviceSlug,serviceName,priority,tickets,met,breached,open,noTarget,attainmentPercent,meanRespondSeconds,p90RespondSeconds,meanResolveSeconds,p90ResolveSeconds',
    );
    expect(lines.slice(1)).toEqual([
      '2026-01,shop,Shop,P2,2,1,1,0,0,50,3600,5400,9000,10800',
      '2026-02,shop,Shop,P2,1,1,0,0,0,100,600,600,7200,7200',
    ]);
  });

  it('refuses bad report parameters, naming the field', async () => {
    const bad = async (query: string) => {
      const res = await ctx.viewer({ method: 'GET', url: `/api/v1/reports/attainment?${query}` });
      expect(res.statusCode).toBe(400);
      return res.json<{ error: { message: string } }>().error.message;
    };
    expect(await bad('from=2026-03-01&to=2026-01-01')).toContain('to');
    expect(await bad('from=2026-01-01&to=2026-02-01&service=nope')).toContain('service');
    expect(await bad('from=yesterday&to=2026-02-01')).toContain('from');
    expect(await bad('from=2026-01-01&to=2026-02-01&period=week')).toContain('period');
  });
});
