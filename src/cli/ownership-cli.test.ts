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

  it('lists practices, withdraws a nomination, re-affirms and resigns a role', async () => {
    const before = await charterAsync(['practices', 'list'], asAna);
    expect(before.stdout).toMatch(
      /^incident_management +Incident management — no accepted process owner$/m,
    );
    const nominate = async () => {
      const r = await charterAsync(
        [
          'nominations',
          'create',
          '--kind',
          'process_owner',
          '--practice',
          'incident_management',
          '--nominee',
          'ana@example.com',
          '--message',
          'Please own incidents',
          '--json',
        ],
        asAdmin,
      );
      expect(r.stderr).toBe('');
      return (JSON.parse(r.stdout) as { id: string }).id;
    };
    const first = await nominate();
    const notHers = await charterAsync(['nominations', 'withdraw', first], asAna);
    expect(notHers.code).not.toBe(0);
    expect(notHers.stderr).not.toBe('');
    const withdrawn = await charterAsync(['nominations', 'withdraw', first], asAdmin);
    expect(withdrawn.stdout).toMatch(
      /^Withdrawn: Ana Silva as process owner of Incident management\.$/m,
    );
    const again = await charterAsync(['nominations', 'withdraw', first], asAdmin);
    expect(again.code).not.toBe(0);

    const second = await nominate();
    const shown = await charterAsync(['nominations', 'accept', second], asAna);
    const statement = /^ {2}(I, Ana Silva, .*)$/m.exec(shown.stdout)![1]!;
    const accepted = await charterAsync(
      ['nominations', 'accept', second, '--confirm', statement, '--json'],
      asAna,
    );
    // The statement is printed before the JSON.
    const role = JSON.parse(accepted.stdout.slice(accepted.stdout.indexOf('\n{'))) as {
      id: string;
      termEndsAt: string;
    };
    const owned = await charterAsync(['practices', 'list'], asAdmin);
    expect(owned.stdout).toMatch(/^incident_management +Incident management — Ana Silva \(until /m);

    const byAdmin = await charterAsync(['roles', 'reaffirm', role.id], asAdmin);
    expect(byAdmin.code).not.toBe(0);
    const reaffirmed = await charterAsync(['roles', 'reaffirm', role.id, '--json'], asAna);
    const later = JSON.parse(reaffirmed.stdout) as { termEndsAt: string };
    // Early re-affirmation adds a term after the current term end: 12 more months.
    expect(Number(later.termEndsAt.slice(0, 4))).toBe(Number(role.termEndsAt.slice(0, 4)) + 1);
    const text = await charterAsync(['roles', 'reaffirm', role.id], asAna);
    expect(text.stdout).toMatch(
      /^Re-affirmed: you are process owner of Incident management until /m,
    );

    const noReason = await charterAsync(['roles', 'resign', role.id], asAna);
    expect(noReason.code).not.toBe(0);
    expect(noReason.stderr).toMatch(/--reason/);
    const resigned = await charterAsync(
      ['roles', 'resign', role.id, '--reason', 'Moving to another area'],
      asAna,
    );
    expect(resigned.stdout).toMatch(/^Resigned: process owner of Incident management\.$/m);
    const all = await charterAsync(
      ['roles', 'list', '--person', 'ana@example.com', '--all'],
      asAdmin,
    );
    expect(all.stdout).toMatch(/^ended +process owner +Incident management — Ana Silva/m);
    const after = await charterAsync(['practices', 'list'], asAna);
    expect(after.stdout).toMatch(/^incident_management +Incident management — no accepted/m);
  }, 240_000);
});
