import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcknowledgeOla,
  AgreementDetail,
  AgreementsPage,
  AgreementsQuery,
  AgreementVersionView,
  ChooseOption,
  ChooseParams,
  DiffQuery,
  NewVersion,
  SignVersion,
  VersionDiff,
  VersionParams,
  WithdrawVersion,
  AgreementRefParams,
  type AgreementSummary,
} from '../../contract/agreements.js';
import { ServiceRefParams } from '../../contract/services.js';
import { chooseOption } from '../../app/agreements/choose-option.js';
import {
  editAgreementVersion,
  newAgreementVersion,
  withdrawAgreementVersion,
} from '../../app/agreements/new-version.js';
import {
  diffVersions,
  getAgreement,
  getAgreementVersion,
  listAgreements,
  serviceAgreements,
} from '../../app/agreements/read-agreements.js';
import { acknowledgeOla, signAgreementVersion } from '../../app/agreements/sign-agreement.js';
import { ctxOf } from '../auth.js';
import { sendCsv } from '../csv.js';
import { errors } from '../resource-routes.js';
import type { RouteDeps } from './deps.js';

const tags = ['agreements'];

type CsvRow = Omit<AgreementSummary, 'service' | 'customer'> & {
  serviceName: string;
  serviceId: string;
  customerName: string;
  customerId: string;
};
export const agreementColumns: (keyof CsvRow)[] = [
  'code',
  'title',
  'serviceName',
  'customerName',
  'status',
  'activeVersion',
  'pendingVersion',
  'latestVersion',
  'effectiveFrom',
  'expiresOn',
  'currency',
  'monthlyCostMinor',
  'serviceOwnerName',
  'customerRepresentativeName',
  'targets',
  'unbackedTargets',
  'createdAt',
  'id',
  'serviceId',
  'customerId',
  'requirementId',
];
const csvRow = ({ service, customer, ...rest }: AgreementSummary): CsvRow => ({
  ...rest,
  serviceName: service.name,
  serviceId: service.id,
  customerName: customer.name,
  customerId: customer.id,
});

/**
 * Agreements: choosing an option, versions (never edited in place), signatures, OLA
 * acknowledgements, the list and the readable diff between versions.
 */
