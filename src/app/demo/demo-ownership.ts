import { systemActor } from '../../core/actor.js';
import type { PersonId } from '../../core/ids.js';
import { addDays } from '../../core/ownership.js';
import type { Ctx } from '../context.js';
import type { Repositories } from '../ports.js';
import { applyAcceptance } from '../ownership/accept-nomination.js';
import { applyDecline } from '../ownership/decline-nomination.js';
import { insertNomination, type NominateInput } from '../ownership/nominate.js';
import { statementFor } from '../ownership/statement.js';

/**
 * [nominee, kind, scope, nominated days ago, answer]. The scope is a service slug, a practice
 * key (process owners), or `service-slug@Organisation unit` (customer representatives) and
 * `service-slug@Team` (delivery leads).
 */
type DemoRole = [
  string,
  'service_owner' | 'process_owner' | 'deputy' | 'customer_representative' | 'delivery_lead',
  string,
  number,
  { accept: number } | { decline: number; reason: string } | 'pending',
];

/**
 * The demo's ownership story: the CIO owns the marketplace; several owners accepted; process
 * owners for about half the practices (service level management included); a few nominations
 * pending (one open for two months), one declined with a reason, one role lapsed (accepted
 * about 13 months ago, never re-affirmed).
 */
export const demoRoles: DemoRole[] = [
  ['Leah Cohen', 'process_owner', 'service_level_management', 300, { accept: 298 }],
  ['Amira Okafor', 'service_owner', 'online-marketplace', 200, { accept: 198 }],
  ['Samuel Osei', 'service_owner', 'checkout-and-payments', 250, { accept: 245 }],
  ['Erik Johansson', 'service_owner', 'warehouse-management', 400, { accept: 396 }],
  ['Lucia Romano', 'service_owner', 'mobile-shopping-app', 120, { accept: 118 }],
  ['Patrick Doyle', 'service_owner', 'customer-support', 90, { accept: 89 }],
  ['Marcus Feld', 'deputy', 'online-marketplace', 150, { accept: 149 }],
  ['Patrick Doyle', 'process_owner', 'incident_management', 280, { accept: 279 }],
  ['Priya Raman', 'process_owner', 'change_enablement', 260, { accept: 255 }],
  ['Tomasz Nowak', 'process_owner', 'information_security_management', 230, { accept: 229 }],
  ['Dana Whitfield', 'process_owner', 'continual_improvement', 180, { accept: 175 }],
  [
    'Robert Achebe',
    'service_owner',
    'finance-reporting',
    75,
    {
      decline: 70,
      reason: 'Finance reporting is run by IT for us; the Financial Controller should own it.',
    },
  ],
  ['Oliver Grant', 'service_owner', 'finance-reporting', 60, 'pending'],
  ['Julian Brandt', 'service_owner', 'order-fulfilment', 20, 'pending'],
  ['Aisha Bello', 'process_owner', 'capacity_management', 10, 'pending'],
  // The business side of service levels, and the teams that underpin them.
  [
    'Emma Castillo',
    'customer_representative',
    'online-marketplace@Retail & Marketplace',
    190,
    { accept: 188 },
  ],
  [
    'Emma Castillo',
    'customer_representative',
    'mobile-shopping-app@Retail & Marketplace',
    60,
    { accept: 59 },
  ],
  [
    'Claire Dubois',
    'customer_representative',
    'customer-support@Customer Service',
    45,
    { accept: 44 },
  ],
  ['Lucia Romano', 'delivery_lead', 'online-marketplace@Storefront', 185, { accept: 184 }],
  [
    'Grace Kim',
    'delivery_lead',
    'online-marketplace@Network & Infrastructure',
    185,
    { accept: 183 },
  ],
  [
    'Nina Petrova',
    'delivery_lead',
    'online-marketplace@Platform Engineering',
    185,
    { accept: 182 },
  ],
];

async function scopeOf(repos: Repositories, kind: DemoRole[1], ref: string) {
  if (kind === 'process_owner')
    return { practiceId: (await repos.ownership.getPracticeByKey(ref))!.id };
  const [slug, unitOrTeam] = ref.split('@') as [string, string | undefined];
  const serviceId = (await repos.services.getBySlug(slug))!.id;
  if (kind === 'customer_representative')
    return { serviceId, orgUnitId: (await repos.orgUnits.findByName(unitOrTeam!))!.id };
  if (kind === 'delivery_lead')
    return { serviceId, teamId: (await repos.teams.findByName(unitOrTeam!))!.id };
  return { serviceId };
}

const demoMessages: Record<DemoRole[1], string> = {
  process_owner:
    'You already run this practice day to day; please take it on as its accountable owner.',
  service_owner: 'You know this service and its customers best; please be its accountable owner.',
  deputy: 'You know this service and its customers best; please be its accountable owner.',
  customer_representative:
    'Please speak for your business unit on what it needs from this service, and sign its service level agreement.',
  delivery_lead:
    'Your team underpins this service; please lead its delivery and acknowledge the operational levels it commits to.',
};

export async function loadDemoOwnership(
  repos: Repositories,
  admin: Ctx,
  people: Map<string, PersonId>,
): Promise<{ nominations: number; roles: number }> {
  const now = admin.env.now();
  const at = (daysAgo: number): Ctx => {
    const when = addDays(now, -daysAgo);
    return { ...admin, env: { ...admin.env, now: () => when } };
  };
  const as = (ctx: Ctx, name: string): Ctx => ({
    ...ctx,
    actor: { ...systemActor(people.get(name)!, name), role: 'member', via: 'session' },
  });
  let nominations = 0;
  let roles = 0;
  for (const [name, kind, ref, daysAgo, answer] of demoRoles) {
    const nomineeId = people.get(name);
    if (!nomineeId) continue;
    const scope = await scopeOf(repos, kind, ref);
    const input: NominateInput = {
      kind,
      scope,
      nomineeId,
      termMonths: 12,
      message: demoMessages[kind],
    };
    const nomination = await insertNomination(repos, at(daysAgo), input);
    nominations++;
    if (answer === 'pending') continue;
    if ('accept' in answer) {
      const ctx = as(at(answer.accept), name);
      const { statement } = await statementFor(repos, nomination, ctx.env.now());
      await applyAcceptance(repos, ctx, nomination.id, { statement });
      roles++;
    } else {
      await applyDecline(repos, as(at(answer.decline), name), nomination.id, {
        reason: answer.reason,
      });
    }
  }
  return { nominations, roles };
}
