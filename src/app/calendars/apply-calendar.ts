import type { z } from 'zod';
import { requireAdmin } from '../../core/actor.js';
import type { ApplyCalendar, ApplyResult } from '../../contract/calendars.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import type { CalendarRecord } from './calendar-record.js';
import { checkedDefinition, refuseBuiltIn } from './calendar-rules.js';
import { insertCalendar } from './create-calendar.js';
import { applyCalendarUpdate } from './update-calendar.js';

/** Rolls back a dry run's transaction once its outcome is known. */
class DryRun extends Error {
  constructor(readonly result: ApplyResult) {
    super('dry run');
  }
}

/**
 * Creates the calendar named in `input`, or brings the one with that name in line with it
 * (GitOps style: the file is the truth, so no If-Match). Unchanged files change nothing.
 */
export async function applyCalendar(
  uow: UnitOfWork,
  ctx: Ctx,
  input: z.output<typeof ApplyCalendar>,
  options: { dryRun: boolean },
): Promise<ApplyResult> {
  requireAdmin(ctx.actor, 'apply calendars');
  try {
    return await uow.transaction(async (repos) => {
      const existing = await repos.calendars.findByName(input.name);
      let outcome: ApplyResult;
      if (!existing) {
        const created = await insertCalendar(repos, ctx, input);
        outcome = { outcome: 'created', changed: [], dryRun: options.dryRun, calendar: created };
      } else {
        refuseBuiltIn(existing);
        const wanted = {
          name: input.name,
          description: input.description ?? null,
          ...checkedDefinition(input),
          active: input.active ?? existing.active,
        };
        const changed = (Object.keys(wanted) as (keyof typeof wanted)[]).filter(
          (k) => JSON.stringify(wanted[k]) !== JSON.stringify(existing[k as keyof CalendarRecord]),
        );
        const calendar =
          changed.length === 0
            ? existing
            : await applyCalendarUpdate(repos, ctx, existing.id, existing.version, wanted);
        outcome = {
          outcome: changed.length === 0 ? 'unchanged' : 'updated',
          changed,
          dryRun: options.dryRun,
          calendar,
        };
      }
      if (options.dryRun) throw new DryRun(outcome);
      return outcome;
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
    return { ...error.result, calendar: null };
  }
}
