import { DomainError, invalid } from '../../core/errors.js';
import { normaliseEmail } from '../../core/people.js';
import type { PersonId } from '../../core/ids.js';
import { systemActor } from '../../core/actor.js';
import { recordChange, type Ctx } from '../context.js';
import type { Environment, UnitOfWork } from '../ports.js';
import { insertPerson } from '../people/create-person.js';
import { hashPassword } from './secrets.js';

export const minPasswordLength = 12;

/**
 * Creates an admin account from the server's own machine (the CLI): a new person, or an
 * existing person given the admin role. The password is set by the person themselves.
 */
export async function createAdmin(
  uow: UnitOfWork,
  env: Environment,
  input: { email: string; name: string; password: string },
): Promise<{ personId: PersonId; created: boolean }> {
  if (input.password.length < minPasswordLength)
    throw invalid('password', `must be at least ${minPasswordLength} characters`);
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  return uow.transaction(async (repos) => {
    const existing = await repos.people.findByEmail(email);
    const id = (existing?.id ?? env.newId()) as PersonId;
    const ctx: Ctx = {
      actor: systemActor(id, `${input.name} (via charter admin create)`),
      requestId: null,
      env,
    };
    let created = false;
    if (!existing) {
      await insertPerson(
        repos,
        { ...ctx, env: { ...env, newId: () => id } },
        { name: input.name, email, seniority: 'staff' },
      );
      created = true;
    } else if (!existing.active) {
      throw new DomainError(
        'conflict',
        `${email} belongs to a deactivated person; reactivate them first.`,
      );
    }
    await repos.accounts.upsert(id, 'admin', passwordHash, env.now());
    await recordChange(repos.audit, ctx, {
      action: 'account.admin_created',
      entityType: 'person',
      entityId: id,
      after: { email, role: 'admin' },
    });
    return { personId: id, created };
  });
}
