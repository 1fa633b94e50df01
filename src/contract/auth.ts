import { z } from 'zod';
import { Id, Instant, listQuery, page } from './common.js';
import { Role } from './people.js';

export const Login = z
  .object({
    email: z.string().trim().min(1, 'must not be empty').max(254),
    password: z.string().min(1, 'must not be empty').max(1024),
  })
  .strict();

export const Me = z
  .object({
    personId: Id,
    name: z.string(),
    email: z.string(),
    role: Role,
    via: z.enum(['session', 'token']),
    csrfToken: z
      .string()
      .nullable()
      .describe('send as X-CSRF-Token on writes made with the session cookie'),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const ChangePassword = z
  .object({
    currentPassword: z.string().min(1, 'must not be empty').max(1024),
    newPassword: z
      .string()
      .min(12, 'must be at least 12 characters')
      .max(1024, 'must be at most 1024 characters'),
  })
  .strict();

export const TokenScope = z.enum(['read', 'write']);
export const ApiToken = z
  .object({
    id: Id,
    name: z.string(),
    scope: TokenScope,
    prefix: z.string().describe('first characters of the token, to recognise it'),
    createdAt: Instant,
    lastUsedAt: Instant.nullable(),
    expiresAt: Instant.nullable(),
    revokedAt: Instant.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiToken>;

export const CreateToken = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(100),
    scope: TokenScope.default('read'),
    expiresInDays: z.number().int().min(1).max(3650).nullable().default(null),
  })
  .strict();
export const CreatedToken = z
  .object({ token: z.string().describe('shown once; store it now'), info: ApiToken })
  .meta({ id: 'CreatedToken' });
export const TokensQuery = listQuery(['createdAt', 'name'] as const);
export const TokensPage = page(ApiToken);
