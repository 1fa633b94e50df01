import type { Kysely, Selectable } from 'kysely';
import type { Instant, TeamId } from '../core/ids.js';
import type { ServiceId } from '../core/services.js';
import {
  scopeKey,
  type CalendarId,
  type EscalationLevel,
  type Metric,
  type Origin,
  type Priority,
  type ServiceLevelTarget,
  type TargetFields,
  type TargetId,
  type TicketStatus,
} from '../core/sla/targets.js';
import type { PageRequest, TargetFilter, TargetsRepository } from '../app/ports.js';
import { keysetPage } from './pagination.js';
import type { Database, ServiceLevelTargetsTable } from './schema.js';

const toTarget = (r: Selectable<ServiceLevelTargetsTable>): ServiceLevelTarget => ({
  id: r.id as TargetId,
  serviceId: r.service_id as ServiceId | null,
  priority: r.priority as Priority,
  metric: r.metric as Metric,
  origin: r.origin as Origin,
  teamId: r.team_id as TeamId | null,
  duration:
    r.working_days !== null
      ? { workingDays: Number(r.working_days), endOfWorkingDay: Number(r.end_of_working_day) === 1 }
      : { businessSeconds: Number(r.business_seconds) },
  calendarId: r.calendar_id as CalendarId,
  pauseStatuses: JSON.parse(r.pause_statuses_json) as TicketStatus[],
  escalations: JSON.parse(r.escalations_json) as EscalationLevel[],
  version: Number(r.version),
  createdAt: r.created_at as Instant,
  updatedAt: r.updated_at as Instant,
});

const columns = (f: TargetFields) => ({
  service_id: f.serviceId,
  priority: f.priority,
  metric: f.metric,
  origin: f.origin,
  team_id: f.teamId,
  scope_key: scopeKey(f),
  business_seconds: 'businessSeconds' in f.duration ? f.duration.businessSeconds : null,
  working_days: 'workingDays' in f.duration ? f.duration.workingDays : null,
  end_of_working_day: 'workingDays' in f.duration && f.duration.endOfWorkingDay ? 1 : 0,
  calendar_id: f.calendarId,
  pause_statuses_json: JSON.stringify(f.pauseStatuses),
  escalations_json: JSON.stringify(f.escalations),
});

const sortColumns = {
  priority: 'service_level_targets.priority',
  metric: 'service_level_targets.metric',
  createdAt: 'service_level_targets.created_at',
  updatedAt: 'service_level_targets.updated_at',
};

export function targetsRepository(db: Kysely<Database>): TargetsRepository {
  return {
    async get(id) {
      const row = await db
        .selectFrom('service_level_targets')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toTarget(row) : null;
    },
    async findByScope(fields) {
      const row = await db
        .selectFrom('service_level_targets')
        .selectAll()
        .where('scope_key', '=', scopeKey(fields))
        .executeTakeFirst();
      return row ? toTarget(row) : null;
    },
    async forService(serviceId) {
      const rows = await db
        .selectFrom('service_level_targets')
        .selectAll()
        .where((eb) =>
          serviceId === null
            ? eb('service_id', 'is', null)
            : eb.or([eb('service_id', '=', serviceId), eb('service_id', 'is', null)]),
        )
        .orderBy('priority')
        .orderBy('metric')
        .orderBy('id')
        .execute();
      return rows.map(toTarget);
    },
    async list(filter: TargetFilter, page: PageRequest) {
      let q = db.selectFrom('service_level_targets').selectAll();
      if (filter.serviceId === null) q = q.where('service_level_targets.service_id', 'is', null);
      else if (filter.serviceId)
        q = q.where('service_level_targets.service_id', '=', filter.serviceId);
      if (filter.priority) q = q.where('service_level_targets.priority', '=', filter.priority);
      if (filter.metric) q = q.where('service_level_targets.metric', '=', filter.metric);
      if (filter.origin) q = q.where('service_level_targets.origin', '=', filter.origin);
      if (filter.calendarId)
        q = q.where('service_level_targets.calendar_id', '=', filter.calendarId);
      return keysetPage(q, page, sortColumns, 'service_level_targets.id', toTarget);
    },
    async countUsingCalendar(calendarId) {
      const row = await db
        .selectFrom('service_level_targets')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('calendar_id', '=', calendarId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async insert(t) {
      await db
        .insertInto('service_level_targets')
        .values({
          id: t.id,
          ...columns(t),
          version: t.version,
          created_at: t.createdAt,
          updated_at: t.updatedAt,
        })
        .execute();
    },
    async update(id, f, expectedVersion, at) {
      const result = await db
        .updateTable('service_level_targets')
        .set({ ...columns(f), version: expectedVersion + 1, updated_at: at })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async delete(id, expectedVersion) {
      const result = await db
        .deleteFrom('service_level_targets')
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}
