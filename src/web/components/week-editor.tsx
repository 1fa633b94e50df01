// The week of a business calendar: a 7-column chart (Monday to Sunday, 24 hours down) with the
// open ranges drawn as blocks, and under it one group of inputs per day to add, change and
// remove ranges. The API's issues (`week.tue[1]`, `week.tue[1][0]`) are shown by their inputs.
import type { CSSProperties } from 'react';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];
export type Range = readonly [string, string];
export type Week = Partial<Record<Weekday, readonly Range[]>>;

export const dayNames: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** Minutes after midnight of "HH:MM" (24:00 = 1440), or null. */
export function minutesOf(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && v <= 1440 ? v : null;
}

/** "Mon 09:00–12:00, 13:00–17:00; Tue …" */
export function weekSummary(week: Week): string {
  const days = weekdays.filter((d) => (week[d]?.length ?? 0) > 0);
  if (days.length === 0) return 'Never open';
  return days
    .map((d) => `${dayNames[d].slice(0, 3)} ${week[d]!.map(([a, b]) => `${a}–${b}`).join(', ')}`)
    .join('; ');
}

/** Open hours per week, e.g. 40. */
export function weeklyHours(week: Week): number {
  let minutes = 0;
  for (const d of weekdays)
    for (const [a, b] of week[d] ?? []) {
      const s = minutesOf(a);
      const e = minutesOf(b);
      if (s !== null && e !== null && e > s) minutes += e - s;
    }
  return Math.round((minutes / 60) * 100) / 100;
}

const chart: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: '3rem repeat(7, minmax(0, 1fr))',
  gap: '0 4px',
  fontSize: '0.8rem',
};
const column: CSSProperties = {
  position: 'relative',
  height: '288px',
  background: 'var(--surface-2)',
  border: '1px solid var(--border)',
  borderRadius: '4px',
};

