/** Builders for tests. They go through use cases and repositories, never raw SQL. */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../src/core/actor.js';
import type { Instant, PersonId } from '../src/core/ids.js';
import type { Person, Role, Seniority } from '../src/core/people.js';
import type { Ctx } from '../src/app/context.js';
import type { Environment, UnitOfWork } from '../src/app/ports.js';
import { insertPerson } from '../src/app/people/create-person.js';
import { hashPassword } from '../src/app/auth/secrets.js';

/** A clock that moves only when told to, and ids from randomUUID. */
export function testEnvironment(start = '2026-03-01T09:00:00.000Z') {
  let now = Date.parse(start);
  const env: Environment & { advance(ms: number): void } = {
    now: () => new Date(now).toISOString() as Instant,
    newId: () => randomUUID(),
    advance: (ms: number) => {
      now += ms;
    },
  };
  return env;
}

export const actorOf = (
  person: Person,
  role: Role = person.role ?? 'admin',
  via: Actor['via'] = 'session',
): Actor => ({
  personId: person.id,
  name: person.name,
  role,
  via,
  scope: role === 'viewer' ? 'read' : 'write',
});

export const ctxFor = (actor: Actor, env: Environment): Ctx => ({
  actor,
  requestId: 'test-request',
  env,
});

let counter = 0;

/** A person with an account of `role` (or none) and, when given, a password. */
export async function makePerson(
  uow: UnitOfWork,
  env: Environment,
  options: {
    name?: string;
    email?: string;
    seniority?: Seniority;
    role?: Role | null;
    password?: string;
  } = {},
): Promise<Person> {
  counter += 1;
  const name = options.name ?? `Test Person ${counter}`;
  const email = options.email ?? `person${counter}.${randomUUID().slice(0, 8)}@example.test`;
  const passwordHash = options.password ? await hashPassword(options.password) : null;
  return uow.transaction(async (repos) => {
    const system: Actor = {
      personId: randomUUID() as PersonId,
      name: 'test setup',
      role: 'admin',
      via: 'system',
      scope: 'write',
    };
    const person = await insertPerson(repos, ctxFor(system, env), {
      name,
      email,
      seniority: options.seniority ?? 'staff',
    });
    if (options.role) await repos.accounts.upsert(person.id, options.role, passwordHash, env.now());
    return { ...person, role: options.role ?? null };
  });
}
