import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.js';
import { CreateDependency, CreateService } from '../contract/services.js';
import { insertDependency } from '../app/services/add-dependency.js';
import { insertService } from '../app/services/create-service.js';
import { systemEnvironment } from '../server/environment.js';
import { charter, charterAsync } from '../../test/cli.js';
import { listenOn } from '../../test/server.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/databases.js';

describe('charter --help', () => {
  it.each([
    [[]],
    [['serve']],
    [['migrate']],
    [['admin', 'create']],
    [['token', 'create']],
    [['people', 'import']],
    [['audit', 'verify']],
    [['impact']],
    [['apply']],
    [['export']],
    [['import', 'backstage']],
    [['services', 'import']],
  ])('describes %j', (args) => {
    const out = charter([...args, '--help']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/Usage: charter/);
  });

  it('stops with the variable and the problem when the configuration is bad', () => {
    const out = charter(['migrate'], { env: { PORT: 'eighty' } });
    expect(out.code).not.toBe(0);
    expect(out.stderr).toMatch(/PORT: /);
    expect(out.stderr).not.toMatch(/at .*\.ts/);
  });
});

describe.each(dialects)('charter commands on %s', (dialect) => {
  let t: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    env = { DATABASE_URL: t.url, ...t.processEnv };
  });
  afterAll(() => t.drop());

  it('creates the first admin with the password from standard input', () => {
    const short = charter(['admin', 'create', '--email', 'root@example.com', '--name', 'Root'], {
      env,
      input: 'short\n',
    });
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/password: must be at least 12 characters/);
    const ok = charter(['admin', 'create', '--email', 'Root@Example.com', '--name', 'Rita Root'], {
      env,
      input: 'a long enough password\n',
    });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Created Root@Example.com an admin/);
  });

  it('issues a token, imports people over HTTP with it, and reports each row', async () => {
    const tokenOut = charter(
      ['token', 'create', '--email', 'root@example.com', '--name', 'import', '--scope', 'write'],
      { env },
    );
    expect(tokenOut.code).toBe(0);
    const token = tokenOut.stdout.trim();
    expect(token).toMatch(/^chr_/);

    const server = await listenOn(t);
    try {
      const url = server.url;
      const file = join(mkdtempSync(join(tmpdir(), 'charter-cli-')), 'people.csv');
      writeFileSync(
        file,
        'name,email,title,seniority,manager_email\nAnn Lee,ann@example.com,CIO,executive,\nBo,bo@example.com,Dev,staff,ann@example.com\nBad,,x,staff,\n',
      );
      const out = await charterAsync(['people', 'import', file, '--url', url], {
        CHARTER_TOKEN: token,
      });
      expect(out.stdout).toMatch(/line\s+2\s+created\s+ann@example.com/);
      expect(out.stdout).toMatch(/line\s+4\s+rejected/);
      expect(out.stdout).toMatch(/2 created, 0 updated, 0 unchanged, 1 rejected/);
      expect(out.code).toBe(2);
      const bo = await t.uow.read.people.findByEmail('bo@example.com');
      const ann = await t.uow.read.people.findByEmail('ann@example.com');
      expect(bo?.managerId).toBe(ann?.id);

      const noToken = await charterAsync(['people', 'import', file, '--url', url], {
        CHARTER_TOKEN: '',
      });
      expect(noToken.code).toBe(1);
      expect(noToken.stderr).toMatch(/--token or set CHARTER_TOKEN/);
      const badToken = await charterAsync(
        ['people', 'import', file, '--url', url, '--token', 'chr_wrong'],
        env,
      );
      expect(badToken.stderr).toMatch(/401: The API token is not valid/);
    } finally {
      await server.close();
    }
  });

  it('prints the impact of a failing service', async () => {
    const token = charter(['token', 'create', '--email', 'root@example.com', '--name', 'impact'], {
      env,
    }).stdout.trim();
    const root = await t.uow.read.people.findByEmail('root@example.com');
    const ctx = {
      actor: systemActor(root!.id, 'Rita Root'),
      requestId: null,
      env: systemEnvironment,
    };
    const shop = await t.uow.transaction((repos) =>
      insertService(
        repos,
        ctx,
        CreateService.parse({ name: 'Web shop', kind: 'business_service', tier: 1 }),
      ),
    );
    const db = await t.uow.transaction((repos) =>
      insertService(repos, ctx, CreateService.parse({ name: 'Shop database', kind: 'component' })),
    );
    await t.uow.transaction((repos) =>
      insertDependency(repos, ctx, CreateDependency.parse({ fromId: shop.id, toId: db.id })),
    );
    const server = await listenOn(t);
    try {
      const url = server.url;
      const out = await charterAsync(
        ['impact', 'shop-database', '--url', url, '--token', token],
        env,
      );
      expect(out.code).toBe(0);
      expect(out.stdout).toMatch(/If Shop database \(shop-database, tier 3\) fails:/);
      expect(out.stdout).toMatch(/1 business service\(s\) suffer/);
      expect(out.stdout).toMatch(/tier 1 {2}Web shop \(web-shop, business service, 1 hop\)/);
      const missing = await charterAsync(
        ['impact', 'no-such-service', '--url', url, '--token', token],
        env,
      );
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/404: Service no-such-service was not found/);
    } finally {
      await server.close();
    }
  });

  it('verifies the audit chain and names the first entry edited in the database', async () => {
    const ok = charter(['audit', 'verify'], { env });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Audit log intact: \d+ entries/);
    await sql`update audit_log set actor_name = 'Somebody else' where seq = 2`.execute(t.db.kysely);
    const bad = charter(['audit', 'verify'], { env });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/first bad entry #2: entry #2 was edited/);
  });
});
