import { requireWrite } from '../../core/actor.js';
import {
  contentHash,
  type AgreementContent,
  type AgreementVersionId,
} from '../../core/agreements/content.js';
import { diffContent } from '../../core/agreements/diff.js';
import type { AgreementVersion } from '../../core/agreements/records.js';
import { conflict, forbidden, invalid } from '../../core/errors.js';
import type { AgreementDetail, NewVersion } from '../../contract/agreements.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import {
  canRevise,
  customerRepRole,
  findAgreement,
  findVersion,
  olasFromWire,
  peopleOf,
  recordAgreementChange,
  serviceOwnerRole,
  tellAll,
  termsFromWire,
  validateContent,
  versionsOf,
} from './agreement-rules.js';
import { agreementDetailIn } from './read-agreements.js';

/**
 * A change to an agreement is a new version, never an edit: the service owner, a deputy, the
 * service level manager or an admin draws up version n+1 from the latest version (`basedOn`
 * must be it), with the parties who hold the roles now. It is pending until signed again; the
 * active version stays in force until then. A pending version it replaces is withdrawn.
 */
export async function newAgreementVersion(
  uow: UnitOfWork,
  ctx: Ctx,
  ref: string,
  input: NewVersion,
): Promise<AgreementDetail> {
  requireWrite(ctx.actor, 'change agreements');
  return uow.transaction(async (repos) => {
    const now = ctx.env.now();
    const agreement = await findAgreement(repos, ref);
    if (!(await canRevise(repos, ctx.actor, agreement.serviceId, now)))
      throw forbidden(
        'Only the service owner, a deputy, the service level manager or an admin can draw up a new version of this agreement.',
      );
    const versions = await versionsOf(repos, agreement);
    const latest = versions[versions.length - 1]!;
    if (input.basedOn !== latest.number)
      throw conflict(
        'basedOn',
        `version ${input.basedOn} is not the latest; version ${latest.number} is. Reload the agreement and make your change on it`,
      );
    const [owner, customer] = await Promise.all([
      serviceOwnerRole(repos, agreement.serviceId, now),
      customerRepRole(repos, agreement, now),
    ]);
    if (!owner)
      throw conflict(
        'serviceOwner',
        'the service has no accepted service owner to sign; nominate one first',
      );
    if (!customer)
      throw conflict(
        'customerRepresentative',
        'the customer has no accepted customer representative for this service to sign; nominate one first',
      );
    const [ownerPerson, customerPerson] = await Promise.all([
      repos.people.get(owner.personId),
      repos.people.get(customer.personId),
    ]);
    const c = input.changes;
    const base = latest.content;
    const terms = c.terms ? await termsFromWire(repos, c.terms, 'changes.terms') : null;
    const content: AgreementContent = {
      ...base,
      title: c.title ?? base.title,
      serviceOwner: { id: owner.personId, name: ownerPerson?.name ?? '(unknown)' },
      customerRepresentative: { id: customer.personId, name: customerPerson?.name ?? '(unknown)' },
      terms: terms?.terms ?? base.terms,
      calendarName: terms?.calendarName ?? base.calendarName,
      olas: c.olas ? await olasFromWire(repos, c.olas) : base.olas,
      money: {
        currency: c.money?.currency ?? base.money.currency,
        monthlyCostMinor: c.money?.monthlyCostMinor ?? base.money.monthlyCostMinor,
        bands: c.money?.bands ?? base.money.bands,
        costPerMissedTargetMinor:
          c.money?.costPerMissedTargetMinor ?? base.money.costPerMissedTargetMinor,
      },
      reviewPeriod: c.reviewPeriod ?? base.reviewPeriod,
      effectiveFrom: c.effectiveFrom ?? base.effectiveFrom,
      expiresOn: c.expiresOn ?? base.expiresOn,
      notes: c.notes ?? base.notes,
    };
    validateContent(content);
    const changes = diffContent(base, content);
    if (changes.length === 0)
      throw invalid('changes', `change nothing in version ${latest.number}; state what changes`);

    const pending = versions.find((v) => v.status === 'pending');
    if (pending) {
      if (!(await repos.agreements.moveVersion(pending.id, 'pending', 'withdrawn', now)))
        throw conflict('version', 'the pending version changed meanwhile; reload and try again');
      await recordAgreementChange(repos, ctx, agreement.id, 'version_withdrawn', {
        before: { number: pending.number, status: 'pending' },
        after: { number: pending.number, status: 'withdrawn', reason: 'replaced by a new version' },
      });
    }
    const version: AgreementVersion = {
      id: ctx.env.newId() as AgreementVersionId,
      agreementId: agreement.id,
      number: latest.number + 1,
      status: 'pending',
      content,
      contentHash: contentHash(content),
      optionId: latest.optionId,
      createdById: ctx.actor.personId,
      changeNote: input.changeNote,
      createdAt: now,
      activatedAt: null,
      endedAt: null,
    };
    await repos.agreements.insertVersion(version);
    await recordAgreementChange(repos, ctx, agreement.id, 'version_created', {
      before: { number: latest.number, contentHash: latest.contentHash },
      after: {
        number: version.number,
        contentHash: version.contentHash,
        changeNote: version.changeNote,
        changes: changes.map((x) => x.label),
        content,
      },
    });
    await tellAll(repos, ctx, await peopleOf(repos, agreement, version, now), {
      eventKey: `agreement:${version.id}:drafted`,
      subject: `${agreement.code} version ${version.number} awaits your signature or acknowledgement`,
      body: `${ctx.actor.name} drew up version ${version.number} of ${content.title}: ${input.changeNote}. Changes: ${changes
        .map((x) => x.label)
        .join('; ')}.`,
      code: agreement.code,
    });
    return agreementDetailIn(repos, ctx, agreement);
  });
}