/** The chart alone: blocks of open time per day. */
export function WeekChart({ week, label }: { week: Week; label: string }) {
  return (
    <figure className="week-chart" aria-label={label} style={{ margin: 0 }}>
      <div style={chart}>
        <span />
        {weekdays.map((d) => (
          <span key={d} style={{ textAlign: 'center', fontWeight: 600 }}>
            {dayNames[d].slice(0, 3)}
          </span>
        ))}
        <div style={{ position: 'relative', height: '288px' }} aria-hidden="true">
          {[0, 6, 12, 18, 24].map((h) => (
            <span
              key={h}
              style={{
                position: 'absolute',
                top: `calc(${(h / 24) * 100}% - 0.5em)`,
                right: '0.3rem',
                color: 'var(--text-muted)',
              }}
            >
              {String(h).padStart(2, '0')}:00
            </span>
          ))}
        </div>
        {weekdays.map((d) => (
          <div key={d} style={column} data-day={d}>
            {(week[d] ?? []).map(([a, b], i) => {
              const s = minutesOf(a);
              const e = minutesOf(b);
              if (s === null || e === null || e <= s) return null;
              return (
                <div
                  key={i}
                  className="week-chart__block"
                  title={`${dayNames[d]} ${a}–${b}`}
                  style={{
                    position: 'absolute',
                    left: '2px',
                    right: '2px',
                    top: `${(s / 1440) * 100}%`,
                    height: `${((e - s) / 1440) * 100}%`,
                    background: 'var(--primary)',
                    color: 'var(--primary-contrast, #fff)',
                    borderRadius: '3px',
                    overflow: 'hidden',
                    fontSize: '0.7rem',
                    padding: '0 2px',
                  }}
                >
                  <span className="visually-hidden">
                    {dayNames[d]} open {a} to {b}
                  </span>
                  <span aria-hidden="true">{e - s >= 90 ? `${a}–${b}` : ''}</span>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </figure>
  );
}

/** The issue of a path (or of any path under it). */
function issueAt(issues: Record<string, string>, path: string): string | undefined {
  return issues[path];
}

/**
 * The editor: the chart, then per day its ranges as "from" and "until" inputs (HH:MM; 24:00
 * allowed as an end) with remove buttons, and "Add a range".
 */
export function WeekEditor({
  week,
  onChange,
  issues,
  disabled = false,
}: {
  week: Week;
  onChange: (week: Week) => void;
  /** Issues by path, e.g. { "week.tue[1]": "09:00–12:00 overlaps …" }. */
  issues: Record<string, string>;
  disabled?: boolean;
}) {
  const setDay = (d: Weekday, ranges: Range[]) => onChange({ ...week, [d]: ranges });
  const dayError = issueAt(issues, 'week') ?? null;
  return (
    <div className="week-editor">
      <WeekChart week={week} label={`Open hours by weekday: ${weekSummary(week)}`} />
      {dayError ? <p className="field__error">{dayError}</p> : null}
      <div
        className="week-editor__days"
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(15rem, 1fr))',
          gap: '0.75rem',
          marginTop: '1rem',
        }}
      >
        {weekdays.map((d) => {
          const ranges = week[d] ?? [];
          const error = issueAt(issues, `week.${d}`);
          return (
            <fieldset
              key={d}
              className="field"
              style={{ border: '1px solid var(--border)', borderRadius: '6px', padding: '0.5rem' }}
            >
              <legend>{dayNames[d]}</legend>
              {ranges.length === 0 ? <p className="muted">Closed</p> : null}
              {ranges.map(([from, until], i) => {
                const path = `week.${d}[${i}]`;
                const rowError = issueAt(issues, path);
                const fromError = issueAt(issues, `${path}[0]`);
                const untilError = issueAt(issues, `${path}[1]`);
                const errorId = `week-${d}-${i}-error`;
                const anyError = rowError ?? fromError ?? untilError;
                const set = (k: 0 | 1, v: string) =>
                  setDay(
                    d,
                    ranges.map((r, j) =>
                      j === i ? ((k === 0 ? [v, r[1]] : [r[0], v]) as Range) : r,
                    ),
                  );
                return (
                  <div key={i} className={anyError ? 'field--invalid' : undefined}>
                    <div style={{ display: 'flex', gap: '0.35rem', alignItems: 'center' }}>
                      <input
                        aria-label={`${dayNames[d]} range ${i + 1} from`}
                        value={from}
                        inputMode="numeric"
                        placeholder="09:00"
                        maxLength={5}
                        disabled={disabled}
                        aria-invalid={Boolean(rowError ?? fromError) || undefined}
                        aria-describedby={anyError ? errorId : undefined}
                        onChange={(e) => set(0, e.target.value)}
                      />
                      <span aria-hidden="true">–</span>
                      <input
                        aria-label={`${dayNames[d]} range ${i + 1} until`}
                        value={until}
                        inputMode="numeric"
                        placeholder="17:00"
                        maxLength={5}
                        disabled={disabled}
                        aria-invalid={Boolean(rowError ?? untilError) || undefined}
                        aria-describedby={anyError ? errorId : undefined}
                        onChange={(e) => set(1, e.target.value)}
                      />
                      <button
                        type="button"
                        className="button button--small button--ghost"
                        aria-label={`Remove ${dayNames[d]} range ${i + 1}`}
                        disabled={disabled}
                        onClick={() =>
                          setDay(
                            d,
                            ranges.filter((_, j) => j !== i),
                          )
                        }
                      >
                        ✕
                      </button>
                    </div>
                    {anyError ? (
                      <p className="field__error" id={errorId}>
                        {[rowError, fromError, untilError].filter(Boolean).join('; ')}
                      </p>
                    ) : null}
                  </div>
                );
              })}
              {error ? <p className="field__error">{error}</p> : null}
              <button
                type="button"
                className="button button--small button--secondary"
                disabled={disabled}
                aria-label={`Add a range on ${dayNames[d]}`}
                onClick={() => {
                  const last = ranges.at(-1);
                  const start = last ? last[1] : '09:00';
                  const s = minutesOf(start) ?? 540;
                  const end = Math.min(s + 240, 1440);
                  const hhmm = (m: number) =>
                    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
                  setDay(d, [...ranges, [start, hhmm(end)]]);
                }}
              >
                Add a range
              </button>
            </fieldset>
          );
        })}
      </div>
    </div>
  );
}

/** Issues of a failed request, by path. */
export function issuesByPath(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const issues = (error as { issues?: { path: string; message: string }[] } | null)?.issues;
  for (const i of issues ?? []) if (!out[i.path]) out[i.path] = i.message;
  return out;
}
