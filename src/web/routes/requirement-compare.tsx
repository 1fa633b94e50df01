// Compare the options of a requirement side by side: what each costs a year against the loss
// it still leaves (the requirement's loss per outage hour × the outage hours its availability
// allows within its service hours), and for every target the history over 3, 6 and 12 months,
// the verdict and its reason; the free-lunch warnings on top. One column per option on a wide
// screen, stacked on a phone.
import type { CSSProperties } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../api.js';
import { Badge, Empty, ErrorBanner, Loading, PageHeader } from '../components/ui.js';
import type { Feasibility } from '../../contract/feasibility.js';

type Target = Feasibility['options'][number]['targets'][number];
type Option = Feasibility['options'][number];
type Warning = Feasibility['requirement']['warnings'][number];

export const feasibilityQuery = (id: string) =>
  queryOptions({
    queryKey: ['/requirements', 'feasibility', id],
    queryFn: ({ signal }) =>
      request<Feasibility>(`/requirements/${encodeURIComponent(id)}/feasibility`, { signal }),
  });

const titleQuery = (id: string) =>
  queryOptions({
    queryKey: ['/requirements', 'one', id],
    queryFn: ({ signal }) =>
      request<{ title: string; serviceName: string; orgUnitName: string }>(
        `/requirements/${encodeURIComponent(id)}`,
        { signal },
      ),
  });

function money(minor: number | null, currency: string): string {
  if (minor === null) return '—';
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    }).format(minor / 100);
  } catch {
    return `${currency} ${(minor / 100).toFixed(0)}`;
  }
}

const percent = (p: number | null) => (p === null ? '—' : `${p} %`);

const verdictText: Record<Target['verdict'], string> = {
  achievable: 'Achievable',
  stretch: 'Stretch',
  not_achievable: 'Not achievable',
};
const verdictTone: Record<Target['verdict'], 'good' | 'info' | 'bad'> = {
  achievable: 'good',
  stretch: 'info',
  not_achievable: 'bad',
};

const warningTitles: Record<Warning['code'], string> = {
  no_funded_option: 'No funded option',
  stricter_option_costs_no_more: 'A stricter option costs no more',
  stricter_than_ola: 'Stricter than the teams’ OLAs',
  service_hours_wider_than_teams: 'Service hours wider than the teams’ calendars',
  availability_above_dependencies: 'Availability above what the dependencies commit to',
};

const columns: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 280px), 1fr))',
  gap: '1rem',
  alignItems: 'start',
};

function TargetBlock({ t }: { t: Target }) {
  const h = t.history;
  const availability = t.key === 'availability';
  return (
    <li style={{ borderTop: '1px solid var(--border, #ddd)', padding: '0.6rem 0' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: '0.5rem' }}>
        <strong>{t.label}</strong>
        <Badge tone={verdictTone[t.verdict]}>{verdictText[t.verdict]}</Badge>
      </div>
      <table className="compact" style={{ width: '100%', margin: '0.3rem 0' }}>
        <caption className="visually-hidden">History of {t.label}</caption>
        <thead>
          <tr>
            <th scope="col">Last</th>
            <th scope="col" className="num">
              3 m
            </th>
            <th scope="col" className="num">
              6 m
            </th>
            <th scope="col" className="num">
              12 m
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{availability ? 'Up' : 'Made it'}</th>
            <td className="num">{percent(h.m3.percent)}</td>
            <td className="num">{percent(h.m6.percent)}</td>
            <td className="num">{percent(h.m12.percent)}</td>
          </tr>
          <tr className="muted">
            <th scope="row">{availability ? 'Outages' : 'Tickets'}</th>
            <td className="num">{availability ? (h.m3.outages ?? '—') : h.m3.tickets}</td>
            <td className="num">{availability ? (h.m6.outages ?? '—') : h.m6.tickets}</td>
            <td className="num">{availability ? (h.m12.outages ?? '—') : h.m12.tickets}</td>
          </tr>
        </tbody>
      </table>
      {t.dependencyBound !== undefined ? (
        <p className="muted" style={{ margin: 0 }}>
          Dependencies allow at most {t.dependencyBound} %.
        </p>
      ) : null}
      <p style={{ margin: '0.2rem 0 0' }}>{t.reason}</p>
    </li>
  );
}

