// Create or edit a calendar: name, description, time zone and the week (week-view editor).
// Problems come back from the API with their paths and are shown by their inputs.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { fieldErrors, request } from '../api.js';
import { TextAreaField, TextField } from '../components/fields.js';
import { FormActions, changedFields, orNull } from '../components/form.js';
import type { RecordFormProps } from '../components/record-form.js';
import { ErrorBanner, PageHeader } from '../components/ui.js';
import { issuesByPath, WeekEditor, type Week } from '../components/week-editor.js';
import { calendarQuery, type Calendar } from './calendar-shared.js';

const officeHours: Week = Object.fromEntries(
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [d, [['09:00', '17:00']]]),
);

const browserZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
};

export function CalendarForm({ record, onReload }: RecordFormProps<Calendar>) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [name, setName] = useState(record?.name ?? '');
  const [description, setDescription] = useState(record?.description ?? '');
  const [timeZone, setTimeZone] = useState(record?.timeZone ?? browserZone());
  const [week, setWeek] = useState<Week>(record?.week ?? officeHours);
  const save = useMutation({
    mutationFn: async () => {
      // Empty days are left out: a missing day is closed.
      const cleanWeek = Object.fromEntries(Object.entries(week).filter(([, r]) => r?.length));
      const fields = {
        name: name.trim(),
        description: orNull(description),
        timeZone: timeZone.trim(),
        week: cleanWeek,
      };
      if (!record) return request<Calendar>('/calendars', { method: 'POST', body: fields });
      const patch = changedFields(record, fields);
      if (Object.keys(patch).length === 0) return record;
      return request<Calendar>(`/calendars/${record.id}`, {
        method: 'PATCH',
        body: patch,
        version: record.version,
      });
    },
    onSuccess: async (saved) => {
      qc.setQueryData(calendarQuery(saved.id).queryKey, saved);
      await qc.invalidateQueries({ queryKey: ['/calendars'] });
      await navigate({ to: '/calendars/$calendarId', params: { calendarId: saved.id } });
    },
  });
  const errors = fieldErrors(save.error);
  const issues = issuesByPath(save.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <>
      <PageHeader
        back={
          record
            ? {
                to: '/calendars/$calendarId',
                params: { calendarId: record.id },
                label: record.name,
              }
            : { to: '/calendars', label: 'Calendars' }
        }
        title={record ? `Edit ${record.name}` : 'New calendar'}
      />
      <form
        className="card form"
        onSubmit={onSubmit}
        noValidate
        aria-label={record ? 'Edit calendar' : 'New calendar'}
      >
        <ErrorBanner error={save.error} fieldKeys={Object.keys(errors)} onReload={onReload} />
        <div className="form-grid">
          <TextField label="Name" value={name} onChange={setName} error={errors.name} required />
          <TextField
            label="Time zone"
            value={timeZone}
            onChange={setTimeZone}
            error={errors.timeZone}
            hint="An IANA time zone, e.g. Europe/Paris or America/New_York. Open hours are local to it."
            required
          />
        </div>
        <TextAreaField
          label="Description"
          value={description}
          onChange={setDescription}
          error={errors.description}
        />
        <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>Open hours</legend>
          <p className="field__hint">
            Several ranges a day make lunch breaks and split shifts; 24:00 ends a day. A day with no
            range is closed.
          </p>
          <WeekEditor week={week} onChange={setWeek} issues={issues} />
        </fieldset>
        <FormActions
          busy={save.isPending}
          submitLabel={record ? 'Save changes' : 'Create calendar'}
          cancel={
            record
              ? { to: '/calendars/$calendarId', params: { calendarId: record.id } }
              : { to: '/calendars' }
          }
        />
      </form>
    </>
  );
}
