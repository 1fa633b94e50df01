import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { OrgUnitId, TeamId } from '../../core/ids.js';
import {
  CreateOrgUnit,
  CreateTeam,
  OrgUnit,
  OrgUnitsPage,
  OrgUnitsQuery,
  Team,
  TeamsPage,
  TeamsQuery,
  UpdateOrgUnit,
  UpdateTeam,
} from '../../contract/teams.js';
import { createOrgUnit } from '../../app/org-units/create-org-unit.js';
import { getOrgUnit, listOrgUnits } from '../../app/org-units/read-org-units.js';
import { updateOrgUnit } from '../../app/org-units/update-org-unit.js';
import { createTeam } from '../../app/teams/create-team.js';
import { getTeam, listTeams } from '../../app/teams/read-teams.js';
import { updateTeam } from '../../app/teams/update-team.js';
import { registerResource } from '../resource-routes.js';
import type { RouteDeps } from './deps.js';

/** Teams (delivery teams with a lead and members) and organisation units (service consumers). */
export const teamsRoutes =
  (deps: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    const { uow } = deps;
    registerResource(app, deps, {
      path: '/teams',
      tag: 'teams',
      noun: 'team',
      schemas: {
        item: Team,
        page: TeamsPage,
        query: TeamsQuery,
        create: CreateTeam,
        update: UpdateTeam,
      },
      csv: {
        filename: 'teams.csv',
        columns: [
          'id',
          'name',
          'description',
          'leadId',
          'memberIds',
          'active',
          'createdAt',
          'updatedAt',
        ],
      },
      list: (ctx, query) => listTeams(uow, ctx, query),
      create: (ctx, input) => createTeam(uow, ctx, input),
      get: (ctx, id) => getTeam(uow, ctx, id as TeamId),
      update: (ctx, id, version, input) => updateTeam(uow, ctx, id as TeamId, version, input),
    });
    registerResource(app, deps, {
      path: '/org-units',
      tag: 'organisation units',
      noun: 'organisation unit',
      schemas: {
        item: OrgUnit,
        page: OrgUnitsPage,
        query: OrgUnitsQuery,
        create: CreateOrgUnit,
        update: UpdateOrgUnit,
      },
      csv: {
        filename: 'org-units.csv',
        columns: ['id', 'name', 'description', 'headId', 'active', 'createdAt', 'updatedAt'],
      },
      list: (ctx, query) => listOrgUnits(uow, ctx, query),
      create: (ctx, input) => createOrgUnit(uow, ctx, input),
      get: (ctx, id) => getOrgUnit(uow, ctx, id as OrgUnitId),
      update: (ctx, id, version, input) => updateOrgUnit(uow, ctx, id as OrgUnitId, version, input),
    });
    done();
  };
