import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { Instant } from '../../core/ids.js';
import { IdParams } from '../../contract/common.js';
import {
  Commitment,
  CommitmentsPage,
  CommitmentsQuery,
  CreateCommitment,
  RejectCommitment,
  UnbackedReport,
  UnbackedReportQuery,
  UpdateCommitment,
} from '../../contract/commitments.js';
import { amendCommitment } from '../../app/commitments/amend-commitment.js';
import { acceptCommitment, rejectCommitment } from '../../app/commitments/answer-commitment.js';
import { markCommitmentDone, withdrawCommitment } from '../../app/commitments/close-commitment.js';
import { createCommitment } from '../../app/commitments/create-commitment.js';
import { getCommitment, listCommitments } from '../../app/commitments/read-commitments.js';
import { unbackedReport } from '../../app/commitments/unbacked-report.js';
import { ctxOf, etag } from '../auth.js';
import { sendCsv } from '../csv.js';
import { errors, registerResource } from '../resource-routes.js';
import type { RouteDeps } from './deps.js';

const tags = ['commitments'];

export const commitmentColumns = [
  'id',
  'makerName',
  'toType',
  'toName',
  'delivererType',
  'delivererName',
  'what',
  'dueAt',
  'serviceName',
  'status',
  'backing',
  'unbacked',
  'acceptedAt',
  'rejectedAt',
  'rejectionReason',
  'doneAt',
  'withdrawnAt',
  'sourceType',
  'sourceId',
  'createdAt',
  'makerId',
  'toId',
  'delivererId',
  'serviceId',
] as const;

/** Commitments: made by the caller, answered only by the delivering party, and the unbacked report. */
export const commitmentsRoutes =
  (deps: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    const { uow, env } = deps;

    app.get(
      '/commitments/unbacked-report',
      {
        schema: {
          tags,
          summary: 'Unbacked commitments grouped by who made them (now, or at ?at=); CSV too',
          querystring: UnbackedReportQuery,
          response: { 200: UnbackedReport, ...errors },
        },
      },
      async (request, reply) => {
        const { at, format } = request.query;
        const report = await unbackedReport(
          uow,
          ctxOf(request, env),
          at ? (new Date(at).toISOString() as Instant) : undefined,
        );
        if (format !== 'csv') return report;
        const rows = report.makers.flatMap((m) =>
          m.items.map((c) => ({ ...c, makerEmail: m.maker.email, makerCount: m.count })),
        );
        return sendCsv(
          reply,
          'unbacked-commitments.csv',
          [
            'makerName',
            'makerEmail',
            'makerCount',
            'id',
            'what',
            'delivererType',
            'delivererName',
            'toName',
            'dueAt',
            'backing',
            'rejectionReason',
            'serviceName',
            'createdAt',
          ],
          () => Promise.resolve({ items: rows, nextCursor: null }),
        );
      },
    );

    registerResource(app, deps, {
      path: '/commitments',
      tag: 'commitments',
      noun: 'commitment',
      schemas: {
        item: Commitment,
        page: CommitmentsPage,
        query: CommitmentsQuery,
        create: CreateCommitment,
        update: UpdateCommitment,
      },
      csv: { filename: 'commitments.csv', columns: [...commitmentColumns] },
      list: (ctx, query) => listCommitments(uow, ctx, query),
      create: (ctx, input) => createCommitment(uow, ctx, input),
      get: (ctx, id) => getCommitment(uow, ctx, id),
      update: (ctx, id, version, input) => amendCommitment(uow, ctx, id, version, input),
    });

    const action = (
      verb: 'accept' | 'done' | 'withdraw',
      summary: string,
      run: typeof acceptCommitment,
    ) =>
      app.post(
        `/commitments/:id/${verb}`,
        { schema: { tags, summary, params: IdParams, response: { 200: Commitment, ...errors } } },
        async (request, reply) => {
          const c = await run(uow, ctxOf(request, env), request.params.id);
          return etag(reply, c.version).send(c);
        },
      );
    action(
      'accept',
      'Accept a commitment you deliver (the person, or the team’s lead); anyone else gets 403',
      acceptCommitment,
    );
    action('done', 'Mark a commitment delivered (maker or delivering party)', markCommitmentDone);
    action('withdraw', 'Withdraw a commitment you made', withdrawCommitment);

    app.post(
      '/commitments/:id/reject',
      {
        schema: {
          tags,
          summary: 'Reject a commitment you deliver, with a reason (it stays visible, unbacked)',
          params: IdParams,
          body: RejectCommitment,
          response: { 200: Commitment, ...errors },
        },
      },
      async (request, reply) => {
        const c = await rejectCommitment(
          uow,
          ctxOf(request, env),
          request.params.id,
          request.body.reason,
        );
        return etag(reply, c.version).send(c);
      },
    );
    done();
  };
