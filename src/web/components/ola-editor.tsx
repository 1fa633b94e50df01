// Operational level agreements of an agreement version: an editor of OLA rows (the team, what it
// commits to in its own words, the priority and metric it is measured on, within how long, on
// which calendar, and which of the agreement's targets it underpins). Like the terms editor it
// works on a draft of strings; `olasOf` turns the draft into the API's OLAs and
// `issuesAt(error, 'olas')` (terms-editor.tsx) gives the errors it shows next to each field.
import { CheckboxField, SelectField, TextField } from './fields.js';
import {
  durationDraft,
  durationOf,
  metrics,
  priorities,
  unitLabels,
  type CalendarChoice,
  type Duration,
  type DurationUnit,
} from './terms-editor.js';

type Priority = (typeof priorities)[number];
type Metric = (typeof metrics)[number];

/** An OLA as the API takes it (`changes.olas`, `olas` of choosing an option). */
export type OlaWire = {
  key: string;
  teamId: string;
  description: string;
  priority: Priority;
  metric: Metric;
  duration: Duration;
  calendarId: string;
  underpins: string[];
};

/** An OLA as the API returns it (with its team's name). */
export type OlaView = {
  key: string;
  teamId: string;
  teamName: string;
  description: string;
  priority: string;
  metric: string;
  duration: Duration;
  calendarId: string;
  underpins: string[];
};

/** What the editor edits: one row per OLA. */
export type OlaDraft = {
  key: string;
  teamId: string;
  /** The team's name when the OLA was read, for a team no longer in the list. */
  teamName: string;
  description: string;
  priority: Priority;
  metric: Metric;
  amount: string;
  unit: DurationUnit;
  endOfWorkingDay: boolean;
  calendarId: string;
  underpins: string[];
};

export type TeamChoice = { id: string; name: string; active: boolean };

const asPriority = (p: string): Priority =>
  (priorities as readonly string[]).includes(p) ? (p as Priority) : 'P1';
const asMetric = (m: string): Metric =>
  (metrics as readonly string[]).includes(m) ? (m as Metric) : 'resolution';

export function olaDrafts(olas: readonly OlaView[]): OlaDraft[] {
  return olas.map((o) => ({
    key: o.key,
    teamId: o.teamId,
    teamName: o.teamName,
    description: o.description,
    priority: asPriority(o.priority),
    metric: asMetric(o.metric),
    ...durationDraft(o.duration),
    endOfWorkingDay: o.duration.endOfWorkingDay === true,
    calendarId: o.calendarId,
    underpins: [...o.underpins],
  }));
}

export function olasOf(drafts: readonly OlaDraft[]): OlaWire[] {
  return drafts.map((d) => {
    const duration = durationOf(d.amount, d.unit);
    return {
      key: d.key,
      teamId: d.teamId,
      description: d.description,
      priority: d.priority,
      metric: d.metric,
      duration:
        d.unit === 'days' && d.endOfWorkingDay ? { ...duration, endOfWorkingDay: true } : duration,
      calendarId: d.calendarId,
      underpins: d.underpins,
    };
  });
}

/** `ola-n` with the smallest n not taken (by a row or by an OLA of the version it is based on). */
export function nextOlaKey(taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`ola-${n}`)) n += 1;
  return `ola-${n}`;
}

export function newOlaDraft(key: string, calendarId = ''): OlaDraft {
  return {
    key,
    teamId: '',
    teamName: '',
    description: '',
    priority: 'P1',
    metric: 'resolution',
    amount: '',
    unit: 'hours',
    endOfWorkingDay: false,
    calendarId,
    underpins: [],
  };
}

