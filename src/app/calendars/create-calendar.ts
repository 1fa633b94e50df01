import type { z } from 'zod';
import { requireAdmin } from '../../core/actor.js';
import { conflict } from '../../core/errors.js';
import type { CalendarId } from '../../core/sla/targets.js';
import type { CreateCalendar } from '../../contract/calendars.js';
import { recordChange, type Ctx } from '../context.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { newRecord } from '../records.js';
import type { CalendarRecord } from './calendar-record.js';
import { checkedDefinition } from './calendar-rules.js';

export type CreateCalendarInput = z.output<typeof CreateCalendar>;

/** Inside a transaction: validates, inserts and audits a new calendar. */
export async function insertCalendar(
  repos: Repositories,
  ctx: Ctx,
  input: CreateCalendarInput,
): Promise<CalendarRecord> {
  const definition = checkedDefinition(input);
  if (await repos.calendars.findByName(input.name))
    throw conflict('name', `another calendar is already called ${input.name}`);
  const calendar: CalendarRecord = {
    id: ctx.env.newId() as CalendarId,
    name: input.name,
    description: input.description ?? null,
    ...definition,
    builtIn: false,
    ...newRecord(ctx),
  };
  await repos.calendars.insert(calendar);
  await recordChange(repos.audit, ctx, {
    action: 'calendar.created',
    entityType: 'calendar',
    entityId: calendar.id,
    after: calendar,
  });
  return calendar;
}

export async function createCalendar(
  uow: UnitOfWork,
  ctx: Ctx,
  input: CreateCalendarInput,
): Promise<CalendarRecord> {
  requireAdmin(ctx.actor, 'create calendars');
  return uow.transaction((repos) => insertCalendar(repos, ctx, input));
}
