import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/actor.js';
import type { PersonId } from '../../core/ids.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { testEnvironment } from '../../../test/factories.js';
import type { Ctx } from '../context.js';
import { findAgreement } from '../agreements/agreement-rules.js';
import { requirementFeasibility } from '../requirements/feasibility.js';
import { loadDemo } from './load-demo.js';

describe.each(dialects)('demo agreements on %s', (dialect) => {
  let t: TestDatabase;
  const env = testEnvironment('2026-06-01T08:00:00.000Z');
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(() => t.drop());

  it('has the marketplace signed and backed, the app in negotiation and a free lunch flagged', async () => {
    await loadDemo(t.uow, env);
    const ctx: Ctx = {
      actor: systemActor('00000000-0000-4000-8000-000000000000' as PersonId, 'x'),
      requestId: null,
      env,
    };
    const repos = t.uow.read;
    const marketplace = (await repos.services.getBySlug('online-marketplace'))!;
    const [listed] = await repos.agreements.list({ serviceId: marketplace.id }, 10);
    const agreement = await findAgreement(repos, listed!.code);
    const [version] = await repos.agreements.versionsOf([agreement.id]);
    expect(version!.status).toBe('active');
    expect(version!.content.serviceOwner.name).toBe('Amira Okafor');
    expect(version!.content.customerRepresentative.name).toBe('Emma Castillo');
    const signatures = await repos.agreements.signaturesOf([version!.id]);
    expect(signatures.map((s) => s.party).sort()).toEqual([
      'customer_representative',
      'service_owner',
    ]);
    expect(signatures.every((s) => s.contentHash === version!.contentHash)).toBe(true);
    const acks = await repos.agreements.acknowledgementsOf([version!.id]);
    expect(acks.map((a) => a.olaKey).sort()).toEqual([
      'ola-network',
      'ola-platform',
      'ola-storefront',
    ]);

    const open = await repos.requirements.list({ status: 'open' }, 10);
    expect(open.map((r) => r.title).sort()).toEqual([
      'Customer care tools around the clock',
      'Mobile app fit for the spring campaign',
    ]);
    const app = open.find((r) => r.title.startsWith('Mobile'))!;
    const options = await repos.requirements.optionsOf(app.id);
    expect(options.map((o) => [o.label, o.monthlyCostMinor])).toEqual([
      ['Bronze', 400_000],
      ['Silver', 1_100_000],
      ['Gold', 2_600_000],
    ]);
    expect((await repos.requirements.entries(app.id)).map((e) => e.kind)).toEqual([
      'counter_proposal',
      'comment',
    ]);

    const care = open.find((r) => r.title.startsWith('Customer care'))!;
    const feasibility = await requirementFeasibility(t.uow, ctx, care.id);
    expect(feasibility.requirement.warnings.map((w) => w.code)).toContain('no_funded_option');
    const appFeasibility = await requirementFeasibility(t.uow, ctx, app.id);
    expect(appFeasibility.requirement.warnings.map((w) => w.code)).not.toContain(
      'no_funded_option',
    );
  });
});
