import { DomainError } from './errors.js';
import type { PersonId } from './ids.js';
import type { Role } from './people.js';

/** Who is acting, and through what: a browser session or an API token with a scope. */
export interface Actor {
  personId: PersonId;
  name: string;
  role: Role;
  via: 'session' | 'token' | 'system';
  scope: 'read' | 'write';
}

/** The system itself (migrations, demo loading, CLI administration on the server's machine). */
export const systemActor = (personId: PersonId, name: string): Actor => ({
  personId,
  name,
  role: 'admin',
  via: 'system',
  scope: 'write',
});

const rank: Record<Role, number> = { viewer: 0, member: 1, admin: 2 };

export function requireRole(actor: Actor, role: Role, doing: string): void {
  if (rank[actor.role] < rank[role]) {
    throw new DomainError(
      'forbidden',
      `Only ${role === 'admin' ? 'an admin' : `a ${role}`} can ${doing}.`,
    );
  }
}

/** Admin-only changes: a write-capable caller with the admin role. */
export function requireAdmin(actor: Actor, doing: string): void {
  requireWrite(actor, doing);
  requireRole(actor, 'admin', doing);
}

export function requireWrite(actor: Actor, doing: string): void {
  if (actor.scope !== 'write') {
    throw new DomainError('forbidden', `This token is read-only; use a write token to ${doing}.`);
  }
  if (actor.role === 'viewer') {
    throw new DomainError('forbidden', `Viewers cannot ${doing}.`);
  }
}
