import { requireWrite } from '../../core/actor.js';
import {
  contentHash,
  type AgreementContent,
  type AgreementId,
  type AgreementVersionId,
  type OptionId,
  type RequirementId,
} from '../../core/agreements/content.js';
import type { Agreement, AgreementVersion } from '../../core/agreements/records.js';
import { defaultExpiry } from '../../core/agreements/signing.js';
import { conflict, notFound } from '../../core/errors.js';
import type { ChooseOption, AgreementDetail } from '../../contract/agreements.js';
import type { Ctx } from '../context.js';
import { recordChange } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import {
  Refused,
  customerRepRole,
  draftOlas,
  olasFromWire,
  peopleOf,
  recordAgreementChange,
  refusable,
  serviceOwnerRole,
  tellAll,
  today,
  validateContent,
  versionsOf,
} from './agreement-rules.js';
import { agreementDetailIn } from './read-agreements.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The customer representative chooses a proposed option of an open requirement: the option
 * becomes a pending agreement version (a new agreement for the service and customer, or the
 * next version of theirs), to be signed by both parties and backed by OLAs. Only the accepted
 * customer representative of {organisation unit, service} can choose; other attempts are
 * refused with 403 and recorded in the audit log.
 */
export async function chooseOption(
  uow: UnitOfWork,
  ctx: Ctx,
  requirementId: string,
  optionId: string,
  input: ChooseOption,
): Promise<AgreementDetail> {
  requireWrite(ctx.actor, 'choose an option');
  return refusable(uow, ctx, async (repos) => {
    const now = ctx.env.now();
    const requirement = uuid.test(requirementId)
      ? await repos.requirements.get(requirementId as RequirementId)
      : null;
    if (!requirement) throw notFound(`Requirement ${requirementId}`);
    const option = uuid.test(optionId)
      ? await repos.requirements.getOption(optionId as OptionId)
      : null;
    if (!option || option.requirementId !== requirement.id)
      throw notFound(`Option ${optionId} of this requirement`);
    const [service, unit] = await Promise.all([
      repos.services.get(requirement.serviceId),
      repos.orgUnits.get(requirement.orgUnitId),
    ]);
    if (!service || !unit) throw notFound('The service or customer of this requirement');

    const customer = await customerRepRole(repos, requirement, now);
    if (customer?.personId !== ctx.actor.personId)
      throw new Refused(
        'requirement.choose_refused',
        'requirement',
        requirement.id,
        { optionId: option.id, reason: 'not the customer representative' },
        `Only the customer representative of ${unit.name} for ${service.name} (an accepted role) can choose an option; nobody chooses on the customer's behalf.`,
      );
    if (requirement.status !== 'open')
      throw conflict(
        'status',
        `this requirement is ${requirement.status}; only an open requirement can have an option chosen`,
      );
    if (option.status !== 'proposed')
      throw conflict('option', `this option is ${option.status}; choose a proposed option`);
    if (option.revision !== requirement.revision)
      throw conflict(
        'option',
        `this option answers revision ${option.revision}, but the requirement is at revision ${requirement.revision}; ask the service owner for an option answering it`,
      );
    const owner = await serviceOwnerRole(repos, service.id, now);
    if (!owner)
      throw conflict(
        'service',
        `${service.name} has no accepted service owner to sign the agreement; nominate one first`,
      );
    const [ownerPerson, calendar] = await Promise.all([
      repos.people.get(owner.personId),
      repos.calendars.get(option.terms.calendarId),
    ]);

    const effectiveFrom = input.effectiveFrom ?? today(now);
    let agreement: Agreement | null = await repos.agreements.find(service.id, unit.id);
    const created = agreement === null;
    if (!agreement) {
      agreement = {
        id: ctx.env.newId() as AgreementId,
        code: await repos.agreements.nextCode(),
        serviceId: service.id,
        orgUnitId: unit.id,
        requirementId: requirement.id,
        createdAt: now,
      };
    }
    const content: AgreementContent = {
      code: agreement.code,
      title: input.title ?? `${service.name} for ${unit.name}`,
      service: { id: service.id, name: service.name, slug: service.slug },
      customer: { id: unit.id, name: unit.name },
      serviceOwner: { id: owner.personId, name: ownerPerson?.name ?? '(unknown)' },
      customerRepresentative: { id: ctx.actor.personId, name: ctx.actor.name },
      terms: option.terms,
      calendarName: calendar?.name ?? option.terms.calendarId,
      olas: input.olas
        ? await olasFromWire(repos, input.olas)
        : await draftOlas(repos, service.id, option.terms),
      money: {
        currency: option.currency,
        monthlyCostMinor: option.monthlyCostMinor,
        bands: input.bands,
        costPerMissedTargetMinor: input.costPerMissedTargetMinor,
      },
      reviewPeriod: input.reviewPeriod,
      effectiveFrom,
      expiresOn: input.expiresOn ?? defaultExpiry(effectiveFrom),
      notes: input.notes,
    };
    validateContent(content);

    if (created) await repos.agreements.insert(agreement);
    const existing = created ? [] : await versionsOf(repos, agreement);
    const pending = existing.find((v) => v.status === 'pending');
    if (pending) {
      if (!(await repos.agreements.moveVersion(pending.id, 'pending', 'withdrawn', now)))
        throw conflict('version', 'the pending version changed meanwhile; try again');
      await recordAgreementChange(repos, ctx, agreement.id, 'version_withdrawn', {
        before: { number: pending.number, status: 'pending' },
        after: { number: pending.number, status: 'withdrawn', reason: 'another option was chosen' },
      });
    }
    const version: AgreementVersion = {
      id: ctx.env.newId() as AgreementVersionId,
      agreementId: agreement.id,
      number: existing.reduce((n, v) => Math.max(n, v.number), 0) + 1,
      status: 'pending',
      content,
      contentHash: contentHash(content),
      optionId: option.id,
      createdById: ctx.actor.personId,
      changeNote: `Option "${option.label}" chosen for requirement "${requirement.title}"`,
      createdAt: now,
      activatedAt: null,
      endedAt: null,
    };
    await repos.agreements.insertVersion(version);
    if (!(await repos.requirements.setOptionStatus(option.id, 'chosen', option.version, now)))
      throw conflict('option', 'this option changed meanwhile; reload and choose again');
    if (!(await repos.requirements.setStatus(requirement.id, 'agreed', requirement.version, now)))
      throw conflict('requirement', 'this requirement changed meanwhile; reload and choose again');

    await recordChange(repos.audit, ctx, {
      action: 'requirement.option_chosen',
      entityType: 'requirement',
      entityId: requirement.id,
      before: { status: requirement.status, optionStatus: option.status },
      after: {
        status: 'agreed',
        optionId: option.id,
        agreementId: agreement.id,
        version: version.number,
      },
    });
    await recordAgreementChange(repos, ctx, agreement.id, created ? 'created' : 'version_created', {
      after: {
        code: agreement.code,
        number: version.number,
        contentHash: version.contentHash,
        optionId: option.id,
        content,
      },
    });
    await tellAll(repos, ctx, await peopleOf(repos, agreement, version, now), {
      eventKey: `agreement:${version.id}:drafted`,
      subject: `${agreement.code} version ${version.number} awaits your signature or acknowledgement`,
      body: `${ctx.actor.name} chose "${option.label}" for ${service.name} (${unit.name}). The agreement becomes active when the service owner and the customer representative have signed and every delivery lead has acknowledged their OLA.`,
      code: agreement.code,
    });
    return agreementDetailIn(repos, ctx, agreement);
  });
}
