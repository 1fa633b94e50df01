/**
 * The sections of "My commitments" that come from service level management: requirements to
 * answer, options to choose, agreements to sign, OLAs to acknowledge and agreements expiring.
 */
import type { Requirement } from '../../core/agreements/records.js';
import { signingParties } from '../../core/agreements/records.js';
import { addCalendarDays, partyLabels } from '../../core/agreements/signing.js';
import type { Instant } from '../../core/ids.js';
import type { CommitmentItem } from '../../contract/ownership.js';
import type { Ctx } from '../context.js';
import type { CommitmentProvider } from '../ownership/my-commitments.js';
import type { Repositories } from '../ports.js';
import { isOwnerOrDeputy, requirementLabel } from '../requirements/requirement-rules.js';
import {
  customerRepRole,
  deliveryLeadRole,
  serviceOwnerRole,
  signingRole,
  today,
} from './agreement-rules.js';

/** Agreements expiring within this many days are listed. */
export const expiringWindowDays = 60;

const openRequirements = (repos: Repositories) => repos.requirements.list({ status: 'open' }, 1000);

const proposedFor = async (repos: Repositories, r: Requirement) =>
  (await repos.requirements.optionsOf(r.id)).filter(
    (o) => o.status === 'proposed' && o.revision === r.revision,
  );

const requirementsToAnswer: CommitmentProvider = {
  key: 'requirements_to_answer',
  title: 'Requirements to answer',
  async items(repos, ctx) {
    const now = ctx.env.now();
    const editable = new Map<string, boolean>();
    const items: CommitmentItem[] = [];
    for (const r of await openRequirements(repos)) {
      let may = editable.get(r.serviceId);
      if (may === undefined) {
        may = await isOwnerOrDeputy(repos, ctx.actor, r.serviceId, now);
        editable.set(r.serviceId, may);
      }
      if (!may || (await proposedFor(repos, r)).length > 0) continue;
      items.push({
        id: r.id,
        title: `${r.title} (${await requirementLabel(repos, r)})`,
        detail: `Revision ${r.revision} has no costed option yet; answer it with one or more options.`,
        due: null,
        link: `/requirements/${r.id}`,
      });
    }
    return items;
  },
};

const optionsToChoose: CommitmentProvider = {
  key: 'options_to_choose',
  title: 'Options to choose',
  async items(repos, ctx) {
    const now = ctx.env.now();
    const items: CommitmentItem[] = [];
    for (const r of await openRequirements(repos)) {
      const options = await proposedFor(repos, r);
      if (options.length === 0) continue;
      if ((await customerRepRole(repos, r, now))?.personId !== ctx.actor.personId) continue;
      items.push({
        id: r.id,
        title: `${r.title} (${await requirementLabel(repos, r)})`,
        detail: `${options.length} option${options.length === 1 ? '' : 's'} proposed: ${options
          .map((o) => o.label)
          .join(', ')}. Compare them and choose one.`,
        due: null,
        link: `/requirements/${r.id}`,
      });
    }
    return items;
  },
};

const agreementsToSign: CommitmentProvider = {
  key: 'agreements_to_sign',
  title: 'Agreements to sign',
  async items(repos, ctx) {
    const now = ctx.env.now();
    const pending = await repos.agreements.pendingVersions();
    const signatures = await repos.agreements.signaturesOf(pending.map((v) => v.id));
    const items: CommitmentItem[] = [];
    for (const v of pending) {
      const a = { serviceId: v.content.service.id, orgUnitId: v.content.customer.id };
      for (const party of signingParties) {
        if (signatures.some((s) => s.versionId === v.id && s.party === party)) continue;
        if ((await signingRole(repos, a, party, now))?.personId !== ctx.actor.personId) continue;
        items.push({
          id: `${v.id}:${party}`,
          title: `${v.content.code} version ${v.number}: ${v.content.title}`,
          detail: `Sign as ${partyLabels[party]}. ${v.changeNote}`,
          due: null,
          link: `/agreements/${v.content.code}`,
        });
      }
    }
    return items;
  },
};

const olasToAcknowledge: CommitmentProvider = {
  key: 'olas_to_acknowledge',
  title: 'OLAs to acknowledge',
  async items(repos, ctx) {
    const now = ctx.env.now();
    const pending = await repos.agreements.pendingVersions();
    const acks = await repos.agreements.acknowledgementsOf(pending.map((v) => v.id));
    const items: CommitmentItem[] = [];
    for (const v of pending) {
      for (const o of v.content.olas) {
        if (acks.some((x) => x.versionId === v.id && x.olaKey === o.key)) continue;
        const lead = await deliveryLeadRole(repos, v.content.service.id, o.teamId, now);
        if (lead?.personId !== ctx.actor.personId) continue;
        items.push({
          id: `${v.id}:${o.key}`,
          title: `${o.key} of ${v.content.code} version ${v.number}: ${o.description}`,
          detail: `${o.teamName} underpins ${o.underpins.join(', ')} of ${v.content.title}.`,
          due: null,
          link: `/agreements/${v.content.code}`,
        });
      }
    }
    return items;
  },
};

const agreementsExpiring: CommitmentProvider = {
  key: 'agreements_expiring',
  title: 'Agreements expiring',
  async items(repos, ctx) {
    const now = ctx.env.now();
    const day = today(now);
    const expiring = await repos.agreements.activeExpiring(
      day,
      addCalendarDays(day, expiringWindowDays),
    );
    const signatures = await repos.agreements.signaturesOf(expiring.map((v) => v.id));
    const items: CommitmentItem[] = [];
    for (const v of expiring) {
      const a = { serviceId: v.content.service.id, orgUnitId: v.content.customer.id };
      const mine =
        signatures.some((s) => s.versionId === v.id && s.personId === ctx.actor.personId) ||
        (await serviceOwnerRole(repos, a.serviceId, now))?.personId === ctx.actor.personId ||
        (await customerRepRole(repos, a, now))?.personId === ctx.actor.personId;
      if (!mine) continue;
      items.push({
        id: v.id,
        title: `${v.content.code}: ${v.content.title}`,
        detail: `Version ${v.number} expires on ${v.content.expiresOn}; draw up a renewal and sign it.`,
        due: `${v.content.expiresOn}T23:59:59.000Z` as Instant,
        link: `/agreements/${v.content.code}`,
      });
    }
    return items;
  },
};

export const agreementCommitmentProviders: CommitmentProvider[] = [
  requirementsToAnswer,
  optionsToChoose,
  agreementsToSign,
  olasToAcknowledge,
  agreementsExpiring,
];

/** For tests: the items of one section for the actor. */
export const agreementCommitments = (repos: Repositories, ctx: Ctx) =>
  Promise.all(
    agreementCommitmentProviders.map(async (p) => ({
      key: p.key,
      items: await p.items(repos, ctx),
    })),
  );
