/** A small SLA world for tests: people, a team, a service, calendars and a way to add targets. */
import { CreateCalendar } from '../src/contract/calendars.js';
import { builtInCalendarId } from '../src/contract/calendars.js';
import { CreateService } from '../src/contract/services.js';
import { CreateTarget } from '../src/contract/targets.js';
import { CreateTeam } from '../src/contract/teams.js';
import { CreateTicket } from '../src/contract/tickets.js';
import type { Ctx } from '../src/app/context.js';
import type { Environment, UnitOfWork } from '../src/app/ports.js';
import { createCalendar } from '../src/app/calendars/create-calendar.js';
import { insertPerson } from '../src/app/people/create-person.js';
import { createService } from '../src/app/services/create-service.js';
import { createTarget } from '../src/app/targets/create-target.js';
import { createTeam } from '../src/app/teams/create-team.js';
import { createTicket, insertTicket } from '../src/app/tickets/create-ticket.js';
import type { Instant } from '../src/core/ids.js';
import type { Priority, TicketStatus } from '../src/core/tickets.js';
import { actorOf, ctxFor, makePerson } from './factories.js';

export async function slaWorld(uow: UnitOfWork, env: Environment) {
  const admin: Ctx = ctxFor(actorOf(await makePerson(uow, env, { role: 'admin' })), env);
  const people = await uow.transaction(async (repos) => {
    const manager = await insertPerson(repos, admin, {
      name: 'Mia Manager',
      email: `mia.${env.newId().slice(0, 8)}@example.test`,
      seniority: 'manager',
    });
    const assignee = await insertPerson(repos, admin, {
      name: 'Ada Assignee',
      email: `ada.${env.newId().slice(0, 8)}@example.test`,
      seniority: 'staff',
      managerId: manager.id,
    });
    const lead = await insertPerson(repos, admin, {
      name: 'Leo Lead',
      email: `leo.${env.newId().slice(0, 8)}@example.test`,
      seniority: 'staff',
    });
    return { manager, assignee, lead };
  });
  const team = await createTeam(
    uow,
    admin,
    CreateTeam.parse({ name: 'Desk', leadId: people.lead.id, memberIds: [people.assignee.id] }),
  );
  const service = await createService(
    uow,
    admin,
    CreateService.parse({ name: 'Shop', kind: 'business_service' }),
  );
  const day = [
    ['09:00', '12:00'],
    ['13:00', '17:00'],
  ];
  const office = await createCalendar(
    uow,
    admin,
    CreateCalendar.parse({
      name: 'Office',
      timeZone: 'Europe/Amsterdam',
      week: { mon: day, tue: day, wed: day, thu: day, fri: day },
    }),
  );
  return {
    admin,
    ...people,
    team,
    service,
    office,
    allDay: builtInCalendarId,
    target: (input: CreateTarget) => createTarget(uow, admin, CreateTarget.parse(input)),
    /** A ticket with history at explicit past times: [at, status] after creation (status new). */
    pastTicket: (
      createdAt: string,
      changes: [string, TicketStatus][],
      options: { priority?: Priority; serviceId?: string | null } = {},
    ) =>
      uow.transaction((repos) =>
        insertTicket(repos, admin, {
          type: 'incident',
          serviceId: (options.serviceId === undefined ? service.id : options.serviceId) as
            typeof service.id | null,
          priority: options.priority ?? 'P2',
          impact: 'none',
          title: `Ticket of ${createdAt}`,
          description: null,
          requesterId: null,
          teamId: null,
          assigneeId: null,
          createdAt: createdAt as Instant,
          changes: changes.map(([at, status]) => ({
            at: at as Instant,
            status,
            teamId: team.id,
            assigneeId: people.assignee.id,
            priority: options.priority ?? 'P2',
            impact: 'none',
            actorId: null,
            note: null,
          })),
          creatorId: null,
        }),
      ),
    ticket: (input: Partial<CreateTicket> = {}) =>
      createTicket(
        uow,
        admin,
        CreateTicket.parse({
          title: 'Checkout fails',
          serviceId: service.id,
          priority: 'P2',
          teamId: team.id,
          assigneeId: people.assignee.id,
          ...input,
        }),
      ),
  };
}
