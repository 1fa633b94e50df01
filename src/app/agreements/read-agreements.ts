/**
 * Reading agreements: the list (filters, sort, pages), one agreement with its versions,
 * signatures, acknowledgements, per-target backing and what the reader may do, one version,
 * and the readable diff between two versions. Every signed-in person may read agreements.
 */
import { diffContent } from '../../core/agreements/diff.js';
import type { Agreement, AgreementVersion, SigningParty } from '../../core/agreements/records.js';
import { signingParties } from '../../core/agreements/records.js';
import { isExpired, targetBacking, versionProgress } from '../../core/agreements/signing.js';
import type { Instant, PersonId } from '../../core/ids.js';
import type { ServiceId } from '../../core/services.js';
import type { OrgUnitId } from '../../core/ids.js';
import type {
  AgreementDetail,
  AgreementSummary,
  AgreementsQuery,
  AgreementVersionView,
  VersionDiff,
} from '../../contract/agreements.js';
import { invalid } from '../../core/errors.js';
import { parseSort, sortAndPage, type Ctx } from '../context.js';
import { findService } from '../services/service-rules.js';
import type { Page, Repositories, UnitOfWork } from '../ports.js';
import {
  canRevise,
  deliveryLeadRole,
  findAgreement,
  findVersion,
  signingRole,
  today,
  versionsOf,
} from './agreement-rules.js';

interface Loaded {
  agreement: Agreement;
  versions: AgreementVersion[];
  signatures: Awaited<ReturnType<Repositories['agreements']['signaturesOf']>>;
  acks: Awaited<ReturnType<Repositories['agreements']['acknowledgementsOf']>>;
}

async function load(repos: Repositories, agreements: Agreement[]): Promise<Loaded[]> {
  const versions = await repos.agreements.versionsOf(agreements.map((a) => a.id));
  const ids = versions.map((v) => v.id);
  const [signatures, acks] = await Promise.all([
    repos.agreements.signaturesOf(ids),
    repos.agreements.acknowledgementsOf(ids),
  ]);
  return agreements.map((agreement) => {
    const own = versions.filter((v) => v.agreementId === agreement.id);
    const mine = new Set(own.map((v) => v.id));
    return {
      agreement,
      versions: own,
      signatures: signatures.filter((s) => mine.has(s.versionId)),
      acks: acks.filter((x) => mine.has(x.versionId)),
    };
  });
}

function summaryOf(l: Loaded, day: string): AgreementSummary {
  const { agreement: a, versions } = l;
  const active = versions.find((v) => v.status === 'active') ?? null;
  const pending = versions.find((v) => v.status === 'pending') ?? null;
  const latest = versions[versions.length - 1]!;
  const shown = active ?? pending ?? latest;
  const c = shown.content;
  const status: AgreementSummary['status'] = active
    ? isExpired(active.content, day)
      ? 'expired'
      : 'active'
    : pending
      ? 'pending'
      : 'ended';
  const backing = targetBacking(shown, l.signatures, l.acks, day);
  return {
    id: a.id,
    code: a.code,
    title: c.title,
    service: { id: a.serviceId, name: c.service.name, slug: c.service.slug },
    customer: { id: a.orgUnitId, name: c.customer.name },
    requirementId: a.requirementId,
    status,
    activeVersion: active?.number ?? null,
    pendingVersion: pending?.number ?? null,
    latestVersion: latest.number,
    effectiveFrom: c.effectiveFrom,
    expiresOn: c.expiresOn,
    currency: c.money.currency,
    monthlyCostMinor: c.money.monthlyCostMinor,
    serviceOwnerName: c.serviceOwner.name,
    customerRepresentativeName: c.customerRepresentative.name,
    targets: backing.length,
    unbackedTargets: backing.filter((b) => !b.backed).length,
    createdAt: a.createdAt,
  };
}

const sortValue: Record<string, (s: AgreementSummary) => string | number> = {
  code: (s) => s.code,
  title: (s) => s.title.toLowerCase(),
  service: (s) => s.service.name.toLowerCase(),
  customer: (s) => s.customer.name.toLowerCase(),
  status: (s) => s.status,
  expiresOn: (s) => s.expiresOn,
  monthlyCost: (s) => s.monthlyCostMinor,
  createdAt: (s) => s.createdAt,
};

/** At most this many agreements are considered per list (far above any real portfolio). */
const listCap = 10_000;

export async function listAgreements(
  uow: UnitOfWork,
  ctx: Ctx,
  query: Omit<AgreementsQuery, 'format'>,
): Promise<Page<AgreementSummary>> {
  const repos = uow.read;
  const day = today(ctx.env.now());
  const agreements = await repos.agreements.list(
    {
      serviceId: query.serviceId as ServiceId | undefined,
      orgUnitId: query.orgUnitId as OrgUnitId | undefined,
    },
    listCap,
  );
  const q = query.q?.toLowerCase();
  const rows = (await load(repos, agreements))
    .filter((l) => l.versions.length > 0)
    .map((l) => summaryOf(l, day))
    .filter(
      (s) =>
        !query.status ||
        s.status === query.status ||
        (query.status === 'pending' && s.pendingVersion !== null),
    )
    .filter(
      (s) =>
        !q ||
        [s.code, s.title, s.service.name, s.customer.name].some((x) => x.toLowerCase().includes(q)),
    );
  const sort = parseSort(query.sort) ?? { field: 'code', desc: false };
  const key = sortValue[sort.field] ?? sortValue.code!;
  return sortAndPage(
    rows,
    { key, tie: (x, y) => x.code.localeCompare(y.code), desc: sort.desc },
    query,
  );
}