/** The agreement's targets an OLA may underpin: `availability` when committed, then per ticket term. */
export function targetKeysOf(terms: {
  availabilityPercent: number | null;
  tickets: readonly { priority: string; metric: string }[];
}): string[] {
  const rank = (t: { priority: string; metric: string }) =>
    priorities.indexOf(asPriority(t.priority)) * 2 + metrics.indexOf(asMetric(t.metric));
  return [
    ...(terms.availabilityPercent === null ? [] : ['availability']),
    ...[...terms.tickets].sort((a, b) => rank(a) - rank(b)).map((t) => `${t.priority}.${t.metric}`),
  ];
}

/** `availability` → "Availability", `P1.resolution` → "P1 resolution". */
export const targetLabel = (key: string) =>
  key === 'availability' ? 'Availability' : key.replace('.', ' ');

/** The errors of row `index`, keyed by field: team, description, duration, underpins … */
function rowErrors(errors: Record<string, string>, index: number) {
  const out: Record<string, string> = {};
  const add = (field: string, message: string) => {
    out[field] = out[field] ? `${out[field]}; ${message}` : message;
  };
  for (const [path, message] of Object.entries(errors)) {
    const [i, field = '', ...rest] = path.split('.');
    if (i !== String(index)) continue;
    if (field === 'teamId') add('team', message);
    else if (field === 'description') add('description', message);
    else if (field === 'priority') add('priority', message);
    else if (field === 'metric') add('metric', message);
    else if (field === 'duration') add('duration', message);
    else if (field === 'calendarId') add('calendar', message);
    else if (field === 'underpins') add('underpins', message);
    else add('row', field ? `${[field, ...rest].join('.')}: ${message}` : message);
  }
  return out;
}

