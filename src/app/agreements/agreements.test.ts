import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChooseOption, NewVersion } from '../../contract/agreements.js';
import type { AgreementDetail } from '../../contract/agreements.js';
import { agreementPassword, agreementWorld } from '../../../test/agreements.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { testEnvironment } from '../../../test/factories.js';
import type { Ctx } from '../context.js';
import { myCommitments } from '../ownership/my-commitments.js';
import { chooseOption } from './choose-option.js';
import {
  editAgreementVersion,
  newAgreementVersion,
  withdrawAgreementVersion,
} from './new-version.js';
import { diffVersions, getAgreement, listAgreements } from './read-agreements.js';
import { remindRenewals } from './remind-renewals.js';
import { acknowledgeOla, signAgreementVersion } from './sign-agreement.js';

const day = 86_400_000;

describe.each(dialects)('agreements on %s', (dialect) => {
  let t: TestDatabase;
  let env: ReturnType<typeof testEnvironment>;
  let w: Awaited<ReturnType<typeof agreementWorld>>;

  beforeEach(async () => {
    env = testEnvironment('2026-03-02T09:00:00.000Z');
    t = await createTestDatabase(dialect);
    w = await agreementWorld(t.uow, env);
  });
  afterEach(() => t.drop());

  const audit = async (action: string) =>
    (await t.uow.read.audit.list({ action }, { limit: 50 })).items;
  const inbox = async (id: string) =>
    (await t.uow.read.notifications.list(id as never, {}, { limit: 50 })).items.map(
      (n) => n.subject,
    );
  const choose = async (body: object = {}) => {
    const { requirement, basic, plus } = await w.requirement();
    const detail = await chooseOption(
      t.uow,
      w.as(w.customer),
      requirement.id,
      plus.id,
      ChooseOption.parse(body),
    );
    return { requirement, basic, plus, detail };
  };
  const pendingOf = (d: AgreementDetail) => d.versions.find((v) => v.status === 'pending')!;
  const sign = (
    ctx: Ctx,
    d: AgreementDetail,
    party: 'service_owner' | 'customer_representative',
    extra: object = {},
  ) =>
    signAgreementVersion(t.uow, ctx, d.agreement.code, pendingOf(d).number, {
      party,
      password: agreementPassword,
      contentHash: pendingOf(d).contentHash,
      ...extra,
    });
  /** Everything stored about the agreement, to assert that a refusal changed nothing. */
  const snapshot = async (code: string) => {
    const d = await getAgreement(t.uow, w.admin, code);
    return d.versions.map((v) => ({
      number: v.number,
      status: v.status,
      hash: v.contentHash,
      signatures: v.signatures.length,
      acks: v.acknowledgements.length,
    }));
  };

  it('choosing an option draws up a pending version with the current parties and drafted OLAs', async () => {
    const { requirement, plus, detail } = await choose();
    expect(detail.agreement).toMatchObject({
      code: 'SLA-0001',
      status: 'pending',
      pendingVersion: 1,
      activeVersion: null,
      title: 'Shop for Sales',
      monthlyCostMinor: 180_000,
    });
    const v = detail.versions[0]!;
    expect(v.content).toMatchObject({
      serviceOwner: { id: w.owner.id, name: 'Olga Owner' },
      customerRepresentative: { id: w.customer.id, name: 'Carl Customer' },
      effectiveFrom: '2026-03-02',
      expiresOn: '2027-03-01',
      reviewPeriod: 'month',
      calendarName: 'Office',
    });
    expect(v.content.olas).toEqual([
      expect.objectContaining({
        key: 'ola-1',
        teamName: 'Network',
        description: 'Network restores P1 within 2 business hours',
        underpins: ['P1.resolution'],
      }),
    ]);
    expect(v.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(v.targets.every((x) => !x.backed)).toBe(true);
    expect(v.targets.find((x) => x.key === 'P1.resolution')!.reasons).toContain(
      'OLA ola-1 (Network) not acknowledged by its delivery lead',
    );
    expect((await t.uow.read.requirements.get(requirement.id))!.status).toBe('agreed');
    expect((await t.uow.read.requirements.getOption(plus.id))!.status).toBe('chosen');
    expect(await audit('requirement.option_chosen')).toHaveLength(1);
    expect(await audit('agreement.created')).toHaveLength(1);
    expect(await inbox(w.owner.id)).toContain(
      'SLA-0001 version 1 awaits your signature or acknowledgement',
    );
    expect(await inbox(w.lead.id)).toContain(
      'SLA-0001 version 1 awaits your signature or acknowledgement',
    );
    expect(await inbox(w.otherLead.id)).not.toContain(
      'SLA-0001 version 1 awaits your signature or acknowledgement',
    );
  });

  it('only the customer representative chooses; others get 403 and an audited attempt', async () => {
    const { requirement, plus } = await w.requirement();
    for (const who of [w.owner, w.stranger]) {
      await expect(
        chooseOption(t.uow, w.as(who), requirement.id, plus.id, ChooseOption.parse({})),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(
      chooseOption(t.uow, w.admin, requirement.id, plus.id, ChooseOption.parse({})),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await audit('requirement.choose_refused')).toHaveLength(3);
    expect((await t.uow.read.requirements.get(requirement.id))!.status).toBe('open');
    expect(await t.uow.read.agreements.list({}, 10)).toEqual([]);
  });

  it('refuses bad dates and bands naming the field, and an option of an agreed requirement', async () => {
    const { requirement, basic, plus } = await w.requirement();
    const c = w.as(w.customer);
    await expect(
      chooseOption(
        t.uow,
        c,
        requirement.id,
        plus.id,
        ChooseOption.parse({ effectiveFrom: '2026-05-01', expiresOn: '2026-04-01' }),
      ),
    ).rejects.toMatchObject({ code: 'invalid', issues: [{ path: 'expiresOn' }] });
    await expect(
      chooseOption(
        t.uow,
        c,
        requirement.id,
        plus.id,
        ChooseOption.parse({
          bands: [
            { minCompliancePercent: 95, kind: 'none', amountMinor: 0 },
            { minCompliancePercent: 90, kind: 'penalty', amountMinor: 100 },
          ],
        }),
      ),
    ).rejects.toMatchObject({ issues: [{ path: 'money.bands[1].minCompliancePercent' }] });
    await expect(
      chooseOption(
        t.uow,
        c,
        requirement.id,
        plus.id,
        ChooseOption.parse({
          olas: [
            {
              key: 'ola-1',
              teamId: w.network.id,
              description: 'Network restores',
              priority: 'P3',
              metric: 'resolution',
              duration: { businessSeconds: 7200 },
              calendarId: w.office.id,
              underpins: ['P3.resolution'],
            },
          ],
        }),
      ),
    ).rejects.toMatchObject({ issues: [{ path: 'olas[0].underpins[0]' }] });
    expect(await t.uow.read.agreements.list({}, 10)).toEqual([]);
    await chooseOption(t.uow, c, requirement.id, plus.id, ChooseOption.parse({}));
    await expect(
      chooseOption(t.uow, c, requirement.id, basic.id, ChooseOption.parse({})),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('both signatures and the OLA acknowledgement activate the version; the parties are told', async () => {
    const { detail } = await choose();
    const code = detail.agreement.code;
    let d = await sign(w.as(w.owner), detail, 'service_owner');
    expect(d.agreement.status).toBe('pending');
    expect(pendingOf(d).signatures).toEqual([
      expect.objectContaining({
        party: 'service_owner',
        person: { id: w.owner.id, name: 'Olga Owner' },
      }),
    ]);
    d = await sign(w.as(w.customer), d, 'customer_representative');
    expect(d.agreement.status).toBe('pending');
    expect(pendingOf(d).targets.find((x) => x.key === 'availability')!.backed).toBe(true);
    expect(pendingOf(d).targets.find((x) => x.key === 'P1.resolution')!.backed).toBe(false);
    const detailLead = await getAgreement(t.uow, w.as(w.lead), code);
    expect(detailLead.permissions.canAcknowledge).toEqual(['ola-1']);
    d = await acknowledgeOla(t.uow, w.as(w.lead), code, 1, {
      olaKey: 'ola-1',
      contentHash: pendingOf(d).contentHash,
    });
    expect(d.agreement).toMatchObject({ status: 'active', activeVersion: 1, unbackedTargets: 0 });
    expect(d.versions[0]!.activatedAt).toBe(env.now());
    expect(await audit('agreement.signed')).toHaveLength(2);
    expect((await audit('agreement.signed'))[0]!.after).toMatchObject({
      contentHash: d.versions[0]!.contentHash,
    });
    expect(await audit('agreement.activated')).toHaveLength(1);
    expect(await inbox(w.customer.id)).toContain('SLA-0001 version 1 is active');
    expect(
      (await listAgreements(t.uow, w.admin, { limit: 50, status: 'active' })).items,
    ).toHaveLength(1);
  });

  it('refuses signing without the role, for someone else, with a wrong password or a stale hash — nothing changes', async () => {
    const { detail } = await choose();
    const code = detail.agreement.code;
    const before = await snapshot(code);
    await expect(sign(w.as(w.stranger), detail, 'service_owner')).rejects.toMatchObject({
      code: 'forbidden',
    });
    // The customer representative cannot sign as the service owner, nor can an admin.
    await expect(sign(w.as(w.customer), detail, 'service_owner')).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(sign(w.admin, detail, 'customer_representative')).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await audit('agreement.sign_refused')).toHaveLength(3);
    await expect(
      sign(w.as(w.owner), detail, 'service_owner', { password: 'not my password' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('password is wrong') as string,
    });
    await expect(
      sign(w.as(w.owner), detail, 'service_owner', { contentHash: `sha256:${'0'.repeat(64)}` }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('changed since you read it') as string,
    });
    expect(await snapshot(code)).toEqual(before);
  });

  it('refuses signing twice and signing a superseded version; nothing changes', async () => {
    const { detail } = await choose();
    const code = detail.agreement.code;
    const d = await sign(w.as(w.owner), detail, 'service_owner');
    const afterFirst = await snapshot(code);
    await expect(sign(w.as(w.owner), d, 'service_owner')).rejects.toMatchObject({
      code: 'conflict',
      issues: [{ path: 'party' }],
    });
    expect(await snapshot(code)).toEqual(afterFirst);

    // Version 2 replaces the pending version 1: signing 1 is refused naming its state.
    const v1 = pendingOf(d);
    await newAgreementVersion(
      t.uow,
      w.as(w.owner),
      code,
      NewVersion.parse({
        basedOn: 1,
        changes: { notes: 'Excludes planned maintenance.' },
        changeNote: 'Scope',
      }),
    );
    const before = await snapshot(code);
    await expect(
      signAgreementVersion(t.uow, w.as(w.customer), code, 1, {
        party: 'customer_representative',
        password: agreementPassword,
        contentHash: v1.contentHash,
      }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('withdrawn') as string,
    });
    expect(await snapshot(code)).toEqual(before);
  });

  it('refuses an OLA acknowledgement by another team’s delivery lead (403, audited), and twice', async () => {
    const { detail } = await choose();
    const code = detail.agreement.code;
    const hash = pendingOf(detail).contentHash;
    const before = await snapshot(code);
    await expect(
      acknowledgeOla(t.uow, w.as(w.otherLead), code, 1, { olaKey: 'ola-1', contentHash: hash }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await audit('agreement.acknowledge_refused')).toHaveLength(1);
    expect(await snapshot(code)).toEqual(before);
    await acknowledgeOla(t.uow, w.as(w.lead), code, 1, { olaKey: 'ola-1', contentHash: hash });
    await expect(
      acknowledgeOla(t.uow, w.as(w.lead), code, 1, { olaKey: 'ola-1', contentHash: hash }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('an active version is never edited in place; a new version supersedes it only once signed', async () => {
    const { detail } = await choose();
    const code = detail.agreement.code;
    let d = await sign(w.as(w.owner), detail, 'service_owner');
    d = await sign(w.as(w.customer), d, 'customer_representative');
    d = await acknowledgeOla(t.uow, w.as(w.lead), code, 1, {
      olaKey: 'ola-1',
      contentHash: pendingOf(d).contentHash,
    });
    const active = await snapshot(code);
    await expect(editAgreementVersion(t.uow, w.as(w.owner), code, 1)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('never changes; create a new version') as string,
    });
    expect(await snapshot(code)).toEqual(active);

    // A stale basedOn, or someone who may not revise, changes nothing.
    await expect(
      newAgreementVersion(
        t.uow,
        w.as(w.stranger),
        code,
        NewVersion.parse({ basedOn: 1, changes: { notes: 'x' }, changeNote: 'x' }),
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      newAgreementVersion(
        t.uow,
        w.as(w.owner),
        code,
        NewVersion.parse({ basedOn: 0 + 2, changes: { notes: 'x' }, changeNote: 'x' }),
      ),
    ).rejects.toMatchObject({ code: 'conflict', issues: [{ path: 'basedOn' }] });
    expect(await snapshot(code)).toEqual(active);

    d = await newAgreementVersion(
      t.uow,
      w.as(w.owner),
      code,
      NewVersion.parse({
        basedOn: 1,
        changes: {
          money: { bands: [{ minCompliancePercent: 0, kind: 'penalty', amountMinor: 50_000 }] },
          expiresOn: '2027-06-30',
        },
        changeNote: 'Penalty band and longer term',
      }),
    );
    expect(d.versions.map((v) => [v.number, v.status])).toEqual([
      [2, 'pending'],
      [1, 'active'],
    ]);
    expect(d.agreement.status).toBe('active');
    const diff = await diffVersions(t.uow, w.admin, code, 2);
    expect(diff.changes.map((c) => c.label)).toEqual([
      'Expires on: 2027-03-01 → 2027-06-30',
      'Band from 0 % compliance added: penalty EUR 500.00',
    ]);
    d = await sign(w.as(w.owner), d, 'service_owner');
    d = await sign(w.as(w.customer), d, 'customer_representative');
    d = await acknowledgeOla(t.uow, w.as(w.lead), code, 2, {
      olaKey: 'ola-1',
      contentHash: pendingOf(d).contentHash,
    });
    expect(d.versions.map((v) => [v.number, v.status])).toEqual([
      [2, 'active'],
      [1, 'superseded'],
    ]);
  });

  it('withdraws a pending version; a new choice withdraws the pending one', async () => {
    const { detail } = await choose();
    const code = detail.agreement.code;
    await expect(
      withdrawAgreementVersion(t.uow, w.as(w.stranger), code, 1, ''),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const d = await withdrawAgreementVersion(t.uow, w.as(w.customer), code, 1, 'Not yet');
    expect(d.versions[0]!.status).toBe('withdrawn');
    expect(d.agreement.status).toBe('ended');
    const again = await chooseOption(
      t.uow,
      w.as(w.customer),
      (await w.requirement('Second')).requirement.id,
      (
        await t.uow.read.requirements
          .list({ q: 'Second' }, 1)
          .then((r) => t.uow.read.requirements.optionsOf(r[0]!.id))
      )[0]!.id,
      ChooseOption.parse({}),
    );
    expect(again.versions.map((v) => [v.number, v.status])).toEqual([
      [2, 'pending'],
      [1, 'withdrawn'],
    ]);
  });

  it('lists agreements to sign, OLAs to acknowledge and options to choose on My commitments', async () => {
    await w.requirement();
    const sections = async (ctx: Ctx) =>
      Object.fromEntries(
        (await myCommitments(t.uow, ctx)).sections.map((s) => [s.key, s.items.length]),
      );
    expect(await sections(w.as(w.customer))).toMatchObject({ options_to_choose: 1 });
    const { detail } = await choose();
    expect(await sections(w.as(w.owner))).toMatchObject({ agreements_to_sign: 1 });
    expect(await sections(w.as(w.customer))).toMatchObject({
      agreements_to_sign: 1,
      options_to_choose: 1,
    });
    expect(await sections(w.as(w.lead))).toMatchObject({ olas_to_acknowledge: 1 });
    expect(await sections(w.as(w.otherLead))).toMatchObject({ olas_to_acknowledge: 0 });
    await sign(w.as(w.owner), detail, 'service_owner');
    expect(await sections(w.as(w.owner))).toMatchObject({ agreements_to_sign: 0 });
  });

  it('reminds both signers 60, 30 and 7 days before expiry, once each', async () => {
    const { detail } = await choose({ effectiveFrom: '2026-03-02', expiresOn: '2026-06-30' });
    const code = detail.agreement.code;
    let d = await sign(w.as(w.owner), detail, 'service_owner');
    d = await sign(w.as(w.customer), d, 'customer_representative');
    await acknowledgeOla(t.uow, w.as(w.lead), code, 1, {
      olaKey: 'ola-1',
      contentHash: pendingOf(d).contentHash,
    });
    expect(await remindRenewals(t.uow, env, env.now())).toBe(0);
    env.advance(60 * day); // 2026-05-01: 60 days left
    expect(await remindRenewals(t.uow, env, env.now())).toBe(1);
    expect(await remindRenewals(t.uow, env, env.now())).toBe(0);
    env.advance(25 * day); // 35 days left: nothing new
    expect(await remindRenewals(t.uow, env, env.now())).toBe(0);
    env.advance(30 * day); // 5 days left: the 30-day window was skipped; only the 7-day one
    expect(await remindRenewals(t.uow, env, env.now())).toBe(1);
    const subjects = (await inbox(w.owner.id)).filter((s) => s.includes('expires'));
    expect(subjects).toEqual([
      'SLA-0001 expires on 2026-06-30 (in 5 days)',
      'SLA-0001 expires on 2026-06-30 (in 60 days)',
    ]);
    expect((await inbox(w.customer.id)).filter((s) => s.includes('expires'))).toHaveLength(2);
    env.advance(10 * day);
    const after = await getAgreement(t.uow, w.admin, code);
    expect(after.agreement.status).toBe('expired');
    expect(after.versions[0]!.expired).toBe(true);
  });
});
