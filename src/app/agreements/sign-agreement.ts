import { requireWrite } from '../../core/actor.js';
import type { AcknowledgementId, SignatureId } from '../../core/agreements/records.js';
import { contentHash } from '../../core/agreements/content.js';
import { partyLabels } from '../../core/agreements/signing.js';
import { conflict, invalid } from '../../core/errors.js';
import type { AcknowledgeOla, AgreementDetail, SignVersion } from '../../contract/agreements.js';
import { verifyPassword } from '../auth/secrets.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import {
  Refused,
  activateIfComplete,
  deliveryLeadRole,
  findAgreement,
  findVersion,
  recordAgreementChange,
  refusable,
  requirePending,
  requireSameHash,
  signingRole,
} from './agreement-rules.js';
import { agreementDetailIn } from './read-agreements.js';

/**
 * The service owner or the customer representative signs a pending version personally: the
 * signer must hold the role now and be the one acting, re-enter their password, and have read
 * exactly the stored content (its hash). The signature records that hash. When both
 * signatures and every OLA acknowledgement are present the version becomes active.
 */
export async function signAgreementVersion(
  uow: UnitOfWork,
  ctx: Ctx,
  ref: string,
  n: number,
  input: SignVersion,
): Promise<AgreementDetail> {
  requireWrite(ctx.actor, 'sign agreements');
  return refusable(uow, ctx, async (repos) => {
    const now = ctx.env.now();
    const agreement = await findAgreement(repos, ref);
    const v = await findVersion(repos, agreement, n);
    const role = await signingRole(repos, agreement, input.party, now);
    const label = partyLabels[input.party];
    if (!role || role.personId !== ctx.actor.personId)
      throw new Refused(
        'agreement.sign_refused',
        'agreement',
        agreement.id,
        { number: n, party: input.party, reason: `not the active ${label}` },
        role
          ? `Only the ${label} of this agreement can sign as ${label}; nobody signs for someone else.`
          : `Nobody holds the role of ${label} for this agreement now; an accepted ${label} must sign.`,
      );
    requirePending(v, 'sign it');
    const account = await repos.accounts.get(ctx.actor.personId);
    if (!(await verifyPassword(account?.passwordHash ?? null, input.password))) {
      throw new Refused(
        'agreement.sign_refused',
        'agreement',
        agreement.id,
        { number: n, party: input.party, reason: 'wrong password' },
        account?.passwordHash
          ? 'The password is wrong; signing needs your own password again. Nothing was signed.'
          : 'Your account has no password; set one on your account page before signing.',
      );
    }
    requireSameHash(v, input.contentHash);
    if (contentHash(v.content) !== v.contentHash)
      throw conflict(
        'contentHash',
        'the stored content no longer matches its hash; nothing can be signed — tell an administrator',
      );
    const existing = (await repos.agreements.signaturesOf([v.id])).find(
      (s) => s.party === input.party,
    );
    if (existing)
      throw conflict(
        'party',
        `the ${label} already signed version ${n} on ${existing.signedAt.slice(0, 10)}; a party signs once`,
      );
    const signature = {
      id: ctx.env.newId() as SignatureId,
      versionId: v.id,
      party: input.party,
      personId: ctx.actor.personId,
      roleId: role.id,
      contentHash: v.contentHash,
      signedAt: now,
    };
    await repos.agreements.insertSignature(signature);
    await recordAgreementChange(repos, ctx, agreement.id, 'signed', {
      after: { number: n, party: input.party, roleId: role.id, contentHash: v.contentHash },
    });
    await activateIfComplete(repos, ctx, agreement, v);
    return agreementDetailIn(repos, ctx, agreement);
  });
}

/**
 * The delivery lead of an OLA's team for the service acknowledges that OLA of a pending
 * version, having read its content (hash). Another team's lead is refused (403, audited).
 */
export async function acknowledgeOla(
  uow: UnitOfWork,
  ctx: Ctx,
  ref: string,
  n: number,
  input: AcknowledgeOla,
): Promise<AgreementDetail> {
  requireWrite(ctx.actor, 'acknowledge OLAs');
  return refusable(uow, ctx, async (repos) => {
    const now = ctx.env.now();
    const agreement = await findAgreement(repos, ref);
    const v = await findVersion(repos, agreement, n);
    const ola = v.content.olas.find((o) => o.key === input.olaKey);
    if (!ola)
      throw invalid(
        'olaKey',
        `version ${n} has no OLA ${input.olaKey}; it has ${v.content.olas.map((o) => o.key).join(', ') || 'none'}`,
      );
    const role = await deliveryLeadRole(repos, agreement.serviceId, ola.teamId, now);
    if (!role || role.personId !== ctx.actor.personId)
      throw new Refused(
        'agreement.acknowledge_refused',
        'agreement',
        agreement.id,
        {
          number: n,
          olaKey: ola.key,
          teamId: ola.teamId,
          reason: 'not the delivery lead of the team',
        },
        `Only the delivery lead of ${ola.teamName} for ${v.content.service.name} (an accepted role) can acknowledge ${ola.key}; nobody acknowledges for another team.`,
      );
    requirePending(v, 'acknowledge its OLAs');
    requireSameHash(v, input.contentHash);
    const existing = (await repos.agreements.acknowledgementsOf([v.id])).find(
      (a) => a.olaKey === ola.key,
    );
    if (existing)
      throw conflict(
        'olaKey',
        `${ola.key} of version ${n} was already acknowledged on ${existing.acknowledgedAt.slice(0, 10)}`,
      );
    await repos.agreements.insertAcknowledgement({
      id: ctx.env.newId() as AcknowledgementId,
      versionId: v.id,
      olaKey: ola.key,
      teamId: ola.teamId,
      personId: ctx.actor.personId,
      roleId: role.id,
      contentHash: v.contentHash,
      acknowledgedAt: now,
    });
    await recordAgreementChange(repos, ctx, agreement.id, 'ola_acknowledged', {
      after: {
        number: n,
        olaKey: ola.key,
        teamId: ola.teamId,
        roleId: role.id,
        contentHash: v.contentHash,
      },
    });
    await activateIfComplete(repos, ctx, agreement, v);
    return agreementDetailIn(repos, ctx, agreement);
  });
}
