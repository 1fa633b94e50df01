// Governance: the management commitment index (big number, components, daily trend), ownership
// coverage by tier and by organisation unit, nominations by age, lapsed roles and the live
// services nobody has accepted ownership of, most critical first.
import { Suspense, lazy, useState, type ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { CommitmentIndex, CommitmentTrend, Governance } from '../../contract/governance.js';
import { apiUrl, request } from '../api.js';
import { TierBadge } from '../components/service-badges.js';
import type { TrendSeries } from '../components/trend-chart.js';
import { Empty, ErrorBanner, Loading, PageHeader, formatInstant } from '../components/ui.js';

// uPlot is loaded with the chart only, not with every page that shows an index.
const TrendChart = lazy(() =>
  import('../components/trend-chart.js').then((m) => ({ default: m.TrendChart })),
);

const governanceQuery = {
  queryKey: ['/governance'],
  queryFn: ({ signal }: { signal: AbortSignal }) => request<Governance>('/governance', { signal }),
};

const ranges = [
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
  { days: 1095, label: '3 years' },
] as const;

const colors = ['#2563eb', '#16a34a', '#d97706', '#dc2626', '#7c3aed', '#0891b2'];
const roleKindLabels: Record<string, string> = {
  service_owner: 'Service owner',
  process_owner: 'Process owner',
  customer_representative: 'Customer representative',
  delivery_lead: 'Delivery lead',
  deputy: 'Deputy',
};

const pct = (v: number | null) => (v === null ? 'n/a' : `${Math.round(v * 100)} %`);

function Bar({ value, label }: { value: number | null; label: string }) {
  const width = value === null ? 0 : Math.max(0, Math.min(100, value));
  const tone = width >= 75 ? '#16a34a' : width >= 50 ? '#d97706' : '#dc2626';
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value ?? undefined}
      style={{ background: '#e5e7eb', borderRadius: 4, height: 10, minWidth: 120 }}
    >
      <div style={{ width: `${width}%`, background: tone, height: '100%', borderRadius: 4 }} />
    </div>
  );
}

