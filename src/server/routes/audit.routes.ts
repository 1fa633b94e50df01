import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AuditEntry } from '../../core/audit-chain.js';
import { ErrorBody } from '../../contract/common.js';
import { AuditPage, AuditQuery, AuditVerification } from '../../contract/audit.js';
import { listAudit } from '../../app/audit/list-audit.js';
import { verifyAuditAs } from '../../app/audit/verify-audit.js';
import { ctxOf } from '../auth.js';
import { sendCsv } from '../csv.js';
import type { RouteDeps } from './deps.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
const columns: (keyof AuditEntry)[] = [
  'seq',
  'at',
  'actorId',
  'actorName',
  'action',
  'entityType',
  'entityId',
  'before',
  'after',
  'requestId',
  'prevHash',
  'hash',
];

export const auditRoutes =
  ({ uow, env }: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'Browse the audit log (newest first by default)',
          querystring: AuditQuery,
          response: { 200: AuditPage, ...errors },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, env);
        const { format, ...query } = request.query;
        if (format === 'csv')
          return sendCsv(reply, 'audit.csv', columns, (cursor) =>
            listAudit(uow, ctx, { ...query, limit: 200, cursor }),
          );
        return listAudit(uow, ctx, query);
      },
    );
    app.get(
      '/audit/verify',
      {
        schema: {
          tags: ['audit'],
          summary: 'Verify the hash chain of the whole audit log',
          response: { 200: AuditVerification, ...errors },
        },
      },
      (request) => verifyAuditAs(uow, ctxOf(request, env)),
    );
    done();
  };
