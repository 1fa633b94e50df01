import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../app/auth/create-token.js';
import { charterAsync } from '../../../test/cli.js';
import { listenOn } from '../../../test/server.js';
import { createTestDatabase, type TestDatabase } from '../../../test/databases.js';
import { actorOf, ctxFor, makePerson, testEnvironment } from '../../../test/factories.js';
import { slaWorld } from '../../../test/sla.js';

// The CLI only talks HTTP; the report itself runs on both dialects in sla.routes.test.ts.
describe('charter sla report', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    const clock = testEnvironment();
    const admin = await makePerson(t.uow, clock, { role: 'admin' });
    const { token } = await t.uow.transaction((repos) =>
      issueToken(repos, ctxFor(actorOf(admin), clock), admin.id, {
        name: 'cli',
        scope: 'read',
        expiresInDays: null,
      }),
    );
    const w = await slaWorld(t.uow, clock);
    await w.target({
      serviceId: null,
      priority: 'P3',
      metric: 'resolution',
      duration: { businessSeconds: 8 * 3600 },
      calendarId: w.allDay,
    });
    await w.pastTicket('2026-01-05T10:00:00.000Z', [['2026-01-05T12:00:00.000Z', 'resolved']], {
      priority: 'P3',
    });
    await w.pastTicket('2026-04-05T10:00:00.000Z', [['2026-04-06T10:00:00.000Z', 'resolved']], {
      priority: 'P3',
    });
    const server = await listenOn(t);
    env = { CHARTER_URL: server.url, CHARTER_TOKEN: token };
    close = async () => {
      await server.close();
      await t.drop();
    };
  });
  afterAll(() => close());

  it('prints attainment per quarter as a table and as CSV', async () => {
    const args = ['sla', 'report', '--from', '2026-01-01', '--to', '2026-06-30'];
    const table = await charterAsync([...args, '--period', 'quarter', '--service', 'shop'], env);
    expect(table.stderr).toBe('');
    expect(table.stdout).toMatch(/2026-Q1\s+shop\s+P3\s+1\s+1\s+0\s+100\.0 %/);
    expect(table.stdout).toMatch(/2026-Q2\s+shop\s+P3\s+1\s+0\s+1\s+0\.0 %/);
    expect(table.stdout).toContain('2 ticket(s): 1 met, 1 breached');
    const csv = await charterAsync([...args, '--csv'], env);
    expect(csv.stdout.split('\r\n')[1]).toBe('2026-01,shop,Shop,P3,1,1,0,0,0,100,,,7200,7200');
    const bad = await charterAsync(['sla', 'report', '--from', '2026-01-01'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--from and --to are required');
  }, 240_000);
});
