import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../app/auth/create-token.js';
import { charterAsync } from '../../../test/cli.js';
import { listenOn } from '../../../test/server.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { actorOf, ctxFor, makePerson, testEnvironment } from '../../../test/factories.js';

describe.each(dialects)('charter tickets import on %s', (dialect) => {
  let t: TestDatabase;
  let env: Record<string, string>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const clock = testEnvironment();
    const admin = await makePerson(t.uow, clock, { role: 'admin' });
    const { token } = await t.uow.transaction((repos) =>
      issueToken(repos, ctxFor(actorOf(admin), clock), admin.id, {
        name: 'cli',
        scope: 'write',
        expiresInDays: null,
      }),
    );
    const server = await listenOn(t);
    env = { CHARTER_URL: server.url, CHARTER_TOKEN: token };
    close = async () => {
      await server.close();
      await t.drop();
    };
  });
  afterAll(() => close());

  it('streams a file in batches with progress, reports failing lines by number, and is idempotent', async () => {
    // More lines than one batch, so line numbers must carry across requests.
    const lines = Array.from({ length: 60 }, (_, i) =>
      JSON.stringify({
        externalId: `T-${i + 1}`,
        title: `Ticket ${i + 1}`,
        createdAt: '2026-01-01T08:00:00Z',
        history:
          i === 54
            ? [{ at: '2026-01-01T07:00:00Z', status: 'assigned' }]
            : [{ at: '2026-01-01T09:00:00Z', status: 'in_progress' }],
      }),
    );
    const file = join(mkdtempSync(join(tmpdir(), 'charter-tickets-')), 'tickets.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);

    const first = await charterAsync(
      ['tickets', 'import', file, '--source', 'legacy', '--batch', '25'],
      env,
    );
    expect(first.code).toBe(2);
    expect(first.stderr).toMatch(/Importing .*tickets\.jsonl: .*\(\d+%\)/);
    expect(first.stdout).toContain(`! ${file}:55  history.0.at: is before createdAt`);
    expect(first.stdout).toContain('59 imported, 0 unchanged, 1 failed.');

    const again = await charterAsync(
      ['tickets', 'import', file, '--source', 'legacy', '--json', '--batch', '25'],
      env,
    );
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, unchanged: 59, failed: 1 });
    const page = await t.uow.read.tickets.list({}, { limit: 1 });
    expect(page.items).toHaveLength(1);

    const missing = await charterAsync(['tickets', 'import', join(tmpdir(), 'nope.jsonl')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Cannot read');
  }, 240_000);
});
