/**
 * A small service level management world for tests: a service with an accepted owner, a
 * customer organisation unit with its accepted representative, two supporting teams with
 * accepted delivery leads, an OLA target for one team, and a requirement with two options.
 */
import type { OptionId, RequirementId } from '../src/core/agreements/content.js';
import type { Requirement, SlaOption } from '../src/core/agreements/records.js';
import type { ServiceLevelTerms } from '../src/core/agreements/terms.js';
import type { Person } from '../src/core/people.js';
import { CreateNomination } from '../src/contract/ownership.js';
import { CreateOrgUnit, CreateTeam } from '../src/contract/teams.js';
import type { Ctx } from '../src/app/context.js';
import type { Environment, UnitOfWork } from '../src/app/ports.js';
import { acceptNomination } from '../src/app/ownership/accept-nomination.js';
import { nominate } from '../src/app/ownership/nominate.js';
import { getNomination } from '../src/app/ownership/read-ownership.js';
import { createOrgUnit } from '../src/app/org-units/create-org-unit.js';
import { createTeam } from '../src/app/teams/create-team.js';
import { actorOf, ctxFor, makePerson } from './factories.js';
import { slaWorld } from './sla.js';

export const agreementPassword = 'correct horse battery';

export async function agreementWorld(uow: UnitOfWork, env: Environment) {
  const w = await slaWorld(uow, env);
  const person = (name: string, email?: string) =>
    makePerson(uow, env, {
      name,
      role: 'member',
      password: agreementPassword,
      ...(email ? { email } : {}),
    });
  const owner = await person('Olga Owner');
  const customer = await person('Carl Customer');
  const lead = await person('Dora Delivery');
  const otherLead = await person('Eve Elsewhere');
  const stranger = await person('Sam Stranger');
  const as = (p: Person): Ctx => ctxFor(actorOf(p, 'member'), env);
  const unit = await createOrgUnit(uow, w.admin, CreateOrgUnit.parse({ name: 'Sales' }));
  const network = await createTeam(uow, w.admin, CreateTeam.parse({ name: 'Network' }));
  const database = await createTeam(uow, w.admin, CreateTeam.parse({ name: 'Database' }));

  const give = async (p: Person, kind: string, scope: object) => {
    const n = await nominate(
      uow,
      w.admin,
      CreateNomination.parse({ kind, scope, nomineeId: p.id, message: 'Please take this on.' }),
    );
    const { statement } = await getNomination(uow, as(p), n.id);
    return acceptNomination(uow, as(p), n.id, { statement: statement! });
  };
  await give(owner, 'service_owner', { serviceId: w.service.id });
  await give(customer, 'customer_representative', {
    serviceId: w.service.id,
    orgUnitId: unit.id,
  });
  await give(lead, 'delivery_lead', { serviceId: w.service.id, teamId: network.id });
  await give(otherLead, 'delivery_lead', { serviceId: w.service.id, teamId: database.id });
  await w.target({
    serviceId: w.service.id,
    priority: 'P1',
    metric: 'resolution',
    origin: 'assigned_to_team',
    teamId: network.id,
    duration: { businessSeconds: 7200 },
    calendarId: w.office.id,
  });

  const terms = (hours: number, availability = 99.5): ServiceLevelTerms => ({
    availabilityPercent: availability,
    calendarId: w.office.id,
    tickets: [
      {
        priority: 'P1',
        metric: 'resolution',
        duration: { businessSeconds: hours * 3600 },
        goalPercent: 95,
      },
      { priority: 'P2', metric: 'response', duration: { businessSeconds: 3600 }, goalPercent: 90 },
    ],
  });

  /** An open requirement at revision 1 with two proposed options (8 h and 4 h). */
  const requirement = async (title = 'Shop for Sales') => {
    const now = env.now();
    const r: Requirement = {
      id: env.newId() as RequirementId,
      serviceId: w.service.id,
      orgUnitId: unit.id,
      title,
      status: 'open',
      revision: 1,
      createdById: customer.id,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const option = (label: string, hours: number, cost: number): SlaOption => ({
      id: env.newId() as OptionId,
      requirementId: r.id,
      revision: 1,
      label,
      terms: terms(hours),
      currency: 'EUR',
      monthlyCostMinor: cost,
      delivery: 'Office-hours rota',
      status: 'proposed',
      createdById: owner.id,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    const basic = option('Basic', 8, 100_000);
    const plus = option('Plus', 4, 180_000);
    await uow.transaction(async (repos) => {
      await repos.requirements.insert(r, {
        requirementId: r.id,
        revision: 1,
        terms: terms(4, 99.9),
        businessValue: {
          currency: 'EUR',
          lossPerOutageHourMinor: 500_000,
          description: 'Orders lost',
        },
        justification: 'Sales depend on the shop.',
        authorId: customer.id,
        note: '',
        createdAt: now,
      });
      await repos.requirements.insertOption(basic);
      await repos.requirements.insertOption(plus);
    });
    return { requirement: r, basic, plus };
  };

  return {
    ...w,
    owner,
    customer,
    lead,
    otherLead,
    stranger,
    unit,
    network,
    database,
    as,
    terms,
    requirement,
  };
}
