import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApplyCalendar,
  ApplyQuery,
  ApplyResult,
  Calendar,
  CalendarsPage,
  CalendarsQuery,
  CheckQuery,
  CheckResult,
  CreateCalendar,
  IcsImportQuery,
  IcsImportResult,
  UpdateCalendar,
} from '../../contract/calendars.js';
import { applyCalendar } from '../../app/calendars/apply-calendar.js';
import { checkCalendar } from '../../app/calendars/check-calendar.js';
import { createCalendar } from '../../app/calendars/create-calendar.js';
import { importIcsHolidays } from '../../app/calendars/import-ics-holidays.js';
import { getCalendar, listCalendars } from '../../app/calendars/read-calendars.js';
import { archiveCalendar, updateCalendar } from '../../app/calendars/update-calendar.js';
import { ctxOf, etag, expectedVersion } from '../auth.js';
import { errors, registerResource } from '../resource-routes.js';
import type { RouteDeps } from './deps.js';

const tags = ['calendars'];
const RefParams = z.object({ id: z.string().min(1).max(200).describe('calendar id or name') });

/** Business calendars: weekly open hours, holidays (iCalendar import) and a business-time check. */
export const calendarsRoutes =
  (deps: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    const { uow, env } = deps;
    app.addContentTypeParser('text/calendar', { parseAs: 'string' }, (_req, body, next) =>
      next(null, body),
    );
    registerResource(app, deps, {
      path: '/calendars',
      tag: 'calendars',
      noun: 'calendar',
      params: RefParams,
      schemas: {
        item: Calendar,
        page: CalendarsPage,
        query: CalendarsQuery,
        create: CreateCalendar,
        update: UpdateCalendar,
      },
      csv: {
        filename: 'calendars.csv',
        columns: [
          'id',
          'name',
          'description',
          'timeZone',
          'week',
          'holidays',
          'builtIn',
          'active',
          'version',
          'createdAt',
          'updatedAt',
        ],
      },
      list: (ctx, query) => listCalendars(uow, ctx, query),
      create: (ctx, input) => createCalendar(uow, ctx, input),
      get: (ctx, ref) => getCalendar(uow, ctx, ref),
      update: async (ctx, ref, version, input) =>
        updateCalendar(uow, ctx, (await getCalendar(uow, ctx, ref)).id, version, input),
    });

    app.post(
      '/calendars/apply',
      {
        schema: {
          tags,
          summary: 'Create the calendar with this name, or update it to match (no If-Match)',
          querystring: ApplyQuery,
          body: ApplyCalendar,
          response: { 200: ApplyResult, ...errors },
        },
      },
      (request) =>
        applyCalendar(uow, ctxOf(request, env), request.body, {
          dryRun: request.query.dryRun ?? false,
        }),
    );

    app.post(
      '/calendars/:id/archive',
      {
        schema: {
          tags,
          summary: 'Archive a calendar (send If-Match); targets using it keep it',
          params: RefParams,
          headers: z.object({ 'if-match': z.string().optional() }),
          response: { 200: Calendar, ...errors },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, env);
        const calendar = await getCalendar(uow, ctx, request.params.id);
        const archived = await archiveCalendar(uow, ctx, calendar.id, expectedVersion(request));
        return etag(reply, archived.version).send(archived);
      },
    );

    app.post(
      '/calendars/:id/holidays/import-ics',
      {
        schema: {
          tags,
          summary:
            'Import holidays from an iCalendar (.ics) file (body text/calendar); ?preview=true saves nothing',
          description:
            'Events already in the calendar (same day or days) are skipped, so importing the same file again adds nothing. Events that cannot be read are listed by line; the others are still imported.',
          params: RefParams,
          querystring: IcsImportQuery,
          body: z.string().max(5_000_000).describe('the .ics file'),
          response: { 200: IcsImportResult, ...errors },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, env);
        const result = await importIcsHolidays(uow, ctx, request.params.id, request.body, {
          preview: request.query.preview ?? false,
        });
        return etag(reply, result.calendar.version).send(result);
      },
    );

    app.get(
      '/calendars/:id/check',
      {
        schema: {
          tags,
          summary: 'Business time between two times (from, to) or from plus a duration (add)',
          params: RefParams,
          querystring: CheckQuery,
          response: { 200: CheckResult, ...errors },
        },
      },
      (request) => checkCalendar(uow, ctxOf(request, env), request.params.id, request.query),
    );
    done();
  };
