import type { z } from 'zod';
import { requireWrite } from '../../core/actor.js';
import type { OptionId } from '../../core/agreements/content.js';
import type { SlaOption } from '../../core/agreements/records.js';
import { conflict } from '../../core/errors.js';
import type { CreateOption, RequirementDetail } from '../../contract/requirements.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { requirementDetail } from './read-requirements.js';
import {
  customerRepresentative,
  findRequirement,
  recordRequirementChange,
  requireOwnerOrDeputy,
  tell,
  termsOf,
} from './requirement-rules.js';

export type CreateOptionInput = z.output<typeof CreateOption>;

const money = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;

/**
 * The service owner or a deputy answers the current revision of an open requirement with a
 * costed option: a full set of terms, a monthly cost and what it takes to deliver. Its label
 * is unique among the requirement's options that are not withdrawn. The customer
 * representative is told.
 */
export async function addOption(
  uow: UnitOfWork,
  ctx: Ctx,
  id: string,
  input: CreateOptionInput,
): Promise<RequirementDetail> {
  requireWrite(ctx.actor, 'propose options');
  return uow.transaction(async (repos) => {
    const now = ctx.env.now();
    const r = await findRequirement(repos, id);
    await requireOwnerOrDeputy(
      repos,
      ctx,
      r,
      (label) => `Only the service owner or a deputy can propose options for ${label}.`,
    );
    const existing = await repos.requirements.optionsOf(r.id);
    const clash = existing.find(
      (o) => o.status !== 'withdrawn' && o.label.toLowerCase() === input.label.toLowerCase(),
    );
    if (clash)
      throw conflict('label', `option "${clash.label}" already exists here; choose another label`);
    const terms = await termsOf(repos, input.terms);
    const option: SlaOption = {
      id: ctx.env.newId() as OptionId,
      requirementId: r.id,
      revision: r.revision,
      label: input.label,
      terms,
      currency: input.currency,
      monthlyCostMinor: input.monthlyCostMinor,
      delivery: input.delivery,
      status: 'proposed',
      createdById: ctx.actor.personId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await repos.requirements.insertOption(option);
    await recordRequirementChange(repos, ctx, r.id, 'option_added', { after: option });
    const rep = await customerRepresentative(repos, r, now);
    await tell(repos, ctx, rep?.personId ?? null, {
      eventKey: `requirement-option:${option.id}:created`,
      subject: `New option "${option.label}" for "${r.title}"`,
      body: `${ctx.actor.name} proposes option "${option.label}" at ${money(option.monthlyCostMinor, option.currency)} per month: ${option.delivery}`,
      requirementId: r.id,
    });
    return requirementDetail(repos, ctx, r);
  });
}
