// Service level terms: an editor (availability, service hours calendar, and per priority the
// time to respond and to resolve with the share of tickets that must make it) and a read-only
// table. The editor works on a draft of strings so half-typed numbers survive; `termsOf` turns
// the draft into the API's terms, and `issuesAt` picks the API's errors for these terms.
import { Fragment } from 'react';
import { isApiError } from '../api.js';
import { Field } from './fields.js';

export const priorities = ['P1', 'P2', 'P3', 'P4'] as const;
export const metrics = ['response', 'resolution'] as const;
type Priority = (typeof priorities)[number];
type Metric = (typeof metrics)[number];

/** A duration as the API takes it. */
export type Duration = {
  businessSeconds?: number;
  workingDays?: number;
  endOfWorkingDay?: boolean;
};
/** Service level terms as the API takes and returns them. */
export type Terms = {
  availabilityPercent: number | null;
  calendarId: string;
  tickets: { priority: Priority; metric: Metric; duration: Duration; goalPercent: number }[];
};

export type DurationUnit = 'hours' | 'minutes' | 'days';
export type TermRow = { on: boolean; amount: string; unit: DurationUnit; goal: string };
/** What the editor edits: every priority × metric row, on or off. */
export type TermsDraft = {
  availability: string;
  calendarId: string;
  rows: Record<`${Priority}.${Metric}`, TermRow>;
};

export type CalendarChoice = { id: string; name: string };

const rowKey = (p: Priority, m: Metric) => `${p}.${m}` as const;
/** The units a duration is typed in, as the editors label them. */
export const unitLabels: Record<DurationUnit, string> = {
  hours: 'business hours',
  minutes: 'business minutes',
  days: 'working days',
};

/** A duration as an amount and a unit to edit: whole hours in hours, else minutes; days as days. */
export function durationDraft(d: Duration): { amount: string; unit: DurationUnit } {
  if (d.workingDays !== undefined) return { amount: String(d.workingDays), unit: 'days' };
  const s = d.businessSeconds ?? 0;
  return s % 3600 === 0
    ? { amount: String(s / 3600), unit: 'hours' }
    : { amount: String(s / 60), unit: 'minutes' };
}

/** The API's duration from a typed amount and unit (NaN when the amount is not a number). */
export function durationOf(amount: string, unit: DurationUnit): Duration {
  const n = num(amount);
  return unit === 'days'
    ? { workingDays: n }
    : { businessSeconds: Math.round(n * (unit === 'hours' ? 3600 : 60)) };
}

export function emptyDraft(calendarId = ''): TermsDraft {
  const rows = {} as TermsDraft['rows'];
  for (const p of priorities)
    for (const m of metrics)
      rows[rowKey(p, m)] = { on: false, amount: '', unit: 'hours', goal: '90' };
  return { availability: '', calendarId, rows };
}

export function draftOf(terms: Terms): TermsDraft {
  const draft = emptyDraft(terms.calendarId);
  draft.availability = terms.availabilityPercent === null ? '' : String(terms.availabilityPercent);
  for (const t of terms.tickets)
    draft.rows[rowKey(t.priority, t.metric)] = {
      on: true,
      ...durationDraft(t.duration),
      goal: String(t.goalPercent),
    };
  return draft;
}

/** A number from a field; NaN (sent as null) lets the API name the field when it is not one. */
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

export function termsOf(draft: TermsDraft): Terms {
  const tickets: Terms['tickets'] = [];
  for (const p of priorities)
    for (const m of metrics) {
      const row = draft.rows[rowKey(p, m)];
      if (!row.on) continue;
      const duration = durationOf(row.amount, row.unit);
      tickets.push({ priority: p, metric: m, duration, goalPercent: num(row.goal) });
    }
  return {
    availabilityPercent: draft.availability.trim() === '' ? null : num(draft.availability),
    calendarId: draft.calendarId,
    tickets,
  };
}

/**
 * The API's errors under `prefix` (e.g. "terms"), keyed by the path after it with list
 * indexes as dots: "availabilityPercent", "calendarId", "tickets.0.goalPercent", "tickets".
 */
export function issuesAt(error: unknown, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(error)) return out;
  for (const issue of error.issues) {
    const path = issue.path.replace(/\[(\d+)\]/g, '.$1');
    if (path !== prefix && !path.startsWith(`${prefix}.`)) continue;
    const rest = path === prefix ? '' : path.slice(prefix.length + 1);
    const message = issue.message.startsWith(`${issue.path}: `)
      ? issue.message.slice(issue.path.length + 2)
      : issue.message;
    out[rest] ??= message;
  }
  return out;
}

/** Errors of ticket row `index` (its position among the rows that are on). */
function rowErrors(errors: Record<string, string>, index: number): string | undefined {
  const mine = Object.entries(errors).filter(
    ([k]) => k === `tickets.${index}` || k.startsWith(`tickets.${index}.`),
  );
  if (mine.length === 0) return undefined;
  return mine
    .map(([k, m]) => {
      const field = k.split('.').slice(2).join('.');
      const label = field.startsWith('duration')
        ? 'Time'
        : field === 'goalPercent'
          ? 'Goal'
          : field || '';
      return label ? `${label}: ${m}` : m;
    })
    .join('; ');
}

