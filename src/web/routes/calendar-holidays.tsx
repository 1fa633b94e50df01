// A calendar's holidays: a table with an active switch, edit and remove for admins, a form to
// add or change one, and the iCalendar import (file → preview of what is added, skipped and
// unreadable → Save).
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../api.js';
import { SelectField, TextField } from '../components/fields.js';
import { BusyButton } from '../components/form.js';
import { DataTable } from '../components/table.js';
import { Badge, ErrorBanner } from '../components/ui.js';
import { issuesByPath } from '../components/week-editor.js';
import { CalendarIcsImport } from './calendar-ics.js';
import { calendarQuery, formatHoliday, type Calendar, type Holiday } from './calendar-shared.js';

type Draft = {
  name: string;
  kind: 'date' | 'yearly' | 'range';
  date: string;
  from: string;
  to: string;
};
const empty: Draft = { name: '', kind: 'date', date: '', from: '', to: '' };

const draftOf = (h: Holiday): Draft => ({
  name: h.name ?? '',
  kind: h.date ? (h.yearly ? 'yearly' : 'date') : 'range',
  date: h.date ?? '',
  from: h.from ?? '',
  to: h.to ?? '',
});

const holidayOf = (d: Draft, active: boolean): Holiday => ({
  ...(d.kind === 'range' ? { from: d.from, to: d.to } : { date: d.date }),
  ...(d.kind === 'yearly' ? { yearly: true } : {}),
  ...(d.name.trim() ? { name: d.name.trim() } : {}),
  ...(active ? {} : { active: false }),
});

export function CalendarHolidays({
  calendar,
  editable,
}: {
  calendar: Calendar;
  editable: boolean;
}) {
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Draft>(empty);
  const [editing, setEditing] = useState<number | null>(null);
  const save = useMutation({
    mutationFn: (holidays: Holiday[]) =>
      request<Calendar>(`/calendars/${calendar.id}`, {
        method: 'PATCH',
        body: { holidays },
        version: calendar.version,
      }),
    onSuccess: async (c) => {
      qc.setQueryData(calendarQuery(calendar.id).queryKey, c);
      await qc.invalidateQueries({ queryKey: ['/calendars'] });
      setDraft(empty);
      setEditing(null);
    },
  });
  const list = calendar.holidays;
  const index = editing ?? list.length;
  const issues = issuesByPath(save.error);
  const at = (field: string) => issues[`holidays[${index}].${field}`] ?? undefined;
  const rowIssue = issues[`holidays[${index}]`];
  const set = (k: keyof Draft) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const active = editing === null ? true : list[editing]?.active !== false;
    const next = [...list];
    next.splice(index, editing === null ? 0 : 1, holidayOf(draft, active));
    save.mutate(next);
  };

  return (
    <section className="card" aria-labelledby="holidays-h">
      <h2 id="holidays-h">Holidays ({list.length})</h2>
      <ErrorBanner
        error={save.error}
        fieldKeys={
          Object.keys(issues).some((p) => p.startsWith(`holidays[${index}]`)) ? ['holidays'] : []
        }
      />
      {list.length === 0 ? (
        <p className="muted">No holidays: the calendar is open on every day of its week.</p>
      ) : (
        <DataTable
          caption={`Holidays of ${calendar.name}`}
          columns={[
            { label: 'Name' },
            { label: 'When' },
            { label: 'Active' },
            ...(editable ? [{ label: 'Actions' }] : []),
          ]}
        >
          {list.map((h, i) => (
            <tr key={`${i}:${formatHoliday(h)}`}>
              <td>{h.name ?? <span className="muted">Unnamed</span>}</td>
              <td>
                {formatHoliday(h)} {h.yearly ? <Badge tone="info">Yearly</Badge> : null}
              </td>
              <td>
                {editable ? (
                  <input
                    type="checkbox"
                    aria-label={`${h.name ?? formatHoliday(h)} is active`}
                    checked={h.active !== false}
                    disabled={save.isPending}
                    onChange={(e) =>
                      save.mutate(
                        list.map((x, j) => {
                          if (j !== i) return x;
                          const { active: _a, ...rest } = x;
                          return e.target.checked ? rest : { ...rest, active: false };
                        }),
                      )
                    }
                  />
                ) : h.active !== false ? (
                  'Yes'
                ) : (
                  'No'
                )}
              </td>
              {editable ? (
                <td>
                  <button
                    type="button"
                    className="button button--small button--ghost"
                    aria-label={`Edit ${h.name ?? formatHoliday(h)}`}
                    onClick={() => {
                      setEditing(i);
                      setDraft(draftOf(h));
                    }}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button button--small button--ghost"
                    aria-label={`Remove ${h.name ?? formatHoliday(h)}`}
                    disabled={save.isPending}
                    onClick={() => save.mutate(list.filter((_, j) => j !== i))}
                  >
                    Remove
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      )}
      {editable ? (
        <form
          onSubmit={onSubmit}
          noValidate
          aria-label={editing === null ? 'Add a holiday' : 'Change the holiday'}
        >
          <h3>
            {editing === null ? 'Add a holiday' : `Change ${list[editing]?.name ?? 'the holiday'}`}
          </h3>
          {rowIssue ? <p className="field__error">{rowIssue}</p> : null}
          <div className="form-grid form-grid--3">
            <TextField
              label="Holiday name"
              value={draft.name}
              onChange={set('name')}
              error={at('name')}
            />
            <SelectField
              label="Kind"
              value={draft.kind}
              onChange={set('kind')}
              options={[
                { value: 'date', label: 'One day' },
                { value: 'yearly', label: 'Every year on this day' },
                { value: 'range', label: 'Several days (from – to)' },
              ]}
            />
            {draft.kind === 'range' ? (
              <>
                <TextField
                  label="First day"
                  value={draft.from}
                  onChange={set('from')}
                  error={at('from')}
                  hint="YYYY-MM-DD"
                />
                <TextField
                  label="Last day"
                  value={draft.to}
                  onChange={set('to')}
                  error={at('to')}
                  hint="YYYY-MM-DD, included"
                />
              </>
            ) : (
              <TextField
                label="Day"
                value={draft.date}
                onChange={set('date')}
                error={at('date')}
                hint="YYYY-MM-DD"
              />
            )}
          </div>
          <div className="form-actions">
            <BusyButton
              submit
              busy={save.isPending}
              label={editing === null ? 'Add holiday' : 'Save holiday'}
              busyLabel="Saving…"
            />
            {editing !== null ? (
              <button
                type="button"
                className="button button--ghost"
                onClick={() => {
                  setEditing(null);
                  setDraft(empty);
                  save.reset();
                }}
              >
                Cancel
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
      {editable ? <CalendarIcsImport calendar={calendar} /> : null}
    </section>
  );
}
