import type { FastifyReply } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { raciCsvColumns, raciRows, type RaciView as Raci } from '../../core/raci.js';
import { PracticeRefParams, RaciQuery, RaciView } from '../../contract/raci.js';
import { ServiceRefParams } from '../../contract/services.js';
import { getPracticeRaci } from '../../app/raci/practice-raci.js';
import { getServiceRaci } from '../../app/raci/service-raci.js';
import { ctxOf } from '../auth.js';
import { sendCsv } from '../csv.js';
import { errors } from '../resource-routes.js';
import type { RouteDeps } from './deps.js';

const tags = ['raci'];

const send = (reply: FastifyReply, view: Raci, format: 'json' | 'csv', filename: string) =>
  format === 'csv'
    ? sendCsv(reply, filename, [...raciCsvColumns], () =>
        Promise.resolve({ items: raciRows(view), nextCursor: null }),
      )
    : view;

/** RACI views of a service and of a practice, as JSON or CSV. */
export const raciRoutes =
  ({ uow, env }: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    app.get(
      '/services/:id/raci',
      {
        schema: {
          tags,
          summary: 'Who is responsible, accountable, consulted and informed for a service',
          params: ServiceRefParams,
          querystring: RaciQuery,
          response: { 200: RaciView, ...errors },
        },
      },
      async (request, reply) => {
        const view = await getServiceRaci(uow, ctxOf(request, env), request.params.id);
        return send(reply, view, request.query.format, `raci-${request.params.id}.csv`);
      },
    );
    app.get(
      '/practices/:id/raci',
      {
        schema: {
          tags,
          summary: 'Who is responsible, accountable, consulted and informed for a practice',
          params: PracticeRefParams,
          querystring: RaciQuery,
          response: { 200: RaciView, ...errors },
        },
      },
      async (request, reply) => {
        const view = await getPracticeRaci(uow, ctxOf(request, env), request.params.id);
        return send(reply, view, request.query.format, `raci-${view.subject.name}.csv`);
      },
    );
    done();
  };
