import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainError } from '../../core/errors.js';
import type { Person } from '../../core/people.js';
import {
  CreateNegotiationEntry,
  CreateOption,
  ReviseRequirement,
} from '../../contract/requirements.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { testEnvironment } from '../../../test/factories.js';
import { negotiationWorld } from '../../../test/negotiation.js';
import { retireService } from '../services/update-service.js';
import { addOption } from './add-option.js';
import { adoptCounterProposal } from './adopt-counter-proposal.js';
import { commentOnRequirement } from './comment-on-requirement.js';
import { createRequirement } from './create-requirement.js';
import { diffRevisions } from './diff-revisions.js';
import { getRequirement, listRequirements } from './read-requirements.js';
import { reviseRequirement } from './revise-requirement.js';
import { withdrawOption, withdrawRequirement } from './withdraw.js';

const refusal = async (p: Promise<unknown>): Promise<DomainError> => {
  try {
    await p;
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};

describe.each(dialects)('service level requirements on %s', (dialect) => {
  let t: TestDatabase;
  let env: ReturnType<typeof testEnvironment>;
  let w: Awaited<ReturnType<typeof negotiationWorld>>;
  const audit = async (action: string) =>
    (await t.uow.read.audit.list({ action }, { limit: 50 })).items;
  const inbox = async (p: Person) =>
    (await t.uow.read.notifications.list(p.id, {}, { limit: 50 })).items.map((n) => n.subject);
  /** Everything stored about a requirement, to show a refusal changed nothing. */
  const snapshot = async (id: string) => {
    const r = await getRequirement(t.uow, w.admin, id);
    const { can: _can, ...rest } = r;
    return { rest, audit: await t.uow.dataVersion() };
  };
  const revise = (p: Person, id: string, version: number, over: object = {}) =>
    reviseRequirement(
      t.uow,
      w.as(p),
      id,
      version,
      ReviseRequirement.parse({
        terms: w.terms(99.9, 4),
        businessValue: { currency: 'EUR', lossPerOutageHourMinor: 1_500_000, description: 'More' },
        justification: 'Peak season doubles the loss.',
        note: 'peak season',
        ...over,
      }),
    );
  const option = (p: Person, id: string, label = 'Gold', over: object = {}) => (
    env.advance(1000),
    addOption(
      t.uow,
      w.as(p),
      id,
      CreateOption.parse({
        label,
        terms: w.terms(99.9, 4),
        currency: 'EUR',
        monthlyCostMinor: 1_200_000,
        delivery: '24x7 on-call rota of 6 engineers',
        ...over,
      }),
    )
  );

  beforeEach(async () => {
    env = testEnvironment('2026-03-02T09:00:00.000Z');
    t = await createTestDatabase(dialect);
    w = await negotiationWorld(t.uow, env);
  });
  afterEach(() => t.drop());

  it('the customer representative states a requirement: audited, the service owner told', async () => {
    const r = await w.requirement();
    expect(r).toMatchObject({
      status: 'open',
      revision: 1,
      serviceName: 'Online marketplace',
      orgUnitName: 'Sales',
      createdByName: 'Carla Customer',
      availabilityPercent: 99.5,
      customerRepresentative: { id: w.rep.id },
      serviceOwner: { id: w.owner.id },
      current: { revision: 1, note: '', author: { name: 'Carla Customer' } },
      calendars: [{ id: w.office.id, name: 'Office hours' }],
      can: { revise: true, comment: true, propose: false, choose: false, withdraw: true },
    });
    expect(r.current.terms.tickets[0]).toEqual({
      priority: 'P1',
      metric: 'resolution',
      duration: { businessSeconds: 8 * 3600 },
      goalPercent: 95,
    });
    expect((await audit('requirement.created')).map((a) => a.entityId)).toEqual([r.id]);
    expect(await inbox(w.owner)).toContain(
      'New service level requirement for Online marketplace: Marketplace open for Sales all office hours',
    );
    const asOwner = await getRequirement(t.uow, w.as(w.owner), r.id);
    expect(asOwner.can).toEqual({
      revise: false,
      comment: true,
      propose: true,
      choose: false,
      withdraw: false,
    });
  });

  it('refuses anyone without the role, an admin included, and a retired service', async () => {
    const before = await t.uow.dataVersion();
    const admin = await refusal(createRequirement(t.uow, w.admin, w.requirementInput()));
    expect(admin.code).toBe('forbidden');
    expect(admin.message).toContain(
      'Only the customer representative of Sales for Online marketplace',
    );
    expect(
      (await refusal(createRequirement(t.uow, w.as(w.owner), w.requirementInput()))).code,
    ).toBe('forbidden');
    const noCalendar = await refusal(
      w.requirement({ terms: { ...w.terms(), calendarId: env.newId() } }),
    );
    expect(noCalendar.issues).toEqual([
      {
        path: 'terms.calendarId',
        message: expect.stringContaining('no calendar has this id') as string,
      },
    ]);
    const dup = w.terms();
    const bad = await refusal(
      w.requirement({ terms: { ...dup, tickets: [...dup.tickets, dup.tickets[0]!] } }),
    );
    expect(bad.code).toBe('invalid');
    expect(bad.issues?.[0]?.path).toBe('terms.tickets[2]');
    expect(await t.uow.dataVersion()).toBe(before);
    expect((await listRequirements(t.uow, w.admin, { limit: 50 })).items).toEqual([]);

    await retireService(t.uow, w.admin, w.service.id, w.service.version);
    const retired = await refusal(w.requirement());
    expect(retired.code).toBe('invalid');
    expect(retired.issues?.[0]?.path).toBe('serviceId');
  });

  it('revisions: only the representative, only with the current version, terms checked', async () => {
    const r = await w.requirement();
    const before = await snapshot(r.id);
    expect((await refusal(revise(w.owner, r.id, r.version))).code).toBe('forbidden');
    expect((await refusal(revise(w.rep, r.id, r.version + 1))).code).toBe('precondition_failed');
    const bad = await refusal(
      revise(w.rep, r.id, r.version, {
        terms: { ...w.terms(), tickets: [], availabilityPercent: null },
      }),
    );
    expect(bad.issues?.map((i) => i.path)).toEqual(['terms.tickets']);
    expect(await snapshot(r.id)).toEqual(before);

    const r2 = await revise(w.rep, r.id, r.version);
    expect(r2).toMatchObject({
      revision: 2,
      availabilityPercent: 99.9,
      current: { note: 'peak season' },
    });
    expect(r2.revisions.map((x) => x.revision)).toEqual([1, 2]);
    expect(r2.version).toBe(r.version + 1);
    expect((await refusal(revise(w.rep, r.id, r.version))).code).toBe('precondition_failed');
    expect(await audit('requirement.revised')).toHaveLength(1);
    expect(await inbox(w.owner)).toContain(
      'Requirement revised (revision 2): Marketplace open for Sales all office hours',
    );
    const diff = await diffRevisions(t.uow, w.admin, r.id, 1, 2);
    expect(diff.changes.map((c) => c.label)).toEqual([
      'Availability: 99.5 % → 99.9 %',
      'P1 resolution: 8 business hours → 4 business hours',
      'Loss per hour of outage: EUR 12,500.00 → EUR 15,000.00',
      'Business value: Sales cannot take orders → More',
      'Justification: Orders stop when the marketplace is down. → Peak season doubles the loss.',
    ]);
  });

  it('comments and counter-proposals: who may, the other side told, adopted as a revision', async () => {
    const r = await w.requirement();
    const say = (p: Person, input: object) => (
      env.advance(1000),
      commentOnRequirement(t.uow, w.as(p), r.id, CreateNegotiationEntry.parse(input))
    );
    await say(w.owner, { body: 'P1 in 8 hours needs a night rota.' });
    await say(w.deputy, { body: 'Agreed.' });
    await say(w.slm, { body: 'Check the network OLA first.' });
    env.advance(1000);
    await commentOnRequirement(
      t.uow,
      w.admin,
      r.id,
      CreateNegotiationEntry.parse({ body: 'Noted.' }),
    );
    const outsider = await refusal(say(w.outsider, { body: 'Me too' }));
    expect(outsider.code).toBe('forbidden');
    const badTerms = await refusal(
      say(w.owner, {
        kind: 'counter_proposal',
        body: 'Try this',
        terms: { ...w.terms(), availabilityPercent: 99.123456 },
      }),
    );
    expect(badTerms.issues?.map((i) => i.path)).toEqual(['terms.availabilityPercent']);

    const withProposal = await say(w.owner, {
      kind: 'counter_proposal',
      body: 'Office hours only, P1 in 12 hours',
      terms: w.terms(99.5, 12),
    });
    expect(withProposal.entries.map((e) => [e.kind, e.author.name])).toEqual([
      ['comment', 'Omar Owner'],
      ['comment', 'Dina Deputy'],
      ['comment', 'Sam Levels'],
      ['comment', 'Ada Admin'],
      ['counter_proposal', 'Omar Owner'],
    ]);
    expect(await inbox(w.rep)).toContain(
      'Counter-proposal on "Marketplace open for Sales all office hours" from Omar Owner',
    );
    await say(w.rep, { body: 'Fine by me.' });
    expect(await inbox(w.owner)).toContain(
      'Comment on "Marketplace open for Sales all office hours" from Carla Customer',
    );

    const entry = withProposal.entries.at(-1)!;
    expect(
      (await refusal(adoptCounterProposal(t.uow, w.as(w.owner), r.id, entry.id, null))).code,
    ).toBe('forbidden');
    const comment = withProposal.entries[0]!;
    expect(
      (await refusal(adoptCounterProposal(t.uow, w.as(w.rep), r.id, comment.id, null))).code,
    ).toBe('conflict');
    const adopted = await adoptCounterProposal(t.uow, w.as(w.rep), r.id, entry.id, null);
    expect(adopted.revision).toBe(2);
    expect(adopted.current.note).toBe('adopted the counter-proposal of Omar Owner on 2026-03-02');
    expect(adopted.current.terms).toEqual(entry.terms);
    expect(adopted.current.justification).toBe('Orders stop when the marketplace is down.');
    expect(adopted.entries.at(-2)!.adoptedInRevision).toBe(2);
    expect(await audit('requirement.counter_proposal_adopted')).toHaveLength(1);
    expect(await audit('requirement.counter_proposed')).toHaveLength(1);
    expect(await audit('requirement.commented')).toHaveLength(5);
  });

  it('options: the owner side proposes and withdraws; labels unique; outdated after a revision', async () => {
    const r = await w.requirement();
    expect((await refusal(option(w.outsider, r.id))).code).toBe('forbidden');
    const adminRefused = await refusal(
      addOption(
        t.uow,
        w.admin,
        r.id,
        CreateOption.parse({
          label: 'Gold',
          terms: w.terms(),
          currency: 'EUR',
          monthlyCostMinor: 1,
          delivery: 'somehow',
        }),
      ),
    );
    expect(adminRefused.code).toBe('forbidden');
    expect((await refusal(option(w.rep, r.id))).code).toBe('forbidden');
    const gold = await option(w.owner, r.id, 'Gold');
    expect(gold.options).toMatchObject([
      {
        label: 'Gold',
        status: 'proposed',
        revision: 1,
        outdated: false,
        createdBy: { name: 'Omar Owner' },
      },
    ]);
    expect(await inbox(w.rep)).toContain(
      'New option "Gold" for "Marketplace open for Sales all office hours"',
    );
    const clash = await refusal(option(w.deputy, r.id, 'gold'));
    expect(clash.code).toBe('conflict');
    expect(clash.issues?.[0]?.path).toBe('label');
    const silver = await option(w.deputy, r.id, 'Silver', { monthlyCostMinor: 600_000 });
    expect(silver.proposedOptions).toBe(2);
    expect((await getRequirement(t.uow, w.as(w.rep), r.id)).can.choose).toBe(true);

    const goldId = gold.options[0]!.id;
    expect((await refusal(withdrawOption(t.uow, w.as(w.rep), r.id, goldId))).code).toBe(
      'forbidden',
    );
    const withdrawn = await withdrawOption(t.uow, w.as(w.owner), r.id, goldId);
    expect(withdrawn.options.map((o) => [o.label, o.status])).toEqual([
      ['Gold', 'withdrawn'],
      ['Silver', 'proposed'],
    ]);
    expect((await refusal(withdrawOption(t.uow, w.as(w.owner), r.id, goldId))).code).toBe(
      'conflict',
    );
    const gold2 = await option(w.owner, r.id, 'Gold');
    expect(gold2.options).toHaveLength(3);

    const revised = await revise(w.rep, r.id, gold2.version);
    expect(revised.options.map((o) => o.outdated)).toEqual([true, true, true]);
    expect((await getRequirement(t.uow, w.as(w.rep), r.id)).can.choose).toBe(false);
    const platinum = await option(w.owner, r.id, 'Platinum');
    expect(platinum.options.at(-1)).toMatchObject({ revision: 2, outdated: false });
    expect(await audit('requirement.option_added')).toHaveLength(4);
    expect(await audit('requirement.option_withdrawn')).toHaveLength(1);
  });

  it('a withdrawn requirement takes nothing more, and lists filter by status and mine', async () => {
    const r = await w.requirement();
    expect((await refusal(withdrawRequirement(t.uow, w.as(w.owner), r.id, null))).code).toBe(
      'forbidden',
    );
    expect((await refusal(withdrawRequirement(t.uow, w.as(w.rep), r.id, r.version + 5))).code).toBe(
      'precondition_failed',
    );
    const gone = await withdrawRequirement(t.uow, w.as(w.rep), r.id, r.version);
    expect(gone).toMatchObject({ status: 'withdrawn', can: { revise: false, comment: false } });
    expect(await inbox(w.owner)).toContain(
      'Requirement withdrawn: Marketplace open for Sales all office hours',
    );
    const before = await snapshot(r.id);
    const comment = await refusal(
      commentOnRequirement(
        t.uow,
        w.as(w.owner),
        r.id,
        CreateNegotiationEntry.parse({ body: 'Hello?' }),
      ),
    );
    expect(comment.code).toBe('conflict');
    expect(comment.message).toContain('withdrawn');
    expect((await refusal(option(w.owner, r.id))).code).toBe('conflict');
    expect((await refusal(revise(w.rep, r.id, gone.version))).code).toBe('conflict');
    expect((await refusal(withdrawRequirement(t.uow, w.as(w.rep), r.id, null))).code).toBe(
      'conflict',
    );
    expect(await snapshot(r.id)).toEqual(before);

    const open = await w.requirement({ title: 'Second need' });
    const list = (ctx = w.admin, q: object = {}) =>
      listRequirements(t.uow, ctx, { limit: 50, ...q }).then((p) => p.items.map((x) => x.title));
    expect(await list(w.admin, { status: 'open' })).toEqual(['Second need']);
    expect(await list(w.admin, { sort: 'title' })).toEqual([
      'Marketplace open for Sales all office hours',
      'Second need',
    ]);
    expect(await list(w.as(w.owner), { mine: true })).toHaveLength(2);
    expect(await list(w.as(w.outsider), { mine: true })).toEqual([]);
    expect(await list(w.admin, { service: w.service.slug, q: 'second' })).toEqual(['Second need']);
    const paged = await listRequirements(t.uow, w.admin, { limit: 1, sort: 'title' });
    expect(paged.nextCursor).toBe('1');
    expect(
      (await listRequirements(t.uow, w.admin, { limit: 1, sort: 'title', cursor: '1' })).items[0]!
        .id,
    ).toBe(open.id);
  });
});
