import { sql, type Kysely, type Selectable } from 'kysely';
import type { Instant, PersonId, TeamId } from '../core/ids.js';
import type { ServiceId } from '../core/services.js';
import {
  doneStatuses,
  numberPrefix,
  type Impact,
  type Priority,
  type Ticket,
  type TicketEvent,
  type TicketId,
  type TicketStatus,
  type TicketType,
} from '../core/tickets.js';
import type {
  TicketFilter,
  TicketsRepository,
  TicketTimerFacts,
  TicketView,
} from '../app/ports.js';
import { containsPattern, keysetPage, likeInsensitive } from './pagination.js';
import type { Database, TicketEventsTable, TicketsTable } from './schema.js';

type Row = Selectable<TicketsTable> & { service_slug: string | null; service_name: string | null };

const toTicket = (r: Row): TicketView & { importHash: string | null } => ({
  id: r.id as TicketId,
  number: r.number,
  type: r.type as TicketType,
  serviceId: r.service_id as ServiceId | null,
  serviceSlug: r.service_slug,
  serviceName: r.service_name,
  priority: r.priority as Priority,
  impact: r.impact as Impact,
  title: r.title,
  description: r.description,
  requesterId: r.requester_id as PersonId | null,
  teamId: r.team_id as TeamId | null,
  assigneeId: r.assignee_id as PersonId | null,
  status: r.status as TicketStatus,
  createdAt: r.created_at as Instant,
  firstResponseAt: r.first_response_at as Instant | null,
  resolvedAt: r.resolved_at as Instant | null,
  closedAt: r.closed_at as Instant | null,
  externalRef:
    r.external_source !== null && r.external_id !== null
      ? { source: r.external_source, id: r.external_id }
      : null,
  version: Number(r.version),
  updatedAt: r.updated_at as Instant,
  importHash: r.import_hash,
});

const view = ({ importHash: _, ...t }: TicketView & { importHash: string | null }): TicketView => t;

const toEvent = (r: Selectable<TicketEventsTable>): TicketEvent => ({
  seq: Number(r.seq),
  at: r.at as Instant,
  status: r.status as TicketStatus,
  teamId: r.team_id as TeamId | null,
  assigneeId: r.assignee_id as PersonId | null,
  priority: r.priority as Priority,
  impact: r.impact as Impact,
  actorId: r.actor_id as PersonId | null,
  note: r.note,
});

const sortColumns = {
  createdAt: 'tickets.created_at',
  number: 'tickets.number',
  priority: 'tickets.priority',
  status: 'tickets.status',
  updatedAt: 'tickets.updated_at',
  title: 'tickets.title',
};

