import type { z } from 'zod';
import { requireAdmin } from '../../core/actor.js';
import { conflict, invalid } from '../../core/errors.js';
import type { CalendarId } from '../../core/sla/targets.js';
import type { UpdateCalendar } from '../../contract/calendars.js';
import { recordChange, type Ctx } from '../context.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { current, staleWrite } from '../records.js';
import type { CalendarFields, CalendarRecord } from './calendar-record.js';
import { checkedDefinition, refuseBuiltIn } from './calendar-rules.js';

export type UpdateCalendarInput = z.output<typeof UpdateCalendar>;

/** Inside a transaction: a partial update at `expectedVersion`, validated and audited. */
export async function applyCalendarUpdate(
  repos: Repositories,
  ctx: Ctx,
  id: CalendarId,
  expectedVersion: number,
  input: UpdateCalendarInput,
  action = 'calendar.updated',
): Promise<CalendarRecord> {
  const before = current(await repos.calendars.get(id), expectedVersion, 'Calendar');
  refuseBuiltIn(before);
  if (input.name !== undefined && input.name.toLowerCase() !== before.name.toLowerCase()) {
    if (await repos.calendars.findByName(input.name))
      throw conflict('name', `another calendar is already called ${input.name}`);
  }
  const definition = checkedDefinition({
    timeZone: input.timeZone ?? before.timeZone,
    week: input.week ?? before.week,
    holidays: input.holidays ?? before.holidays,
  });
  const fields: CalendarFields = {
    name: input.name ?? before.name,
    description: input.description === undefined ? before.description : input.description,
    ...definition,
    active: input.active ?? before.active,
  };
  const now = ctx.env.now();
  if (!(await repos.calendars.update(id, fields, expectedVersion, now)))
    throw staleWrite('This calendar');
  const after: CalendarRecord = {
    ...before,
    ...fields,
    version: expectedVersion + 1,
    updatedAt: now,
  };
  await recordChange(repos.audit, ctx, {
    action,
    entityType: 'calendar',
    entityId: id,
    before,
    after,
  });
  return after;
}

export async function updateCalendar(
  uow: UnitOfWork,
  ctx: Ctx,
  id: CalendarId,
  expectedVersion: number,
  input: UpdateCalendarInput,
): Promise<CalendarRecord> {
  requireAdmin(ctx.actor, 'change calendars');
  return uow.transaction((repos) => applyCalendarUpdate(repos, ctx, id, expectedVersion, input));
}

/**
 * Archives a calendar: it stays for the targets and history that use it, and new targets can
 * no longer choose it.
 */
export async function archiveCalendar(
  uow: UnitOfWork,
  ctx: Ctx,
  id: CalendarId,
  expectedVersion: number,
): Promise<CalendarRecord> {
  requireAdmin(ctx.actor, 'archive calendars');
  return uow.transaction(async (repos) => {
    const calendar = current(await repos.calendars.get(id), expectedVersion, 'Calendar');
    refuseBuiltIn(calendar);
    if (!calendar.active) throw invalid('active', 'this calendar is already archived');
    return applyCalendarUpdate(
      repos,
      ctx,
      id,
      expectedVersion,
      { active: false },
      'calendar.archived',
    );
  });
}