function Card({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const id = `gov-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section className="card" aria-labelledby={id}>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'baseline',
          gap: 12,
        }}
      >
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** The index as a big number with its components. */
export function IndexSummary({ index }: { index: CommitmentIndex }) {
  return (
    <>
      <p style={{ display: 'flex', alignItems: 'baseline', gap: 12, margin: '0 0 12px' }}>
        <strong style={{ fontSize: 48, lineHeight: 1 }} data-testid="commitment-index">
          {index.value === null ? '–' : index.value.toFixed(1)}
        </strong>
        <span className="muted">of 100, {formatInstant(index.at)}</span>
      </p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>Component</th>
              <th>Weight</th>
              <th>Score</th>
              <th>Measured</th>
            </tr>
          </thead>
          <tbody>
            {index.components.map((c) => (
              <tr key={c.key}>
                <td>{c.label}</td>
                <td>{c.applies ? c.weight : '–'}</td>
                <td>
                  <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                    <Bar value={c.value === null ? null : c.value * 100} label={c.label} />
                    {pct(c.value)}
                  </div>
                </td>
                <td className="muted">
                  {c.applies
                    ? `${c.detail} (${c.numerator} / ${c.denominator})`
                    : 'not measured here'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Trend({ initial }: { initial: CommitmentTrend }) {
  const [days, setDays] = useState(365);
  const query = useQuery({
    queryKey: ['/governance/index/trend', days],
    queryFn: ({ signal }) => {
      const from = new Date(Date.now() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
      return request<CommitmentTrend>('/governance/index/trend', { query: { from }, signal });
    },
    enabled: days !== 365,
    placeholderData: keepPreviousData,
  });
  const trend = days === 365 ? initial : query.data;
  const series: TrendSeries[] = trend
    ? [
        { label: 'Index', values: trend.values, color: '#111827', width: 3 },
        ...trend.components.map((c, i) => ({
          label: c.label,
          values: c.values.map((v) => (v === null ? null : Math.round(v * 1000) / 10)),
          color: colors[i % colors.length]!,
          width: 1,
        })),
      ]
    : [];
  return (
    <Card
      title="Daily trend"
      actions={
        <label>
          Range{' '}
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {ranges.map((r) => (
              <option key={r.days} value={r.days}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      }
    >
      {query.isError ? <ErrorBanner error={query.error} /> : null}
      {!trend || query.isFetching ? <Loading label="Computing the daily history…" /> : null}
      {trend ? (
        <Suspense fallback={<Loading label="Loading the chart…" />}>
          <TrendChart
            dates={trend.dates}
            series={series}
            label={`The management commitment index per day, ${trend.dates[0]} to ${trend.dates.at(-1)}`}
          />
        </Suspense>
      ) : null}
    </Card>
  );
}

export function GovernancePage() {
  const query = useQuery(governanceQuery);
  if (query.isPending) return <Loading label="Computing the commitment index…" />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  const g = query.data;
  return (
    <>
      <PageHeader
        title="Governance"
        description="Do the people accountable personally stand behind their services and practices — and keep doing so? The index is computed from history; see how it is defined in docs/commitment-index.md."
      />
      <Card title="Management commitment index">
        <IndexSummary index={g.index} />
      </Card>
      <Trend initial={g.trend} />
      <div className="grid-2">
        <Card title="Ownership by tier">
          <CoverageTable
            rows={g.coverage.byTier.map((r) => ({
              key: String(r.tier),
              name: <TierBadge tier={r.tier as 1 | 2 | 3 | 4} />,
              ...r,
            }))}
          />
        </Card>
        <Card title="Ownership by organisation unit">
          {g.coverage.byOrgUnit.length === 0 ? (
            <Empty title="No live service has a customer unit yet" />
          ) : (
            <CoverageTable
              withIndex
              rows={g.coverage.byOrgUnit.map((u) => ({
                ...u,
                key: u.id,
                name: (
                  <Link to="/org-units/$orgUnitId" params={{ orgUnitId: u.id }}>
                    {u.name}
                  </Link>
                ),
              }))}
            />
          )}
        </Card>
      </div>
      <div className="grid-2">
        <Card title="Open nominations by age">
          <dl className="details">
            {[
              ['Under 7 days', g.nominationsByAge.under7Days],
              ['7 to 30 days', g.nominationsByAge.from7To30Days],
              ['30 days or more', g.nominationsByAge.over30Days],
            ].map(([label, n]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{n}</dd>
              </div>
            ))}
          </dl>
          <p className="muted">
            {g.nominationsByAge.total} waiting for an answer; those open 30 days or more count
            against the index.
          </p>
        </Card>
        <Card title={`Lapsed roles (${g.lapsedRoles.total})`}>
          {g.lapsedRoles.total === 0 ? (
            <Empty title="No lapsed roles" />
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th>Person</th>
                    <th>Role</th>
                    <th>Of</th>
                    <th>Lapsed</th>
                  </tr>
                </thead>
                <tbody>
                  {g.lapsedRoles.items.map((r) => (
                    <tr key={r.roleId}>
                      <td>
                        <Link to="/people/$personId" params={{ personId: r.personId }}>
                          {r.personName}
                        </Link>
                      </td>
                      <td>{roleKindLabels[r.kind] ?? r.kind}</td>
                      <td>
                        {r.serviceSlug ? (
                          <Link to="/services/$ref" params={{ ref: r.serviceSlug }}>
                            {r.subject}
                          </Link>
                        ) : (
                          r.subject
                        )}
                      </td>
                      <td>{formatInstant(r.lapsedAt, false)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
      <Card
        title={`Live services with no accepted owner (${g.unownedServices.total})`}
        actions={
          <a href={apiUrl('/governance/unowned-services', { format: 'csv' })} download>
            Export CSV
          </a>
        }
      >
        {g.unownedServices.total === 0 ? (
          <Empty title="Every live service has an accepted owner" />
        ) : (
          <>
            <div className="table-wrap">
              <table className="table" aria-label="Unowned services, most critical first">
                <thead>
                  <tr>
                    <th>Service</th>
                    <th>Tier</th>
                    <th>Without an owner since</th>
                    <th>Nomination</th>
                  </tr>
                </thead>
                <tbody>
                  {g.unownedServices.items.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <Link to="/services/$ref" params={{ ref: s.slug }}>
                          {s.name}
                        </Link>
                      </td>
                      <td>
                        <TierBadge tier={s.tier as 1 | 2 | 3 | 4} />
                      </td>
                      <td>{formatInstant(s.ownerlessSince, false)}</td>
                      <td>{s.nominationPending ? 'pending' : 'none'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {g.unownedServices.total > g.unownedServices.items.length ? (
              <p className="muted">
                The {g.unownedServices.items.length} most critical of {g.unownedServices.total};
                export the CSV for all of them.
              </p>
            ) : null}
          </>
        )}
      </Card>
    </>
  );
}

function CoverageTable({
  rows,
  withIndex = false,
}: {
  rows: {
    key: string;
    name: ReactNode;
    live: number;
    owned: number;
    percent: number | null;
    index?: number | null;
  }[];
  withIndex?: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>{withIndex ? 'Unit' : 'Tier'}</th>
            <th>Owned / live</th>
            <th>Coverage</th>
            {withIndex ? <th>Index</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.name}</td>
              <td>
                {r.owned} / {r.live}
              </td>
              <td>
                <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                  <Bar value={r.percent} label={`coverage ${r.key}`} />
                  {r.percent === null ? 'n/a' : `${r.percent} %`}
                </div>
              </td>
              {withIndex ? (
                <td>{r.index === null || r.index === undefined ? '–' : r.index.toFixed(1)}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The service page's commitment card: this service's index and its components. */
export function ServiceCommitment({ serviceRef }: { serviceRef: string }) {
  const query = useQuery({
    queryKey: ['/governance/index', serviceRef],
    queryFn: ({ signal }) =>
      request<CommitmentIndex>('/governance/index', {
        query: { scope: `service:${serviceRef}` },
        signal,
      }),
  });
  return (
    <Card title="Management commitment">
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorBanner error={query.error} /> : null}
      {query.data ? <IndexSummary index={query.data} /> : null}
    </Card>
  );
}
