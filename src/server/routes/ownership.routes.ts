import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contract/common.js';
import {
  AcceptNomination,
  CreateNomination,
  CreatePractice,
  DeclineNomination,
  MyCommitments,
  Nomination,
  NominationsPage,
  NominationsQuery,
  Practice,
  PracticeParams,
  PracticesPage,
  PracticesQuery,
  ResignRole,
  Role,
  RoleAffirmations,
  RolesPage,
  RolesQuery,
  ServiceRoles,
  UpdatePractice,
} from '../../contract/ownership.js';
import { ServiceRefParams } from '../../contract/services.js';
import { acceptNomination } from '../../app/ownership/accept-nomination.js';
import { createPractice, updatePractice } from '../../app/ownership/change-practices.js';
import { declineNomination } from '../../app/ownership/decline-nomination.js';
import { myCommitments } from '../../app/ownership/my-commitments.js';
import { nominate } from '../../app/ownership/nominate.js';
import {
  getNomination,
  getPractice,
  getRole,
  listNominations,
  listPractices,
  listRoles,
  roleAffirmations,
  serviceRoles,
} from '../../app/ownership/read-ownership.js';
import { reaffirmRole } from '../../app/ownership/reaffirm-role.js';
import { resignRole } from '../../app/ownership/resign-role.js';
import { withdrawNomination } from '../../app/ownership/withdraw-nomination.js';
import type { Ctx } from '../../app/context.js';
import { ctxOf, etag, expectedVersion } from '../auth.js';
import { sendCsv } from '../csv.js';
import { errors } from '../resource-routes.js';
import type { RouteDeps } from './deps.js';

