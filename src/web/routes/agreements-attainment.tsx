// Agreement attainment and money: per agreement and review period, the compliance %, the money
// band reached, reward, penalty, cost of misses and net; a chart of compliance and net per
// period; filters in the URL; sortable table with the targets of each row; CSV of what is shown.
import { Fragment, useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { request, type Query } from '../api.js';
import { SelectField, TextField } from '../components/fields.js';
import { OrgUnitSelect } from '../components/pickers.js';
import { DataTable, type Column } from '../components/table.js';
import { TrendChart, type TrendSeries } from '../components/trend-chart.js';
import { Badge, Empty, ErrorBanner, Loading, PageHeader } from '../components/ui.js';
import type {
  AgreementAttainmentReport,
  AgreementPeriodAttainment,
  TargetAttainment,
} from '../../contract/agreement-attainment.js';

export type AgreementsAttainmentSearch = {
  from?: string;
  to?: string;
  period?: string;
  service?: string;
  orgUnit?: string;
  sort?: string;
};

/** Money in minor units as the currency reads: "€1,250.00", "−€200.00". */
export function formatMoney(minor: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(minor / 100);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export const formatPercent = (p: number | null, decimals = 2): string =>
  p === null ? '–' : `${Number(p.toFixed(decimals))} %`;

export function BandBadge({ row }: { row: Pick<AgreementPeriodAttainment, 'band' | 'currency'> }) {
  const b = row.band;
  if (!b) return <span className="muted">No band</span>;
  const label = `≥ ${b.minCompliancePercent} %`;
  if (b.kind === 'reward')
    return (
      <Badge tone="good">
        Reward {formatMoney(b.amountMinor, row.currency)} ({label})
      </Badge>
    );
  if (b.kind === 'penalty')
    return (
      <Badge tone="bad">
        Penalty {formatMoney(b.amountMinor, row.currency)} ({label})
      </Badge>
    );
  return <Badge>No reward or penalty ({label})</Badge>;
}

const statusTone = { met: 'good', missed: 'bad', no_data: 'neutral' } as const;
const statusLabel = { met: 'Met', missed: 'Missed', no_data: 'No data' } as const;

export function TargetStatus({ status }: { status: TargetAttainment['status'] }) {
  return <Badge tone={statusTone[status]}>{statusLabel[status]}</Badge>;
}

/** The first day of a period key ("2026-03" or "2026-Q2"), for the chart's time axis. */
function periodStartDay(key: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  if (q) return `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  return `${key}-01`;
}

const palette = ['#047857', '#b45309', '#7c3aed', '#be123c', '#0e7490'];

function Charts({ rows }: { rows: AgreementPeriodAttainment[] }) {
  const { dates, compliance, net, currencies } = useMemo(() => {
    const keys = [...new Set(rows.map((r) => r.period))].sort(
      (a, b) => periodStartDay(a).localeCompare(periodStartDay(b)) || a.localeCompare(b),
    );
    const currencies = [...new Set(rows.map((r) => r.currency))].sort();
    const per = (k: string) => rows.filter((r) => r.period === k);
    const compliance: TrendSeries[] = [
      {
        label: 'Targets met / measured',
        color: '#1d4ed8',
        width: 3,
        values: keys.map((k) => {
          const g = per(k);
          const met = g.reduce((a, r) => a + r.targetsMet, 0);
          const measured = g.reduce((a, r) => a + r.targetsMet + r.targetsMissed, 0);
          return measured > 0 ? Math.floor((met / measured) * 10_000) / 100 : null;
        }),
      },
    ];
    const net: TrendSeries[] = currencies.map((c, i) => ({
      label: `Net (${c})`,
      color: palette[i % palette.length]!,
      values: keys.map((k) => {
        const g = per(k).filter((r) => r.currency === c);
        return g.length ? g.reduce((a, r) => a + r.netMinor, 0) / 100 : null;
      }),
    }));
    return { dates: keys.map(periodStartDay), compliance, net, currencies };
  }, [rows]);
  return (
    <div className="attainment-charts">
      <section className="card" aria-label="Compliance per period">
        <h2>Compliance % per period</h2>
        <TrendChart dates={dates} series={compliance} label="Compliance % per period" />
      </section>
      <section className="card" aria-label="Net money per period">
        <h2>Net per period ({currencies.join(', ')})</h2>
        <TrendChart
          dates={dates}
          series={net}
          range={null}
          decimals={2}
          label="Net money per period: reward minus penalty minus cost of misses"
        />
      </section>
    </div>
  );
}

type SortKey = 'code' | 'service' | 'customer' | 'period' | 'compliance' | 'net';
const sorters: Record<
  SortKey,
  (a: AgreementPeriodAttainment, b: AgreementPeriodAttainment) => number
> = {
  code: (a, b) => a.code.localeCompare(b.code) || a.periodStart.localeCompare(b.periodStart),
  service: (a, b) => a.serviceName.localeCompare(b.serviceName) || a.code.localeCompare(b.code),
  customer: (a, b) => a.customerName.localeCompare(b.customerName) || a.code.localeCompare(b.code),
  period: (a, b) => a.periodStart.localeCompare(b.periodStart) || a.code.localeCompare(b.code),
  compliance: (a, b) => (a.compliancePercent ?? -1) - (b.compliancePercent ?? -1),
  net: (a, b) => a.netMinor - b.netMinor,
};

export function sortRows(rows: AgreementPeriodAttainment[], sort: string | undefined) {
  const desc = sort?.startsWith('-') ?? false;
  const key = (sort?.replace(/^-/, '') ?? 'code') as SortKey;
  const by = sorters[key] ?? sorters.code;
  return [...rows].sort((a, b) => (desc ? by(b, a) : by(a, b)));
}

/** The CSV of the rows as shown (one line per agreement and period, amounts in minor units). */
export function rowsCsv(rows: AgreementPeriodAttainment[]): string {
  const columns: [string, (r: AgreementPeriodAttainment) => string | number | boolean | null][] = [
    ['code', (r) => r.code],
    ['title', (r) => r.title],
    ['serviceSlug', (r) => r.serviceSlug],
    ['serviceName', (r) => r.serviceName],
    ['customerName', (r) => r.customerName],
    ['reviewPeriod', (r) => r.reviewPeriod],
    ['period', (r) => r.period],
    ['complete', (r) => r.complete],
    ['versionNumber', (r) => r.versionNumber],
    ['targetsMet', (r) => r.targetsMet],
    ['targetsMissed', (r) => r.targetsMissed],
    ['targetsNoData', (r) => r.targetsNoData],
    ['compliancePercent', (r) => r.compliancePercent],
    ['bandKind', (r) => r.band?.kind ?? null],
    ['bandMinCompliancePercent', (r) => r.band?.minCompliancePercent ?? null],
    ['currency', (r) => r.currency],
    ['rewardMinor', (r) => r.rewardMinor],
    ['penaltyMinor', (r) => r.penaltyMinor],
    ['costOfMissesMinor', (r) => r.costOfMissesMinor],
    ['netMinor', (r) => r.netMinor],
  ];
  const cell = (v: string | number | boolean | null) => {
    if (v === null) return '';
    const s = String(v);
    const safe = typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\n\r;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const lines = [columns.map(([name]) => name).join(',')];
  for (const r of rows) lines.push(columns.map(([, get]) => cell(get(r))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function CsvButton({ rows, name }: { rows: AgreementPeriodAttainment[]; name: string }) {
  const href = useMemo(
    () => `data:text/csv;charset=utf-8,${encodeURIComponent(rowsCsv(rows))}`,
    [rows],
  );
  return (
    <a className="button button--secondary" href={href} download={name}>
      Export CSV
    </a>
  );
}

export function TargetsTable({ row }: { row: AgreementPeriodAttainment }) {
  return (
    <table className="table table--compact" aria-label={`Targets of ${row.code} in ${row.period}`}>
      <thead>
        <tr>
          <th scope="col">Target</th>
          <th scope="col" className="num">
            Goal
          </th>
          <th scope="col" className="num">
            Measured
          </th>
          <th scope="col" className="num">
            Compliance
          </th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {row.targets.map((t) => (
          <tr key={t.key}>
            <td>{t.label}</td>
            <td className="num">{t.goalPercent} %</td>
            <td className="num">
              {t.kind === 'tickets'
                ? `${t.met ?? 0} of ${t.judged ?? 0} tickets`
                : t.totalSeconds === null
                  ? '–'
                  : `${Math.round((t.downSeconds ?? 0) / 60)} min down in ${Math.round(t.totalSeconds / 3600)} h`}
            </td>
            <td className="num">
              {formatPercent(t.compliancePercent, t.kind === 'tickets' ? 2 : 4)}
            </td>
            <td>
              <TargetStatus status={t.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const columns: Column[] = [
  { label: 'Agreement', sort: 'code' },
  { label: 'Service', sort: 'service' },
  { label: 'Customer', sort: 'customer', className: 'col-optional' },
  { label: 'Period', sort: 'period' },
  { label: 'Targets met', className: 'num' },
  { label: 'Compliance', sort: 'compliance', className: 'num' },
  { label: 'Band' },
  { label: 'Cost of misses', className: 'num col-optional' },
  { label: 'Net', sort: 'net', className: 'num' },
  { label: <span className="visually-hidden">Targets</span> },
];

function RowLines({ r }: { r: AgreementPeriodAttainment }) {
  const [open, setOpen] = useState(false);
  const money = (m: number) => formatMoney(m, r.currency);
  return (
    <>
      <tr>
        <td>
          <strong>{r.code}</strong>
          <div className="muted">
            {r.title} · v{r.versionNumbers.join(', v')}
          </div>
        </td>
        <td>{r.serviceName}</td>
        <td className="col-optional">{r.customerName}</td>
        <td>
          {r.period}
          {r.complete ? null : (
            <div>
              <Badge tone="info">In progress</Badge>
            </div>
          )}
        </td>
        <td className="num">
          {r.targetsMet} of {r.targetsMet + r.targetsMissed}
          {r.targetsNoData ? <div className="muted">{r.targetsNoData} no data</div> : null}
        </td>
        <td className="num">{formatPercent(r.compliancePercent)}</td>
        <td>
          <BandBadge row={r} />
        </td>
        <td className="num col-optional attainment-money">{money(r.costOfMissesMinor)}</td>
        <td className="num attainment-money">
          <strong>{money(r.netMinor)}</strong>
        </td>
        <td>
          <button
            type="button"
            className="button button--ghost attainment-toggle"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide targets' : 'Targets'}
            <span className="visually-hidden">
              {' '}
              of {r.code} in {r.period}
            </span>
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="table__detail">
          <td colSpan={columns.length}>
            <TargetsTable row={r} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

export function AgreementsAttainment({
  search,
  setSearch,
}: {
  search: AgreementsAttainmentSearch;
  setSearch: (s: AgreementsAttainmentSearch) => void;
}) {
  const filters: Query = {
    from: search.from,
    to: search.to,
    period: search.period,
    service: search.service,
    orgUnit: search.orgUnit,
  };
  const [draft, setDraft] = useState<AgreementsAttainmentSearch>(search);
  const set = (key: keyof AgreementsAttainmentSearch) => (value: string) =>
    setDraft((d) => ({ ...d, [key]: value || undefined }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setSearch({ ...draft, sort: search.sort });
  };
  const report = useQuery({
    queryKey: ['/agreements/attainment', filters],
    queryFn: ({ signal }) =>
      request<AgreementAttainmentReport>('/agreements/attainment', { query: filters, signal }),
  });
  const data = report.data;
  const rows = useMemo(() => sortRows(data?.rows ?? [], search.sort), [data, search.sort]);
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <>
      <PageHeader
        title="Agreement attainment"
        description="Per agreement and review period: targets met, the compliance %, the money band reached, reward, penalty, cost of misses and net. Net = reward − penalty − cost of misses; negative is owed to the customer."
        actions={
          data && rows.length > 0 ? (
            <CsvButton
              rows={rows}
              name={`agreement-attainment-${data.from.slice(0, 10)}-${data.to.slice(0, 10)}.csv`}
            />
          ) : null
        }
      />
      <form className="card filters" onSubmit={apply} aria-label="Filter agreement attainment">
        <div className="filters__grid">
          <TextField
            label="From"
            hint="YYYY-MM-DD; empty: the last 4 completed periods"
            value={draft.from ?? ''}
            onChange={set('from')}
          />
          <TextField
            label="To (inclusive)"
            hint="YYYY-MM-DD"
            value={draft.to ?? ''}
            onChange={set('to')}
          />
          <SelectField
            label="Review period"
            value={draft.period ?? ''}
            onChange={set('period')}
            placeholder="Months and quarters"
            options={[
              { value: 'month', label: 'Monthly agreements' },
              { value: 'quarter', label: 'Quarterly agreements' },
            ]}
          />
          <TextField
            label="Service"
            value={draft.service ?? ''}
            onChange={set('service')}
            hint="slug, e.g. online-marketplace"
          />
          <OrgUnitSelect
            label="Customer"
            value={draft.orgUnit ?? ''}
            onChange={set('orgUnit')}
            placeholder="All customers"
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            Show
          </button>
          {filtered ? (
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                setDraft({});
                setSearch({ sort: search.sort });
              }}
            >
              Clear filters
            </button>
          ) : null}
        </div>
      </form>
      {report.isFetching ? (
        <Loading label="Measuring every agreement's targets from ticket history and outages…" />
      ) : null}
      {report.error ? <ErrorBanner error={report.error} /> : null}
      {data ? (
        rows.length === 0 ? (
          <Empty title="No agreement was in effect in this range">
            Widen the dates or clear the filters. Agreements count from their activation and
            effective date.
          </Empty>
        ) : (
          <>
            <p>
              {plural(new Set(rows.map((r) => r.agreementId)).size, 'agreement')},{' '}
              {plural(rows.length, 'period')} from {data.from.slice(0, 10)} to{' '}
              {data.to.slice(0, 10)} (exclusive); open tickets judged as of{' '}
              {data.at.slice(0, 16).replace('T', ' ')} UTC.
            </p>
            <Charts rows={rows} />
            <DataTable
              caption="Attainment per agreement and review period"
              columns={columns}
              sort={search.sort ?? 'code'}
              onSort={(sort) => setSearch({ ...search, sort })}
            >
              {rows.map((r) => (
                <Fragment key={`${r.agreementId}|${r.period}`}>
                  <RowLines r={r} />
                </Fragment>
              ))}
            </DataTable>
          </>
        )
      ) : null}
    </>
  );
}
