import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  CommitmentIndex,
  CommitmentTrend,
  Governance,
  IndexQuery,
  TrendQuery,
  UnownedServicesPage,
  UnownedServicesQuery,
  type UnownedService,
} from '../../contract/governance.js';
import {
  readCommitmentIndex,
  readCommitmentTrend,
} from '../../app/governance/read-commitment-index.js';
import { listUnownedServices, readGovernance } from '../../app/governance/read-governance.js';
import { ctxOf } from '../auth.js';
import { sendCsv } from '../csv.js';
import { errors } from '../resource-routes.js';
import type { RouteDeps } from './deps.js';

const tags = ['governance'];
const csvColumns: (keyof UnownedService)[] = [
  'id',
  'slug',
  'name',
  'kind',
  'tier',
  'orgUnitIds',
  'liveAt',
  'ownerlessSince',
  'nominationPending',
];

/** The management commitment index and the governance page. Every signed-in user reads them. */
export const governanceRoutes =
  (deps: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    const { uow, env } = deps;

    app.get(
      '/governance',
      {
        schema: {
          tags,
          summary:
            'The governance page: ownership coverage, nominations by age, lapsed roles, the index and its trend, unowned services',
          response: { 200: Governance, ...errors },
        },
      },
      (request) => readGovernance(uow, ctxOf(request, env)),
    );

    app.get(
      '/governance/index',
      {
        schema: {
          tags,
          summary: 'The management commitment index at an instant, with its components',
          querystring: IndexQuery,
          response: { 200: CommitmentIndex, ...errors },
        },
      },
      (request) => readCommitmentIndex(uow, ctxOf(request, env), request.query),
    );

    app.get(
      '/governance/index/trend',
      {
        schema: {
          tags,
          summary: 'The management commitment index per UTC day over a range (default 365 days)',
          querystring: TrendQuery,
          response: { 200: CommitmentTrend, ...errors },
        },
      },
      (request) => readCommitmentTrend(uow, ctxOf(request, env), request.query),
    );

    // A computed list (not a stored collection, so not registerResource): the same list
    // conventions — filters, sort, cursor, format=csv.
    app.get(
      '/governance/unowned-services',
      {
        schema: {
          tags,
          summary: 'Live services with no accepted owner, most critical first',
          querystring: UnownedServicesQuery,
          response: { 200: UnownedServicesPage, ...errors },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, env);
        const { format, ...query } = request.query;
        if (format === 'csv')
          return sendCsv(reply, 'unowned-services.csv', csvColumns, (cursor) =>
            listUnownedServices(uow, ctx, { ...query, limit: 200, cursor }),
          );
        return listUnownedServices(uow, ctx, query);
      },
    );
    done();
  };
