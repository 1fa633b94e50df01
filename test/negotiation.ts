/**
 * A negotiation world for tests: a service with an accepted owner, a deputy and a service level
 * manager, a customer organisation unit with an accepted customer representative, an outsider,
 * an office calendar and terms to ask for.
 */
import { CreateCalendar } from '../src/contract/calendars.js';
import { CreateNomination } from '../src/contract/ownership.js';
import type { CreateRequirement } from '../src/contract/requirements.js';
import { CreateRequirement as CreateRequirementSchema } from '../src/contract/requirements.js';
import { CreateService } from '../src/contract/services.js';
import { CreateOrgUnit } from '../src/contract/teams.js';
import type { Ctx } from '../src/app/context.js';
import type { Environment, UnitOfWork } from '../src/app/ports.js';
import { createCalendar } from '../src/app/calendars/create-calendar.js';
import { createOrgUnit } from '../src/app/org-units/create-org-unit.js';
import { acceptNomination } from '../src/app/ownership/accept-nomination.js';
import { nominate } from '../src/app/ownership/nominate.js';
import { getNomination } from '../src/app/ownership/read-ownership.js';
import { createRequirement } from '../src/app/requirements/create-requirement.js';
import { createService } from '../src/app/services/create-service.js';
import type { Person } from '../src/core/people.js';
import { actorOf, ctxFor, makePerson } from './factories.js';

export const hours = (h: number) => ({ businessSeconds: h * 3600 });

export async function negotiationWorld(
  uow: UnitOfWork,
  env: Environment,
  options: { password?: string } = {},
) {
  const person = (name: string, email?: string) =>
    makePerson(uow, env, {
      role: 'member',
      name,
      ...(email ? { email } : {}),
      ...(options.password ? { password: options.password } : {}),
    });
  const adminPerson = await makePerson(uow, env, {
    role: 'admin',
    name: 'Ada Admin',
    ...(options.password ? { password: options.password } : {}),
  });
  const admin: Ctx = ctxFor(actorOf(adminPerson), env);
  const tag = env.newId().slice(0, 6);
  const rep = await person('Carla Customer', `carla.${tag}@example.test`);
  const owner = await person('Omar Owner', `omar.${tag}@example.test`);
  const deputy = await person('Dina Deputy', `dina.${tag}@example.test`);
  const slm = await person('Sam Levels', `sam.${tag}@example.test`);
  const outsider = await person('Otto Outsider', `otto.${tag}@example.test`);
  const service = await createService(
    uow,
    admin,
    CreateService.parse({ name: 'Online marketplace', kind: 'business_service', tier: 1 }),
  );
  const unit = await createOrgUnit(uow, admin, CreateOrgUnit.parse({ name: 'Sales' }));
  const day = [['08:00', '18:00']];
  const office = await createCalendar(
    uow,
    admin,
    CreateCalendar.parse({
      name: 'Office hours',
      timeZone: 'Europe/Amsterdam',
      week: { mon: day, tue: day, wed: day, thu: day, fri: day },
    }),
  );
  const as = (p: Person): Ctx => ctxFor(actorOf(p, 'member'), env);
  const grant = async (p: Person, kind: string, scope: object) => {
    const n = await nominate(
      uow,
      admin,
      CreateNomination.parse({ kind, scope, nomineeId: p.id, message: 'Please take this on.' }),
    );
    const { statement } = await getNomination(uow, as(p), n.id);
    await acceptNomination(uow, as(p), n.id, { statement: statement! });
  };
  await grant(rep, 'customer_representative', { serviceId: service.id, orgUnitId: unit.id });
  await grant(owner, 'service_owner', { serviceId: service.id });
  await grant(deputy, 'deputy', { serviceId: service.id });
  await grant(slm, 'process_owner', { practiceId: 'service_level_management' });

  const terms = (availabilityPercent: number | null = 99.5, p1Hours = 8) => ({
    availabilityPercent,
    calendarId: office.id,
    tickets: [
      {
        priority: 'P1' as const,
        metric: 'resolution' as const,
        duration: hours(p1Hours),
        goalPercent: 95,
      },
      { priority: 'P2' as const, metric: 'response' as const, duration: hours(2), goalPercent: 90 },
    ],
  });
  const requirementInput = (over: Partial<CreateRequirement> = {}) =>
    CreateRequirementSchema.parse({
      serviceId: service.id,
      orgUnitId: unit.id,
      title: 'Marketplace open for Sales all office hours',
      terms: terms(),
      businessValue: {
        currency: 'EUR',
        lossPerOutageHourMinor: 1_250_000,
        description: 'Sales cannot take orders',
      },
      justification: 'Orders stop when the marketplace is down.',
      ...over,
    });
  return {
    admin,
    adminPerson,
    rep,
    owner,
    deputy,
    slm,
    outsider,
    service,
    unit,
    office,
    as,
    grant,
    terms,
    requirementInput,
    /** A requirement stated by the customer representative. */
    requirement: (over: Partial<CreateRequirement> = {}) =>
      createRequirement(uow, as(rep), requirementInput(over)),
  };
}
