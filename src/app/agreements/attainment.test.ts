import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { testEnvironment } from '../../../test/factories.js';
import { attainmentWorld, exampleTickets, hour } from '../../../test/agreement-attainment.js';
import { agreementAttainment } from './attainment.js';

describe.each(dialects)('agreement attainment per review period on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(() => t.drop());

  it('judges each target, the band and the money per month (the worked example)', async () => {
    const env = testEnvironment('2026-05-10T12:00:00.000Z');
    const w = await attainmentWorld(t.uow, env);
    await w.version(1, 'active', w.content(), '2025-12-20T00:00:00.000Z');
    await exampleTickets(w);

    const report = await agreementAttainment(t.uow, w.admin, {
      from: '2026-03-01',
      to: '2026-04-30',
    });
    expect(report.from).toBe('2026-03-01T00:00:00.000Z');
    expect(report.to).toBe('2026-05-01T00:00:00.000Z');
    expect(report.rows.map((r) => r.period)).toEqual(['2026-03', '2026-04']);
    const [march, april] = report.rows;
    const target = (row: typeof march, key: string) => row!.targets.find((x) => x.key === key);
    expect(target(march, 'P1.response')).toMatchObject({
      met: 2,
      judged: 3,
      compliancePercent: 66.66,
      status: 'missed',
    });
    expect(target(march, 'P1.resolution')).toMatchObject({
      met: 1,
      judged: 3,
      compliancePercent: 33.33,
      status: 'missed',
    });
    expect(target(march, 'P2.resolution')).toMatchObject({
      met: 2,
      judged: 2,
      compliancePercent: 100,
      status: 'met',
    });
    expect(target(march, 'availability')).toMatchObject({
      totalSeconds: 31 * 24 * hour,
      downSeconds: 2 * hour,
      compliancePercent: 99.7311,
      status: 'met',
    });
    expect(march).toMatchObject({
      code: 'SLA-0001',
      serviceSlug: w.service.slug,
      customerName: 'Sales',
      reviewPeriod: 'month',
      complete: true,
      versionNumber: 1,
      targetsMet: 2,
      targetsMissed: 2,
      targetsNoData: 0,
      compliancePercent: 50,
      band: { minCompliancePercent: 50, kind: 'none' },
      rewardMinor: 0,
      penaltyMinor: 0,
      costOfMissesMinor: 200_00,
      netMinor: -200_00,
      currency: 'EUR',
    });
    expect(target(april, 'P2.resolution')).toMatchObject({ judged: 0, status: 'no_data' });
    expect(april).toMatchObject({
      targetsMet: 3,
      targetsMissed: 0,
      targetsNoData: 1,
      compliancePercent: 100,
      band: { kind: 'reward' },
      rewardMinor: 300_00,
      netMinor: 300_00,
    });
    expect(report.trend).toEqual([
      expect.objectContaining({
        period: '2026-03',
        agreements: 1,
        compliancePercent: 50,
        netMinor: -200_00,
      }),
      expect.objectContaining({
        period: '2026-04',
        agreements: 1,
        compliancePercent: 100,
        netMinor: 300_00,
      }),
    ]);

    // Filters: another review period, another customer, by service
    expect(
      (
        await agreementAttainment(t.uow, w.admin, {
          from: '2026-03-01',
          to: '2026-04-30',
          period: 'quarter',
        })
      ).rows,
    ).toEqual([]);
    expect(
      (
        await agreementAttainment(t.uow, w.admin, {
          from: '2026-03-01',
          to: '2026-04-30',
          orgUnitId: env.newId() as never,
        })
      ).rows,
    ).toEqual([]);
    expect(
      (
        await agreementAttainment(t.uow, w.admin, {
          from: '2026-03-01',
          to: '2026-04-30',
          serviceId: w.service.id,
        })
      ).rows,
    ).toHaveLength(2);
  });

  it('defaults to the last 4 completed periods and leaves out periods before the agreement', async () => {
    const env = testEnvironment('2026-05-10T12:00:00.000Z');
    const w = await attainmentWorld(t.uow, env);
    await w.version(1, 'active', w.content(), '2025-12-20T00:00:00.000Z');
    const months = await agreementAttainment(t.uow, w.admin, { period: 'month' });
    expect(months.rows.map((r) => r.period)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(months.rows.every((r) => r.complete && r.compliancePercent === 100)).toBe(true);
    const quarters = await agreementAttainment(t.uow, w.admin, {});
    expect(quarters.from).toBe('2025-04-01T00:00:00.000Z');
    expect(quarters.to).toBe('2026-04-01T00:00:00.000Z');
    expect(quarters.rows.map((r) => r.period)).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('judges tickets by the version in effect at their creation, reports under the one at the end', async () => {
    const env = testEnvironment('2026-05-10T12:00:00.000Z');
    const w = await attainmentWorld(t.uow, env);
    const switchAt = '2026-04-16T00:00:00.000Z';
    await w.version(1, 'superseded', w.content(), '2025-12-20T00:00:00.000Z', switchAt);
    const stricter = {
      ...w.terms,
      tickets: w.terms.tickets.map((x) =>
        x.metric === 'resolution' && x.priority === 'P1'
          ? { ...x, duration: { businessSeconds: hour }, goalPercent: 100 }
          : x,
      ),
    };
    await w.version(2, 'active', w.content({ terms: stricter }), switchAt);
    await exampleTickets(w);
    // Under version 1: resolved after 3 h, within its 4 h (version 2 would miss it)
    await w.ticket('P1', '2026-04-10T10:00:00Z', [
      ['2026-04-10T10:10:00Z', 'in_progress'],
      ['2026-04-10T13:00:00Z', 'resolved'],
    ]);
    // Under version 2: resolved after 1.5 h, over its 1 h
    await w.ticket('P1', '2026-04-20T10:00:00Z', [
      ['2026-04-20T10:05:00Z', 'in_progress'],
      ['2026-04-20T11:30:00Z', 'resolved'],
    ]);
    const report = await agreementAttainment(t.uow, w.admin, {
      from: '2026-04-01',
      to: '2026-04-30',
    });
    expect(report.rows).toHaveLength(1);
    const april = report.rows[0]!;
    expect(april).toMatchObject({
      versionNumber: 2,
      versionNumbers: [1, 2],
      targetsMet: 2,
      targetsMissed: 1,
      compliancePercent: 66.66,
      band: { kind: 'none' },
      netMinor: -100_00,
    });
    expect(april.targets.find((x) => x.key === 'P1.resolution')).toMatchObject({
      met: 2,
      judged: 3,
      status: 'missed',
    });
    expect(april.targets.find((x) => x.key === 'availability')).toMatchObject({
      totalSeconds: 30 * 24 * hour,
      downSeconds: 0,
    });
  });

  it('judges a quarterly agreement per calendar quarter', async () => {
    const env = testEnvironment('2026-05-10T12:00:00.000Z');
    const w = await attainmentWorld(t.uow, env);
    await w.version(
      1,
      'active',
      w.content({ reviewPeriod: 'quarter' }),
      '2025-12-20T00:00:00.000Z',
    );
    await exampleTickets(w);
    const report = await agreementAttainment(t.uow, w.admin, { period: 'quarter' });
    // the last 4 completed quarters end with 2026-Q1; the agreement starts in it
    expect(report.rows.map((r) => [r.period, r.reviewPeriod, r.complete])).toEqual([
      ['2026-Q1', 'quarter', true],
    ]);
    const q1 = report.rows[0]!;
    expect(q1.targets.find((x) => x.key === 'availability')).toMatchObject({
      totalSeconds: 90 * 24 * hour,
      downSeconds: 2 * hour,
      status: 'met',
    });
    expect(q1).toMatchObject({
      targetsMet: 2,
      targetsMissed: 2,
      compliancePercent: 50,
      netMinor: -200_00,
    });
    expect((await agreementAttainment(t.uow, w.admin, { period: 'month' })).rows).toEqual([]);
    // a range inside Q2 reports the running quarter up to now
    const running = await agreementAttainment(t.uow, w.admin, {
      from: '2026-04-01',
      to: '2026-04-30',
    });
    expect(running.rows.map((r) => [r.period, r.complete])).toEqual([['2026-Q2', false]]);
  });

  it('refuses a range that ends before it starts', async () => {
    const env = testEnvironment('2026-05-10T12:00:00.000Z');
    const w = await attainmentWorld(t.uow, env);
    await expect(
      agreementAttainment(t.uow, w.admin, { from: '2026-04-01', to: '2026-03-01' }),
    ).rejects.toMatchObject({
      code: 'invalid',
    });
  });
});
