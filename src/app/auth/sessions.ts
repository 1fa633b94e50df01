import type { Actor } from '../../core/actor.js';
import { DomainError } from '../../core/errors.js';
import type { Instant, PersonId } from '../../core/ids.js';
import type { Me } from '../../contract/auth.js';
import type { z } from 'zod';
import { recordChange, type Ctx } from '../context.js';
import type { Environment, UnitOfWork } from '../ports.js';
import { randomToken, sha256Hex, verifyPassword } from './secrets.js';

export const sessionIdleHours = 12;
const touchAfterMs = 5 * 60 * 1000;

const plusHours = (at: Instant, hours: number) =>
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
  const email = input.email.trim().toLowerCase();
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

export interface Authenticated {
  actor: Actor;
  csrfToken: string | null;
  email: string;
}

async function actorFor(
  uow: UnitOfWork,
  personId: PersonId,
  via: 'session' | 'token',
  scope: 'read' | 'write',
) {
  const person = await uow.read.people.get(personId);
  if (!person || !person.active || !person.role) return null;
  const actor: Actor = {
    personId,
    name: person.name,
    role: person.role,
    via,
    scope: person.role === 'viewer' ? 'read' : scope,
  };
  return { actor, email: person.email };
}

/** Resolves a session cookie to the person behind it, sliding its expiry. */
export async function authenticateSession(
  uow: UnitOfWork,
  env: Environment,
  sessionToken: string,
): Promise<Authenticated | null> {
  const idHash = sha256Hex(sessionToken);
  const session = await uow.read.sessions.get(idHash);
  const now = env.now();
  if (!session || session.expiresAt <= now) return null;
  const found = await actorFor(uow, session.personId, 'session', 'write');
  if (!found) return null;
  if (Date.parse(now) - Date.parse(session.lastSeenAt) > touchAfterMs) {
    await uow.read.sessions.touch(idHash, now, plusHours(now, sessionIdleHours));
  }
  return { ...found, csrfToken: session.csrfToken };
}

export async function logout(uow: UnitOfWork, ctx: Ctx, sessionToken: string): Promise<void> {
  await uow.transaction(async (repos) => {
    await repos.sessions.delete(sha256Hex(sessionToken));
    await recordChange(repos.audit, ctx, {
      action: 'auth.logout',
      entityType: 'person',
      entityId: ctx.actor.personId,
    });
  });
}

/** Resolves `Authorization: Bearer chr_...` to its owner with the token's scope. */
export async function authenticateToken(
  uow: UnitOfWork,
  env: Environment,
  token: string,
): Promise<Authenticated | null> {
  const record = await uow.read.tokens.findByHash(sha256Hex(token));
  const now = env.now();
  if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= now)) return null;
  const found = await actorFor(uow, record.personId, 'token', record.scope);
  if (!found) return null;
  if (!record.lastUsedAt || Date.parse(now) - Date.parse(record.lastUsedAt) > 60_000) {
    await uow.read.tokens.markUsed(record.id, now);
  }
  return { ...found, csrfToken: null };
}
