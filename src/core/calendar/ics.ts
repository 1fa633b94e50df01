/**
 * Holidays from an iCalendar (RFC 5545) text, e.g. a public-holiday feed: every all-day VEVENT
 * (`DTSTART;VALUE=DATE`) becomes a holiday; the exclusive `DTEND` gives an inclusive range,
 * `RRULE:FREQ=YEARLY` a yearly date and `SUMMARY` the name. Folded lines and CRLF are handled.
 * Events that cannot become a holiday are reported with their line number, not dropped silently.
 */
import type { Holiday } from './calendar.js';
import { civilDate, epochDay } from './units.js';

export interface IcsIssue {
  /** 1-based line of the event's BEGIN:VEVENT in the original text. */
  line: number;
  message: string;
}

export interface IcsHolidays {
  holidays: Holiday[];
  errors: IcsIssue[];
}

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
  line: number;
}

/** Unfolds continuation lines (a line starting with a space or tab continues the previous one). */
function unfold(text: string): Property[] {
  const raw = text.split(/\r\n|\n|\r/);
  const logical: { text: string; line: number }[] = [];
  raw.forEach((l, i) => {
    if ((l.startsWith(' ') || l.startsWith('\t')) && logical.length > 0)
      logical[logical.length - 1]!.text += l.slice(1);
    else if (l.length > 0) logical.push({ text: l, line: i + 1 });
  });
  return logical.map(({ text: l, line }) => {
    const colon = l.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const head = colon < 0 ? l : l.slice(0, colon);
    const [name = '', ...params] = head.split(';');
    return {
      name: name.toUpperCase(),
      params: Object.fromEntries(
        params.map((p) => {
          const eq = p.indexOf('=');
          return [p.slice(0, eq).toUpperCase(), p.slice(eq + 1).replace(/^"|"$/g, '')];
        }),
      ),
      value: colon < 0 ? '' : l.slice(colon + 1),
      line,
    };
  });
}

const unescape = (v: string) =>
  v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? ' ' : c)).trim();

const DATE = /^(\d{4})(\d{2})(\d{2})$/;
function isoDate(value: string): string | null {
  const m = DATE.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const c = civilDate(epochDay(y, mo, d));
  if (c.year !== y || c.month !== mo || c.day !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}
const dayBefore = (iso: string) => {
  const c = civilDate(
    epochDay(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))) - 1,
  );
  return `${String(c.year).padStart(4, '0')}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
};

function toHoliday(props: Property[], line: number): Holiday | IcsIssue {
  const get = (name: string) => props.find((p) => p.name === name);
  const summary = get('SUMMARY');
  const label = summary ? `"${unescape(summary.value)}"` : 'event';
  const fail = (message: string): IcsIssue => ({ line, message: `${label}: ${message}` });
  const start = get('DTSTART');
  if (!start) return fail('has no DTSTART');
  const allDay = start.params.VALUE?.toUpperCase() === 'DATE' || DATE.test(start.value.trim());
  if (!allDay)
    return fail(
      `DTSTART ${start.value} has a time of day; only all-day events (VALUE=DATE) can be holidays`,
    );
  const from = isoDate(start.value);
  if (!from) return fail(`DTSTART ${start.value} is not a date YYYYMMDD`);
  const name = summary ? unescape(summary.value) : undefined;
  const named = name ? { name } : {};
  const rrule = get('RRULE');
  const end = get('DTEND');
  let to = from;
  if (end) {
    const exclusive = isoDate(end.value);
    if (!exclusive) return fail(`DTEND ${end.value} is not a date YYYYMMDD`);
    if (exclusive <= from) return fail(`DTEND ${end.value} is not after DTSTART ${start.value}`);
    to = dayBefore(exclusive);
  }
  if (rrule) {
    const parts = Object.fromEntries(
      rrule.value
        .split(';')
        .map((p) => p.split('=').map((s) => s.toUpperCase()) as [string, string]),
    );
    if (parts.FREQ !== 'YEARLY')
      return fail(`RRULE ${rrule.value} is not supported: only FREQ=YEARLY repeats`);
    const extra = Object.keys(parts).filter(
      (k) => k !== 'FREQ' && k !== 'INTERVAL' && k !== 'WKST',
    );
    if (extra.length > 0 || (parts.INTERVAL && parts.INTERVAL !== '1'))
      return fail(
        `RRULE ${rrule.value} is not supported: a yearly rule on a fixed date only (no ${extra.join(', ') || 'INTERVAL'})`,
      );
    if (to !== from) return fail('a yearly event must last one day; list each day');
    return { date: from, yearly: true, ...named };
  }
  return to === from ? { date: from, ...named } : { from, to, ...named };
}

/** Parses the holidays of an .ics text; never throws. */
export function parseIcsHolidays(text: string): IcsHolidays {
  const holidays: Holiday[] = [];
  const errors: IcsIssue[] = [];
  let event: Property[] | null = null;
  let eventLine = 0;
  let sawCalendar = false;
  let depth = 0; // nested components inside an event (VALARM)
  for (const p of unfold(text)) {
    if (p.name === 'BEGIN' && p.value.toUpperCase() === 'VCALENDAR') sawCalendar = true;
    if (p.name === 'BEGIN' && p.value.toUpperCase() === 'VEVENT') {
      event = [];
      eventLine = p.line;
      continue;
    }
    if (!event) continue;
    if (p.name === 'BEGIN') depth++;
    else if (p.name === 'END' && depth > 0) depth--;
    else if (p.name === 'END' && p.value.toUpperCase() === 'VEVENT') {
      const h = toHoliday(event, eventLine);
      if ('line' in h) errors.push(h);
      else holidays.push(h);
      event = null;
    } else if (depth === 0) event.push(p);
  }
  if (event) errors.push({ line: eventLine, message: 'event has no END:VEVENT' });
  if (!sawCalendar)
    errors.unshift({ line: 1, message: 'not an iCalendar file: no BEGIN:VCALENDAR' });
  return { holidays, errors };
}
