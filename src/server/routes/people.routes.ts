import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PersonId } from '../../core/ids.js';
import type { Person } from '../../core/people.js';
import { ErrorBody, IdParams } from '../../contract/common.js';
import {
  CreatePerson,
  PeopleImportReport,
  PeoplePage,
  PeopleQuery,
  Person as PersonSchema,
  UpdatePerson,
} from '../../contract/people.js';
import { createPerson } from '../../app/people/create-person.js';
import { importPeople } from '../../app/people/import-people.js';
import { getPerson, listPeople } from '../../app/people/read-people.js';
import { updatePerson } from '../../app/people/update-person.js';
import { ctxOf, etag, expectedVersion } from '../auth.js';
import { sendCsv } from '../csv.js';
import type { RouteDeps } from './deps.js';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  412: ErrorBody,
  428: ErrorBody,
};
const csvColumns: (keyof Person)[] = [
  'id',
  'name',
  'email',
  'title',
  'seniority',
  'managerId',
  'orgUnitId',
  'role',
  'active',
  'createdAt',
  'updatedAt',
];

export const peopleRoutes =
  ({ uow, env, config }: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    app.get(
      '/people',
      {
        schema: {
          tags: ['people'],
          summary: 'List people',
          querystring: PeopleQuery,
          response: { 200: PeoplePage, ...errors },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, env);
        const { format, ...query } = request.query;
        if (format === 'csv') {
          return sendCsv(reply, 'people.csv', csvColumns, (cursor) =>
            listPeople(uow, ctx, { ...query, limit: 200, cursor }),
          );
        }
        return listPeople(uow, ctx, query);
      },
    );

    app.post(
      '/people',
      {
        schema: {
          tags: ['people'],
          summary: 'Add a person',
          body: CreatePerson,
          response: { 201: PersonSchema, ...errors },
        },
      },
      async (request, reply) => {
        const person = await createPerson(uow, ctxOf(request, env), request.body);
        return etag(reply, person.version)
          .status(201)
          .header('Location', `/api/v1/people/${person.id}`)
          .send(person);
      },
    );

    app.get(
      '/people/:id',
      {
        schema: {
          tags: ['people'],
          summary: 'Get a person',
          params: IdParams,
          response: { 200: PersonSchema, ...errors },
        },
      },
      async (request, reply) => {
        const person = await getPerson(uow, ctxOf(request, env), request.params.id as PersonId);
        return etag(reply, person.version).send(person);
      },
    );

    app.patch(
      '/people/:id',
      {
        schema: {
          tags: ['people'],
          summary: 'Change a person (send If-Match with the ETag you read)',
          params: IdParams,
          headers: z.object({ 'if-match': z.string().optional() }),
          body: UpdatePerson,
          response: { 200: PersonSchema, ...errors },
        },
      },
      async (request, reply) => {
        const person = await updatePerson(
          uow,
          ctxOf(request, env),
          request.params.id as PersonId,
          expectedVersion(request),
          request.body,
        );
        return etag(reply, person.version).send(person);
      },
    );

    app.post(
      '/people/import',
      {
        bodyLimit: config.CHARTER_IMPORT_LIMIT_BYTES,
        schema: {
          tags: ['people'],
          summary:
            'Import people from CSV (columns: name, email, title, seniority, manager_email, org_unit)',
          description:
            'Send the CSV file as the body with Content-Type text/csv. Matched by email: re-importing updates. Every row is reported.',
          querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
          response: { 200: PeopleImportReport, ...errors, 413: ErrorBody },
        },
      },
      async (request) => {
        return importPeople(
          uow,
          ctxOf(request, env),
          typeof request.body === 'string' ? request.body : '',
          { dryRun: request.query.dryRun === 'true' },
        );
      },
    );
    done();
  };
