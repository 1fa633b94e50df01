// Availability of a service per month, from its outage incidents: 24x7 and within service hours.
import { useQuery } from '@tanstack/react-query';
import { DataTable } from '../components/table.js';
import { ErrorBanner, Loading } from '../components/ui.js';
import { availabilityQuery } from './tickets-shared.js';

const percent = (v: number | null) => (v === null ? '—' : `${v.toFixed(3)} %`);
const month = new Intl.DateTimeFormat(undefined, {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const duration = (s: number) =>
  s === 0 ? '0' : s < 3600 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`;

/** The last six calendar months (UTC), this one included. */
function lastMonths(): { from: string; to: string } {
  const now = new Date();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 5, 1));
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { from: from.toISOString(), to: to.toISOString() };
}

export function AvailabilityPanel({ service }: { service: { id: string; name: string } }) {
  const { from, to } = lastMonths();
  const q = useQuery(availabilityQuery(service.id, from, to));
  return (
    <section className="card" aria-labelledby="availability-h">
      <h2 id="availability-h">Availability</h2>
      <p className="muted">
        From incidents with impact outage, per month (UTC).{' '}
        {q.data && !q.data.serviceHoursCalendar
          ? 'No service hours calendar yet: figures are 24x7.'
          : null}
      </p>
      {q.isPending ? (
        <Loading label="Computing availability…" />
      ) : q.isError ? (
        <ErrorBanner error={q.error} />
      ) : (
        <DataTable
          caption={`Availability of ${service.name}`}
          columns={[
            { label: 'Month' },
            { label: '24x7', className: 'num' },
            { label: 'Within service hours', className: 'num' },
            { label: 'Down', className: 'num' },
            { label: 'Outages', className: 'num' },
          ]}
        >
          {[...q.data.periods].reverse().map((p) => (
            <tr key={p.from}>
              <td>{month.format(new Date(p.from))}</td>
              <td className="num">{percent(p.allHours.availability)}</td>
              <td className="num">{p.serviceHours ? percent(p.serviceHours.availability) : '—'}</td>
              <td className="num">{duration(p.allHours.downSeconds)}</td>
              <td className="num">{p.outages}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
