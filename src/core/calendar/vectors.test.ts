import { describe, expect, it } from 'vitest';
import { validateCalendar } from './calendar.js';
import { compileCalendar } from './clock.js';
import { formatLocal, parseTime } from './local-time.js';

interface Vector {
  id: string;
  calendar: string;
  op: 'elapsed' | 'add';
  from: string;
  to?: string;
  duration?: { seconds?: number; workingDays?: number; endOfWorkingDay?: boolean };
  expect?: string;
  expectSeconds?: number;
  note?: string;
}
interface Fixture {
  calendars: Record<string, unknown>;
  vectors: Vector[];
}
const file = new URL('../../../../shared/fixtures/sla-clock/vectors.json', import.meta.url);
// Imported as a module: core (tests included) does no file I/O of its own.
const fixture = ((await import(file.href)) as { default: Fixture }).default;

const compiled = new Map(
  Object.entries(fixture.calendars).map(([name, raw]) => {
    const result = validateCalendar(raw);
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.issues)}`);
    return [name, compileCalendar(result.calendar)];
  }),
);

describe('SLA clock vectors from other ITSM tools', () => {
  it('has every vector', () => {
    expect(fixture.vectors.length).toBeGreaterThanOrEqual(70);
  });

  it.each(
    fixture.vectors.map(
      (v) => [`${v.id} ${v.op} ${v.calendar}${v.note ? ` (${v.note})` : ''}`, v] as const,
    ),
  )('%s', (_, v) => {
    const cal = compiled.get(v.calendar)!;
    const from = parseTime(cal, v.from)!;
    if (v.op === 'elapsed') {
      expect(cal.elapsed(from, parseTime(cal, v.to!)!)).toBe(v.expectSeconds);
      // the same span backwards is the negative
      expect(cal.elapsed(parseTime(cal, v.to!)!, from)).toBe(-v.expectSeconds! || 0);
      return;
    }
    const d = v.duration!;
    const result =
      d.workingDays !== undefined
        ? cal.addWorkingDays(from, d.workingDays, { endOfWorkingDay: d.endOfWorkingDay ?? false })
        : cal.addBusinessSeconds(from, d.seconds!);
    expect(formatLocal(cal, result)).toBe(v.expect);
    expect(result).toBe(parseTime(cal, v.expect!));
  });
});
