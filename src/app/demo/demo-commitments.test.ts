import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/actor.js';
import type { PersonId } from '../../core/ids.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { testEnvironment } from '../../../test/factories.js';
import type { Ctx } from '../context.js';
import { listCommitments } from '../commitments/read-commitments.js';
import { unbackedReport } from '../commitments/unbacked-report.js';
import { getServiceRaci } from '../raci/service-raci.js';
import { myCommitments } from '../ownership/my-commitments.js';
import { demoEmail } from './demo-organisation.js';
import { loadDemo } from './load-demo.js';

describe.each(dialects)('demo commitments on %s', (dialect) => {
  let t: TestDatabase;
  const env = testEnvironment('2026-06-01T08:00:00.000Z');
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(() => t.drop());

  it('has the CIO’s unbacked promise, a backed one, a rejected one, and RACI for the marketplace', async () => {
    await loadDemo(t.uow, env);
    const ctx: Ctx = {
      actor: systemActor('00000000-0000-4000-8000-000000000000' as PersonId, 'x'),
      requestId: null,
      env,
    };
    const all = await listCommitments(t.uow, ctx, { limit: 50, sort: 'createdAt' });
    expect(all.items.map((c) => [c.makerName, c.delivererName, c.backing])).toEqual([
      ['Amira Okafor', 'Platform Engineering', 'pending'],
      ['Leah Cohen', 'Payments', 'accepted'],
      ['Dana Whitfield', 'Network & Infrastructure', 'rejected'],
      ['Lucia Romano', 'Lucia Romano', 'self'],
    ]);
    const report = await unbackedReport(t.uow, ctx);
    expect(report.makers.map((m) => [m.maker.name, m.count])).toEqual([
      ['Amira Okafor', 1],
      ['Dana Whitfield', 1],
    ]);
    const raci = await getServiceRaci(t.uow, ctx, 'online-marketplace');
    expect(raci.entries[0]).toMatchObject({ role: 'accountable', person: 'Amira Okafor' });
    expect(raci.entries.some((e) => e.role === 'responsible')).toBe(true);

    const cio = (await t.uow.read.people.findByEmail(demoEmail('Amira Okafor')))!;
    const mine = await myCommitments(t.uow, { ...ctx, actor: { ...ctx.actor, personId: cio.id } });
    const section = mine.sections.find((x) => x.key === 'unbacked_commitments_i_made');
    expect(section?.items.map((i) => i.detail)).toEqual([
      expect.stringContaining('Not accepted by Platform Engineering') as string,
    ]);
  });
});
