import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TargetId } from '../../core/sla/targets.js';
import { IdParams } from '../../contract/common.js';
import {
  CreateTarget,
  Target,
  TargetsPage,
  TargetsQuery,
  UpdateTarget,
} from '../../contract/targets.js';
import { createTarget } from '../../app/targets/create-target.js';
import { getTarget, listTargets } from '../../app/targets/read-targets.js';
import { deleteTarget, updateTarget } from '../../app/targets/update-target.js';
import { ctxOf, expectedVersion } from '../auth.js';
import { errors, registerResource } from '../resource-routes.js';
import type { RouteDeps } from './deps.js';

/** Service level targets per service (or default) × priority × metric × origin. */
export const targetsRoutes =
  (deps: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    const { uow, env } = deps;
    registerResource(app, deps, {
      path: '/service-level-targets',
      tag: 'service level targets',
      noun: 'service level target',
      schemas: {
        item: Target,
        page: TargetsPage,
        query: TargetsQuery,
        create: CreateTarget,
        update: UpdateTarget,
      },
      csv: {
        filename: 'service-level-targets.csv',
        columns: [
          'id',
          'serviceId',
          'priority',
          'metric',
          'origin',
          'teamId',
          'duration',
          'calendarId',
          'pauseStatuses',
          'escalations',
          'version',
          'createdAt',
          'updatedAt',
        ],
      },
      list: (ctx, query) => listTargets(uow, ctx, query),
      create: (ctx, input) => createTarget(uow, ctx, input),
      get: (ctx, id) => getTarget(uow, ctx, id),
      update: (ctx, id, version, input) => updateTarget(uow, ctx, id as TargetId, version, input),
    });

    app.delete(
      '/service-level-targets/:id',
      {
        schema: {
          tags: ['service level targets'],
          summary: 'Delete a target (send If-Match); tickets fall back to the default target',
          params: IdParams,
          headers: z.object({ 'if-match': z.string().optional() }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteTarget(
          uow,
          ctxOf(request, env),
          request.params.id as TargetId,
          expectedVersion(request),
        );
        return reply.status(204).send(null);
      },
    );
    done();
  };