/**
 * Takes back a pending version before it becomes active (the service owner, a deputy, the
 * service level manager, an admin or the customer representative).
 */
export async function withdrawAgreementVersion(
  uow: UnitOfWork,
  ctx: Ctx,
  ref: string,
  n: number,
  reason: string,
): Promise<AgreementDetail> {
  requireWrite(ctx.actor, 'withdraw agreement versions');
  return uow.transaction(async (repos) => {
    const now = ctx.env.now();
    const agreement = await findAgreement(repos, ref);
    const customer = await customerRepRole(repos, agreement, now);
    if (
      !(await canRevise(repos, ctx.actor, agreement.serviceId, now)) &&
      customer?.personId !== ctx.actor.personId
    )
      throw forbidden(
        'Only the service owner, a deputy, the service level manager, an admin or the customer representative can withdraw a pending version.',
      );
    const v = await findVersion(repos, agreement, n);
    if (v.status !== 'pending')
      throw conflict(
        'status',
        `version ${n} is ${v.status}; only a pending version can be withdrawn`,
      );
    if (!(await repos.agreements.moveVersion(v.id, 'pending', 'withdrawn', now)))
      throw conflict('status', `version ${n} changed meanwhile; reload the agreement`);
    await recordAgreementChange(repos, ctx, agreement.id, 'version_withdrawn', {
      before: { number: n, status: 'pending' },
      after: { number: n, status: 'withdrawn', reason },
    });
    await tellAll(repos, ctx, await peopleOf(repos, agreement, v, now), {
      eventKey: `agreement:${v.id}:withdrawn`,
      subject: `${agreement.code} version ${n} was withdrawn`,
      body: `${ctx.actor.name} withdrew version ${n} of ${v.content.title}${reason ? `: ${reason}` : ''}. It needs no signature any more.`,
      code: agreement.code,
    });
    return agreementDetailIn(repos, ctx, agreement);
  });
}

/** An agreement version never changes: editing in place is refused, whatever its state. */
export async function editAgreementVersion(
  uow: UnitOfWork,
  _ctx: Ctx,
  ref: string,
  n: number,
): Promise<never> {
  const agreement = await findAgreement(uow.read, ref);
  const v = await findVersion(uow.read, agreement, n);
  throw conflict(
    'version',
    `an agreement version never changes; create a new version (POST /api/v1/agreements/${agreement.code}/versions with basedOn) — version ${v.number} is ${v.status} and stays as signed`,
  );
}
