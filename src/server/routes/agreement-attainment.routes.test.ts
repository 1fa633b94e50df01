import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attainmentWorld, exampleTickets } from '../../../test/agreement-attainment.js';
import { dialects } from '../../../test/databases.js';
import { testEnvironment } from '../../../test/factories.js';
import { startWithAdminAndViewer } from '../../../test/server.js';
import type { AgreementAttainmentReport } from '../../contract/agreement-attainment.js';

describe.each(dialects)('agreement attainment over HTTP on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof startWithAdminAndViewer>>;
  let w: Awaited<ReturnType<typeof attainmentWorld>>;

  beforeEach(async () => {
    ctx = await startWithAdminAndViewer(dialect);
    w = await attainmentWorld(ctx.s.t.uow, testEnvironment('2026-05-10T12:00:00.000Z'));
    await w.version(1, 'active', w.content(), '2025-12-20T00:00:00.000Z');
    await exampleTickets(w);
  });
  afterEach(() => ctx.s.close());

  const range = 'from=2026-03-01&to=2026-04-30';

  it('reports the portfolio per agreement and period, for any signed-in reader', async () => {
    const res = await ctx.viewer({ method: 'GET', url: `/api/v1/agreements/attainment?${range}` });
    expect(res.statusCode).toBe(200);
    const report = res.json<AgreementAttainmentReport>();
    expect(report.rows.map((r) => [r.code, r.period, r.compliancePercent, r.netMinor])).toEqual([
      ['SLA-0001', '2026-03', 50, -200_00],
      ['SLA-0001', '2026-04', 100, 300_00],
    ]);
    const filtered = await ctx.viewer({
      method: 'GET',
      url: `/api/v1/agreements/attainment?${range}&period=quarter`,
    });
    expect(filtered.json<AgreementAttainmentReport>().rows).toEqual([]);
    const unauthenticated = await ctx.s.app.inject({
      method: 'GET',
      url: `/api/v1/agreements/attainment?${range}`,
    });
    expect(unauthenticated.statusCode).toBe(401);
  });

  it('exports the rows and the targets as CSV', async () => {
    const res = await ctx.viewer({
      method: 'GET',
      url: `/api/v1/agreements/attainment?${range}&format=csv`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'code,title,serviceSlug,serviceName,customerName,reviewPeriod,period,complete,versionNumber,targetsMet,targetsMissed,targetsNoData,compliancePercent,bandKind,bandMinCompliancePercent,currency,rewardMinor,penaltyMinor,costOfMissesMinor,netMinor',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      `SLA-0001,Shop for Sales,${w.service.slug},Shop,Sales,month,2026-03,true,1,2,2,0,50,none,50,EUR,0,0,20000,'-20000`,
    );
    const targets = await ctx.viewer({
      method: 'GET',
      url: `/api/v1/agreements/attainment?${range}&format=csv&detail=targets`,
    });
    const targetLines = targets.body.trim().split('\r\n');
    expect(targetLines).toHaveLength(1 + 2 * 4);
    expect(targetLines[2]).toBe(
      `SLA-0001,${w.service.slug},Sales,2026-03,1,P1.response,P1 response within 1 business hour for 100 % of tickets,100,3,2,,,66.66,missed`,
    );
  });

  it('reports one agreement by code or id and the agreements of a service', async () => {
    for (const ref of ['SLA-0001', 'sla-0001', w.agreementId]) {
      const res = await ctx.viewer({
        method: 'GET',
        url: `/api/v1/agreements/${ref}/attainment?${range}`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json<AgreementAttainmentReport>().rows).toHaveLength(2);
    }
    const missing = await ctx.viewer({
      method: 'GET',
      url: `/api/v1/agreements/SLA-9999/attainment?${range}`,
    });
    expect(missing.statusCode).toBe(404);
    const service = await ctx.viewer({
      method: 'GET',
      url: `/api/v1/services/${w.service.slug}/agreement-attainment?${range}`,
    });
    expect(service.statusCode).toBe(200);
    expect(service.json<AgreementAttainmentReport>().rows.map((r) => r.period)).toEqual([
      '2026-03',
      '2026-04',
    ]);
  });

  it('refuses bad input with the field named', async () => {
    const res = await ctx.viewer({
      method: 'GET',
      url: '/api/v1/agreements/attainment?from=2026-04-01&to=2026-03-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toContain('to');
    const period = await ctx.viewer({
      method: 'GET',
      url: '/api/v1/agreements/attainment?period=week',
    });
    expect(period.statusCode).toBe(400);
    const service = await ctx.viewer({
      method: 'GET',
      url: '/api/v1/agreements/attainment?service=nope',
    });
    expect(service.statusCode).toBe(400);
  });
});
