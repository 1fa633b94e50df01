import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../app/auth/create-token.js';
import { charterAsync } from '../../test/cli.js';
import { listenOn } from '../../test/server.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/databases.js';
import { actorOf, ctxFor, makePerson, testEnvironment } from '../../test/factories.js';

const ics = new URL('../../test/fixtures/calendars/holidays.ics', import.meta.url).pathname;

const yaml = `name: Lyon support
timeZone: Europe/Paris
week:
  mon: [["09:00", "12:00"], ["13:00", "17:00"]]
  tue: [["09:00", "17:00"]]
holidays:
  - { date: "2026-05-01", yearly: true, name: Labour day }
`;

describe.each(dialects)('charter calendars on %s', (dialect) => {
  let t: TestDatabase;
  let env: Record<string, string>;
  let close: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'charter-calendars-'));

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

  it('applies a YAML calendar, lists it, and imports holidays with a dry run first', async () => {
    const file = join(dir, 'lyon.yaml');
    writeFileSync(file, yaml);
    const created = await charterAsync(['calendars', 'apply', file], env);
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(/^\+ Lyon support created/);
    expect((await charterAsync(['calendars', 'apply', file], env)).stdout).toMatch(
      /^= Lyon support unchanged/,
    );
    writeFileSync(file, yaml.replace('Europe/Paris', 'Europe/Brussels'));
    expect((await charterAsync(['calendars', 'apply', file, '--dry-run'], env)).stdout).toMatch(
      /^~ Lyon support would change: timeZone \(dry run, nothing saved\)/,
    );

    const list = await charterAsync(['calendars', 'list'], env);
    expect(list.stdout).toContain('24x7 (UTC) (built in)  UTC  0 holiday(s)');
    expect(list.stdout).toContain(
      'Lyon support  Europe/Paris  1 holiday(s)\n  mon 09:00-12:00,13:00-17:00; tue 09:00-17:00',
    );

    const dry = await charterAsync(
      ['calendars', 'import-ics', 'Lyon support', ics, '--dry-run'],
      env,
    );
    expect(dry.stdout).toMatch(/^\+ 2026-08-03 to 2026-08-14 {2}Summer closure$/m);
    expect(dry.stdout).toMatch(/^= 2026-05-01 {2}Labour day {2}\(already closed every year/m);
    expect(dry.stdout).toMatch(/holidays\.ics:\d+: /);
    expect(dry.stdout).toMatch(/Dry run, nothing saved: 3 added, 1 skipped, 1 error\(s\)\./);
    expect(dry.code).toBe(1);
    await charterAsync(['calendars', 'import-ics', 'Lyon support', ics], env);
    const again = await charterAsync(['calendars', 'import-ics', 'Lyon support', ics], env);
    expect(again.stdout).toMatch(/^0 added, 4 skipped, 1 error\(s\)\./m);

    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, yaml.replace('"13:00", "17:00"', '"11:00", "17:00"'));
    const refused = await charterAsync(['calendars', 'apply', bad], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/400: .*\n {2}week\.mon\[1\]: 11:00–17:00 overlaps 09:00–12:00/);
  }, 240_000);

  it('lists service level targets', async () => {
    const none = await charterAsync(['targets', 'list'], env);
    expect(none.stdout).toBe('0 target(s).\n');
  }, 60_000);
});
