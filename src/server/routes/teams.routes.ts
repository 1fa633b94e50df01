import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { OrgUnitId, TeamId } from '../../core/ids.js';
import type { OrgUnit, Team } from '../../core/people.js';
import { ErrorBody, IdParams } from '../../contract/common.js';
import {
  CreateOrgUnit,
  CreateTeam,
  OrgUnit as OrgUnitSchema,
  OrgUnitsPage,
  OrgUnitsQuery,
  Team as TeamSchema,
  TeamsPage,
  TeamsQuery,
  UpdateOrgUnit,
  UpdateTeam,
} from '../../contract/teams.js';
import { createTeam } from '../../app/teams/create-team.js';
import { getTeam, listTeams } from '../../app/teams/read-teams.js';
import { updateTeam } from '../../app/teams/update-team.js';
import { createOrgUnit } from '../../app/org-units/create-org-unit.js';
import { getOrgUnit, listOrgUnits } from '../../app/org-units/read-org-units.js';
import { updateOrgUnit } from '../../app/org-units/update-org-unit.js';
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
const ifMatch = z.object({ 'if-match': z.string().optional() });

export const teamsRoutes =
  ({ uow, env }: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    app.get(
      '/teams',
      {
        schema: {
          tags: ['teams'],
          summary: 'List teams',
          querystring: TeamsQuery,
          response: { 200: TeamsPage, ...errors },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, env);
        const { format, ...query } = request.query;
        if (format === 'csv') {
          const cols: (keyof Team)[] = [
            'id',
            'name',
            'description',
            'leadId',
            'memberIds',
            'active',
            'createdAt',
            'updatedAt',
          ];
          return sendCsv(reply, 'teams.csv', cols, (cursor) =>
            listTeams(uow, ctx, { ...query, limit: 200, cursor }),
          );
        }
        return listTeams(uow, ctx, query);
      },
    );
    app.post(
      '/teams',
      {
        schema: {
          tags: ['teams'],
          summary: 'Create a team',
          body: CreateTeam,
          response: { 201: TeamSchema, ...errors },
        },
      },
      async (request, reply) => {
        const team = await createTeam(uow, ctxOf(request, env), request.body);
        return etag(reply, team.version)
          .status(201)
          .header('Location', `/api/v1/teams/${team.id}`)
          .send(team);
      },
    );
    app.get(
      '/teams/:id',
      {
        schema: {
          tags: ['teams'],
          summary: 'Get a team',
          params: IdParams,
          response: { 200: TeamSchema, ...errors },
        },
      },
      async (request, reply) => {
        const team = await getTeam(uow, ctxOf(request, env), request.params.id as TeamId);
        return etag(reply, team.version).send(team);
      },
    );
    app.patch(
      '/teams/:id',
      {
        schema: {
          tags: ['teams'],
          summary: 'Change a team (send If-Match)',
          params: IdParams,
          headers: ifMatch,
          body: UpdateTeam,
          response: { 200: TeamSchema, ...errors },
        },
      },
      async (request, reply) => {
        const team = await updateTeam(
          uow,
          ctxOf(request, env),
          request.params.id as TeamId,
          expectedVersion(request),
          request.body,
        );
        return etag(reply, team.version).send(team);
      },
    );

    app.get(
      '/org-units',
      {
        schema: {
          tags: ['organisation units'],
          summary: 'List organisation units',
          querystring: OrgUnitsQuery,
          response: { 200: OrgUnitsPage, ...errors },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, env);
        const { format, ...query } = request.query;
        if (format === 'csv') {
          const cols: (keyof OrgUnit)[] = [
            'id',
            'name',
            'description',
            'headId',
            'active',
            'createdAt',
            'updatedAt',
          ];
          return sendCsv(reply, 'org-units.csv', cols, (cursor) =>
            listOrgUnits(uow, ctx, { ...query, limit: 200, cursor }),
          );
        }
        return listOrgUnits(uow, ctx, query);
      },
    );
    app.post(
      '/org-units',
      {
        schema: {
          tags: ['organisation units'],
          summary: 'Create an organisation unit',
          body: CreateOrgUnit,
          response: { 201: OrgUnitSchema, ...errors },
        },
      },
      async (request, reply) => {
        const unit = await createOrgUnit(uow, ctxOf(request, env), request.body);
        return etag(reply, unit.version)
          .status(201)
          .header('Location', `/api/v1/org-units/${unit.id}`)
          .send(unit);
      },
    );
    app.get(
      '/org-units/:id',
      {
        schema: {
          tags: ['organisation units'],
          summary: 'Get an organisation unit',
          params: IdParams,
          response: { 200: OrgUnitSchema, ...errors },
        },
      },
      async (request, reply) => {
        const unit = await getOrgUnit(uow, ctxOf(request, env), request.params.id as OrgUnitId);
        return etag(reply, unit.version).send(unit);
      },
    );
    app.patch(
      '/org-units/:id',
      {
        schema: {
          tags: ['organisation units'],
          summary: 'Change an organisation unit (send If-Match)',
          params: IdParams,
          headers: ifMatch,
          body: UpdateOrgUnit,
          response: { 200: OrgUnitSchema, ...errors },
        },
      },
      async (request, reply) => {
        const unit = await updateOrgUnit(
          uow,
          ctxOf(request, env),
          request.params.id as OrgUnitId,
          expectedVersion(request),
          request.body,
        );
        return etag(reply, unit.version).send(unit);
      },
    );
    done();
  };
