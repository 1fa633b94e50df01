import type { FastifyReply } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { TicketRefParams } from '../../contract/tickets.js';
import {
  AttainmentQuery,
  AttainmentReport,
  TicketSla,
  attainmentCsvColumns,
} from '../../contract/sla.js';
import { readAttainment } from '../../app/sla/attainment.js';
import { readTicketSla } from '../../app/sla/read-ticket-sla.js';
import { ctxOf } from '../auth.js';
import { toCsv } from '../csv.js';
import { errors } from '../resource-routes.js';
import type { RouteDeps } from './deps.js';

/** SLA timers of a ticket with their explanations, and the attainment report (JSON or CSV). */
export const slaRoutes =
  (deps: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    const { uow, env } = deps;

    app.get(
      '/tickets/:id/sla',
      {
        schema: {
          tags: ['tickets'],
          summary:
            "A ticket's SLA timers now, each with its explanation: the timeline of counted, paused and closed intervals and the rule that applied",
          params: TicketRefParams,
          response: { 200: TicketSla, ...errors },
        },
      },
      (request) => readTicketSla(uow, ctxOf(request, env), request.params.id),
    );

    app.get(
      '/reports/attainment',
      {
        schema: {
          tags: ['reports'],
          summary:
            'SLA attainment per period, service and priority: tickets, met, breached, attainment %, mean and p90 business time to respond and resolve',
          description:
            'Tickets created from `from` (inclusive) to `to` (a date is inclusive, an instant exclusive), by UTC month or quarter. format=csv returns the rows as CSV. See docs/sla-attainment.md.',
          querystring: AttainmentQuery,
          response: { 200: AttainmentReport, ...errors },
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const report = await readAttainment(uow, ctxOf(request, env), query);
        if (format === 'csv')
          return (reply as FastifyReply)
            .header('Content-Type', 'text/csv; charset=utf-8')
            .header(
              'Content-Disposition',
              `attachment; filename="attainment-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}.csv"`,
            )
            .send(toCsv([...attainmentCsvColumns], report.rows));
        return report;
      },
    );
    done();
  };
