import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../app/auth/create-token.js';
import { createService } from '../app/services/create-service.js';
import { CreateService } from '../contract/services.js';
import { charterAsync } from '../../test/cli.js';
import { listenOn } from '../../test/server.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/databases.js';
import { actorOf, ctxFor, makePerson, testEnvironment } from '../../test/factories.js';

describe.each(dialects)('charter roles and nominations on %s', (dialect) => {
  let t: TestDatabase;
  let asAdmin: Record<string, string>;
  let asAna: Record<string, string>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const clock = testEnvironment();
    const admin = await makePerson(t.uow, clock, { role: 'admin' });
    const ana = await makePerson(t.uow, clock, {
      role: 'member',
      name: 'Ana Silva',
      email: 'ana@example.com',
    });
    const token = async (p: typeof admin) =>
      (
        await t.uow.transaction((repos) =>
          issueToken(repos, ctxFor(actorOf(p), clock), p.id, {
            name: 'cli',
            scope: 'write',
            expiresInDays: null,
          }),
        )
      ).token;
    await createService(
      t.uow,
      ctxFor(actorOf(admin), clock),
      CreateService.parse({ name: 'Online marketplace', kind: 'business_service' }),
    );
    const server = await listenOn(t);
    asAdmin = { CHARTER_URL: server.url, CHARTER_TOKEN: await token(admin) };
    asAna = { CHARTER_URL: server.url, CHARTER_TOKEN: await token(ana) };
    close = async () => {
      await server.close();
      await t.drop();
    };
  });
  afterAll(() => close());

  it('creates a nomination, refuses an accept without the exact statement, accepts with it', async () => {
    const created = await charterAsync(
      [
        'nominations',
        'create',
        '--kind',
        'service_owner',
        '--service',
        'online-marketplace',
        '--nominee',
        'ana@example.com',
        '--message',
        'Please own it',
        '--json',
      ],
      asAdmin,
    );
    expect(created.stderr).toBe('');
    const { id } = JSON.parse(created.stdout) as { id: string };
    const noConfirm = await charterAsync(['nominations', 'accept', id], asAna);
    expect(noConfirm.code).not.toBe(0);
    expect(noConfirm.stderr).toMatch(/--confirm/);
    const statement = /^ {2}(I, Ana Silva, .*)$/m.exec(noConfirm.stdout)![1]!;
    const wrong = await charterAsync(['nominations', 'accept', id, '--confirm', 'I accept'], asAna);
    expect(wrong.stderr).toMatch(/statement/);
    const ok = await charterAsync(['nominations', 'accept', id, '--confirm', statement], asAna);
    expect(ok.stdout).toMatch(/Accepted: you are service owner of Online marketplace until /);
    const list = await charterAsync(['roles', 'list', '--service', 'online-marketplace'], asAdmin);
    expect(list.stdout).toMatch(/^active +service owner +Online marketplace — Ana Silva/m);
    const pending = await charterAsync(['nominations', 'list', '--status', 'accepted'], asAdmin);
    expect(pending.stdout).toMatch(/^accepted +service owner/m);
  }, 240_000);
});
