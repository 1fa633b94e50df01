import { z } from 'zod';
import { errorCodes } from '../core/errors.js';
import { normaliseEmail } from '../core/people.js';

/** The one error body every failing request returns. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum([...errorCodes, 'internal', 'payload_too_large', 'unsupported_media_type']),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Id = z.uuid({ message: 'must be an id (UUID)' });
export const IdParams = z.object({ id: Id });
export const Instant = z.string().describe('ISO-8601 UTC instant');

const trimmed = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
export const Name = trimmed(200);
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));
export const Email = z
  .email({ message: 'must be a valid email address' })
  .max(254, 'must be at most 254 characters')
  .transform(normaliseEmail);

/**
 * List conventions, shared by every collection:
 * - `limit` (1–200, default 50) and an opaque `cursor` from the previous page's `nextCursor`;
 * - `sort` is a field name, `-field` for descending;
 * - `q` searches the main text fields; other filters are named query parameters;
 * - `format=csv` returns the same filtered, sorted rows as CSV (all pages).
 */
export const listQuery = <S extends readonly [string, ...string[]]>(sortFields: S) =>
  z.object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
    sort: z
      .enum([...sortFields, ...sortFields.map((f) => `-${f}`)] as [string, ...string[]])
      .optional()
      .describe(`one of ${sortFields.join(', ')}; prefix with - for descending`),
    q: z.string().trim().max(200).optional(),
    format: z.enum(['json', 'csv']).default('json'),
  });

export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .describe('pass as cursor to get the next page; null on the last page'),
  });

export const Boolish = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();
