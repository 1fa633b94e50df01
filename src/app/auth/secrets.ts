import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';

/** argon2id with the library's defaults (memory-hard; ~20 ms here). */
export const hashPassword = (password: string): Promise<string> => hash(password);

// A real hash to verify against when the account does not exist, so response time does not
// reveal which emails have accounts.
let decoy: Promise<string> | undefined;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    decoy ??= hash('decoy-password-for-timing');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');
export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** API tokens carry a recognisable prefix so they can be found by secret scanners. */
export const apiTokenPrefix = 'chr_';
