import type { Actor } from '../../core/actor.js';
import { normaliseEmail } from '../../core/people.js';
import { DomainError } from '../../core/errors.js';
import type { Instant } from '../../core/ids.js';
import type { Me } from '../../contract/auth.js';
import type { z } from 'zod';
import { recordChange } from '../context.js';
import type { Environment, UnitOfWork } from '../ports.js';
import { randomToken, sha256Hex, verifyPassword } from './secrets.js';

export const sessionIdleHours = 12;
export const touchAfterMs = 5 * 60 * 1000;

export const plusHours = (at: Instant, hours: number) =>
  new Date(Date.parse(at) + hours * 3600_000).toISOString() as Instant;

export interface StartedSession {
  sessionToken: string;
  me: z.infer<typeof Me>;
  expiresAt: Instant;
}

/** Checks the password and starts a session. Failures say nothing about which part was wrong. */
export async function login(
  uow: UnitOfWork,
  env: Environment,
  input: { email: string; password: string },
  requestId: string | null,
): Promise<StartedSession> {
  const email = normaliseEmail(input.email);
  const person = await uow.read.people.findByEmail(email);
  const account = person ? await uow.read.accounts.get(person.id) : null;
  const ok = await verifyPassword(account?.passwordHash ?? null, input.password);
  if (!person || !account || !ok || !person.active) {
    if (person) {
      await uow.transaction((repos) =>
        recordChange(
          repos.audit,
          {
            actor: {
              personId: person.id,
              name: person.name,
              role: 'viewer',
              via: 'session',
              scope: 'read',
            },
            requestId,
            env,
          },
          {
            action: 'auth.login_failed',
            entityType: 'person',
            entityId: person.id,
            after: { reason: !account || !ok ? 'wrong password or no account' : 'deactivated' },
          },
        ),
      );
    }
    throw new DomainError(
      'unauthenticated',
      'The email or password is not right, or the account is deactivated.',
    );
  }
  const sessionToken = randomToken();
  const csrfToken = randomToken(24);
  const now = env.now();
  const expiresAt = plusHours(now, sessionIdleHours);
  const actor: Actor = {
    personId: person.id,
    name: person.name,
    role: account.role,
    via: 'session',
    scope: 'write',
  };
  await uow.transaction(async (repos) => {
    await repos.sessions.create(sha256Hex(sessionToken), {
      personId: person.id,
      csrfToken,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
    });
    await recordChange(
      repos.audit,
      { actor, requestId, env },
      { action: 'auth.login', entityType: 'person', entityId: person.id },
    );
  });
  return {
    sessionToken,
    expiresAt,
    me: {
      personId: person.id,
      name: person.name,
      email: person.email,
      role: account.role,
      via: 'session',
      csrfToken,
    },
  };
}
