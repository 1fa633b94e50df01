import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../test/databases.js';
import { startWithAdminAndViewer, type signIn, type TestServer } from '../../test/server.js';

type Call = Awaited<ReturnType<typeof signIn>>;

describe.each(dialects)('RACI over HTTP on %s', (dialect) => {
  let s: TestServer;
  let admin: Call;
  let viewer: Call;

  beforeEach(async () => {
    ({ s, admin, viewer } = await startWithAdminAndViewer(dialect));
  });
  afterEach(() => s.close());

  it('returns a service RACI as JSON and CSV, and a practice RACI by key', async () => {
    const unit = (
      await admin({ method: 'POST', url: '/api/v1/org-units', payload: { name: 'Retail' } })
    ).json<{ id: string }>();
    const team = (
      await admin({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Storefront' } })
    ).json<{ id: string }>();
    await admin({
      method: 'POST',
      url: '/api/v1/services',
      payload: {
        name: 'Shop',
        kind: 'business_service',
        tier: 1,
        teamId: team.id,
        orgUnitIds: [unit.id],
      },
    });
    const json = await viewer({ method: 'GET', url: '/api/v1/services/shop/raci' });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({
      subject: { type: 'service', name: 'Shop' },
      entries: [
        { role: 'accountable', partyType: 'none', party: 'none — no accepted owner' },
        { role: 'responsible', partyType: 'team', party: 'Storefront', person: null },
        { role: 'informed', partyType: 'org_unit', party: 'Retail' },
      ],
    });
    const csv = await viewer({ method: 'GET', url: '/api/v1/services/shop/raci?format=csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n').slice(0, 3)).toEqual([
      'role,party_type,party,person,email,basis',
      'accountable,none,none — no accepted owner,,,nobody has accepted ownership of Shop',
      'responsible,team,Storefront,,,runs Shop — no lead',
    ]);
    const practice = await viewer({
      method: 'GET',
      url: '/api/v1/practices/change_enablement/raci?format=csv',
    });
    expect(practice.statusCode).toBe(200);
    expect(practice.body).toContain('responsible,team,Storefront');
    expect((await viewer({ method: 'GET', url: '/api/v1/practices/nope/raci' })).statusCode).toBe(
      404,
    );
    expect(
      (await s.app.inject({ method: 'GET', url: '/api/v1/services/shop/raci' })).statusCode,
    ).toBe(401);
  });
});
