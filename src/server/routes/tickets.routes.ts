import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nextStatuses } from '../../core/tickets.js';
import { ErrorBody } from '../../contract/common.js';
import { ServiceRefParams } from '../../contract/services.js';
import {
  AssignTicket,
  Availability,
  AvailabilityQuery,
  ChangeStatus,
  CreateTicket,
  RecordFirstResponse,
  Ticket,
  TicketHistory,
  TicketImportQuery,
  TicketImportReport,
  TicketRefParams,
  TicketsPage,
  TicketsQuery,
  UpdateTicket,
} from '../../contract/tickets.js';
import type { TicketView } from '../../app/ports.js';
import type { Ctx } from '../../app/context.js';
import { withTimers } from '../../app/tickets/ticket-timers.js';
import { createTicket } from '../../app/tickets/create-ticket.js';
import { importTickets } from '../../app/tickets/import-tickets.js';
import { getTicket, getTicketHistory, listTickets } from '../../app/tickets/read-tickets.js';
import { serviceAvailability } from '../../app/tickets/service-availability.js';
import {
  assignTicket,
  changeTicketStatus,
  recordFirstResponse,
  updateTicket,
} from '../../app/tickets/work-ticket.js';
import { ctxOf, etag, expectedVersion } from '../auth.js';
import { errors, registerResource } from '../resource-routes.js';
import type { RouteDeps } from './deps.js';

const tags = ['tickets'];

/** The wire ticket also says where its status may go, and carries its SLA timers. */
export const toWire = (t: TicketView & { timers: Ticket['timers'] }): Ticket => ({
  ...t,
  nextStatuses: [...nextStatuses(t.status)],
});

/** Lines of a body: a string (text/plain) or a stream (application/x-ndjson), read as it arrives. */
function linesOf(body: unknown): AsyncIterable<string> | Iterable<string> {
  if (typeof body === 'string') return body.split(/\r?\n/);
  if (body && typeof (body as Readable).pipe === 'function')
    return createInterface({ input: body as Readable, crlfDelay: Infinity });
  return [];
}

/** Tickets: list, open, read, change, their history, status moves, assignment and import. */
export const ticketsRoutes =
  (deps: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    const { uow, env } = deps;
    const wire = async (ctx: Ctx, t: TicketView) => toWire((await withTimers(uow, ctx, [t]))[0]!);
    // JSON Lines stream straight into the import, line by line (this plugin's routes only).
    app.addContentTypeParser(
      ['application/x-ndjson', 'application/jsonl', 'application/jsonlines'],
      (_request, payload, next) => next(null, payload),
    );

    registerResource(app, deps, {
      path: '/tickets',
      tag: 'tickets',
      noun: 'ticket',
      params: TicketRefParams,
      schemas: {
        item: Ticket,
        page: TicketsPage,
        query: TicketsQuery,
        create: CreateTicket,
        update: UpdateTicket,
      },
      csv: {
        filename: 'tickets.csv',
        columns: [
          'number',
          'type',
          'serviceSlug',
          'priority',
          'impact',
          'status',
          'title',
          'teamId',
          'assigneeId',
          'requesterId',
          'createdAt',
          'firstResponseAt',
          'resolvedAt',
          'closedAt',
          'updatedAt',
          'id',
        ],
      },
      list: async (ctx, query) => {
        const page = await listTickets(uow, ctx, query);
        const items = await withTimers(uow, ctx, page.items);
        return { items: items.map(toWire), nextCursor: page.nextCursor };
      },
      create: async (ctx, input) => wire(ctx, await createTicket(uow, ctx, input)),
      get: async (ctx, ref) => wire(ctx, await getTicket(uow, ctx, ref)),
      update: async (ctx, ref, version, input) =>
        wire(ctx, await updateTicket(uow, ctx, ref, version, input)),
    });

    app.get(
      '/tickets/:id/history',
      {
        schema: {
          tags,
          summary: "A ticket's status history, oldest first (append-only)",
          params: TicketRefParams,
          response: { 200: TicketHistory, ...errors },
        },
      },
      async (request) => ({
        items: (await getTicketHistory(uow, ctxOf(request, env), request.params.id)).history,
      }),
    );

    const move = <B extends z.ZodType>(
      path: string,
      summary: string,
      body: B,
      run: (
        u: typeof uow,
        ctx: ReturnType<typeof ctxOf>,
        ref: string,
        version: number,
        input: z.output<B>,
      ) => Promise<TicketView>,
    ) =>
      app.post(
        `/tickets/:id/${path}`,
        {
          schema: {
            tags,
            summary,
            params: TicketRefParams,
            headers: z.object({ 'if-match': z.string().optional() }),
            body,
            response: { 200: Ticket, ...errors },
          },
        },
        async (request, reply) => {
          const ctx = ctxOf(request, env);
          const t = await run(
            uow,
            ctx,
            request.params.id,
            expectedVersion(request),
            request.body as z.output<B>,
          );
          return etag(reply, t.version).send(await wire(ctx, t));
        },
      );
    move(
      'status',
      'Move a ticket to another status (send If-Match); only allowed moves',
      ChangeStatus,
      changeTicketStatus,
    );
    move(
      'assign',
      'Assign a team and person (send If-Match); a new ticket becomes assigned',
      AssignTicket,
      assignTicket,
    );
    move(
      'first-response',
      'Record the first response now (send If-Match)',
      RecordFirstResponse,
      recordFirstResponse,
    );

    app.post(
      '/tickets/import',
      {
        bodyLimit: deps.config.CHARTER_IMPORT_LIMIT_BYTES,
        schema: {
          tags,
          summary: 'Import tickets with their history from JSON Lines (one ticket a line)',
          description:
            'Send Content-Type application/x-ndjson (streamed line by line) or text/plain. Each line is saved in its own transaction; a failing line is reported with its line number and field and saves nothing. Tickets are identified by source + externalId (or the content hash of the line), so importing again changes nothing. See docs/tickets.md.',
          querystring: TicketImportQuery,
          response: {
            200: TicketImportReport,
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            415: ErrorBody,
          },
        },
      },
      (request) =>
        importTickets(uow, ctxOf(request, env), linesOf(request.body), {
          source: request.query.source,
          firstLine: request.query.firstLine,
        }),
    );

    app.get(
      '/services/:id/availability',
      {
        schema: {
          tags: ['services'],
          summary: 'Availability per month from outage incidents, 24x7 and within service hours',
          params: ServiceRefParams,
          querystring: AvailabilityQuery,
          response: { 200: Availability, ...errors },
        },
      },
      (request) => serviceAvailability(uow, ctxOf(request, env), request.params.id, request.query),
    );
    done();
  };
