import type { Kysely } from 'kysely';
import { conflict } from '../core/errors.js';
import type { Repositories, UnitOfWork } from '../app/ports.js';
import { accountsRepository, sessionsRepository, tokensRepository } from './accounts.repository.js';
import { agreementsRepository } from './agreements.repository.js';
import { auditRepository } from './audit.repository.js';
import { commitmentsRepository } from './commitments.repository.js';
import { calendarsRepository } from './calendars.repository.js';
import { governanceRepository } from './governance.repository.js';
import type { Db } from './database.js';
import { orgUnitsRepository } from './org-units.repository.js';
import { ownershipRepository } from './ownership.repository.js';
import { peopleRepository } from './people.repository.js';
import { requirementsRepository } from './requirements.repository.js';
import { servicesRepository } from './services.repository.js';
import { notificationsRepository } from './notifications.repository.js';
import { schedulerRepository } from './scheduler.repository.js';
import { GraphChanges, ServiceGraphIndex } from './service-graph.js';
import type { Database } from './schema.js';
import { teamsRepository } from './teams.repository.js';
import { ticketsRepository } from './tickets.repository.js';
import { targetsRepository } from './targets.repository.js';

export function repositories(
  db: Kysely<Database>,
  graph?: ServiceGraphIndex,
  changes?: GraphChanges,
): Repositories {
  return {
    people: peopleRepository(db),
    accounts: accountsRepository(db),
    sessions: sessionsRepository(db),
    tokens: tokensRepository(db),
    teams: teamsRepository(db),
    orgUnits: orgUnitsRepository(db),
    audit: auditRepository(db),
    services: servicesRepository(db, graph, changes),
    tickets: ticketsRepository(db),
    ownership: ownershipRepository(db),
    governance: governanceRepository(db),
    commitments: commitmentsRepository(db),
    notifications: notificationsRepository(db),
    scheduler: schedulerRepository(db),
    calendars: calendarsRepository(db),
    targets: targetsRepository(db),
    requirements: requirementsRepository(db),
    agreements: agreementsRepository(db),
  };
}

/** The unit of work over one database: plain reads, and transactions for every write. */
export function unitOfWork(db: Db): UnitOfWork {
  const graph = new ServiceGraphIndex();
  return {
    read: repositories(db.kysely, graph),
    dataVersion: () => db.dataVersion(),
    transaction: async (work) => {
      try {
        const changes = new GraphChanges();
        const result = await db.kysely
          .transaction()
          .execute((trx) => work(repositories(trx, undefined, changes)));
        graph.apply(changes);
        return result;
      } catch (error) {
        throw translateConstraintError(error);
      }
    },
  };
}

/**
 * A unique-constraint violation that slipped past a use case's own check (two requests racing)
 * becomes a conflict instead of a server error.
 */
function translateConstraintError(error: unknown): unknown {
  const e = error as { code?: string; constraint?: string; message?: string };
  const unique =
    e.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    e.code === '23505';
  if (!unique) return error;
  const text = `${e.constraint ?? ''} ${e.message ?? ''}`;
  if (/agreement_signatures/.test(text))
    return conflict('party', 'has already signed this version of the agreement');
  if (/ola_acknowledgements/.test(text))
    return conflict('olaKey', 'is already acknowledged for this version');
  if (/pending_key/.test(text))
    return conflict('version', 'another version of this agreement is already awaiting signatures');
  if (/active_key/.test(text))
    return conflict('version', 'another version of this agreement is already active');
  const path = /email/.test(text) ? 'email' : /name/.test(text) ? 'name' : 'id';
  return conflict(path, 'is already taken by another record');
}