export const agreementsRoutes =
  (deps: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    const { uow, env, config } = deps;

    app.post(
      '/requirements/:id/options/:optionId/choose',
      {
        schema: {
          tags,
          summary:
            'Choose a proposed option (the customer representative): it becomes a pending agreement version',
          params: ChooseParams,
          body: ChooseOption,
          response: { 201: AgreementDetail, ...errors },
        },
      },
      async (request, reply) => {
        const detail = await chooseOption(
          uow,
          ctxOf(request, env),
          request.params.id,
          request.params.optionId,
          request.body,
        );
        return reply.status(201).send(detail);
      },
    );

    app.get(
      '/agreements',
      {
        schema: {
          tags,
          summary: 'List agreements (filters serviceId, orgUnitId, status, q; sort; CSV)',
          querystring: AgreementsQuery,
          response: { 200: AgreementsPage, ...errors },
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const ctx = ctxOf(request, env);
        if (format !== 'csv') return listAgreements(uow, ctx, query);
        return sendCsv(reply, 'agreements.csv', agreementColumns, async (cursor) => {
          const page = await listAgreements(uow, ctx, { ...query, limit: 200, cursor });
          return { items: page.items.map(csvRow), nextCursor: page.nextCursor };
        });
      },
    );

    app.get(
      '/services/:id/agreements',
      {
        schema: {
          tags,
          summary: 'The agreements of a service (id or slug)',
          params: ServiceRefParams,
          response: { 200: AgreementsPage, ...errors },
        },
      },
      (request) => serviceAgreements(uow, ctxOf(request, env), request.params.id),
    );

    app.get(
      '/agreements/:ref',
      {
        schema: {
          tags,
          summary:
            'An agreement (id or code) with its versions, signatures, acknowledgements, backing and what you may do',
          params: AgreementRefParams,
          response: { 200: AgreementDetail, ...errors },
        },
      },
      (request) => getAgreement(uow, ctxOf(request, env), request.params.ref),
    );

    app.post(
      '/agreements/:ref/versions',
      {
        schema: {
          tags,
          summary:
            'Draw up a new version from the latest (basedOn) with changes; it needs signing again (409 when basedOn is stale)',
          params: AgreementRefParams,
          body: NewVersion,
          response: { 201: AgreementDetail, ...errors },
        },
      },
      async (request, reply) => {
        const detail = await newAgreementVersion(
          uow,
          ctxOf(request, env),
          request.params.ref,
          request.body,
        );
        return reply.status(201).send(detail);
      },
    );

    app.get(
      '/agreements/:ref/versions/:n',
      {
        schema: {
          tags,
          summary: 'One version of an agreement',
          params: VersionParams,
          response: { 200: AgreementVersionView, ...errors },
        },
      },
      (request) =>
        getAgreementVersion(uow, ctxOf(request, env), request.params.ref, request.params.n),
    );

    for (const method of ['PUT', 'PATCH'] as const)
      app.route({
        method,
        url: '/agreements/:ref/versions/:n',
        schema: {
          tags,
          summary: 'Refused: an agreement version never changes (409); create a new version',
          params: VersionParams,
          body: z.unknown().optional(),
          response: { ...errors },
        },
        handler: (request) =>
          editAgreementVersion(uow, ctxOf(request, env), request.params.ref, request.params.n),
      });

    app.get(
      '/agreements/:ref/versions/:n/diff',
      {
        schema: {
          tags,
          summary: 'The readable changes from version ?against= (default: the one before) to :n',
          params: VersionParams,
          querystring: DiffQuery,
          response: { 200: VersionDiff, ...errors },
        },
      },
      (request) =>
        diffVersions(
          uow,
          ctxOf(request, env),
          request.params.ref,
          request.params.n,
          request.query.against,
        ),
    );

    app.post(
      '/agreements/:ref/versions/:n/withdraw',
      {
        schema: {
          tags,
          summary: 'Withdraw a pending version before it becomes active',
          params: VersionParams,
          body: WithdrawVersion,
          response: { 200: AgreementDetail, ...errors },
        },
      },
      (request) =>
        withdrawAgreementVersion(
          uow,
          ctxOf(request, env),
          request.params.ref,
          request.params.n,
          request.body.reason,
        ),
    );

    app.post(
      '/agreements/:ref/versions/:n/signatures',
      {
        config: {
          // Signing checks a password: as slow to guess as signing in.
          rateLimit: {
            hook: 'preHandler',
            max: config.CHARTER_LOGIN_ATTEMPTS_PER_MINUTE,
            timeWindow: 60_000,
            keyGenerator: (request) =>
              `agreement-sign:${request.auth?.actor.personId ?? request.ip}`,
          },
        },
        schema: {
          tags,
          summary:
            'Sign a pending version as service owner or customer representative (your own role; password and the content hash you read)',
          params: VersionParams,
          body: SignVersion,
          response: { 200: AgreementDetail, 429: errors[403], ...errors },
        },
      },
      (request) =>
        signAgreementVersion(
          uow,
          ctxOf(request, env),
          request.params.ref,
          request.params.n,
          request.body,
        ),
    );

    app.post(
      '/agreements/:ref/versions/:n/acknowledgements',
      {
        schema: {
          tags,
          summary:
            "Acknowledge an OLA of a pending version (the delivery lead of the OLA's team for the service)",
          params: VersionParams,
          body: AcknowledgeOla,
          response: { 200: AgreementDetail, ...errors },
        },
      },
      (request) =>
        acknowledgeOla(
          uow,
          ctxOf(request, env),
          request.params.ref,
          request.params.n,
          request.body,
        ),
    );

    done();
  };
