// Import holidays from an iCalendar file: choose the file, see what would be added, skipped
// (already there) and what cannot be read, then save.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, API_BASE } from '../api.js';
import { BusyButton } from '../components/form.js';
import { DataTable } from '../components/table.js';
import { ErrorBanner, Loading } from '../components/ui.js';
import {
  calendarQuery,
  formatHoliday,
  type Calendar,
  type IcsImportResult,
} from './calendar-shared.js';

function csrf(): string | null {
  const m = /(?:^|;\s*)charter_csrf=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]!) : null;
}

/** POSTs the file as text/calendar (the JSON client sends JSON bodies only). */
async function sendIcs(
  calendarId: string,
  ics: string,
  preview: boolean,
): Promise<IcsImportResult> {
  const token = csrf();
  const res = await fetch(
    `${API_BASE}/calendars/${calendarId}/holidays/import-ics${preview ? '?preview=true' : ''}`,
    {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'text/calendar',
        Accept: 'application/json',
        ...(token ? { 'X-CSRF-Token': token } : {}),
      },
      body: ics,
    },
  );
  const json = (await res.json().catch(() => null)) as
    (IcsImportResult & { error?: ConstructorParameters<typeof ApiError>[1] }) | null;
  if (!res.ok) throw new ApiError(res.status, json?.error ?? null, `Import failed (${res.status})`);
  return json!;
}

export function CalendarIcsImport({ calendar }: { calendar: Calendar }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [saved, setSaved] = useState<IcsImportResult | null>(null);
  const preview = useMutation({
    mutationFn: (text: string) => sendIcs(calendar.id, text, true),
  });
  const save = useMutation({
    mutationFn: () => sendIcs(calendar.id, file?.text ?? '', false),
    onSuccess: async (r) => {
      setSaved(r);
      setFile(null);
      preview.reset();
      qc.setQueryData(calendarQuery(calendar.id).queryKey, r.calendar);
      await qc.invalidateQueries({ queryKey: ['/calendars'] });
    },
  });
  const p = preview.data;

  return (
    <div className="ics-import" aria-labelledby="ics-h">
      <h3 id="ics-h">Import from an iCalendar file</h3>
      <div className="field">
        <label htmlFor="ics-file">iCalendar file (.ics)</label>
        <input
          id="ics-file"
          type="file"
          accept=".ics,text/calendar"
          onChange={(e) => {
            const f = e.target.files?.[0];
            setSaved(null);
            save.reset();
            if (!f) return;
            void f.text().then((text) => {
              setFile({ name: f.name, text });
              preview.mutate(text);
            });
          }}
        />
        <p className="field__hint">
          All-day events become holidays; nothing is saved before you confirm.
        </p>
      </div>
      {saved ? (
        <p className="banner banner--info" role="status">
          {saved.added.length} holiday{saved.added.length === 1 ? '' : 's'} added,{' '}
          {saved.skipped.length} skipped.
        </p>
      ) : null}
      <ErrorBanner error={preview.error ?? save.error} />
      {preview.isPending ? <Loading label="Reading the file…" /> : null}
      {p && file ? (
        <>
          <DataTable
            caption={`Preview of ${file.name}`}
            columns={[{ label: 'Holiday' }, { label: 'When' }, { label: 'Outcome' }]}
          >
            {p.added.map((h, i) => (
              <tr key={`a${i}`}>
                <td>{h.name ?? 'Unnamed'}</td>
                <td>{formatHoliday(h)}</td>
                <td>Will be added</td>
              </tr>
            ))}
            {p.skipped.map((s, i) => (
              <tr key={`s${i}`}>
                <td>{s.holiday.name ?? 'Unnamed'}</td>
                <td>{formatHoliday(s.holiday)}</td>
                <td className="muted">Skipped: {s.reason}</td>
              </tr>
            ))}
            {p.errors.map((e, i) => (
              <tr key={`e${i}`}>
                <td colSpan={2}>Line {e.line}</td>
                <td className="field__error">{e.message}</td>
              </tr>
            ))}
          </DataTable>
          <div className="form-actions">
            <BusyButton
              busy={save.isPending}
              label={`Save ${p.added.length} holiday${p.added.length === 1 ? '' : 's'}`}
              busyLabel="Saving…"
              onClick={() => save.mutate()}
            />
          </div>
        </>
      ) : null}
    </div>
  );
}
