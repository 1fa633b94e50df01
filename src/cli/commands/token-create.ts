import { issueToken } from '../../app/auth/create-token.js';
import { normaliseEmail } from '../../core/people.js';
import { systemActor } from '../../core/actor.js';
import { systemEnvironment } from '../../server/environment.js';
import { CliError, withDatabase } from '../context.js';

/**
 * `charter token create --email E --name N [--scope write]`: on the server's machine, issues an
 * API token that belongs to the person with that email (for their own scripts and the CLI).
 */
export async function tokenCreate(options: {
  email: string;
  name: string;
  scope: string;
  expiresDays?: string;
}): Promise<void> {
  if (options.scope !== 'read' && options.scope !== 'write')
    throw new CliError('--scope must be read or write.');
  const expiresInDays = options.expiresDays ? Number(options.expiresDays) : null;
  if (expiresInDays !== null && (!Number.isInteger(expiresInDays) || expiresInDays < 1))
    throw new CliError('--expires-days must be a whole number of days, 1 or more.');
  await withDatabase(async (uow) => {
    const person = await uow.read.people.findByEmail(normaliseEmail(options.email));
    if (!person?.role || !person.active)
      throw new CliError(
        `${options.email} has no active account. Create one with \`charter admin create\` or give the person a role.`,
      );
    if (person.role === 'viewer' && options.scope === 'write')
      throw new CliError('Viewers can only have read tokens.');
    const env = systemEnvironment;
    const { token, info } = await uow.transaction((repos) =>
      issueToken(
        repos,
        {
          actor: systemActor(person.id, `${person.name} (via charter token create)`),
          requestId: null,
          env,
        },
        person.id,
        {
          name: options.name,
          scope: options.scope as 'read' | 'write',
          expiresInDays,
        },
      ),
    );
    console.error(
      `Token "${info.name}" (${info.scope}) for ${person.email}. It is shown only once; store it now:`,
    );
    console.log(token);
  });
}
