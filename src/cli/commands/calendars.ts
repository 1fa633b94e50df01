import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { ApplyResult, Calendar, IcsImportResult } from '../../contract/calendars.js';
import type { Target } from '../../contract/targets.js';
import { CliError, callApi, callApiAll, type RemoteOptions } from '../context.js';

const hours = (c: Calendar) => {
  const days = Object.entries(c.week).filter(([, r]) => r && r.length > 0);
  return days.length === 0
    ? 'never open'
    : days.map(([d, r]) => `${d} ${r.map(([a, b]) => `${a}-${b}`).join(',')}`).join('; ');
};

/** `charter calendars list`: every calendar with its zone, hours and holidays. */
export async function calendarsList(options: RemoteOptions & { json?: boolean }): Promise<void> {
  const calendars = await callApiAll<Calendar>(options, '/api/v1/calendars', { sort: 'name' });
  if (options.json) {
    console.log(JSON.stringify(calendars, null, 2));
    return;
  }
  for (const c of calendars) {
    const flags = [c.builtIn ? 'built in' : null, c.active ? null : 'archived'].filter(Boolean);
    console.log(
      `${c.name}${flags.length ? ` (${flags.join(', ')})` : ''}  ${c.timeZone}  ${c.holidays.length} holiday(s)\n  ${hours(c)}`,
    );
  }
  console.log(`${calendars.length} calendar(s).`);
}

const ref = (name: string) => `/api/v1/calendars/${encodeURIComponent(name)}`;

async function readCalendarFile(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new CliError(
      `${file} is not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new CliError(`${file}: a calendar is an object with name, timeZone, week and holidays`);
  const body = parsed as Record<string, unknown>;
  if (typeof body.name !== 'string' || !body.name.trim())
    throw new CliError(`${file}: name is required (calendars are matched by name)`);
  return body;
}

/** `charter calendars apply FILE`: creates the calendar named in FILE, or updates it. */
export async function calendarsApply(
  file: string,
  options: RemoteOptions & { dryRun?: boolean; json?: boolean },
): Promise<void> {
  const body = await readCalendarFile(file);
  const result = (await callApi(
    options,
    'POST',
    `/api/v1/calendars/apply${options.dryRun ? '?dryRun=true' : ''}`,
    JSON.stringify(body),
  )) as ApplyResult;
  if (options.json) return console.log(JSON.stringify(result, null, 2));
  const name = body.name as string;
  const dry = result.dryRun ? ' (dry run, nothing saved)' : '';
  if (result.outcome === 'created')
    console.log(
      `+ ${name} ${result.dryRun ? 'would be created' : `created (${result.calendar?.id})`}${dry}`,
    );
  else if (result.outcome === 'unchanged') console.log(`= ${name} unchanged`);
  else
    console.log(
      `~ ${name} ${result.dryRun ? 'would change' : 'updated'}: ${result.changed.join(', ')}${dry}`,
    );
}

const describeHoliday = (h: IcsImportResult['added'][number]) =>
  `${h.date ?? `${h.from} to ${h.to}`}${h.yearly ? ' (yearly)' : ''}${h.name ? `  ${h.name}` : ''}`;

/** `charter calendars import-ics NAME FILE`: adds the holidays of an iCalendar file. */
export async function calendarsImportIcs(
  name: string,
  file: string,
  options: RemoteOptions & { dryRun?: boolean; json?: boolean },
): Promise<void> {
  let ics: string;
  try {
    ics = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const result = (await callApi(
    options,
    'POST',
    `${ref(name)}/holidays/import-ics${options.dryRun ? '?preview=true' : ''}`,
    ics,
    'text/calendar',
  )) as IcsImportResult;
  if (options.json) return console.log(JSON.stringify(result, null, 2));
  for (const h of result.added) console.log(`+ ${describeHoliday(h)}`);
  for (const s of result.skipped) console.log(`= ${describeHoliday(s.holiday)}  (${s.reason})`);
  for (const e of result.errors) console.log(`! ${file}:${e.line}: ${e.message}`);
  console.log(
    `${result.preview ? 'Dry run, nothing saved: ' : ''}${result.added.length} added, ${result.skipped.length} skipped, ${result.errors.length} error(s).`,
  );
  if (result.errors.length > 0) process.exitCode = 1;
}

const durationText = (d: Target['duration']) =>
  'workingDays' in d
    ? `${d.workingDays} working day(s)${d.endOfWorkingDay ? ', end of day' : ''}`
    : `${d.businessSeconds / 3600} business hour(s)`;

/** `charter targets list`: service level targets, optionally of one service. */
export async function targetsList(
  options: RemoteOptions & { service?: string; json?: boolean },
): Promise<void> {
  const query: Record<string, string> = { sort: 'priority' };
  if (options.service) {
    query.serviceId =
      options.service === 'default'
        ? 'default'
        : (
            (await callApi(
              options,
              'GET',
              `/api/v1/services/${encodeURIComponent(options.service)}`,
            )) as { id: string }
          ).id;
  }
  const targets = await callApiAll<Target>(options, '/api/v1/service-level-targets', query);
  if (options.json) return console.log(JSON.stringify(targets, null, 2));
  const calendars = new Map(
    (await callApiAll<Calendar>(options, '/api/v1/calendars')).map((c) => [c.id, c.name]),
  );
  for (const t of targets) {
    console.log(
      `${t.priority} ${t.metric.padEnd(10)} ${(t.serviceId ?? 'default').padEnd(36)} ${durationText(t.duration)} on ${calendars.get(t.calendarId) ?? t.calendarId}${t.origin === 'assigned_to_team' ? ` (from assignment to team ${t.teamId})` : ''}${t.escalations.length ? `, ${t.escalations.length} escalation level(s)` : ''}`,
    );
  }
  console.log(`${targets.length} target(s).`);
}
