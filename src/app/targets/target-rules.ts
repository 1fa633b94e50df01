import { conflict, invalid, notFound } from '../../core/errors.js';
import type { TeamId } from '../../core/ids.js';
import type { ServiceId } from '../../core/services.js';
import {
  validateTarget,
  type CalendarId,
  type ServiceLevelTarget,
  type TargetFields,
  type TargetId,
} from '../../core/sla/targets.js';
import type { Repositories } from '../ports.js';

/**
 * Checks a target before it is written: the core rules (statuses, percentages, duplicate
 * levels), its references (service, team, calendar: missing or archived is refused) and that
 * no other target has the same service × priority × metric × origin.
 */
export async function checkTarget(
  repos: Repositories,
  fields: TargetFields,
  options: { id?: TargetId; calendarChanged: boolean },
): Promise<void> {
  validateTarget(fields);
  if (fields.serviceId && !(await repos.services.get(fields.serviceId)))
    throw invalid('serviceId', 'no service has this id; leave it empty for the default target');
  if (fields.teamId) {
    const team = await repos.teams.get(fields.teamId);
    if (!team) throw invalid('teamId', 'no team has this id');
  }
  if (options.calendarChanged) {
    const calendar = await repos.calendars.get(fields.calendarId);
    if (!calendar) throw invalid('calendarId', 'no calendar has this id');
    if (!calendar.active)
      throw invalid('calendarId', `${calendar.name} is archived; choose an active calendar`);
  }
  const other = await repos.targets.findByScope(fields);
  if (other && other.id !== options.id)
    throw conflict(
      'priority',
      `${fields.serviceId ? 'this service' : 'the default'} already has a ${fields.priority} ${fields.metric} target${fields.origin === 'assigned_to_team' ? ' for this team' : ''}; change that one instead`,
    );
}

export async function findTarget(repos: Repositories, id: string): Promise<ServiceLevelTarget> {
  const target = await repos.targets.get(id as TargetId);
  if (!target) throw notFound('Service level target');
  return target;
}

/** Branded ids from the wire. */
export const ids = {
  service: (id: string | null) => id as ServiceId | null,
  team: (id: string | null) => id as TeamId | null,
  calendar: (id: string) => id as CalendarId,
};
