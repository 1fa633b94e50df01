import type { FastifyReply } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  AgreementDocumentQuery,
  AgreementVersionParams,
  DocumentVerification,
} from '../../contract/agreement-documents.js';
import { ErrorBody } from '../../contract/common.js';
import { agreementDocument } from '../../app/agreements/agreement-document.js';
import { verifyDocument } from '../../app/agreements/verify-document.js';
import { DomainError } from '../../core/errors.js';
import { ctxOf } from '../auth.js';
import { errors } from '../resource-routes.js';
import type { RouteDeps } from './deps.js';

const tags = ['agreements'];

/** The content types a document can be uploaded as, for verification. */
const uploadTypes = ['application/pdf', 'text/markdown', 'text/html', 'application/octet-stream'];

/** Agreement documents (HTML, Markdown, PDF) of a version, and verification of a document. */
export const agreementDocumentsRoutes =
  (deps: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    const { uow, env } = deps;
    // The file as it is, byte for byte (this plugin's routes only); text/plain is read as text.
    app.addContentTypeParser(uploadTypes, { parseAs: 'buffer' }, (_request, body, next) =>
      next(null, body),
    );

    app.get(
      '/agreements/:ref/versions/:n/document',
      {
        schema: {
          tags,
          summary: 'The document of an agreement version: a printable HTML page, Markdown or PDF',
          description:
            'ref is the agreement id or its code (SLA-0001). The document shows the parties, service hours, targets, OLAs with who acknowledged them, money, review period, dates, notes and the signatures with names, times and the content hash, and embeds the signed content so that it can be verified (POST /agreements/verify, `charter sla verify FILE`). The same version always gives the same bytes. See docs/sla-documents.md.',
          params: AgreementVersionParams,
          querystring: AgreementDocumentQuery,
          response: { ...errors },
        },
      },
      async (request, reply) => {
        const { format } = request.query;
        const file = await agreementDocument(
          uow,
          ctxOf(request, env),
          request.params.ref,
          request.params.n,
          format,
        );
        return (reply as FastifyReply)
          .header('Content-Type', file.contentType)
          .header(
            'Content-Disposition',
            `${format === 'html' ? 'inline' : 'attachment'}; filename="${file.filename}"`,
          )
          .header('Cache-Control', 'private, no-cache')
          .send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
      },
    );

    app.post(
      '/agreements/verify',
      {
        bodyLimit: deps.config.CHARTER_IMPORT_LIMIT_BYTES,
        schema: {
          tags,
          summary:
            'Verify an agreement document (PDF, HTML or Markdown) against its signed content',
          description:
            'Send the file as the request body (Content-Type application/pdf, text/html, text/markdown, text/plain or application/octet-stream). Checks that the embedded content hashes to the signed content hash, that re-rendering it gives the file exactly (any edit of the text shows), and that Charter holds that version with that hash and the signatures and acknowledgements the document shows. 200 with ok false when the document does not verify. See docs/sla-documents.md.',
          response: {
            200: DocumentVerification,
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            413: ErrorBody,
            415: ErrorBody,
          },
        },
      },
      async (request) => {
        ctxOf(request, env);
        const body: unknown = request.body;
        const bytes =
          typeof body === 'string'
            ? new TextEncoder().encode(body)
            : Buffer.isBuffer(body)
              ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
              : null;
        if (!bytes)
          throw new DomainError(
            'invalid',
            'Send the document itself as the request body, with Content-Type application/pdf, text/html, text/markdown or application/octet-stream.',
            [{ path: 'body', message: 'must be the document file' }],
          );
        return verifyDocument(uow, bytes);
      },
    );
    done();
  };