const state = (t: Ticket) => ({
  type: t.type,
  service_id: t.serviceId,
  priority: t.priority,
  impact: t.impact,
  title: t.title,
  description: t.description,
  requester_id: t.requesterId,
  team_id: t.teamId,
  assignee_id: t.assigneeId,
  status: t.status,
  first_response_at: t.firstResponseAt,
  resolved_at: t.resolvedAt,
  closed_at: t.closedAt,
  updated_at: t.updatedAt,
});

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function ticketsRepository(db: Kysely<Database>): TicketsRepository {
  const select = () =>
    db
      .selectFrom('tickets')
      .leftJoin('services', 'services.id', 'tickets.service_id')
      .selectAll('tickets')
      .select(['services.slug as service_slug', 'services.name as service_name']);

  const one = async (q: ReturnType<typeof select>) => {
    const row = await q.executeTakeFirst();
    return row ? toTicket(row) : null;
  };

  async function histories(ids: TicketId[]) {
    const out = new Map<TicketId, TicketEvent[]>();
    for (const part of chunks(ids, 500)) {
      const rows = await db
        .selectFrom('ticket_events')
        .selectAll()
        .where('ticket_id', 'in', part)
        .orderBy('ticket_id')
        .orderBy('seq')
        .execute();
      for (const r of rows) {
        const id = r.ticket_id as TicketId;
        const list = out.get(id);
        if (list) list.push(toEvent(r));
        else out.set(id, [toEvent(r)]);
      }
    }
    return out;
  }

  return {
    async nextNumber(type) {
      const prefix = numberPrefix[type];
      // The update takes the counter row's lock (PostgreSQL) until the transaction ends.
      const row = await db
        .updateTable('ticket_counters')
        .set((eb) => ({ value: eb('value', '+', 1) }))
        .where('prefix', '=', prefix)
        .returning('value')
        .executeTakeFirstOrThrow();
      return `${prefix}-${String(Number(row.value)).padStart(6, '0')}`;
    },
    async insert(t, importHash) {
      await db
        .insertInto('tickets')
        .values({
          id: t.id,
          number: t.number,
          ...state(t),
          created_at: t.createdAt,
          external_source: t.externalRef?.source ?? null,
          external_id: t.externalRef?.id ?? null,
          import_hash: importHash,
          version: t.version,
        })
        .execute();
    },
    async get(id) {
      const t = await one(select().where('tickets.id', '=', id));
      return t && view(t);
    },
    async getByNumber(number) {
      const t = await one(select().where('tickets.number', '=', number));
      return t && view(t);
    },
    getByExternalRef(source, id) {
      return one(
        select()
          .where('tickets.external_source', '=', source)
          .where('tickets.external_id', '=', id),
      );
    },
    async findOpenByExternalPrefix(source, prefix) {
      const rows = await select()
        .where('tickets.external_source', '=', source)
        .where(
          likeInsensitive(
            'tickets.external_id',
            `${prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
          ),
        )
        .where('tickets.status', 'not in', [...doneStatuses])
        .orderBy('tickets.created_at', 'desc')
        .execute();
      return rows.map((r) => view(toTicket(r)));
    },
    async update(t, expectedVersion) {
      const result = await db
        .updateTable('tickets')
        .set({ ...state(t), version: expectedVersion + 1 })
        .where('id', '=', t.id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async appendEvents(id, events) {
      if (events.length === 0) return [];
      const last = await db
        .selectFrom('ticket_events')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('ticket_id', '=', id)
        .executeTakeFirst();
      const start = last?.seq === null || last?.seq === undefined ? 0 : Number(last.seq) + 1;
      const out = events.map((e, i) => ({ ...e, seq: start + i }));
      for (const part of chunks(out, 200)) {
        await db
          .insertInto('ticket_events')
          .values(
            part.map((e) => ({
              ticket_id: id,
              seq: e.seq,
              at: e.at,
              status: e.status,
              team_id: e.teamId,
              assignee_id: e.assigneeId,
              priority: e.priority,
              impact: e.impact,
              actor_id: e.actorId,
              note: e.note,
            })),
          )
          .execute();
      }
      return out;
    },
    async history(id) {
      const rows = await db
        .selectFrom('ticket_events')
        .selectAll()
        .where('ticket_id', '=', id)
        .orderBy('seq')
        .execute();
      return rows.map(toEvent);
    },
    histories,
    async list(filter: TicketFilter, page) {
      let q = select();
      if (filter.q) {
        const p = containsPattern(filter.q);
        q = q.where((eb) =>
          eb.or([
            likeInsensitive('tickets.title', p),
            likeInsensitive('tickets.number', p),
            likeInsensitive('tickets.description', p),
          ]),
        );
      }
      if (filter.serviceId) q = q.where('tickets.service_id', '=', filter.serviceId);
      if (filter.type) q = q.where('tickets.type', '=', filter.type);
      if (filter.priority) q = q.where('tickets.priority', '=', filter.priority);
      if (filter.impact) q = q.where('tickets.impact', '=', filter.impact);
      if (filter.status) q = q.where('tickets.status', '=', filter.status);
      if (filter.teamId) q = q.where('tickets.team_id', '=', filter.teamId);
      if (filter.assigneeId) q = q.where('tickets.assignee_id', '=', filter.assigneeId);
      if (filter.open !== undefined)
        q = q.where('tickets.status', filter.open ? 'not in' : 'in', [...doneStatuses]);
      if (filter.createdFrom) q = q.where('tickets.created_at', '>=', filter.createdFrom);
      if (filter.createdTo) q = q.where('tickets.created_at', '<', filter.createdTo);
      const result = await keysetPage(q, page, sortColumns, 'tickets.id', (r) => view(toTicket(r)));
      return result;
    },
    async outageHistories(serviceId, to) {
      const ids = await db
        .selectFrom('tickets')
        .select('id')
        .where('service_id', '=', serviceId)
        .where('type', '=', 'incident')
        .where('created_at', '<', to)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('ticket_events')
              .select(sql`1`.as('one'))
              .whereRef('ticket_events.ticket_id', '=', 'tickets.id')
              .where('ticket_events.impact', '=', 'outage'),
          ),
        )
        .execute();
      const found = await histories(ids.map((r) => r.id as TicketId));
      return [...found.values()];
    },
    async timerFactsOf(serviceIds, createdFrom, createdTo) {
      const out: TicketTimerFacts[] = [];
      for (const part of chunks([...serviceIds], 200)) {
        const tickets = await db
          .selectFrom('tickets')
          .select(['id', 'service_id', 'priority', 'status', 'created_at', 'first_response_at'])
          .where('service_id', 'in', part)
          .where('created_at', '>=', createdFrom)
          .where('created_at', '<', createdTo)
          .orderBy('created_at')
          .orderBy('id')
          .execute();
        const byId = new Map<string, TicketTimerFacts>();
        for (const t of tickets) {
          const facts: TicketTimerFacts = {
            id: t.id as TicketId,
            serviceId: t.service_id as ServiceId,
            priority: t.priority as Priority,
            status: t.status as TicketStatus,
            createdAt: t.created_at as Instant,
            firstResponseAt: t.first_response_at as Instant | null,
            changes: [],
          };
          byId.set(t.id, facts);
          out.push(facts);
        }
        // By ticket id (the events' primary key), in order.
        for (const ids of chunks([...byId.keys()], 500)) {
          const events = await db
            .selectFrom('ticket_events')
            .select(['ticket_id', 'at', 'status'])
            .where('ticket_id', 'in', ids)
            .orderBy('ticket_id')
            .orderBy('seq')
            .execute();
          for (const e of events)
            byId.get(e.ticket_id)?.changes.push({
              at: e.at as Instant,
              status: e.status as TicketStatus,
            });
        }
      }
      return out;
    },
    async outageHistoriesOf(serviceIds, from, to) {
      const out = new Map<ServiceId, TicketEvent[][]>();
      for (const part of chunks([...serviceIds], 200)) {
        const rows = await db
          .selectFrom('tickets')
          .select(['id', 'service_id'])
          .where('service_id', 'in', part)
          .where('type', '=', 'incident')
          .where('created_at', '<', to)
          .where('status', '!=', 'cancelled')
          .where((eb) =>
            eb.or([
              eb('status', 'not in', ['resolved', 'closed']),
              eb('resolved_at', '>=', from),
              eb('closed_at', '>=', from),
            ]),
          )
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('ticket_events')
                .select(sql`1`.as('one'))
                .whereRef('ticket_events.ticket_id', '=', 'tickets.id')
                .where('ticket_events.impact', '=', 'outage'),
            ),
          )
          .execute();
        const found = await histories(rows.map((r) => r.id as TicketId));
        for (const r of rows) {
          const events = found.get(r.id as TicketId);
          if (!events) continue;
          const serviceId = r.service_id as ServiceId;
          const list = out.get(serviceId);
          if (list) list.push(events);
          else out.set(serviceId, [events]);
        }
      }
      return out;
    },
  };
}
