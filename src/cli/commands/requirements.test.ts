import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOption } from '../../app/requirements/add-option.js';
import { CreateOption } from '../../contract/requirements.js';
import { charterAsync } from '../../../test/cli.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { testEnvironment } from '../../../test/factories.js';
import { negotiationWorld } from '../../../test/negotiation.js';
import { listenForCli } from '../../../test/server.js';

describe.each(dialects)('charter requirements on %s', (dialect) => {
  let t: TestDatabase;
  let env: Record<string, string>;
  let close: () => Promise<void>;
  let id: string;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const clock = testEnvironment(new Date().toISOString());
    const w = await negotiationWorld(t.uow, clock);
    const r = await w.requirement();
    id = r.id;
    await addOption(
      t.uow,
      w.as(w.owner),
      r.id,
      CreateOption.parse({
        label: 'Gold',
        terms: w.terms(99.9, 4),
        currency: 'EUR',
        monthlyCostMinor: 1_200_000,
        delivery: '24x7 on-call rota',
      }),
    );
    await w.requirement({ title: 'Second need' });
    ({ env, close } = await listenForCli(t, w.admin, w.adminPerson.id));
  });
  afterAll(() => close());

  it(
    'lists requirements with filters and shows one with its options',
    { timeout: 120_000 },
    async () => {
      const [list, json, show, shownJson, missing] = await Promise.all([
        charterAsync(['requirements', 'list', '--service', 'online-marketplace'], env),
        charterAsync(['requirements', 'list', '--status', 'withdrawn', '--json'], env),
        charterAsync(['requirements', 'show', id], env),
        charterAsync(['requirements', 'show', id, '--json'], env),
        charterAsync(['requirements', 'show', 'nope'], env),
      ]);
      expect(list.stderr).toBe('');
      expect(list.stdout).toContain('2 requirement(s), newest first:');
      expect(list.stdout).toMatch(
        /\[open\] Marketplace open for Sales all office hours — Online marketplace for Sales, revision 1, 1 option\(s\) proposed/,
      );
      expect(JSON.parse(json.stdout)).toEqual([]);
      expect(show.stderr).toBe('');
      expect(show.stdout).toContain('Customer representative: Carla Customer');
      expect(show.stdout).toContain('Availability: 99.5 % within Office hours');
      expect(show.stdout).toContain('P1 resolution within 8 business hours for 95 % of tickets');
      expect(show.stdout).toContain('Business value: EUR 12,500.00 lost per hour of outage');
      expect(show.stdout).toContain('Gold: EUR 12,000.00 per month [proposed] — 24x7 on-call rota');
      const shown = JSON.parse(shownJson.stdout) as { options: { label: string }[] };
      expect(shown.options.map((o) => o.label)).toEqual(['Gold']);
      expect(missing.code).not.toBe(0);
    },
  );
});
