import { createAdmin } from '../../app/auth/create-admin.js';
import { DomainError } from '../../core/errors.js';
import { systemEnvironment } from '../../server/environment.js';
import { CliError, readStdin, withDatabase } from '../context.js';

/** `charter admin create --email E --name N`, the password on standard input (first line). */
export async function adminCreate(options: { email: string; name: string }): Promise<void> {
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter and Ctrl-D): ');
  const password = (await readStdin()).split(/\r?\n/)[0] ?? '';
  await withDatabase(async (uow) => {
    try {
      const result = await createAdmin(uow, systemEnvironment, { ...options, password });
      console.log(
        `${result.created ? 'Created' : 'Made'} ${options.email} an admin. Sign in with that email and password.`,
      );
    } catch (error) {
      if (error instanceof DomainError) throw new CliError(error.message);
      throw error;
    }
  });
}
