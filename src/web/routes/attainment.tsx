// SLA attainment report: filters (from, to, month or quarter, service, priority) kept in the URL,
// a chart of attainment % per period (all priorities and each), the table per period, service
// and priority, and a CSV download of exactly what is shown.
import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { request, type Query } from '../api.js';
import { SelectField, TextField } from '../components/fields.js';
import { ExportLink } from '../components/list.js';
import { TrendChart, type TrendSeries } from '../components/trend-chart.js';
import { Empty, ErrorBanner, Loading, PageHeader } from '../components/ui.js';
import type { AttainmentReport, AttainmentRow } from '../../contract/sla.js';

export type AttainmentSearch = {
  from?: string;
  to?: string;
  period?: string;
  service?: string;
  priority?: string;
};

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Default range: the three whole months before this one, and this month so far. */
function defaults(): { from: string; to: string } {
  const now = new Date();
  return {
    from: day(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 1))),
    to: day(now),
  };
}

export const formatDuration = (s: number | null): string => {
  if (s === null) return '–';
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
};
const percent = (p: number | null) => (p === null ? '–' : `${p.toFixed(1)} %`);

/** The first day of a period key ("2026-03" or "2026-Q2"), for the chart's time axis. */
function periodStart(key: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  if (q) return `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  return `${key}-01`;
}

const colors = { all: '#1d4ed8', P1: '#b91c1c', P2: '#d97706', P3: '#059669', P4: '#6b7280' };

function AttainmentChart({ report }: { report: AttainmentReport }) {
  const { dates, series } = useMemo(() => {
    const keys = [...new Set(report.trend.map((p) => p.period))];
    const line = (priority: keyof typeof colors): TrendSeries => ({
      label: priority === 'all' ? 'All priorities' : priority,
      color: colors[priority],
      width: priority === 'all' ? 3 : 1.5,
      values: keys.map(
        (k) =>
          report.trend.find((p) => p.period === k && p.priority === priority)?.attainmentPercent ??
          null,
      ),
    });
    return {
      dates: keys.map(periodStart),
      series: (['all', 'P1', 'P2', 'P3', 'P4'] as const).map(line),
    };
  }, [report]);
  return <TrendChart dates={dates} series={series} label="Attainment % per period" />;
}

function Row({ r }: { r: AttainmentRow }) {
  return (
    <tr>
      <td>{r.period}</td>
      <td>{r.serviceName ?? 'No service'}</td>
      <td>{r.priority}</td>
      <td className="num">{r.tickets}</td>
      <td className="num">{r.met}</td>
      <td className="num">{r.breached}</td>
      <td className="num">{percent(r.attainmentPercent)}</td>
      <td className="num">{formatDuration(r.meanRespondSeconds)}</td>
      <td className="num">{formatDuration(r.p90RespondSeconds)}</td>
      <td className="num">{formatDuration(r.meanResolveSeconds)}</td>
      <td className="num">{formatDuration(r.p90ResolveSeconds)}</td>
    </tr>
  );
}

export function Attainment({
  search,
  setSearch,
}: {
  search: AttainmentSearch;
  setSearch: (s: AttainmentSearch) => void;
}) {
  const fallback = useMemo(defaults, []);
  const filters: Query = {
    from: search.from ?? fallback.from,
    to: search.to ?? fallback.to,
    period: search.period ?? 'month',
    service: search.service,
    priority: search.priority,
  };
  const [draft, setDraft] = useState<AttainmentSearch>(search);
  const set = (key: keyof AttainmentSearch) => (value: string) =>
    setDraft((d) => ({ ...d, [key]: value || undefined }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setSearch(draft);
  };
  const report = useQuery({
    queryKey: ['/reports/attainment', filters],
    queryFn: ({ signal }) =>
      request<AttainmentReport>('/reports/attainment', { query: filters, signal }),
  });
  const data = report.data;

  return (
    <>
      <PageHeader
        title="SLA attainment"
        description="Tickets created in the period that met or breached their service level targets, and the business time taken to respond and to resolve (mean and 90th percentile)."
        actions={<ExportLink path="/reports/attainment" filters={filters} />}
      />
      <form className="card filters" onSubmit={apply} aria-label="Filter the attainment report">
        <div className="filters__grid">
          <TextField
            label="From"
            hint="YYYY-MM-DD"
            value={draft.from ?? fallback.from}
            onChange={set('from')}
          />
          <TextField
            label="To (inclusive)"
            hint="YYYY-MM-DD"
            value={draft.to ?? fallback.to}
            onChange={set('to')}
          />
          <SelectField
            label="Period"
            value={draft.period ?? 'month'}
            onChange={set('period')}
            options={[
              { value: 'month', label: 'Month' },
              { value: 'quarter', label: 'Quarter' },
            ]}
          />
          <TextField
            label="Service"
            value={draft.service ?? ''}
            onChange={set('service')}
            hint="slug, e.g. online-marketplace"
          />
          <SelectField
            label="Priority"
            value={draft.priority ?? ''}
            onChange={set('priority')}
            placeholder="All"
            options={['P1', 'P2', 'P3', 'P4'].map((p) => ({ value: p, label: p }))}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            Show
          </button>
        </div>
      </form>
      {report.isPending ? <Loading label="Deriving timers from ticket history…" /> : null}
      {report.error ? <ErrorBanner error={report.error} /> : null}
      {data ? (
        data.rows.length === 0 ? (
          <Empty title="No tickets in this range">
            Widen the dates or clear the service and priority filters.
          </Empty>
        ) : (
          <>
            <section className="card" aria-label="Attainment per period">
              <p>
                {data.totals.tickets} tickets: {data.totals.met} met, {data.totals.breached}{' '}
                breached, {data.totals.open} open within target, {data.totals.noTarget} without a
                target — attainment <strong>{percent(data.totals.attainmentPercent)}</strong>.
              </p>
              <AttainmentChart report={data} />
            </section>
            <div className="table-wrap">
              <table className="table" aria-label="Attainment per period, service and priority">
                <thead>
                  <tr>
                    <th scope="col">Period</th>
                    <th scope="col">Service</th>
                    <th scope="col">Priority</th>
                    <th scope="col" className="num">
                      Tickets
                    </th>
                    <th scope="col" className="num">
                      Met
                    </th>
                    <th scope="col" className="num">
                      Breached
                    </th>
                    <th scope="col" className="num">
                      Attainment
                    </th>
                    <th scope="col" className="num">
                      Respond (mean)
                    </th>
                    <th scope="col" className="num">
                      Respond (p90)
                    </th>
                    <th scope="col" className="num">
                      Resolve (mean)
                    </th>
                    <th scope="col" className="num">
                      Resolve (p90)
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((r) => (
                    <Row key={`${r.period}|${r.serviceId ?? ''}|${r.priority}`} r={r} />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )
      ) : null}
    </>
  );
}
