/**
 * Wire schemas of agreement documents: the document of a version in a format, and the result of
 * verifying a document (the embedded content, its hash, the rendering and the stored version).
 */
import { z } from 'zod';
import { documentFormats } from '../core/agreements/document.js';

export const AgreementVersionParams = z.object({
  ref: z.string().min(1).max(100).describe('the agreement id or its code, e.g. SLA-0001'),
  n: z.coerce
    .number()
    .int('must be a whole version number')
    .min(1, 'must be a version number from 1'),
});

export const AgreementDocumentQuery = z.object({
  format: z
    .enum(documentFormats, { message: 'must be html, md or pdf' })
    .default('html')
    .describe('html (a printable page), md (Markdown) or pdf'),
});

export const DocumentCheck = z.object({
  name: z.string(),
  ok: z.boolean(),
  detail: z.string().describe('what was checked and, when it fails, what is wrong'),
});
export type DocumentCheck = z.infer<typeof DocumentCheck>;

export const DocumentVerification = z
  .object({
    ok: z.boolean().describe('true when every check passed'),
    format: z.enum(documentFormats).nullable(),
    agreementCode: z.string().nullable(),
    agreementId: z.string().nullable(),
    version: z.number().int().nullable(),
    contentHash: z.string().nullable(),
    /** The version's status in Charter now (null when it is not found). */
    status: z.string().nullable(),
    checks: z.array(DocumentCheck),
  })
  .meta({ id: 'DocumentVerification' });
export type DocumentVerification = z.infer<typeof DocumentVerification>;