export function TermsEditor({
  value,
  onChange,
  calendars,
  errors = {},
  legend = 'Service level terms',
}: {
  value: TermsDraft;
  onChange: (next: TermsDraft) => void;
  calendars: CalendarChoice[];
  /** From `issuesAt(error, 'terms')`. */
  errors?: Record<string, string>;
  legend?: string;
}) {
  const setRow = (key: keyof TermsDraft['rows'], patch: Partial<TermRow>) =>
    onChange({ ...value, rows: { ...value.rows, [key]: { ...value.rows[key], ...patch } } });
  let index = -1;
  return (
    <fieldset className="terms-editor">
      <legend>{legend}</legend>
      <Field
        label="Availability within the service hours (%)"
        hint="e.g. 99.9; leave empty to commit to no availability"
        error={errors.availabilityPercent}
      >
        {(ids) => (
          <input
            id={ids.id}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid || undefined}
            type="number"
            inputMode="decimal"
            step="any"
            min={0}
            max={100}
            value={value.availability}
            onChange={(e) => onChange({ ...value, availability: e.target.value })}
          />
        )}
      </Field>
      <Field label="Service hours (calendar)" error={errors.calendarId} required>
        {(ids) => (
          <select
            id={ids.id}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid || undefined}
            value={value.calendarId}
            onChange={(e) => onChange({ ...value, calendarId: e.target.value })}
          >
            <option value="">Choose a calendar…</option>
            {calendars.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="table-wrap">
        <table className="table">
          <caption>Time to respond and to resolve, per priority</caption>
          <thead>
            <tr>
              <th scope="col">Target</th>
              <th scope="col">Within</th>
              <th scope="col">Unit</th>
              <th scope="col">Goal (% of tickets)</th>
            </tr>
          </thead>
          <tbody>
            {priorities.map((p) => (
              <Fragment key={p}>
                {metrics.map((m) => {
                  const key = rowKey(p, m);
                  const row = value.rows[key];
                  if (row.on) index += 1;
                  const error = row.on ? rowErrors(errors, index) : undefined;
                  const name = `${p} ${m}`;
                  return (
                    <Fragment key={key}>
                      <tr>
                        <td>
                          <label>
                            <input
                              type="checkbox"
                              checked={row.on}
                              onChange={(e) => setRow(key, { on: e.target.checked })}
                            />{' '}
                            {name}
                          </label>
                        </td>
                        <td>
                          <input
                            type="number"
                            inputMode="decimal"
                            min={0}
                            step="any"
                            aria-label={`${name}: within`}
                            aria-invalid={error ? true : undefined}
                            disabled={!row.on}
                            value={row.amount}
                            onChange={(e) => setRow(key, { amount: e.target.value })}
                          />
                        </td>
                        <td>
                          <select
                            aria-label={`${name}: unit`}
                            disabled={!row.on}
                            value={row.unit}
                            onChange={(e) => setRow(key, { unit: e.target.value as DurationUnit })}
                          >
                            {Object.entries(unitLabels).map(([u, label]) => (
                              <option key={u} value={u}>
                                {label}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td>
                          <input
                            type="number"
                            inputMode="decimal"
                            min={0}
                            max={100}
                            step="any"
                            aria-label={`${name}: goal percent`}
                            aria-invalid={error ? true : undefined}
                            disabled={!row.on}
                            value={row.goal}
                            onChange={(e) => setRow(key, { goal: e.target.value })}
                          />
                        </td>
                      </tr>
                      {error ? (
                        <tr>
                          <td colSpan={4} className="field__error" role="alert">
                            {name}: {error}
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {errors.tickets ? (
        <p className="field__error" role="alert">
          {errors.tickets}
        </p>
      ) : null}
      {errors[''] ? (
        <p className="field__error" role="alert">
          {errors['']}
        </p>
      ) : null}
    </fieldset>
  );
}

/** "4 business hours", "3 working days (end of day)". */
export function durationText(d: Duration): string {
  if (d.workingDays !== undefined)
    return `${d.workingDays} working day${d.workingDays === 1 ? '' : 's'}${d.endOfWorkingDay ? ' (end of day)' : ''}`;
  const s = d.businessSeconds ?? 0;
  if (s % 3600 === 0) return `${s / 3600} business hour${s === 3600 ? '' : 's'}`;
  if (s % 60 === 0) return `${s / 60} business minutes`;
  return `${s} business seconds`;
}

/** Terms as a small read-only table. */
export function TermsTable({
  terms,
  calendarName,
  caption = 'Terms',
}: {
  terms: Terms;
  calendarName: (id: string) => string;
  caption?: string;
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <tbody>
          <tr>
            <th scope="row">Availability</th>
            <td>
              {terms.availabilityPercent === null
                ? 'not committed'
                : `${terms.availabilityPercent} %`}{' '}
              <span className="muted">within {calendarName(terms.calendarId)}</span>
            </td>
          </tr>
          {terms.tickets.map((t) => (
            <tr key={`${t.priority}.${t.metric}`}>
              <th scope="row">
                {t.priority} {t.metric}
              </th>
              <td>
                within {durationText(t.duration)} for {t.goalPercent} % of tickets
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
