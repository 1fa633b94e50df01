import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DependencyId } from '../../core/services.js';
import { IdParams } from '../../contract/common.js';
import {
  CreateDependency,
  CreateService,
  Dependency,
  Impact,
  Service,
  ServiceRefParams,
  ServiceView,
  ServicesPage,
  ServicesQuery,
  UpdateService,
} from '../../contract/services.js';
import { addDependency } from '../../app/services/add-dependency.js';
import { analyseImpact } from '../../app/services/analyse-impact.js';
import { createService } from '../../app/services/create-service.js';
import { getService, listDependencies, listServices } from '../../app/services/read-services.js';
import { removeDependency } from '../../app/services/remove-dependency.js';
import { retireService, updateService } from '../../app/services/update-service.js';
import { viewService } from '../../app/services/view-service.js';
import { ctxOf, etag, expectedVersion } from '../auth.js';
import { errors, registerResource } from '../resource-routes.js';
import type { RouteDeps } from './deps.js';

const tags = ['services'];

/** The service portfolio: services, their dependencies, impact analysis and service views. */
export const servicesRoutes =
  (deps: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    const { uow, env } = deps;
    registerResource(app, deps, {
      path: '/services',
      tag: 'services',
      noun: 'service',
      params: ServiceRefParams,
      schemas: {
        item: Service,
        page: ServicesPage,
        query: ServicesQuery,
        create: CreateService,
        update: UpdateService,
      },
      csv: {
        filename: 'services.csv',
        columns: [
          'id',
          'slug',
          'name',
          'kind',
          'lifecycle',
          'tier',
          'teamId',
          'orgUnitIds',
          'tags',
          'system',
          'domain',
          'liveAt',
          'retiredAt',
          'createdAt',
          'updatedAt',
        ],
      },
      list: (ctx, query) => listServices(uow, ctx, query),
      create: (ctx, input) => createService(uow, ctx, input),
      get: (ctx, ref) => getService(uow, ctx, ref),
      update: async (ctx, ref, version, input) =>
        updateService(uow, ctx, (await getService(uow, ctx, ref)).id, version, input),
    });

    app.post(
      '/services/:id/retire',
      {
        schema: {
          tags,
          summary: 'Retire a service (send If-Match); it stays visible in history',
          params: ServiceRefParams,
          headers: z.object({ 'if-match': z.string().optional() }),
          response: { 200: Service, ...errors },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, env);
        const service = await getService(uow, ctx, request.params.id);
        const retired = await retireService(uow, ctx, service.id, expectedVersion(request));
        return etag(reply, retired.version).send(retired);
      },
    );

    app.get(
      '/services/:id/dependencies',
      {
        schema: {
          tags,
          summary: 'Direct dependencies of a service, both ways',
          params: ServiceRefParams,
          response: {
            200: z.object({ outgoing: z.array(Dependency), incoming: z.array(Dependency) }),
            ...errors,
          },
        },
      },
      (request) => listDependencies(uow, ctxOf(request, env), request.params.id),
    );

    app.get(
      '/services/:id/impact',
      {
        schema: {
          tags,
          summary: 'If this service fails, what suffers — and what does it depend on',
          params: ServiceRefParams,
          response: { 200: Impact, ...errors },
        },
      },
      (request) => analyseImpact(uow, ctxOf(request, env), request.params.id),
    );

    app.get(
      '/services/:id/view',
      {
        schema: {
          tags,
          summary: 'The service and everything under it, as a graph',
          params: ServiceRefParams,
          response: { 200: ServiceView, ...errors },
        },
      },
      (request) => viewService(uow, ctxOf(request, env), request.params.id),
    );

    app.post(
      '/dependencies',
      {
        schema: {
          tags,
          summary: 'Record that one service depends on another (cycles are refused)',
          body: CreateDependency,
          response: { 201: Dependency, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addDependency(uow, ctxOf(request, env), request.body)),
    );

    app.delete(
      '/dependencies/:id',
      {
        schema: {
          tags,
          summary: 'Remove a dependency',
          params: IdParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await removeDependency(uow, ctxOf(request, env), request.params.id as DependencyId);
        return reply.status(204).send(null);
      },
    );
    done();
  };
