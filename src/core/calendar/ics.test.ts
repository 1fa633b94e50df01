import { describe, expect, it } from 'vitest';
import { validateCalendar } from './calendar.js';
import { parseIcsHolidays } from './ics.js';

// As exported by a public-holiday feed: CRLF, folded lines, escaped commas, an alarm.
const feed = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Example Corp//Holidays 2025//EN',
  'CALSCALE:GREGORIAN',
  'X-WR-CALNAME:Holidays in Germany',
  'BEGIN:VEVENT',
  'UID:20250101_newyear@example.org',
  'DTSTAMP:20241101T120000Z',
  'DTSTART;VALUE=DATE:20250101',
  'DTEND;VALUE=DATE:20250102',
  'RRULE:FREQ=YEARLY',
  'SUMMARY:New Year\\, the first day',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:20251224_break@example.org',
  'DTSTART;VALUE=DATE:20251224',
  'DTEND;VALUE=DATE:20260102',
  'SUMMARY:Winter break for the whole support organisation including the on-call',
  '  rota',
  'BEGIN:VALARM',
  'ACTION:DISPLAY',
  'TRIGGER:-PT24H',
  'DESCRIPTION:Reminder',
  'END:VALARM',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:team-offsite@example.org',
  'DTSTART:20250612T090000Z',
  'DTEND:20250612T170000Z',
  'SUMMARY:Team offsite',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:goodfriday@example.org',
  'DTSTART;VALUE=DATE:20250418',
  'SUMMARY:Good Friday',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20250230',
  'SUMMARY:Broken',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20250501',
  'RRULE:FREQ=YEARLY;BYDAY=1MO',
  'SUMMARY:May bank holiday',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('parseIcsHolidays', () => {
  const result = parseIcsHolidays(feed);

  it('turns all-day events into holidays: yearly, inclusive ranges, single days', () => {
    expect(result.holidays).toEqual([
      { date: '2025-01-01', yearly: true, name: 'New Year, the first day' },
      {
        from: '2025-12-24',
        to: '2026-01-01',
        name: 'Winter break for the whole support organisation including the on-call rota',
      },
      { date: '2025-04-18', name: 'Good Friday' },
    ]);
    expect(
      validateCalendar({ timeZone: 'Europe/Berlin', week: {}, holidays: result.holidays }).ok,
    ).toBe(true);
  });

  it('reports each event it cannot use with the line it starts on', () => {
    expect(result.errors).toEqual([
      {
        line: 26,
        message: expect.stringContaining(
          '"Team offsite": DTSTART 20250612T090000Z has a time of day',
        ) as string,
      },
      {
        line: 37,
        message: expect.stringContaining('"Broken": DTSTART 20250230 is not a date') as string,
      },
      {
        line: 41,
        message: expect.stringContaining(
          '"May bank holiday": RRULE FREQ=YEARLY;BYDAY=1MO is not supported',
        ) as string,
      },
    ]);
  });

  it.each([
    ['LF line endings', feed.replace(/\r\n/g, '\n')],
    ['tab-folded lines', feed.replace('\r\n  rota', '\r\n\t rota')],
  ])('reads %s the same way', (_, text) => {
    expect(parseIcsHolidays(text)).toEqual(result);
  });

  it.each([
    ['not an iCalendar text', 'hello', 'not an iCalendar file'],
    [
      'DTEND not after DTSTART',
      'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20250102\nDTEND;VALUE=DATE:20250102\nEND:VEVENT\nEND:VCALENDAR',
      'is not after DTSTART',
    ],
    [
      'event without a start',
      'BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR',
      'has no DTSTART',
    ],
    [
      'unterminated event',
      'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20250102',
      'no END:VEVENT',
    ],
  ])('reports %s', (_, text, message) => {
    expect(parseIcsHolidays(text).errors).toContainEqual({
      line: expect.any(Number) as number,
      message: expect.stringContaining(message) as string,
    });
  });
});
