import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateCommitment } from '../contract/commitments.js';
import { CreateService } from '../contract/services.js';
import { CreateTeam } from '../contract/teams.js';
import { issueToken } from '../app/auth/create-token.js';
import { acceptCommitment } from '../app/commitments/answer-commitment.js';
import { createCommitment } from '../app/commitments/create-commitment.js';
import { createService } from '../app/services/create-service.js';
import { createTeam } from '../app/teams/create-team.js';
import { charter, charterAsync } from '../../test/cli.js';
import { listenOn } from '../../test/server.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/databases.js';
import { actorOf, ctxFor, makePerson, testEnvironment } from '../../test/factories.js';

describe('charter commitments and raci --help', () => {
  it.each([[['commitments', 'list']], [['commitments', 'report']], [['raci']]])(
    'describes %j',
    (args) => {
      const out = charter([...args, '--help']);
      expect(out.code).toBe(0);
      expect(out.stdout).toMatch(/Usage: charter/);
    },
    60_000,
  );
});

describe.each(dialects)('charter commitments and raci on %s', (dialect) => {
  let t: TestDatabase;
  let env: Record<string, string>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const clock = testEnvironment(new Date().toISOString());
    const admin = await makePerson(t.uow, clock, { role: 'admin', name: 'Ada Admin' });
    const cio = await makePerson(t.uow, clock, {
      role: 'member',
      name: 'Cora CIO',
      email: 'cio@example.test',
    });
    const lead = await makePerson(t.uow, clock, { role: 'member', name: 'Lee Lead' });
    const asAdmin = ctxFor(actorOf(admin), clock);
    const asCio = ctxFor(actorOf(cio), clock);
    const team = await createTeam(
      t.uow,
      asAdmin,
      CreateTeam.parse({ name: 'Platform', leadId: lead.id }),
    );
    await createService(
      t.uow,
      asAdmin,
      CreateService.parse({ name: 'Shop', kind: 'business_service', teamId: team.id }),
    );
    const dueAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const promise = (what: string, extra: object) =>
      createCommitment(
        t.uow,
        asCio,
        CreateCommitment.parse({ toType: 'person', toId: admin.id, what, dueAt, ...extra }),
      );
    await promise('Checkout within 2 seconds', { delivererType: 'team', delivererId: team.id });
    const backed = await promise('Weekly capacity report', {
      delivererType: 'person',
      delivererId: lead.id,
    });
    await acceptCommitment(t.uow, ctxFor(actorOf(lead), clock), backed.id);
    const { token } = await t.uow.transaction((repos) =>
      issueToken(repos, asCio, cio.id, { name: 'cli', scope: 'read', expiresInDays: null }),
    );
    const server = await listenOn(t);
    env = { CHARTER_URL: server.url, CHARTER_TOKEN: token };
    close = async () => {
      await server.close();
      await t.drop();
    };
  });
  afterAll(() => close());

  it('lists commitments, only the unbacked ones, by maker, and the unbacked report', async () => {
    const all = await charterAsync(['commitments', 'list'], env);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('2 commitment(s)');
    expect(all.stdout).toContain('Weekly capacity report  [backed (accepted)]');
    const unbacked = await charterAsync(
      ['commitments', 'list', '--unbacked', '--maker', 'CIO@example.test'],
      env,
    );
    expect(unbacked.stdout).toMatch(
      /Cora CIO → Ada Admin on behalf of Platform \(team\): Checkout within 2 seconds {2}\[UNBACKED \(not accepted\)\]/,
    );
    expect(unbacked.stdout).not.toContain('Weekly capacity report');
    const nobody = await charterAsync(['commitments', 'list', '--maker', 'no@example.test'], env);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('maker: no person has the email address');

    const report = await charterAsync(['commitments', 'report'], env);
    expect(report.stdout).toMatch(/Unbacked commitments at .*: 1/);
    expect(report.stdout).toMatch(/Cora CIO <cio@example\.test>: 1 unbacked/);
    const csv = await charterAsync(['commitments', 'report', '--csv'], env);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^makerName,makerEmail,makerCount,id,what/);
  }, 300_000);

  it('prints a service RACI, and its CSV', async () => {
    const text = await charterAsync(['raci', 'shop'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Accountable:\n  none — no accepted owner');
    expect(text.stdout).toContain('Platform (Lee Lead) — runs Shop — team lead');
    expect(text.stdout).toContain('! Shop has no accepted owner');
    const csv = await charterAsync(['raci', 'shop', '--csv'], env);
    expect(csv.stdout.split('\r\n')[0]).toBe('role,party_type,party,person,email,basis');
    const practice = await charterAsync(['raci', 'incident_management', '--practice'], env);
    expect(practice.stdout).toContain('RACI of Incident management (practice)');
    const missing = await charterAsync(['raci', 'nope'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('404');
  }, 300_000);
});
