import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { validateCalendar } from '../../core/calendar/calendar.js';
import { type CompiledCalendar, compileCalendar } from '../../core/calendar/clock.js';
import { formatLocal, parseTime } from '../../core/calendar/local-time.js';
import { type EpochMs, instantOf } from '../../core/calendar/units.js';
import { CliError } from '../context.js';

/** Bad input: exit code 2, naming the option. */
const bad = (message: string) => new CliError(message, 2);

interface ClockOptions {
  calendar?: string;
  from?: string;
  json?: boolean;
}

function loadCalendar(file: string | undefined): CompiledCalendar {
  if (!file) throw bad('--calendar is required: a JSON or YAML calendar file (see docs/clock.md).');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw bad(
      `--calendar ${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
    );
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw bad(`--calendar ${file}: not valid JSON or YAML: ${(error as Error).message}`);
  }
  const result = validateCalendar(raw);
  if (!result.ok)
    throw bad(
      `--calendar ${file}: not a valid calendar:${result.issues.map((i) => `\n  ${i.path || '(file)'}: ${i.message}`).join('')}`,
    );
  return compileCalendar(result.calendar);
}

function readTime(calendar: CompiledCalendar, option: string, value: string | undefined): EpochMs {
  if (value === undefined)
    throw bad(
      `${option} is required: a local time like 2025-03-14T09:30 or an instant like 2025-03-14T08:30:00Z.`,
    );
  const at = parseTime(calendar, value);
  if (at === null)
    throw bad(
      `${option} "${value}" is not a time: use YYYY-MM-DDTHH:MM[:SS] (local to the calendar's zone ${calendar.timeZone}) or add Z or an offset such as +01:00 for an instant.`,
    );
  return at;
}

export type ParsedDuration = { seconds: number } | { workingDays: number };

/** "4h", "-90m", "3600s", "7wd" (working days). */
export function parseDuration(text: string): ParsedDuration | null {
  const m = /^([+-]?\d+(?:\.\d+)?)(s|m|h|wd)$/.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'wd':
      return Number.isInteger(n) ? { workingDays: n } : null;
    case 'h':
      return { seconds: n * 3600 };
    case 'm':
      return { seconds: n * 60 };
    default:
      return { seconds: n };
  }
}

const both = (calendar: CompiledCalendar, at: EpochMs) => ({
  local: formatLocal(calendar, at),
  instant: instantOf(at),
});

/** `charter clock elapsed --calendar FILE --from T --to T`: business seconds between two times. */
export function clockElapsed(options: ClockOptions & { to?: string }): void {
  const calendar = loadCalendar(options.calendar);
  const from = readTime(calendar, '--from', options.from);
  const to = readTime(calendar, '--to', options.to);
  const seconds = calendar.elapsed(from, to);
  if (!options.json) return console.log(String(seconds));
  const a = both(calendar, from);
  const b = both(calendar, to);
  console.log(
    JSON.stringify(
      {
        seconds,
        local: { from: a.local, to: b.local },
        instant: { from: a.instant, to: b.instant },
        timeZone: calendar.timeZone,
      },
      null,
      2,
    ),
  );
}

/** `charter clock add --calendar FILE --from T --duration D [--end-of-working-day]`. */
export function clockAdd(
  options: ClockOptions & { duration?: string; endOfWorkingDay?: boolean },
): void {
  const calendar = loadCalendar(options.calendar);
  const from = readTime(calendar, '--from', options.from);
  if (options.duration === undefined)
    throw bad('--duration is required: e.g. 4h, -90m, 3600s or 7wd (working days).');
  const duration = parseDuration(options.duration);
  if (!duration)
    throw bad(
      `--duration "${options.duration}" is not a duration: a number with s, m, h or wd (whole working days), e.g. 4h, -90m, 3600s, 7wd.`,
    );
  if (options.endOfWorkingDay && !('workingDays' in duration))
    throw bad('--end-of-working-day only applies to a duration in working days (e.g. 3wd).');
  const at =
    'workingDays' in duration
      ? calendar.addWorkingDays(from, duration.workingDays, {
          endOfWorkingDay: options.endOfWorkingDay ?? false,
        })
      : calendar.addBusinessSeconds(from, duration.seconds);
  const result = both(calendar, at);
  if (options.json)
    return console.log(JSON.stringify({ ...result, timeZone: calendar.timeZone }, null, 2));
  console.log(`${result.local} ${calendar.timeZone} (${result.instant})`);
}