/** The agreements of a service (by id or slug), for the service page. */
export async function serviceAgreements(
  uow: UnitOfWork,
  ctx: Ctx,
  serviceRef: string,
): Promise<Page<AgreementSummary>> {
  const service = await findService(uow.read, serviceRef);
  return listAgreements(uow, ctx, { serviceId: service.id, limit: 200, sort: 'code' });
}

async function versionViews(
  repos: Repositories,
  l: Loaded,
  day: string,
): Promise<AgreementVersionView[]> {
  const names = new Map<string, Promise<string>>();
  const personName = (id: PersonId) => {
    let p = names.get(id);
    if (!p) {
      p = repos.people.get(id).then((x) => x?.name ?? '(unknown)');
      names.set(id, p);
    }
    return p;
  };
  return Promise.all(
    l.versions.map(async (v) => {
      const signatures = l.signatures.filter((s) => s.versionId === v.id);
      const acks = l.acks.filter((x) => x.versionId === v.id);
      const progress = versionProgress(v, signatures, acks);
      return {
        id: v.id,
        number: v.number,
        status: v.status,
        expired: isExpired(v.content, day),
        content: v.content,
        contentHash: v.contentHash,
        optionId: v.optionId,
        createdBy: { id: v.createdById, name: await personName(v.createdById) },
        changeNote: v.changeNote,
        createdAt: v.createdAt,
        activatedAt: v.activatedAt,
        endedAt: v.endedAt,
        signatures: await Promise.all(
          signatures.map(async (s) => ({
            party: s.party,
            person: { id: s.personId, name: await personName(s.personId) },
            contentHash: s.contentHash,
            signedAt: s.signedAt,
          })),
        ),
        acknowledgements: await Promise.all(
          acks.map(async (x) => ({
            olaKey: x.olaKey,
            teamId: x.teamId,
            teamName: v.content.olas.find((o) => o.key === x.olaKey)?.teamName ?? '?',
            person: { id: x.personId, name: await personName(x.personId) },
            contentHash: x.contentHash,
            acknowledgedAt: x.acknowledgedAt,
          })),
        ),
        missingSignatures: progress.missingSignatures,
        missingAcknowledgements: progress.missingAcknowledgements,
        targets: targetBacking(v, signatures, acks, day),
      };
    }),
  );
}

/** What the actor may do with the agreement now. */
async function permissions(
  repos: Repositories,
  ctx: Ctx,
  l: Loaded,
  now: Instant,
): Promise<AgreementDetail['permissions']> {
  const a = l.agreement;
  const pending = l.versions.find((v) => v.status === 'pending');
  const writer = ctx.actor.scope === 'write' && ctx.actor.role !== 'viewer';
  const canSign: SigningParty[] = [];
  const canAcknowledge: string[] = [];
  if (pending && writer) {
    const signed = new Set(
      l.signatures.filter((s) => s.versionId === pending.id).map((s) => s.party),
    );
    for (const party of signingParties) {
      if (signed.has(party)) continue;
      if ((await signingRole(repos, a, party, now))?.personId === ctx.actor.personId)
        canSign.push(party);
    }
    const acked = new Set(l.acks.filter((x) => x.versionId === pending.id).map((x) => x.olaKey));
    for (const o of pending.content.olas) {
      if (acked.has(o.key)) continue;
      if (
        (await deliveryLeadRole(repos, a.serviceId, o.teamId, now))?.personId === ctx.actor.personId
      )
        canAcknowledge.push(o.key);
    }
  }
  const revise = await canRevise(repos, ctx.actor, a.serviceId, now);
  const customer =
    writer &&
    (await signingRole(repos, a, 'customer_representative', now))?.personId === ctx.actor.personId;
  return {
    canSign,
    canAcknowledge,
    canRevise: revise,
    canWithdraw: pending !== undefined && (revise || customer),
  };
}

export async function agreementDetailIn(
  repos: Repositories,
  ctx: Ctx,
  agreement: Agreement,
): Promise<AgreementDetail> {
  const now = ctx.env.now();
  const day = today(now);
  const [l] = await load(repos, [agreement]);
  const versions = await versionViews(repos, l!, day);
  return {
    agreement: summaryOf(l!, day),
    versions: versions.reverse(),
    permissions: await permissions(repos, ctx, l!, now),
  };
}

export async function getAgreement(
  uow: UnitOfWork,
  ctx: Ctx,
  ref: string,
): Promise<AgreementDetail> {
  return agreementDetailIn(uow.read, ctx, await findAgreement(uow.read, ref));
}

export async function getAgreementVersion(
  uow: UnitOfWork,
  ctx: Ctx,
  ref: string,
  n: number,
): Promise<AgreementVersionView> {
  const repos = uow.read;
  const a = await findAgreement(repos, ref);
  const v = await findVersion(repos, a, n);
  const [l] = await load(repos, [a]);
  const views = await versionViews(repos, { ...l!, versions: [v] }, today(ctx.env.now()));
  return views[0]!;
}

/** The readable changes from version `against` (default: the one before) to version `n`. */
export async function diffVersions(
  uow: UnitOfWork,
  _ctx: Ctx,
  ref: string,
  n: number,
  against?: number,
): Promise<VersionDiff> {
  const repos = uow.read;
  const a = await findAgreement(repos, ref);
  const versions = await versionsOf(repos, a);
  const to = versions.find((v) => v.number === n);
  if (!to) throw invalid('n', `${a.code} has no version ${n}`);
  const fromNumber = against ?? n - 1;
  const from = versions.find((v) => v.number === fromNumber);
  if (!from)
    throw invalid(
      'against',
      fromNumber < 1
        ? `version ${n} is the first; name another version to compare with (?against=)`
        : `${a.code} has no version ${fromNumber}`,
    );
  return { from: from.number, to: to.number, changes: diffContent(from.content, to.content) };
}
