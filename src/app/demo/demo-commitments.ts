import type { Actor } from '../../core/actor.js';
import type { DelivererType, RecipientType } from '../../core/commitments.js';
import { conflict } from '../../core/errors.js';
import type { Instant, PersonId } from '../../core/ids.js';
import { addDays } from '../../core/ownership.js';
import { recordChange, type Ctx } from '../context.js';
import type { Repositories } from '../ports.js';
import { insertCommitment } from '../commitments/create-commitment.js';

interface DemoCommitment {
  maker: string;
  to: [RecipientType, string];
  /** Delivered by the maker when left out. */
  behalfOf?: [DelivererType, string];
  what: string;
  service?: string;
  madeDaysAgo: number;
  dueInDays: number;
  answer?: { by: string; daysAgo: number } & ({ accept: true } | { reason: string });
}

/**
 * The demo's promises: the CIO's "on behalf of" promise the platform team never accepted
 * (unbacked), one accepted by the team's lead (backed), one the delivering team rejected with
 * a reason, and one a service owner made for herself.
 */
export const demoCommitments: DemoCommitment[] = [
  {
    maker: 'Amira Okafor',
    to: ['org_unit', 'Retail & Marketplace'],
    behalfOf: ['team', 'Platform Engineering'],
    what: 'The online marketplace stays available 99.95 % through the peak season, with zero-downtime deployments.',
    service: 'online-marketplace',
    madeDaysAgo: 40,
    dueInDays: 50,
  },
  {
    maker: 'Leah Cohen',
    to: ['org_unit', 'Finance'],
    behalfOf: ['team', 'Payments'],
    what: 'Refunds are paid out within 2 working days of approval.',
    service: 'checkout-and-payments',
    madeDaysAgo: 30,
    dueInDays: 60,
    answer: { by: 'Samuel Osei', daysAgo: 28, accept: true },
  },
  {
    maker: 'Dana Whitfield',
    to: ['org_unit', 'Customer Service'],
    behalfOf: ['team', 'Network & Infrastructure'],
    what: 'Every store gets the new Wi-Fi and a backup line before the end of the quarter.',
    madeDaysAgo: 21,
    dueInDays: 45,
    answer: {
      by: 'Grace Kim',
      daysAgo: 19,
      reason: 'No hardware budget is approved; we can equip 20 stores this quarter, not all 140.',
    },
  },
  {
    maker: 'Lucia Romano',
    to: ['org_unit', 'Retail & Marketplace'],
    what: 'Mobile app crash rate below 0.5 % of sessions, reviewed monthly with the retail team.',
    service: 'mobile-shopping-app',
    madeDaysAgo: 14,
    dueInDays: 76,
  },
];

const actorFor = (personId: PersonId, name: string): Actor => ({
  personId,
  name,
  role: 'member',
  via: 'system',
  scope: 'write',
});

export async function loadDemoCommitments(
  repos: Repositories,
  admin: Ctx,
  people: Map<string, PersonId>,
): Promise<{ commitments: number }> {
  const now = admin.env.now();
  const as = (name: string, daysAgo: number): Ctx => ({
    ...admin,
    actor: actorFor(people.get(name)!, name),
    env: { ...admin.env, now: () => addDays(now, -daysAgo) },
  });
  const partyId = async (type: RecipientType, name: string): Promise<string> => {
    const found =
      type === 'person'
        ? { id: people.get(name) }
        : type === 'team'
          ? await repos.teams.findByName(name)
          : await repos.orgUnits.findByName(name);
    if (!found?.id) throw conflict('demo', `no ${type} named ${name}`);
    return found.id;
  };
  for (const d of demoCommitments) {
    const ctx = as(d.maker, d.madeDaysAgo);
    const service = d.service ? await repos.services.getBySlug(d.service) : null;
    const c = await insertCommitment(repos, ctx, {
      toType: d.to[0],
      toId: await partyId(d.to[0], d.to[1]),
      ...(d.behalfOf
        ? { delivererType: d.behalfOf[0], delivererId: await partyId(d.behalfOf[0], d.behalfOf[1]) }
        : {}),
      what: d.what,
      dueAt: addDays(now, d.dueInDays),
      serviceId: service?.id ?? null,
    });
    if (!d.answer) continue;
    const by = as(d.answer.by, d.answer.daysAgo);
    const at: Instant = by.env.now();
    if ('accept' in d.answer) await repos.commitments.accept(c.id, by.actor.personId, at);
    else await repos.commitments.reject(c.id, by.actor.personId, at, d.answer.reason);
    await recordChange(repos.audit, by, {
      action: 'accept' in d.answer ? 'commitment.accepted' : 'commitment.rejected',
      entityType: 'commitment',
      entityId: c.id,
      before: c,
      after: await repos.commitments.get(c.id),
    });
  }
  return { commitments: demoCommitments.length };
}
