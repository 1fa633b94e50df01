import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../app/auth/create-token.js';
import { charterAsync } from '../../test/cli.js';
import { listenOn } from '../../test/server.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/databases.js';
import { actorOf, ctxFor, makePerson, testEnvironment } from '../../test/factories.js';

const fixture = new URL('../../test/fixtures/portfolio/portfolio.yaml', import.meta.url).pathname;

describe.each(dialects)('charter apply and export on %s', (dialect) => {
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
    const url = server.url;
    env = { CHARTER_URL: url, CHARTER_TOKEN: token };
    close = async () => {
      await server.close();
      await t.drop();
    };
  });
  afterAll(() => close());

  it('prints the diff of a dry run, saves nothing, then applies and exports', async () => {
    const dry = await charterAsync(['apply', '-f', fixture, '--dry-run'], env);
    expect(dry.stderr).toMatch(/as a dry run/);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^\+ Service Service\/online-shop {2}\(.*portfolio\.yaml:13\)$/m);
    expect(dry.stdout).toMatch(/^\+ Dependency shop-api -> kubernetes /m);
    expect(dry.stdout).toMatch(/Dry run, nothing saved: 12 created, 0 updated/);
    expect(await t.uow.read.services.getBySlug('online-shop')).toBeNull();

    expect((await charterAsync(['apply', '-f', fixture], env)).code).toBe(0);
    const edited = join(mkdtempSync(join(tmpdir(), 'charter-apply-')), 'portfolio.yaml');
    writeFileSync(edited, readFileSync(fixture, 'utf8').replace('tier: 2\n', 'tier: 1\n'));
    const diff = await charterAsync(['apply', '-f', edited, '--dry-run'], env);
    expect(diff.stdout).toMatch(/^~ Service Service\/shop-api .*\n {4}tier: 2 → 1$/m);
    expect(diff.stdout).toMatch(/^= Service Service\/online-shop /m);

    const out = join(mkdtempSync(join(tmpdir(), 'charter-export-')), 'out.yaml');
    const exported = await charterAsync(['export', '-o', out], env);
    expect(exported.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/slug: shop-api\nname: Shop API\n/);
  });
});
