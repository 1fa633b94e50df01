import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { AlertmanagerPayload, AlertmanagerResult } from '../../contract/tickets.js';
import { receiveAlerts } from '../../app/tickets/receive-alerts.js';
import { ctxOf } from '../auth.js';
import { errors } from '../resource-routes.js';
import type { RouteDeps } from './deps.js';

/** Alertmanager's webhook receiver: alerts open and resolve incidents. */
export const alertmanagerRoutes =
  (deps: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    const { uow, env } = deps;
    app.post(
      '/integrations/alertmanager',
      {
        schema: {
          tags: ['integrations'],
          summary:
            'Alertmanager webhook (v4): firing alerts open incidents, resolved ones resolve them',
          description:
            'Authenticate with an API token of write scope (Authorization: Bearer) belonging to an integration account. The service is the alert label service (or charter_service) = service slug; severity critical → P1 and outage, warning → P3. Each alert is handled on its own: the answer lists every alert with its outcome, and is 422 when any alert failed (e.g. an unknown service, named with the alert and label). See docs/tickets.md.',
          body: AlertmanagerPayload,
          response: { 200: AlertmanagerResult, 422: AlertmanagerResult, ...errors },
        },
      },
      async (request, reply) => {
        const result = await receiveAlerts(uow, ctxOf(request, env), request.body);
        return reply.status(result.failed > 0 ? 422 : 200).send(result);
      },
    );
    done();
  };
