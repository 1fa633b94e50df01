import type { FastifyReply } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AgreementAttainmentQuery,
  AgreementAttainmentReport,
  AgreementRangeQuery,
  agreementAttainmentCsvColumns,
  attainmentCsvLines,
  targetAttainmentCsvColumns,
  targetCsvLines,
} from '../../contract/agreement-attainment.js';
import { ServiceRefParams } from '../../contract/services.js';
import {
  agreementAttainmentOf,
  portfolioAttainment,
  serviceAgreementAttainment,
} from '../../app/agreements/read-attainment.js';
import { ctxOf } from '../auth.js';
import { toCsv } from '../csv.js';
import { errors } from '../resource-routes.js';
import type { RouteDeps } from './deps.js';

const tags = ['agreements'];
const AgreementRefParams = z.object({
  ref: z.string().trim().min(1).max(80).describe('agreement id or code (SLA-0001)'),
});
const description =
  'Per agreement and review period (UTC months or quarters): each target’s compliance, the agreement’s compliance % (targets met / targets measured), the money band reached, reward, penalty, cost of misses and net. Without from and to: the last 4 completed periods (quarters unless period=month). format=csv gives one line per agreement and period, or with detail=targets one per target. See docs/sla-money.md.';

function send(
  reply: FastifyReply,
  report: AgreementAttainmentReport,
  format: 'json' | 'csv',
  detail: 'periods' | 'targets',
  name: string,
) {
  if (format === 'json') return report;
  const filename = `${name}-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}${detail === 'targets' ? '-targets' : ''}.csv`;
  return reply
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${filename}"`)
    .send(
      detail === 'targets'
        ? toCsv([...targetAttainmentCsvColumns], targetCsvLines(report.rows))
        : toCsv([...agreementAttainmentCsvColumns], attainmentCsvLines(report.rows)),
    );
}

/** Attainment and money of agreements per review period: portfolio, one agreement, one service. */
export const agreementAttainmentRoutes =
  (deps: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    const { uow, env } = deps;

    app.get(
      '/agreements/attainment',
      {
        schema: {
          tags,
          summary: 'Attainment and money of every agreement per review period (portfolio)',
          description,
          querystring: AgreementAttainmentQuery,
          response: { 200: AgreementAttainmentReport, ...errors },
        },
      },
      async (request, reply) => {
        const { format, detail, ...query } = request.query;
        const report = await portfolioAttainment(uow, ctxOf(request, env), query);
        return send(reply, report, format, detail, 'agreement-attainment');
      },
    );

    app.get(
      '/agreements/:ref/attainment',
      {
        schema: {
          tags,
          summary: 'Attainment and money of one agreement per review period',
          description,
          params: AgreementRefParams,
          querystring: AgreementRangeQuery,
          response: { 200: AgreementAttainmentReport, ...errors },
        },
      },
      async (request, reply) => {
        const { format, detail, ...query } = request.query;
        const report = await agreementAttainmentOf(
          uow,
          ctxOf(request, env),
          request.params.ref,
          query,
        );
        const name = report.rows[0]?.code ?? request.params.ref;
        return send(reply, report, format, detail, `${name}-attainment`);
      },
    );

    app.get(
      '/services/:id/agreement-attainment',
      {
        schema: {
          tags,
          summary: 'Attainment and money of the agreements of one service per review period',
          description,
          params: ServiceRefParams,
          querystring: AgreementRangeQuery,
          response: { 200: AgreementAttainmentReport, ...errors },
        },
      },
      async (request, reply) => {
        const { format, detail, ...query } = request.query;
        const report = await serviceAgreementAttainment(
          uow,
          ctxOf(request, env),
          request.params.id,
          query,
        );
        return send(reply, report, format, detail, 'service-agreement-attainment');
      },
    );
    done();
  };
