import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { testEnvironment } from '../../../test/factories.js';
import { listNominations, listRoles, serviceRoles } from '../ownership/read-ownership.js';
import { loadDemo } from './load-demo.js';
import type { Ctx } from '../context.js';
import { systemActor } from '../../core/actor.js';
import type { PersonId } from '../../core/ids.js';

describe.each(dialects)('demo ownership on %s', (dialect) => {
  let t: TestDatabase;
  const env = testEnvironment('2026-06-01T08:00:00.000Z');
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(() => t.drop());

  it('the CIO owns the marketplace; pending, declined and lapsed roles are there', async () => {
    await loadDemo(t.uow, env);
    const ctx: Ctx = {
      actor: systemActor('00000000-0000-4000-8000-000000000000' as PersonId, 'x'),
      requestId: null,
      env,
    };
    const market = await serviceRoles(t.uow, ctx, 'online-marketplace');
    expect(market.owner?.person.name).toBe('Amira Okafor');
    expect(market.deputies.map((d) => d.person.name)).toEqual(['Marcus Feld']);
    const held = await listRoles(t.uow, ctx, { limit: 50, held: true });
    expect(held.items.filter((r) => r.state === 'lapsed').map((r) => r.person.name)).toEqual([
      'Erik Johansson',
    ]);
    const pending = await listNominations(t.uow, ctx, { limit: 50, status: 'pending' });
    expect(pending.items.map((n) => n.nominee.name).sort()).toEqual([
      'Aisha Bello',
      'Julian Brandt',
      'Oliver Grant',
    ]);
    const declined = await listNominations(t.uow, ctx, { limit: 50, status: 'declined' });
    expect(declined.items[0]?.declineReason).toMatch(/Financial Controller/);
  });
});
