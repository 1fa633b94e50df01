import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => ['true', '1', 'yes'].includes(v));

const Config = z.object({
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/charter.db')
    .refine(
      (u) => /^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(u),
      'must be sqlite:<path> or postgres://user@host:port/db',
    ),
  DATABASE_SCHEMA: z
    .string()
    .regex(
      /^[a-z_][a-z0-9_]{0,62}$/,
      'must be a lower-case PostgreSQL schema name (letters, digits, _)',
    )
    .optional()
    .describe('PostgreSQL only: the schema to keep Charter tables in (created if missing)'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(0)
    .max(65535, 'must be a port (0–65535)')
    .default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CHARTER_PUBLIC_URL: z
    .url({ message: 'must be an absolute URL such as https://charter.example.org' })
    .optional(),
  CHARTER_TRUST_PROXY: bool.default(false),
  CHARTER_LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  CHARTER_READ_CACHE_ENTRIES: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(1000)
    .describe(
      'responses and sign-ins kept in memory, checked against the data version; 0 turns the cache off',
    ),
  CHARTER_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  CHARTER_IMPORT_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(500 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  CHARTER_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'must be smtp://user:password@host:587 or smtps://…:465')
    .optional()
    .describe('SMTP server for email notifications; without it emails stay held in the outbox'),
  CHARTER_SMTP_FROM: z
    .string()
    .regex(/@[^@\s>]+>?$/, 'must be an address such as Charter <charter@example.org>')
    .default('Charter <charter@localhost>'),
  CHARTER_SCHEDULER: z
    .enum(['on', 'off'], { message: 'must be on or off' })
    .default('on')
    .describe('run background jobs (email delivery, digests, escalations) in this instance'),
  CHARTER_EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  CHARTER_EMAIL_RETRY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  CHARTER_DIGEST_HOUR: z.coerce.number().int().min(0).max(23, 'must be an hour 0–23').default(7),
  CHARTER_DIGEST_TIME_ZONE: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Europe/Paris')
    .default('UTC'),
});

export type Config = z.output<typeof Config>;

export class ConfigError extends Error {}

/** Parses the environment once. A bad value stops start-up with the variable and the problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const result = Config.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map(
      (i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`,
    );
    throw new ConfigError(
      `Charter cannot start: the environment is not valid.\n${lines.join('\n')}`,
    );
  }
  return result.data;
}