/** Accepted ownership: practices, nominations, roles, service roles and My commitments. */
export const ownershipRoutes =
  (deps: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    const { uow, env } = deps;
    const tags = ['ownership'];

    /**
     * POST <path>: run an action on the record named by `:id` (the action decides who may), then
     * answer with the record as it now reads.
     */
    type Answer = typeof Nomination | typeof Role;
    const action = <B extends z.ZodType>(
      path: `/${string}/:id/${string}`,
      summary: string,
      schemas: { body?: B; response: Answer },
      run: (ctx: Ctx, id: string, body: z.infer<B>) => Promise<unknown>,
      read: (ctx: Ctx, id: string) => Promise<z.infer<Answer>>,
    ) =>
      app.post(
        path,
        {
          schema: {
            tags,
            summary,
            params: IdParams,
            ...(schemas.body && { body: schemas.body }),
            response: { 200: schemas.response, ...errors },
          },
        },
        async (request) => {
          const ctx = ctxOf(request, env);
          await run(ctx, request.params.id, request.body as z.infer<B>);
          return read(ctx, request.params.id);
        },
      );
    const readNomination = (ctx: Ctx, id: string) => getNomination(uow, ctx, id);
    const readRole = (ctx: Ctx, id: string) => getRole(uow, ctx, id);

    app.get(
      '/practices',
      {
        schema: {
          tags,
          summary: 'List practices with their process owners',
          querystring: PracticesQuery,
          response: { 200: PracticesPage, ...errors },
        },
      },
      (request) => listPractices(uow, ctxOf(request, env), request.query),
    );
    app.post(
      '/practices',
      {
        schema: {
          tags,
          summary: 'Add a practice (admin)',
          body: CreatePractice,
          response: { 201: Practice, ...errors },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, env);
        const created = await createPractice(uow, ctx, request.body);
        return etag(reply, created.version)
          .status(201)
          .send(await getPractice(uow, ctx, created.id));
      },
    );
    app.get(
      '/practices/:id',
      {
        schema: {
          tags,
          summary: 'Get a practice (by id or key)',
          params: PracticeParams,
          response: { 200: Practice, ...errors },
        },
      },
      async (request, reply) => {
        const found = await getPractice(uow, ctxOf(request, env), request.params.id);
        return etag(reply, found.version).send(found);
      },
    );
    app.patch(
      '/practices/:id',
      {
        schema: {
          tags,
          summary: 'Rename or (de)activate a practice (admin; send If-Match)',
          params: PracticeParams,
          headers: z.object({ 'if-match': z.string().optional() }),
          body: UpdatePractice,
          response: { 200: Practice, ...errors },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, env);
        const updated = await updatePractice(
          uow,
          ctx,
          request.params.id,
          expectedVersion(request),
          request.body,
        );
        return etag(reply, updated.version).send(await getPractice(uow, ctx, updated.id));
      },
    );

    app.get(
      '/nominations',
      {
        schema: {
          tags,
          summary: 'List nominations (format=csv for CSV)',
          querystring: NominationsQuery,
          response: { 200: NominationsPage, ...errors },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, env);
        const { format, ...query } = request.query;
        if (format === 'csv') {
          return sendCsv(
            reply,
            'nominations.csv',
            [
              'id',
              'kind',
              'scope',
              'nominee',
              'nominatedBy',
              'state',
              'createdAt',
              'expiresAt',
              'answeredAt',
              'declineReason',
              'termMonths',
              'message',
            ],
            async (cursor) => {
              const page = await listNominations(uow, ctx, { ...query, limit: 200, cursor });
              return {
                nextCursor: page.nextCursor,
                items: page.items.map((n) => ({
                  ...n,
                  scope: n.scope.label,
                  nominee: n.nominee.name,
                  nominatedBy: n.nominatedBy.name,
                })),
              };
            },
          );
        }
        return listNominations(uow, ctx, query);
      },
    );
    app.post(
      '/nominations',
      {
        schema: {
          tags,
          summary:
            'Nominate a person for a role (admins, the service level manager, current owners)',
          body: CreateNomination,
          response: { 201: Nomination, ...errors },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, env);
        const created = await nominate(uow, ctx, request.body);
        return reply
          .status(201)
          .header('Location', `/api/v1/nominations/${created.id}`)
          .send(await getNomination(uow, ctx, created.id));
      },
    );
    app.get(
      '/nominations/:id',
      {
        schema: {
          tags,
          summary: 'Get a nomination (while pending, with the statement to confirm)',
          params: IdParams,
          response: { 200: Nomination, ...errors },
        },
      },
      (request) => getNomination(uow, ctxOf(request, env), request.params.id),
    );
    app.post(
      '/nominations/:id/accept',
      {
        schema: {
          tags,
          summary: 'Accept a nomination (nominee only), confirming the exact statement',
          params: IdParams,
          body: AcceptNomination,
          response: { 200: Role, ...errors },
        },
      },
      async (request) => {
        const ctx = ctxOf(request, env);
        const role = await acceptNomination(uow, ctx, request.params.id, request.body);
        return getRole(uow, ctx, role.id);
      },
    );
    action(
      '/nominations/:id/decline',
      'Decline a nomination (nominee only), with a reason',
      { body: DeclineNomination, response: Nomination },
      (ctx, id, body) => declineNomination(uow, ctx, id, body),
      readNomination,
    );
    action(
      '/nominations/:id/withdraw',
      'Withdraw a nomination (the nominator or an admin)',
      { response: Nomination },
      (ctx, id) => withdrawNomination(uow, ctx, id),
      readNomination,
    );

    app.get(
      '/roles',
      {
        schema: {
          tags,
          summary: 'List roles (activeAt=<instant> for the roles active then; format=csv)',
          querystring: RolesQuery,
          response: { 200: RolesPage, ...errors },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, env);
        const { format, ...query } = request.query;
        if (format === 'csv') {
          return sendCsv(
            reply,
            'roles.csv',
            [
              'id',
              'kind',
              'scope',
              'person',
              'state',
              'acceptedAt',
              'termEndsAt',
              'endedAt',
              'endReason',
              'statement',
            ],
            async (cursor) => {
              const page = await listRoles(uow, ctx, { ...query, limit: 200, cursor });
              return {
                nextCursor: page.nextCursor,
                items: page.items.map((r) => ({
                  ...r,
                  scope: r.scope.label,
                  person: r.person.name,
                })),
              };
            },
          );
        }
        return listRoles(uow, ctx, query);
      },
    );
    app.get(
      '/roles/:id',
      {
        schema: {
          tags,
          summary: 'Get a role',
          params: IdParams,
          response: { 200: Role, ...errors },
        },
      },
      (request) => getRole(uow, ctxOf(request, env), request.params.id),
    );
    app.get(
      '/roles/:id/affirmations',
      {
        schema: {
          tags,
          summary: "A role's acceptance and re-affirmations, oldest first",
          params: IdParams,
          response: { 200: RoleAffirmations, ...errors },
        },
      },
      (request) => roleAffirmations(uow, ctxOf(request, env), request.params.id),
    );
    action(
      '/roles/:id/reaffirm',
      'Re-affirm a role for another term (holder only)',
      { response: Role },
      (ctx, id) => reaffirmRole(uow, ctx, id),
      readRole,
    );
    action(
      '/roles/:id/resign',
      'Resign a role (holder only), with a reason',
      { body: ResignRole, response: Role },
      (ctx, id, body) => resignRole(uow, ctx, id, body),
      readRole,
    );

    app.get(
      '/services/:id/roles',
      {
        schema: {
          tags,
          summary: 'Owner, deputies, delivery leads, customer representatives and open nominations',
          params: ServiceRefParams,
          response: { 200: ServiceRoles, ...errors },
        },
      },
      (request) => serviceRoles(uow, ctxOf(request, env), request.params.id),
    );
    app.get(
      '/me/commitments',
      {
        schema: {
          tags,
          summary: 'My commitments: nominations to answer, roles to re-affirm, my roles, ...',
          response: { 200: MyCommitments, ...errors },
        },
      },
      (request) => myCommitments(uow, ctxOf(request, env)),
    );
    done();
  };
