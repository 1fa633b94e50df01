// Check a calendar by hand: business time between two moments, or the moment reached after
// adding business time (4h, -90m, 2wd). Times are local to the calendar.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { fieldErrors, request } from '../api.js';
import { CheckboxField, TextField } from '../components/fields.js';
import { BusyButton } from '../components/form.js';
import { ErrorBanner } from '../components/ui.js';
import { formatSeconds, type Calendar, type CheckResult } from './calendar-shared.js';

const show = (local: string) => local.replace('T', ' ').slice(0, 16);

export function CalendarCheck({ calendar }: { calendar: Calendar }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [add, setAdd] = useState('');
  const [endOfDay, setEndOfDay] = useState(false);
  const check = useMutation({
    mutationFn: () =>
      request<CheckResult>(`/calendars/${calendar.id}/check`, {
        query: {
          from,
          to: to || undefined,
          add: add.trim() || undefined,
          endOfWorkingDay: endOfDay && /wd$/i.test(add.trim()) ? 'true' : undefined,
        },
      }),
  });
  const errors = fieldErrors(check.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    check.mutate();
  };
  const r = check.data;
  return (
    <section className="card" aria-labelledby="check-h">
      <h2 id="check-h">Check business time</h2>
      <p className="muted">Times are local to {calendar.timeZone}.</p>
      <form onSubmit={onSubmit} noValidate aria-label="Check business time">
        {check.error && Object.keys(errors).length === 0 ? (
          <ErrorBanner error={check.error} />
        ) : null}
        <div className="form-grid form-grid--3">
          <TextField
            label="From"
            type="datetime-local"
            value={from}
            onChange={setFrom}
            error={errors.from}
            required
          />
          <TextField
            label="To"
            type="datetime-local"
            value={to}
            onChange={setTo}
            error={errors.to}
          />
          <TextField
            label="Add"
            value={add}
            onChange={setAdd}
            error={errors.add}
            hint="Business time to add, e.g. 4h, 90m, -2h or 3wd (working days)."
          />
        </div>
        <CheckboxField
          label="End of the working day (working days only)"
          checked={endOfDay}
          onChange={setEndOfDay}
        />
        <div className="form-actions">
          <BusyButton submit busy={check.isPending} label="Check" busyLabel="Checking…" />
        </div>
      </form>
      {r ? (
        <dl className="details" aria-live="polite" aria-label="Result">
          {r.elapsedSeconds !== undefined && r.to ? (
            <div>
              <dt>
                Business time from {show(r.from.local)} to {show(r.to.local)}
              </dt>
              <dd>
                <strong>{formatSeconds(r.elapsedSeconds)}</strong>{' '}
                <span className="muted">({r.elapsedSeconds.toLocaleString()} s)</span>
              </dd>
            </div>
          ) : null}
          {r.result ? (
            <div>
              <dt>
                {show(r.from.local)} + {r.add}
              </dt>
              <dd>
                <strong>{show(r.result.local)}</strong>{' '}
                <span className="muted">({r.result.instant})</span>
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
    </section>
  );
}