function OptionColumn({ o, warnings }: { o: Option; warnings: Warning[] }) {
  const v = o.costPerYearVsValue;
  return (
    <section className="card" aria-label={`Option ${o.label}`} data-testid="compare-column">
      <h2>{o.label}</h2>
      <p style={{ margin: 0 }}>
        {o.meetsRequirement ? (
          <Badge tone="good">Meets the requirement</Badge>
        ) : (
          <Badge>Below the requirement</Badge>
        )}{' '}
        {warnings.length > 0 ? (
          <Badge tone="bad">
            {warnings.length} warning{warnings.length === 1 ? '' : 's'}
          </Badge>
        ) : null}
      </p>
      <dl className="details" style={{ margin: '0.6rem 0' }}>
        <div>
          <dt>Monthly cost</dt>
          <dd>{money(o.monthlyCostMinor, o.currency)}</dd>
        </div>
        <div>
          <dt>Cost per year</dt>
          <dd>{money(v.costPerYearMinor, v.currency)}</dd>
        </div>
        <div>
          <dt>Expected loss per year</dt>
          <dd>
            {money(v.expectedLossPerYearMinor, v.lossCurrency)}
            {v.expectedOutageHoursPerYear !== null ? (
              <span className="muted">
                {' '}
                ({v.expectedOutageHoursPerYear} h down of {v.serviceHoursPerYear} service hours)
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Cost + expected loss</dt>
          <dd>
            <strong>{money(v.totalPerYearMinor, v.currency)}</strong>
          </dd>
        </div>
      </dl>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {o.targets.map((t) => (
          <TargetBlock key={t.key} t={t} />
        ))}
      </ul>
    </section>
  );
}

export function RequirementComparePage({ id }: { id: string }) {
  const f = useQuery(feasibilityQuery(id));
  const r = useQuery(titleQuery(id));
  const header = (
    <PageHeader
      title={r.data ? `Compare options: ${r.data.title}` : 'Compare options'}
      description={
        r.data
          ? `${r.data.serviceName} for ${r.data.orgUnitName}: cost against value, history, verdicts and free-lunch warnings`
          : 'Cost against value, history, verdicts and free-lunch warnings'
      }
      back={{ to: '/requirements/$id', params: { id }, label: 'Requirement' }}
    />
  );
  if (f.isPending)
    return (
      <>
        {header}
        <Loading label="Computing feasibility from 12 months of tickets, outages and dependencies…" />
      </>
    );
  if (f.isError)
    return (
      <>
        {header}
        <ErrorBanner error={f.error} />
      </>
    );
  const data = f.data;
  const warnings = data.requirement.warnings;
  const labelOf = (optionId: string | null) =>
    data.options.find((o) => o.optionId === optionId)?.label ?? null;
  const flagged = data.dependencies.filter((d) => d.flagged);
  return (
    <>
      {header}
      {warnings.length > 0 ? (
        <section className="banner banner--error" role="alert" aria-label="Free-lunch warnings">
          <h2>Free-lunch warnings ({warnings.length})</h2>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>
                <strong>{warningTitles[w.code]}</strong>
                {labelOf(w.optionId) ? ` — ${labelOf(w.optionId)}` : ''}: {w.message}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="muted" role="status">
          No free-lunch warnings.
        </p>
      )}
      <section className="card" aria-label="Dependencies">
        <h2>Dependencies</h2>
        <p style={{ margin: 0 }}>
          Best availability the dependencies allow: <strong>{data.dependencyBound} %</strong> (
          {data.dependencies.length} dependencies below the service, runs on and uses).
        </p>
        {flagged.length > 0 ? (
          <p style={{ margin: '0.4rem 0 0' }}>
            Without an agreement or an operational level target ({flagged.length}):{' '}
            {flagged
              .slice(0, 12)
              .map((d) => d.name)
              .join(', ')}
            {flagged.length > 12 ? ` and ${flagged.length - 12} more` : ''}.
          </p>
        ) : null}
      </section>
      {data.options.length === 0 ? (
        <Empty title="No options yet">The service owner has not answered with an option.</Empty>
      ) : (
        <div style={columns} data-testid="compare-columns">
          {data.options.map((o) => (
            <OptionColumn
              key={o.optionId}
              o={o}
              warnings={warnings.filter((w) => w.optionId === o.optionId)}
            />
          ))}
        </div>
      )}
      <section className="card" aria-label="What the requirement asks for">
        <h2>What the requirement asks for</h2>
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {data.requirement.targets.map((t) => (
            <TargetBlock key={t.key} t={t} />
          ))}
        </ul>
      </section>
    </>
  );
}
