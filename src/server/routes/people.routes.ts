import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PersonId } from '../../core/ids.js';
import { ErrorBody } from '../../contract/common.js';
import {
  CreatePerson,
  PeopleImportReport,
  PeoplePage,
  PeopleQuery,
  Person,
  UpdatePerson,
} from '../../contract/people.js';
import { createPerson } from '../../app/people/create-person.js';
import { importPeople } from '../../app/people/import-people.js';
import { getPerson, listPeople } from '../../app/people/read-people.js';
import { updatePerson } from '../../app/people/update-person.js';
import { ctxOf } from '../auth.js';
import { registerResource } from '../resource-routes.js';
import type { RouteDeps } from './deps.js';

export const peopleRoutes =
  (deps: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    const { uow, env, config } = deps;
    registerResource(app, deps, {
      path: '/people',
      tag: 'people',
      noun: 'person',
      schemas: {
        item: Person,
        page: PeoplePage,
        query: PeopleQuery,
        create: CreatePerson,
        update: UpdatePerson,
      },
      csv: {
        filename: 'people.csv',
        columns: [
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
        ],
      },
      list: (ctx, query) => listPeople(uow, ctx, query),
      create: (ctx, input) => createPerson(uow, ctx, input),
      get: (ctx, id) => getPerson(uow, ctx, id as PersonId),
      update: (ctx, id, version, input) => updatePerson(uow, ctx, id as PersonId, version, input),
    });

    app.post(
      '/people/import',
      {
        bodyLimit: config.CHARTER_IMPORT_LIMIT_BYTES,
        schema: {
          tags: ['people'],
          summary:
            'Import people from CSV (columns: name, email, title, seniority, manager_email, org_unit)',
          description:
            'Send the CSV file as the body with Content-Type text/csv. People are matched by email, so re-importing updates. Every row is reported as created, updated, unchanged or rejected with the reason.',
          querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
          response: {
            200: PeopleImportReport,
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            413: ErrorBody,
          },
        },
      },
      (request) =>
        importPeople(
          uow,
          ctxOf(request, env),
          typeof request.body === 'string' ? request.body : '',
          {
            dryRun: request.query.dryRun === 'true',
          },
        ),
    );
    done();
  };
