// A calendar: its details, the week as a chart, the holidays (with iCalendar import) and a
// panel to check business time between two moments or after a duration.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { request } from '../api.js';
import { useIsAdmin } from '../auth.js';
import { ConfirmButton } from '../components/form.js';
import {
  Badge,
  Detail,
  ErrorBanner,
  Loading,
  PageHeader,
  formatInstant,
} from '../components/ui.js';
import { WeekChart, weekSummary, weeklyHours } from '../components/week-editor.js';
import { CalendarCheck } from './calendar-check.js';
import { CalendarHolidays } from './calendar-holidays.js';
import { calendarQuery, type Calendar } from './calendar-shared.js';

export function CalendarDetail({ id }: { id: string }) {
  const isAdmin = useIsAdmin();
  const query = useQuery(calendarQuery(id));
  const qc = useQueryClient();
  const setArchived = useMutation({
    mutationFn: (c: Calendar) =>
      c.active
        ? request<Calendar>(`/calendars/${c.id}/archive`, { method: 'POST', version: c.version })
        : request<Calendar>(`/calendars/${c.id}`, {
            method: 'PATCH',
            body: { active: true },
            version: c.version,
          }),
    onSuccess: async (c) => {
      qc.setQueryData(calendarQuery(id).queryKey, c);
      await qc.invalidateQueries({ queryKey: ['/calendars'] });
    },
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  const c = query.data;
  const editable = isAdmin && !c.builtIn;

  return (
    <>
      <PageHeader
        back={{ to: '/calendars', label: 'Calendars' }}
        title={c.name}
        description={
          <>
            {c.timeZone} · {weeklyHours(c.week)} h a week{' '}
            {c.builtIn ? <Badge tone="info">Built in</Badge> : null}
            {!c.active ? <Badge>Archived</Badge> : null}
          </>
        }
        actions={
          editable ? (
            <>
              <Link
                to="/calendars/$calendarId/edit"
                params={{ calendarId: c.id }}
                className="button"
              >
                Edit
              </Link>
              <ConfirmButton
                label={c.active ? 'Archive' : 'Restore'}
                tone={c.active ? 'danger' : 'secondary'}
                question={
                  c.active
                    ? `Archive ${c.name}? Targets using it keep it; new targets cannot choose it.`
                    : `Restore ${c.name}?`
                }
                confirmLabel={c.active ? 'Yes, archive' : 'Yes, restore'}
                busy={setArchived.isPending}
                onConfirm={() => setArchived.mutate(c)}
              />
            </>
          ) : null
        }
      />
      <ErrorBanner
        error={setArchived.error}
        onReload={() => void query.refetch().then(() => setArchived.reset())}
      />
      <section className="card" aria-label="Details">
        {c.description ? (
          <p className="prose">{c.description}</p>
        ) : (
          <p className="muted">No description.</p>
        )}
        <dl className="details">
          <Detail label="Time zone">{c.timeZone}</Detail>
          <Detail label="Open hours">{weekSummary(c.week)}</Detail>
          <Detail label="Created">{formatInstant(c.createdAt)}</Detail>
          <Detail label="Last changed">
            {formatInstant(c.updatedAt)} <span className="muted">(version {c.version})</span>
          </Detail>
        </dl>
      </section>
      <section className="card" aria-labelledby="week-h">
        <h2 id="week-h">Week</h2>
        <WeekChart week={c.week} label={`Open hours of ${c.name}: ${weekSummary(c.week)}`} />
      </section>
      <CalendarHolidays calendar={c} editable={editable} />
      <CalendarCheck calendar={c} />
    </>
  );
}
