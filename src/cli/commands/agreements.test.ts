import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption } from '../../app/agreements/choose-option.js';
import { signAgreementVersion } from '../../app/agreements/sign-agreement.js';
import { ChooseOption } from '../../contract/agreements.js';
import { agreementPassword, agreementWorld } from '../../../test/agreements.js';
import { charterAsync } from '../../../test/cli.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { testEnvironment } from '../../../test/factories.js';
import { listenForCli } from '../../../test/server.js';

describe.each(dialects)('charter agreements on %s', (dialect) => {
  let t: TestDatabase;
  let env: Record<string, string>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const clock = testEnvironment(new Date().toISOString());
    const w = await agreementWorld(t.uow, clock);
    const { requirement, plus } = await w.requirement();
    const d = await chooseOption(
      t.uow,
      w.as(w.customer),
      requirement.id,
      plus.id,
      ChooseOption.parse({}),
    );
    await signAgreementVersion(t.uow, w.as(w.owner), d.agreement.code, 1, {
      party: 'service_owner',
      password: agreementPassword,
      contentHash: d.versions[0]!.contentHash,
    });
    ({ env, close } = await listenForCli(t, w.admin, w.admin.actor.personId));
  });
  afterAll(() => close());

  it(
    'lists agreements and shows one with targets, OLAs and signatures',
    { timeout: 120_000 },
    async () => {
      const [list, json, show, shownJson, missing] = await Promise.all([
        charterAsync(['agreements', 'list'], env),
        charterAsync(['agreements', 'list', '--status', 'active', '--json'], env),
        charterAsync(['agreements', 'show', 'SLA-0001'], env),
        charterAsync(['agreements', 'show', 'SLA-0001', '--json'], env),
        charterAsync(['agreements', 'show', 'SLA-0099'], env),
      ]);
      expect(list.stderr).toBe('');
      expect(list.stdout).toContain('1 agreement(s):');
      expect(list.stdout).toMatch(
        /SLA-0001 {2}\[pending\] Shop for Sales — Shop for Sales; .*EUR 1,800.00\/month; v1 awaiting signatures; 3 of 3 target\(s\) unbacked/,
      );
      expect(JSON.parse(json.stdout)).toEqual([]);
      expect(show.stderr).toBe('');
      expect(show.stdout).toContain('Version 1 [pending]');
      expect(show.stdout).toContain(
        'UNBACKED P1 resolution within 4 business hours for 95 % of tickets — not signed by the customer representative; OLA ola-1 (Network) not acknowledged by its delivery lead',
      );
      expect(show.stdout).toContain('ola-1 Network: Network restores P1 within 2 business hours');
      expect(show.stdout).toMatch(/service owner: Olga Owner at .* \(sha256:[0-9a-f]{64}\)/);
      expect(show.stdout).toContain('customer representative: not signed');
      expect((JSON.parse(shownJson.stdout) as { agreement: { code: string } }).agreement.code).toBe(
        'SLA-0001',
      );
      expect(missing.code).not.toBe(0);
    },
  );
});
