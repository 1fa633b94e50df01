import type { Actor } from '../../core/actor.js';
import type { PersonId } from '../../core/ids.js';
import type { Environment, UnitOfWork } from '../ports.js';
import { sha256Hex } from './secrets.js';
import { sessionIdleHours, touchAfterMs, plusHours } from './login.js';

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