export function OlaEditor({
  value,
  onChange,
  teams,
  calendars,
  targets,
  takenKeys = [],
  defaultCalendarId = '',
  errors = {},
  legend = 'Operational level agreements',
}: {
  value: OlaDraft[];
  onChange: (next: OlaDraft[]) => void;
  teams: TeamChoice[];
  /** Inactive calendars are offered only to a row that already uses one. */
  calendars: (CalendarChoice & { active?: boolean })[];
  /** The agreement's target keys (`targetKeysOf` of the terms being edited). */
  targets: string[];
  /** Keys a new row must not take, e.g. those of the version it is based on. */
  takenKeys?: readonly string[];
  /** The calendar a new row starts with (the service hours). */
  defaultCalendarId?: string;
  /** From `issuesAt(error, 'olas')`: keys like `0.teamId`, `1.underpins.0`. */
  errors?: Record<string, string>;
  legend?: string;
}) {
  const set = (i: number, patch: Partial<OlaDraft>) =>
    onChange(value.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const add = () =>
    onChange([
      ...value,
      newOlaDraft(nextOlaKey([...takenKeys, ...value.map((o) => o.key)]), defaultCalendarId),
    ]);
  const remove = (i: number) => onChange(value.filter((_, j) => j !== i));
  const activeTeams = teams.filter((t) => t.active);
  return (
    <fieldset className="ola-editor">
      <legend>{legend}</legend>
      <p className="field__hint">
        Each OLA is a supporting team&apos;s own target that underpins targets of the agreement; the
        team&apos;s delivery lead for the service acknowledges it.
      </p>
      {value.length === 0 ? (
        <p className="muted">No OLAs: no team target underpins the agreement&apos;s targets.</p>
      ) : null}
      {value.map((o, i) => {
        const e = rowErrors(errors, i);
        const teamOptions = activeTeams.map((t) => ({ value: t.id, label: t.name }));
        if (o.teamId && !teamOptions.some((t) => t.value === o.teamId))
          teamOptions.unshift({ value: o.teamId, label: `${o.teamName || o.teamId} (inactive)` });
        const choices = [...targets, ...o.underpins.filter((k) => !targets.includes(k))];
        return (
          <fieldset className="multi" key={o.key} aria-label={`OLA ${o.key}`}>
            <legend>OLA {o.key}</legend>
            <div className="form-grid">
              <SelectField
                label="Team"
                value={o.teamId}
                onChange={(teamId) => set(i, { teamId })}
                options={teamOptions}
                placeholder="Choose a team…"
                error={e.team && !o.teamId ? 'choose the team that commits to this' : e.team}
              />
              <TextField
                label="What the team commits to"
                value={o.description}
                onChange={(description) => set(i, { description })}
                hint={
                  o.description
                    ? undefined
                    : "In the team's words, e.g. restores connectivity within 1 hour"
                }
                error={
                  e.description && !o.description.trim()
                    ? 'say what the team commits to'
                    : e.description
                }
              />
            </div>
            <div className="form-grid">
              <SelectField
                label="Priority"
                value={o.priority}
                onChange={(p) => set(i, { priority: p as Priority })}
                options={priorities.map((p) => ({ value: p, label: p }))}
                error={e.priority}
              />
              <SelectField
                label="Metric"
                value={o.metric}
                onChange={(m) => set(i, { metric: m as Metric })}
                options={[
                  { value: 'response', label: 'Time to respond' },
                  { value: 'resolution', label: 'Time to resolve' },
                ]}
                error={e.metric}
              />
            </div>
            <div className="form-grid">
              <TextField
                label="Within"
                type="number"
                value={o.amount}
                onChange={(amount) => set(i, { amount })}
                error={
                  e.duration && !(Number(o.amount) > 0)
                    ? 'enter how long, a number above 0, e.g. 2'
                    : e.duration
                }
              />
              <SelectField
                label="Unit"
                value={o.unit}
                onChange={(u) => set(i, { unit: u as DurationUnit })}
                options={Object.entries(unitLabels).map(([u, label]) => ({ value: u, label }))}
              />
            </div>
            <div className="form-grid">
              <SelectField
                label="Calendar"
                value={o.calendarId}
                onChange={(calendarId) => set(i, { calendarId })}
                options={calendars
                  .filter((c) => c.active !== false || c.id === o.calendarId)
                  .map((c) => ({
                    value: c.id,
                    label: c.active === false ? `${c.name} (inactive)` : c.name,
                  }))}
                placeholder="Choose a calendar…"
                error={
                  e.calendar && !o.calendarId ? 'choose the calendar the team works to' : e.calendar
                }
              />
              {o.unit === 'days' ? (
                <CheckboxField
                  label="To the end of that working day"
                  checked={o.endOfWorkingDay}
                  onChange={(endOfWorkingDay) => set(i, { endOfWorkingDay })}
                />
              ) : null}
            </div>
            <fieldset
              className="multi"
              aria-describedby={e.underpins ? `${o.key}-underpins-error` : undefined}
            >
              <legend>Underpins</legend>
              {choices.length === 0 ? (
                <p className="muted">The agreement has no targets yet.</p>
              ) : (
                <div className="multi__list">
                  {choices.map((k) => (
                    <label className="multi__item" key={k}>
                      <input
                        type="checkbox"
                        checked={o.underpins.includes(k)}
                        onChange={(ev) =>
                          set(i, {
                            underpins: ev.target.checked
                              ? choices.filter((x) => x === k || o.underpins.includes(x))
                              : o.underpins.filter((x) => x !== k),
                          })
                        }
                      />
                      {targetLabel(k)}
                      {targets.includes(k) ? null : (
                        <span className="muted"> (no longer a target)</span>
                      )}
                    </label>
                  ))}
                </div>
              )}
              {e.underpins ? (
                <p className="field__error" id={`${o.key}-underpins-error`}>
                  {e.underpins}
                </p>
              ) : null}
            </fieldset>
            {e.row ? (
              <p className="field__error" role="alert">
                {e.row}
              </p>
            ) : null}
            <div className="form-actions">
              <button type="button" className="button button--ghost" onClick={() => remove(i)}>
                Remove {o.key}
              </button>
            </div>
          </fieldset>
        );
      })}
      {errors[''] ? (
        <p className="field__error" role="alert">
          {errors['']}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={add}>
          Add an OLA
        </button>
      </div>
    </fieldset>
  );
}
