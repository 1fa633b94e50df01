import type { FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contract/common.js';
import {
  CreateNegotiationEntry,
  CreateOption,
  CreateRequirement,
  EntryParams,
  OptionParams,
  RequirementDetail,
  RequirementsPage,
  RequirementsQuery,
  ReviseRequirement,
  RevisionDiff,
  RevisionParams,
  type RequirementSummary,
} from '../../contract/requirements.js';
import { addOption } from '../../app/requirements/add-option.js';
import { adoptCounterProposal } from '../../app/requirements/adopt-counter-proposal.js';
import { commentOnRequirement } from '../../app/requirements/comment-on-requirement.js';
import { createRequirement } from '../../app/requirements/create-requirement.js';
import { diffRevisions } from '../../app/requirements/diff-revisions.js';
import { getRequirement, listRequirements } from '../../app/requirements/read-requirements.js';
import { reviseRequirement } from '../../app/requirements/revise-requirement.js';
import { withdrawOption, withdrawRequirement } from '../../app/requirements/withdraw.js';
import { ctxOf, etag, expectedVersion } from '../auth.js';
import { sendCsv } from '../csv.js';
import { errors } from '../resource-routes.js';
import type { RouteDeps } from './deps.js';

const tags = ['requirements'];
const ifMatch = z.object({ 'if-match': z.string().optional() });

export const requirementColumns: (keyof RequirementSummary)[] = [
  'id',
  'title',
  'status',
  'revision',
  'serviceName',
  'serviceSlug',
  'orgUnitName',
  'createdByName',
  'availabilityPercent',
  'proposedOptions',
  'createdAt',
  'updatedAt',
  'serviceId',
  'orgUnitId',
  'createdById',
];

/** If-Match when sent (then it must match), else null: the action applies to what is stored. */
const optionalVersion = (request: FastifyRequest) =>
  request.headers['if-match'] ? expectedVersion(request) : null;

/**
 * Service level requirements and their negotiation: revisions by the customer representative,
 * comments and counter-proposals, and the service owner's costed options.
 */
export const requirementsRoutes =
  (deps: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    const { uow, env } = deps;
    const detail = { 200: RequirementDetail, ...errors };
    const created = { 201: RequirementDetail, ...errors };

    app.get(
      '/requirements',
      {
        schema: {
          tags,
          summary: 'List service level requirements (filters, sort, format=csv)',
          querystring: RequirementsQuery,
          response: { 200: RequirementsPage, ...errors },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, env);
        const { format, ...query } = request.query;
        if (format === 'csv')
          return sendCsv(reply, 'requirements.csv', requirementColumns, (cursor) =>
            listRequirements(uow, ctx, { ...query, limit: 200, cursor }),
          );
        return listRequirements(uow, ctx, query);
      },
    );

    app.post(
      '/requirements',
      {
        schema: {
          tags,
          summary:
            'State a service level requirement (only the accepted customer representative of the organisation unit for the service)',
          body: CreateRequirement,
          response: created,
        },
      },
      async (request, reply) => {
        const r = await createRequirement(uow, ctxOf(request, env), request.body);
        return etag(reply, r.version)
          .status(201)
          .header('Location', `/api/v1/requirements/${r.id}`)
          .send(r);
      },
    );

    app.get(
      '/requirements/:id',
      {
        schema: {
          tags,
          summary:
            'A requirement with its revisions, negotiation, options and what you may do (can)',
          params: IdParams,
          response: detail,
        },
      },
      async (request, reply) => {
        const r = await getRequirement(uow, ctxOf(request, env), request.params.id);
        return etag(reply, r.version).send(r);
      },
    );

    app.post(
      '/requirements/:id/revisions',
      {
        schema: {
          tags,
          summary: 'Revise a requirement (customer representative; send If-Match)',
          params: IdParams,
          headers: ifMatch,
          body: ReviseRequirement,
          response: created,
        },
      },
      async (request, reply) => {
        const r = await reviseRequirement(
          uow,
          ctxOf(request, env),
          request.params.id,
          expectedVersion(request),
          request.body,
        );
        return etag(reply, r.version).status(201).send(r);
      },
    );

    app.get(
      '/requirements/:id/revisions/:a/diff/:b',
      {
        schema: {
          tags,
          summary: 'What changed from revision a to revision b, in words',
          params: RevisionParams,
          response: { 200: RevisionDiff, ...errors },
        },
      },
      async (request) => {
        const { id, a, b } = request.params;
        return diffRevisions(uow, ctxOf(request, env), id, a, b);
      },
    );

    app.post(
      '/requirements/:id/comments',
      {
        schema: {
          tags,
          summary: 'Comment or counter-propose on an open requirement',
          params: IdParams,
          body: CreateNegotiationEntry,
          response: created,
        },
      },
      async (request, reply) => {
        const r = await commentOnRequirement(
          uow,
          ctxOf(request, env),
          request.params.id,
          request.body,
        );
        return etag(reply, r.version).status(201).send(r);
      },
    );

    app.post(
      '/requirements/:id/comments/:entryId/adopt',
      {
        schema: {
          tags,
          summary:
            'Adopt a counter-proposal as a new revision (customer representative; If-Match optional)',
          params: EntryParams,
          headers: ifMatch,
          response: created,
        },
      },
      async (request, reply) => {
        const r = await adoptCounterProposal(
          uow,
          ctxOf(request, env),
          request.params.id,
          request.params.entryId,
          optionalVersion(request),
        );
        return etag(reply, r.version).status(201).send(r);
      },
    );

    app.post(
      '/requirements/:id/options',
      {
        schema: {
          tags,
          summary: 'Answer the current revision with a costed option (service owner or deputy)',
          params: IdParams,
          body: CreateOption,
          response: created,
        },
      },
      async (request, reply) => {
        const r = await addOption(uow, ctxOf(request, env), request.params.id, request.body);
        return etag(reply, r.version).status(201).send(r);
      },
    );

    app.post(
      '/requirements/:id/options/:optionId/withdraw',
      {
        schema: {
          tags,
          summary: 'Withdraw a proposed option (service owner or deputy)',
          params: OptionParams,
          response: detail,
        },
      },
      async (request, reply) => {
        const { id, optionId } = request.params;
        const r = await withdrawOption(uow, ctxOf(request, env), id, optionId);
        return etag(reply, r.version).send(r);
      },
    );

    app.post(
      '/requirements/:id/withdraw',
      {
        schema: {
          tags,
          summary: 'Withdraw an open requirement (customer representative; If-Match optional)',
          params: IdParams,
          headers: ifMatch,
          response: detail,
        },
      },
      async (request, reply) => {
        const r = await withdrawRequirement(
          uow,
          ctxOf(request, env),
          request.params.id,
          optionalVersion(request),
        );
        return etag(reply, r.version).send(r);
      },
    );
    done();
  };
