import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contract/common.js';
import { Feasibility } from '../../contract/feasibility.js';
import { requirementFeasibility } from '../../app/requirements/feasibility.js';
import { ctxOf } from '../auth.js';
import { errors } from '../resource-routes.js';
import type { RouteDeps } from './deps.js';

const tags = ['requirements'];

/** Feasibility of a requirement and its options, and the free-lunch warnings (read only). */
export const feasibilityRoutes =
  (deps: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    const { uow, env } = deps;
    app.get(
      '/requirements/:id/feasibility',
      {
        schema: {
          tags,
          summary:
            'Feasibility of every target of every option: history over 3, 6 and 12 months, dependency bound, verdicts, cost against value, free-lunch warnings',
          params: IdParams,
          response: { 200: Feasibility, ...errors },
        },
      },
      (request) => requirementFeasibility(uow, ctxOf(request, env), request.params.id),
    );
    done();
  };
